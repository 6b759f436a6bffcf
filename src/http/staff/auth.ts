// Who is calling the staff API: a bearer token, or the session cookie the console will use.
import type { Context, MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import type { z } from "zod";
import { staffOfSession, type StaffUser } from "../../store/staff.ts";
import type { AppDeps } from "../app.ts";
import { HttpError, parseOr400, readJson } from "../errors.ts";

export const SESSION_COOKIE = "staff_session";

export interface StaffPrincipal {
  id: string;
  role: StaffUser["role"];
  /** null for an admin, who sees every office. */
  officeId: string | null;
  token: string;
}

export type StaffEnv = { Variables: { staff: StaffPrincipal } };

export function actorOf(staff: StaffPrincipal): string {
  return `staff:${staff.id}`;
}

export function canSeeOffice(staff: StaffPrincipal, officeId: string | null): boolean {
  return staff.role === "admin" || (staff.officeId !== null && staff.officeId === officeId);
}

export function assertOffice(staff: StaffPrincipal, officeId: string | null): void {
  if (!canSeeOffice(staff, officeId)) throw new HttpError(403, "forbidden", "This belongs to another office.");
}

/** The session token a request carries: the bearer token, else the console's cookie. */
export function tokenOf(c: Context): string | undefined {
  const header = c.req.header("authorization");
  if (header) {
    const match = /^Bearer\s+([A-Za-z0-9_-]{20,200})\s*$/i.exec(header);
    return match?.[1];
  }
  return getCookie(c, SESSION_COOKIE);
}

export function requireStaff(deps: Pick<AppDeps, "store" | "clock">): MiddlewareHandler<StaffEnv> {
  return async (c, next) => {
    const token = tokenOf(c);
    const user = token ? await staffOfSession(deps.store.db, token, deps.clock()) : undefined;
    if (!user || !token) throw new HttpError(401, "unauthorized", "Log in first: send the token from POST /api/staff/login as a bearer token.");
    if (user.role === "staff" && !user.officeId) throw new HttpError(403, "forbidden", "This account has no office.");
    c.set("staff", { id: user.id, role: user.role, officeId: user.officeId, token });
    await next();
  };
}

/** Parses a value with zod; the first problem becomes a 400 naming the field. */
export { parseOr400 };

export async function body<T extends z.ZodType>(c: Context, schema: T): Promise<z.infer<T>> {
  return parseOr400(schema, await readJson(c));
}
