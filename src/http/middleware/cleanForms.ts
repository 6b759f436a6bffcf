import type { MiddlewareHandler } from "hono";
import { cleanInput } from "../../cleanInput.ts";

const FORM = /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i;

/**
 * The cleaning step for form posts (the console): every text field is cleaned once, here, and
 * handed to the route's parseBody in place of the raw form. JSON bodies and queries are cleaned by
 * parseOr400.
 */
export function cleanForms(): MiddlewareHandler {
  return async (c, next) => {
    if (FORM.test(c.req.header("content-type") ?? "")) {
      let raw: FormData | undefined;
      try {
        raw = await c.req.formData();
      } catch {
        // A malformed form is the route's to refuse; parseBody will find it as it is.
      }
      if (raw) {
        const clean = new FormData();
        raw.forEach((value, name) => clean.append(cleanInput(name), typeof value === "string" ? cleanInput(value) : value));
        // parseBody reads the form from this cache; Hono keeps a promise there, whatever its type says.
        (c.req.bodyCache as { formData?: Promise<FormData> }).formData = Promise.resolve(clean);
      }
    }
    await next();
  };
}
