/** @jsxImportSource hono/jsx */
// The audit log for admins: who did what, and who read whose details, newest first, filtered by
// person and date range (in the URL, so a view can be bookmarked), fifty entries a page.
import { Hono, type Context } from "hono";
import type { AppDeps } from "../../http/app.ts";
import { addDays, jstInstant } from "../../jst.ts";
import { listAudit, type AuditRow } from "../../store/audit.ts";
import { staffDirectory } from "../../store/staff.ts";
import { instantText, addMenuEntry, FieldError, Layout, page, type PageContext } from "../layout.tsx";
import { BASE, type ConsoleEnv } from "../session.ts";
import { notFound } from "./booking.tsx";
import { realDate } from "../dates.ts";

addMenuEntry("audit", `${BASE}/audit`, true);

const PER_PAGE = 50;

interface AuditQuery {
  who?: string;
  kind?: "reads" | "changes";
  from?: string;
  to?: string;
  page: number;
}

function hrefOf(q: AuditQuery): string {
  const params = new URLSearchParams();
  if (q.who) params.set("who", q.who);
  if (q.kind) params.set("kind", q.kind);
  if (q.from) params.set("from", q.from);
  if (q.to) params.set("to", q.to);
  if (q.page > 1) params.set("page", String(q.page));
  const text = params.toString();
  return `${BASE}/audit${text ? `?${text}` : ""}`;
}

/** Where an entry points: the booking or chat page, when there is one. */
function Target(props: { ctx: PageContext; row: AuditRow }) {
  const { row, ctx } = props;
  const label = ctx.w.audit.entities[row.entity] ?? row.entity;
  if (row.entity === "booking") return <a href={`${BASE}/bookings/${row.entityId}`}>{`${label} ${row.reference ?? row.entityId.slice(0, 8)}`}</a>;
  if (row.entity === "conversation") return <a href={`${BASE}/conversations/${row.entityId}`}>{`${label} ${row.entityId.slice(0, 8)}`}</a>;
  return <>{`${label} ${row.entityId.slice(0, 8)}`}</>;
}

function actorText(ctx: PageContext, row: AuditRow): string {
  if (row.staffEmail) return row.staffEmail;
  const kind = row.actor.split(":")[0] ?? row.actor;
  return ctx.w.audit.actors[kind] ?? row.actor;
}

/** The before and after of a change, as short key=value text (the log holds statuses and slots, never a name). */
function changeText(row: AuditRow): string {
  const part = (value: unknown) =>
    value && typeof value === "object"
      ? Object.entries(value as Record<string, unknown>)
          .map(([k, v]) => `${k}=${typeof v === "object" && v !== null ? JSON.stringify(v) : String(v)}`)
          .join(", ")
      : "";
  const before = part(row.before);
  const after = part(row.after);
  return before && after ? `${before} → ${after}` : before || after;
}

export function auditRoutes(deps: AppDeps) {
  return new Hono<ConsoleEnv>().get("/audit", async (c: Context<ConsoleEnv>) => {
    const staff = c.get("staff");
    if (staff.role !== "admin") return notFound(c, "forbidden");
    const w = c.get("w");
    const t = w.audit;
    const url = new URL(c.req.url);
    const ctx: PageContext = { w, locale: c.get("locale"), staff, csrf: c.get("csrf"), here: `${url.pathname}${url.search}` };
    const people = await staffDirectory(deps.store.db);
    const raw = c.req.query();
    const invalid: string[] = [];
    const q: AuditQuery = { page: 1 };
    if (raw.who) {
      const person = people.find((p) => p.email === raw.who!.trim().toLowerCase());
      if (person) q.who = person.email;
      else invalid.push(t.person);
    }
    if (raw.kind) {
      if (raw.kind === "reads" || raw.kind === "changes") q.kind = raw.kind;
      else invalid.push(t.kind);
    }
    for (const key of ["from", "to"] as const) {
      if (raw[key]) {
        if (realDate.safeParse(raw[key]).success) q[key] = raw[key];
        else invalid.push(t[key]);
      }
    }
    if (raw.page) {
      if (/^\d{1,6}$/.test(raw.page) && Number(raw.page) >= 1) q.page = Number(raw.page);
      else invalid.push(w.queue.pages);
    }
    const rows = await listAudit(deps.store.db, {
      staffId: q.who ? people.find((p) => p.email === q.who)!.id : undefined,
      kind: q.kind,
      from: q.from ? jstInstant(q.from) : undefined,
      until: q.to ? jstInstant(addDays(q.to, 1)) : undefined,
      offset: (q.page - 1) * PER_PAGE,
      limit: PER_PAGE + 1,
    });
    const more = rows.length > PER_PAGE;
    const shown = rows.slice(0, PER_PAGE);
    const first = (q.page - 1) * PER_PAGE + 1;
    return c.html(
      page(
        <Layout ctx={ctx} title={t.title} active="audit">
          <form method="get" action={`${BASE}/audit`} class="filters" role="search" aria-label={t.filters}>
            <p>
              <label for="a-who">{t.person}</label>
              <select id="a-who" name="who" aria-invalid={raw.who && !q.who ? "true" : undefined}>
                <option value="">{t.anyone}</option>
                {people.map((p) => (
                  <option value={p.email} selected={q.who === p.email}>
                    {p.email}
                  </option>
                ))}
              </select>
            </p>
            <p>
              <label for="a-kind">{t.kind}</label>
              <select id="a-kind" name="kind">
                {(["all", "reads", "changes"] as const).map((k) => (
                  <option value={k === "all" ? "" : k} selected={(q.kind ?? "all") === k}>
                    {t.kinds[k]}
                  </option>
                ))}
              </select>
            </p>
            <p>
              <label for="a-from">{t.from}</label>
              <input id="a-from" name="from" type="date" value={q.from ?? ""} aria-invalid={raw.from && !q.from ? "true" : undefined} />
            </p>
            <p>
              <label for="a-to">{t.to}</label>
              <input id="a-to" name="to" type="date" value={q.to ?? ""} aria-invalid={raw.to && !q.to ? "true" : undefined} />
            </p>
            <p class="buttons">
              <button type="submit">{t.apply}</button>
              <a href={`${BASE}/audit`}>{t.reset}</a>
            </p>
            {invalid.map((label, i) => (
              <FieldError id={`a-invalid-${i}`} message={t.invalid(label)} />
            ))}
          </form>
          {shown.length === 0 ? (
            <p class="empty">{t.empty}</p>
          ) : (
            <table class="list">
              <caption>{t.range(first, first + shown.length - 1)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.at}</th>
                  <th scope="col">{t.who}</th>
                  <th scope="col">{t.action}</th>
                  <th scope="col">{t.target}</th>
                  <th scope="col">{t.detail}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((row) => (
                  <tr>
                    <td>{instantText(ctx.locale, row.at)}</td>
                    <td>{actorText(ctx, row)}</td>
                    <td>{t.actions[row.action] ?? row.action}</td>
                    <td>
                      <Target ctx={ctx} row={row} />
                    </td>
                    <td class="audit-detail">{changeText(row)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {q.page > 1 || more ? (
            <nav class="pager" aria-label={w.queue.pages}>
              {q.page > 1 ? <a href={hrefOf({ ...q, page: q.page - 1 })}>{w.queue.prev}</a> : null}
              {more ? <a href={hrefOf({ ...q, page: q.page + 1 })}>{w.queue.next}</a> : null}
            </nav>
          ) : null}
        </Layout>,
      ),
      invalid.length > 0 ? 400 : 200,
    );
  });
}
