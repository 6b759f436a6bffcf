import type { BotMessage, Locale } from "../../src/messages.ts";

export type Mode = "bot" | "handoff";
export type Reply = { kind: "text"; text: string } | { kind: "choice"; value: string } | { kind: "datetime"; value: string };

export interface HistoryEntry {
  author: "user" | "bot" | "staff";
  at: string;
  message?: BotMessage;
  inbound?: Reply;
}

/** Why a call failed, in the terms the panel shows to a person. */
export type Failure = { kind: "offline" } | { kind: "rateLimited"; seconds: number } | { kind: "gone" } | { kind: "failed" };

export class ApiFailure extends Error {
  constructor(readonly failure: Failure) {
    super(failure.kind);
  }
}

export function chatApi(base: string) {
  async function call<T>(method: string, path: string, token?: string, body?: unknown): Promise<T> {
    let res: Response;
    try {
      res = await fetch(`${base}/api/chat/sessions${path}`, {
        method,
        headers: { ...(body ? { "content-type": "application/json" } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
    } catch {
      throw new ApiFailure({ kind: "offline" });
    }
    if (res.status === 429) throw new ApiFailure({ kind: "rateLimited", seconds: Math.max(1, Math.min(3600, Number(res.headers.get("retry-after")) || 30)) });
    if (res.status === 401 || res.status === 404) throw new ApiFailure({ kind: "gone" });
    if (!res.ok) throw new ApiFailure({ kind: res.status >= 500 ? "offline" : "failed" });
    try {
      return (await res.json()) as T;
    } catch {
      throw new ApiFailure({ kind: "offline" });
    }
  }
  return {
    start: (office: string | undefined, locale: Locale, manage?: string) =>
      call<{ sessionId: string; token: string; messages: BotMessage[] }>("POST", "", undefined, { ...(office ? { office } : {}), locale, ...(manage ? { manage } : {}) }),
    send: (id: string, token: string, reply: Reply) => {
      const body = reply.kind === "text" ? { text: reply.text } : reply.kind === "choice" ? { choice: reply.value } : { datetime: reply.value };
      return call<{ messages: BotMessage[]; mode: Mode }>("POST", `/${encodeURIComponent(id)}/messages`, token, body);
    },
    history: (id: string, token: string) =>
      call<{ messages: HistoryEntry[]; mode: Mode; locale: Locale }>("GET", `/${encodeURIComponent(id)}`, token),
  };
}

export type ChatApi = ReturnType<typeof chatApi>;
