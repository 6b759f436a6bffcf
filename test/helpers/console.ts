// Signing in to the staff console and posting its forms, as a browser would, through app.request.
import { PASSWORD } from "./staff.ts";

type Requester = { request(input: string, init?: RequestInit): Response | Promise<Response> };

export interface ConsoleSession {
  cookie: string;
  /** GET a console page with the session. */
  get(path: string): Promise<Response>;
  /** POST a form with the session and the page's CSRF token (unless told otherwise). */
  post(path: string, fields: Record<string, string>, options?: { csrf?: string | null; origin?: string }): Promise<Response>;
  csrf: string;
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

export async function consoleSignIn(app: Requester, email: string, password = PASSWORD): Promise<ConsoleSession> {
  const res = await app.request("/staff/login", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: "http://localhost" },
    body: form({ email, password, next: "/staff" }),
  });
  if (res.status !== 303) throw new Error(`console sign-in failed: ${res.status} ${await res.text()}`);
  const cookie = /console_session=[^;]+/.exec(res.headers.get("set-cookie") ?? "")?.[0];
  if (!cookie) throw new Error("no session cookie");
  const get = (path: string) => Promise.resolve(app.request(path, { headers: { cookie } }));
  const page = await (await get("/staff")).text();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page)?.[1];
  if (!csrf) throw new Error("no CSRF token on the console page");
  return {
    cookie,
    csrf,
    get,
    post: (path, fields, options = {}) =>
      Promise.resolve(
        app.request(path, {
          method: "POST",
          headers: { cookie, "content-type": "application/x-www-form-urlencoded", origin: options.origin ?? "http://localhost" },
          body: form(options.csrf === null ? fields : { _csrf: options.csrf ?? csrf, ...fields }),
        }),
      ),
  };
}
