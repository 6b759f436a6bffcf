import type { Context } from "hono";
import type { z } from "zod";
import { cleanStrings } from "../cleanInput.ts";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/** A request the client can fix, answered as { error: { code, message } } with a 4xx status. */
export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "HttpError";
  }
}

export function errorBody(code: string, message: string) {
  return { error: { code, message } };
}

export function jsonError(c: Context, status: ContentfulStatusCode, code: string, message: string) {
  return c.json(errorBody(code, message), status);
}

/** Parses a JSON body; malformed JSON is the client's mistake, never a 500. */
export async function readJson(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, "invalid_json", "The request body is not valid JSON.");
  }
}

/**
 * Cleans every string of a body or query (cleanStrings: NUL, lone surrogates, control and bidi
 * characters) and validates it; the first problem becomes a 400 naming the field. Every route's
 * input passes here, so the cleaning happens once, at the boundary.
 */
export function parseOr400<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(cleanStrings(value));
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const where = issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
    throw new HttpError(400, "invalid_request", `${where}${issue.message}`);
  }
  return result.data;
}
