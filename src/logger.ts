import pino, { type Logger } from "pino";

/** JSON logs. Callers log ids, never names, seeker numbers, contacts or chat text. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: "soudan-yoyaku-bot" } });
}

export const silentLogger: Logger = pino({ level: "silent" });

/**
 * What a log line may say about an error: its class and the codes a driver or server gives, never
 * its message (a database error quotes the values it refused; drizzle's adds the query parameters).
 */
export function errorFields(error: unknown): { name: string; code?: string; constraint?: string; status?: number } {
  if (!(error instanceof Error)) return { name: typeof error };
  const e = error as { code?: unknown; constraint_name?: unknown; constraint?: unknown; status?: unknown; responseCode?: unknown; cause?: unknown };
  // drizzle wraps the driver's error (DrizzleQueryError): the code and constraint are on its cause.
  const inner = e.cause instanceof Error && e.code === undefined ? (e.cause as typeof e) : e;
  const code = typeof inner.code === "string" ? inner.code : typeof inner.code === "number" ? String(inner.code) : undefined;
  const constraint = typeof inner.constraint_name === "string" ? inner.constraint_name : typeof inner.constraint === "string" ? inner.constraint : undefined;
  const status = typeof e.status === "number" ? e.status : typeof e.responseCode === "number" ? e.responseCode : undefined;
  return {
    name: error.name,
    ...(code !== undefined ? { code } : {}),
    ...(constraint !== undefined ? { constraint } : {}),
    ...(status !== undefined ? { status } : {}),
  };
}
