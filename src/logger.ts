import pino, { type Logger } from "pino";

/** JSON logs. Callers log ids, never names, seeker numbers, contacts or chat text. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: "soudan-yoyaku-bot" } });
}

export const silentLogger: Logger = pino({ level: "silent" });
