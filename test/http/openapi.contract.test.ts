import SwaggerParser from "@apidevtools/swagger-parser";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { beforeAll, describe, expect, it } from "vitest";
import { buildTestApp } from "../helpers/app.ts";
import { startChat } from "../helpers/chat.ts";
import { tuesdayTen } from "../helpers/staff.ts";
import { storeKinds, useStore } from "../helpers/stores.ts";

type Doc = { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>> };

/** Routes that are not part of the JSON API: the console's HTML pages and the widget's files. */
const undocumented = [/^\/staff(\/|$)/, /^\/widget\.js$/, /^\/$/];

/** Each documented operation, and real requests to it (what the test expects back is the document). */
type Recipe = (app: Awaited<ReturnType<typeof buildTestApp>>["app"]) => Promise<Response[]>;
const json = (body: unknown, headers: Record<string, string> = {}) => ({ method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });

const recipes: Record<string, Recipe> = {
  "get /healthz": async (app) => [await app.request("/healthz")],
  "get /readyz": async (app) => [await app.request("/readyz")],
  "get /metrics": async (app) => [await app.request("/metrics")],
  "post /line/webhook": async (app) => [await app.request("/line/webhook", json({ destination: "U0", events: [] }, { "x-line-signature": "x" }))],
  "get /api/openapi.json": async (app) => [await app.request("/api/openapi.json")],
  "post /api/chat/sessions": async (app) => [await app.request("/api/chat/sessions", json({ locale: "en" })), await app.request("/api/chat/sessions", json({ locale: "fr" }))],
  "post /api/chat/sessions/{id}/messages": async (app) => {
    const chat = await startChat(app);
    const path = `/api/chat/sessions/${chat.sessionId}/messages`;
    return [
      await app.request(path, json({ text: "予約したい" }, { authorization: `Bearer ${chat.token}` })),
      await app.request(path, json({ text: "予約したい" })),
      await app.request(path, json({ colour: "blue" }, { authorization: `Bearer ${chat.token}` })),
    ];
  },
  "get /api/chat/sessions/{id}": async (app) => {
    const chat = await startChat(app);
    await chat.say("予約したい");
    const path = `/api/chat/sessions/${chat.sessionId}`;
    return [await app.request(path, { headers: { authorization: `Bearer ${chat.token}` } }), await app.request(`/api/chat/sessions/${crypto.randomUUID()}`)];
  },
};

describe("the OpenAPI document", () => {
  const store = useStore(storeKinds[0]!, { resetEach: false });
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let doc: Doc;
  beforeAll(async () => {
    t = await buildTestApp(store, { now: tuesdayTen });
    doc = (await (await t.app.request("/api/openapi.json")).json()) as Doc;
  });

  it("is a valid OpenAPI 3.1 document", async () => {
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeTruthy();
  });

  it("documents every route of the app, and every documented route exists", () => {
    const served = new Set(
      t.app.routes
        .filter((r) => r.method !== "ALL" && !undocumented.some((pattern) => pattern.test(r.path)))
        .map((r) => `${r.method.toLowerCase()} ${r.path.replaceAll(/:([^/]+)/g, "{$1}")}`),
    );
    const documented = new Set(Object.entries(doc.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method} ${path}`)));
    expect([...documented].sort()).toEqual([...served].sort());
  });

  it("describes the real answers of every documented route", async () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    ajv.addSchema(doc, "openapi.json");
    // The staff API's part is still written by hand; its routes come with their declared schemas.
    const operations = Object.entries(doc.paths).filter(([path]) => !path.startsWith("/api/staff/")).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ key: `${method} ${path}`, path, method, op })));
    const pointer = (...parts: string[]) => parts.map((p) => p.replaceAll("~", "~0").replaceAll("/", "~1")).join("/");
    for (const { key, path, method, op } of operations) {
      const recipe = recipes[key];
      expect(recipe, `a request recipe for ${key}`).toBeDefined();
      for (const res of await recipe!(t.app)) {
        const status = String(res.status);
        const response = op.responses[status];
        expect(response, `${key} answered ${status}, which the document does not list`).toBeDefined();
        const [mediaType] = Object.keys(response!.content ?? {});
        if (!mediaType) continue;
        expect(res.headers.get("content-type") ?? "").toContain(mediaType);
        const validate = ajv.getSchema(`openapi.json#/${pointer("paths", path, method, "responses", status, "content", mediaType, "schema")}`)!;
        const body = mediaType.includes("json") ? await res.json() : await res.text();
        expect(validate(body), `${key} ${status}: ${ajv.errorsText(validate.errors)}`).toBe(true);
      }
    }
  });
});
