import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

/**
 * What this process counts as it goes: requests, calls to LINE, webhook events. Every label is a
 * route pattern, a status, a kind or an outcome from a fixed list: never a path, an id or anything
 * a person typed.
 */
export const processRegistry = new Registry();

let defaultsOn = false;
/** Node's own figures (CPU, memory, event loop, handles), once per process, when metrics are served. */
export function collectProcessMetrics(): void {
  if (defaultsOn) return;
  defaultsOn = true;
  collectDefaultMetrics({ register: processRegistry });
}

const registers = [processRegistry];

export const httpRequests = new Counter({
  name: "soudan_http_requests_total",
  help: "HTTP requests answered, by method, route pattern and status.",
  labelNames: ["method", "route", "status"] as const,
  registers,
});

export const httpDuration = new Histogram({
  name: "soudan_http_request_duration_seconds",
  help: "Time to answer an HTTP request, by method and route pattern.",
  labelNames: ["method", "route"] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers,
});

export const lineApiEndpoints = ["reply", "push", "loading", "profile", "mark_as_read", "quota", "quota_consumption"] as const;
export type LineApiEndpoint = (typeof lineApiEndpoints)[number];

export const lineApiCalls = new Counter({
  name: "soudan_line_api_calls_total",
  help: "Calls to LINE's Messaging API, by endpoint and outcome (ok, invalid_reply_token, already_sent, retryable, rejected).",
  labelNames: ["endpoint", "outcome"] as const,
  registers,
});

export const lineWebhookEvents = new Counter({
  name: "soudan_line_webhook_events_total",
  help: "Events received on the LINE webhook: stored (new), redelivered (already stored, skipped), spooled (kept on disk while the database was away) or replayed (stored from the spool).",
  labelNames: ["result"] as const,
  registers,
});

export const lineSpoolBytes = new Gauge({
  name: "soudan_line_spool_bytes",
  help: "Bytes of LINE deliveries kept on disk while the database could not take them (0 when none wait).",
  registers,
});

export const lineSpoolFull = new Counter({
  name: "soudan_line_spool_full_total",
  help: "LINE deliveries refused with 503 because the spool had reached LINE_SPOOL_MAX_BYTES.",
  registers,
});

let lineParts: () => number = () => 0;
/** How many parts of the LINE users this process answers now (set by the LINE processing, 0 before). */
export function reportLineParts(count: () => number): void {
  lineParts = count;
}

export const lineUserParts = new Gauge({
  name: "soudan_line_user_parts",
  help: "Parts (of 64) of the LINE users whose events this process answers now: all 64 when alone or on the embedded store, its share beside other processes, 0 when it answers none.",
  registers,
  collect() {
    this.set(lineParts());
  },
});

export const lineEventsHandled = new Counter({
  name: "soudan_line_events_handled_total",
  help: "Stored LINE events this process handled: done (answered, or nothing to answer), retry (failed, tried again later) or given_up.",
  labelNames: ["outcome"] as const,
  registers,
});

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
/** A method from the fixed list, so a client sending made-up methods cannot add series. */
export function methodLabel(method: string): string {
  return METHODS.has(method) ? method : "OTHER";
}
