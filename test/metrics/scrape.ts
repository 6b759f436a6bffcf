import { expect } from "vitest";

type AnyApp = { request(path: string, init?: RequestInit): Response | Promise<Response> };

/** GETs /metrics and reads each sample as `name{labels}` → value. */
export async function scrape(app: AnyApp, token?: string): Promise<{ text: string; value(series: string): number }> {
  const res = await app.request("/metrics", token ? { headers: { authorization: `Bearer ${token}` } } : {});
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("text/plain");
  const text = await res.text();
  const samples = new Map<string, number>();
  for (const line of text.split("\n")) {
    if (line === "" || line.startsWith("#")) continue;
    const at = line.lastIndexOf(" ");
    samples.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return { text, value: (series) => samples.get(series) ?? 0 };
}
