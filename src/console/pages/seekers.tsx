/** @jsxImportSource hono/jsx */
// Seekers: look one up by seeker number to see their bookings and no-show record. Looking is an
// audited read; clearing the record (so they may book online again) is an admin's action, audited.
import { Hono, type Context } from "hono";
import { HttpError } from "../../http/errors.ts";
import type { AppDeps } from "../../http/app.ts";
import { seekerActions, type SeekerRecord } from "../../http/staff/seekerActions.ts";
import { parseSeekerNumber } from "../../nlu/index.ts";
import { instantText, addMenuEntry, counsellorName, CsrfField, FieldError, Layout, Notice, officeName, page, slotText, type PageContext } from "../layout.tsx";
import { BASE, type ConsoleEnv } from "../session.ts";
import { notFound } from "./booking.tsx";

addMenuEntry("seekers", `${BASE}/seekers`);

function SeekersPage(props: { ctx: PageContext; deps: AppDeps; typed: string; error?: string; record?: SeekerRecord; done?: string }) {
  const { ctx, record } = props;
  const { w, locale } = ctx;
  const t = w.seekers;
  const isAdmin = ctx.staff?.role === "admin";
  return (
    <Layout ctx={ctx} title={t.title} active="seekers">
      {props.done === "cleared" ? <Notice kind="ok">{t.cleared}</Notice> : null}
      <form method="get" action={`${BASE}/seekers`} class="filters" role="search" aria-label={t.search}>
        <p>
          <label for="number">{t.number}</label>
          <input
            id="number"
            name="number"
            type="search"
            value={props.typed}
            placeholder="42010-1234567"
            aria-invalid={props.error ? "true" : undefined}
            aria-describedby={props.error ? "number-error" : undefined}
          />
          <FieldError id="number-error" message={props.error} />
        </p>
        <p class="buttons">
          <button type="submit">{t.search}</button>
        </p>
      </form>
      {record ? (
        <>
          <section aria-labelledby="standing-heading">
            <h2 id="standing-heading">{t.standing(record.seekerNumber)}</h2>
            <p class="hint">{w.booking.readAudited}</p>
            <dl class="details">
              <dt>{t.noShows}</dt>
              <dd>{t.noShowCount(record.noShows, props.deps.config.NO_SHOW_WINDOW_DAYS)}</dd>
              <dt>{t.online}</dt>
              <dd>{record.suspended ? <strong class="bad">{t.suspended}</strong> : t.allowed}</dd>
              <dt>{t.lastCleared}</dt>
              <dd>{record.clearances[0] ? t.clearedBy(instantText(locale, record.clearances[0].clearedAt), record.clearances[0].staffEmail ?? w.booking.actors.staffGone!) : <span class="none">{w.booking.none}</span>}</dd>
            </dl>
            {isAdmin ? (
              <form method="post" action={`${BASE}/seekers/${encodeURIComponent(record.seekerNumber)}/clear`} class="card">
                <CsrfField ctx={ctx} />
                <h3>{t.clear}</h3>
                <p class="hint">{t.clearHelp}</p>
                <button type="submit">{t.clear}</button>
              </form>
            ) : (
              <p class="hint">{t.adminOnly}</p>
            )}
          </section>
          <section aria-labelledby="seeker-bookings-heading">
            <h2 id="seeker-bookings-heading">{t.bookings}</h2>
            {record.bookings.length === 0 ? (
              <p class="empty">{t.noBookings}</p>
            ) : (
              <table class="list">
                <caption>{w.queue.range(record.bookings.length, 1, record.bookings.length)}</caption>
                <thead>
                  <tr>
                    <th scope="col">{w.queue.reference}</th>
                    <th scope="col">{w.queue.when}</th>
                    <th scope="col">{w.queue.office}</th>
                    <th scope="col">{w.queue.counsellor}</th>
                    <th scope="col">{w.queue.name}</th>
                    <th scope="col">{w.queue.status}</th>
                  </tr>
                </thead>
                <tbody>
                  {record.bookings.map((b) => (
                    <tr>
                      <td>
                        <a href={`${BASE}/bookings/${b.id}`}>{b.reference}</a>
                      </td>
                      <td>{slotText(locale, b.startsAt, b.endsAt)}</td>
                      <td>{officeName(props.deps.config, locale, b.officeId)}</td>
                      <td>{counsellorName(props.deps.config.offices.find((o) => o.id === b.officeId), locale, b.counsellorId)}</td>
                      <td>{b.name ?? "―"}</td>
                      <td>
                        <span class={`status ${b.status}`}>{w.status[b.status]}</span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </>
      ) : null}
    </Layout>
  );
}

export function seekerRoutes(deps: AppDeps) {
  const seekers = seekerActions(deps);

  function ctxOf(c: Context<ConsoleEnv>): PageContext {
    const url = new URL(c.req.url);
    return { w: c.get("w"), locale: c.get("locale"), staff: c.get("staff"), csrf: c.get("csrf"), here: `${url.pathname}${url.search}` };
  }

  return new Hono<ConsoleEnv>()
    .get("/seekers", async (c) => {
      const typed = (c.req.query("number") ?? "").slice(0, 40);
      if (!typed.trim()) return c.html(page(<SeekersPage ctx={ctxOf(c)} deps={deps} typed="" />));
      const parsed = parseSeekerNumber(typed);
      if (!parsed.ok) return c.html(page(<SeekersPage ctx={ctxOf(c)} deps={deps} typed={typed} error={c.get("w").seekers.invalid} />), 400);
      const record = await seekers.lookup(c.get("staff"), parsed.value);
      const done = c.req.query("done");
      return c.html(page(<SeekersPage ctx={ctxOf(c)} deps={deps} typed={parsed.value} record={record} done={done} />));
    })
    .post("/seekers/:number/clear", async (c) => {
      const parsed = parseSeekerNumber(c.req.param("number"));
      if (!parsed.ok) return notFound(c, "notFound");
      try {
        await seekers.clear(c.get("staff"), parsed.value);
      } catch (error) {
        if (error instanceof HttpError && error.status === 403) return notFound(c, "forbidden");
        throw error;
      }
      return c.redirect(`${BASE}/seekers?number=${encodeURIComponent(parsed.value)}&done=cleared`, 303);
    });
}
