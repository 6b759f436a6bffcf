/** @jsxImportSource hono/jsx */
// キャンセル待ち: who waits for which times in the caller's offices, by the first day and time wished,
// with each place's state (waiting, offered until when, and how it ended). Staff may take a place off
// the list when the seeker asks them to (the seeker's own 「キャンセル待ちをやめる」, audited as staff's).
import { Hono, type Context } from "hono";
import { findOffice } from "../../config.ts";
import type { AppDeps } from "../../http/app.ts";
import { actorOf, canSeeOffice } from "../../http/staff/auth.ts";
import { jstDate, jstTime } from "../../jst.ts";
import { liveWaitlistStatuses, waitlistStatuses, type WaitlistStatus } from "../../store/schema.ts";
import { findEntry, leaveWaitlist, waitlistForStaff, type StaffWaitlistRow } from "../../store/waitlist.ts";
import { wordsFor } from "../../i18n/index.ts";
import {
  addMenuEntry,
  counsellorName,
  CsrfField,
  dateText,
  FieldError,
  formField,
  instantText,
  Layout,
  Notice,
  officeName,
  page,
  slotText,
  visibleOffices,
  type PageContext,
} from "../layout.tsx";
import { BASE, type ConsoleEnv, type ConsoleStaff } from "../session.ts";
import { notFound } from "./booking.tsx";
import { realDate } from "../dates.ts";

addMenuEntry("waitlist", `${BASE}/waitlist`);

const PATH = `${BASE}/waitlist`;
/** Rows on the page at most; a waitlist this long is narrowed by its dates. */
const MAX_ROWS = 500;

type StatusChoice = "live" | WaitlistStatus;

interface WaitlistFilter {
  office?: string;
  from?: string;
  to?: string;
  status?: StatusChoice;
}

/** Reads the filters from the query; a value that makes no sense is dropped and named, never a 500. */
function readFilter(query: Record<string, string>, staff: ConsoleStaff, config: AppDeps["config"]): { filter: WaitlistFilter; invalid: Set<keyof WaitlistFilter> } {
  const invalid = new Set<keyof WaitlistFilter>();
  const filter: WaitlistFilter = {};
  if (query.office) {
    if (visibleOffices(config, staff).some((o) => o.id === query.office) && canSeeOffice(staff, query.office)) filter.office = query.office;
    else invalid.add("office");
  }
  for (const key of ["from", "to"] as const) {
    if (query[key]) {
      if (realDate.safeParse(query[key]).success) filter[key] = query[key];
      else invalid.add(key);
    }
  }
  if (filter.from && filter.to && filter.to < filter.from) {
    delete filter.to;
    invalid.add("to");
  }
  if (query.status) {
    if (query.status === "live" || (waitlistStatuses as readonly string[]).includes(query.status)) filter.status = query.status as StatusChoice;
    else invalid.add("status");
  }
  return { filter, invalid };
}

function filterQuery(filter: WaitlistFilter, extra: Record<string, string> = {}): string {
  const text = new URLSearchParams(Object.entries({ ...filter, ...extra }).filter(([, v]) => v) as [string, string][]).toString();
  return text ? `?${text}` : "";
}

function statusesOf(choice: StatusChoice | undefined): readonly WaitlistStatus[] {
  if (choice === "live") return liveWaitlistStatuses;
  return choice ? [choice] : waitlistStatuses;
}

/** A text answer the seeker gave when joining (they are erased once the place ends). */
function answer(row: StaffWaitlistRow, key: "name" | "seekerNumber"): string | undefined {
  const value = (row.entry.answers as Record<string, unknown> | null)?.[key];
  return typeof value === "string" && value ? value : undefined;
}

function wantedText(locale: PageContext["locale"], w: PageContext["w"], row: StaffWaitlistRow, withDay: boolean): string {
  const e = row.entry;
  const times = wordsFor(locale).formats.timeRange(e.fromTime, e.toTime);
  if (e.fromDate !== e.toDate) return w.waitlist.span(dateText(locale, e.fromDate), dateText(locale, e.toDate), times);
  return withDay ? `${dateText(locale, e.fromDate)} ${times}` : times;
}

function StatusCell(props: { ctx: PageContext; row: StaffWaitlistRow; now: Date }) {
  const { w, locale } = props.ctx;
  const t = w.waitlist;
  const { entry, offer } = props.row;
  const until = entry.offerExpiresAt;
  const untilText = until ? (jstDate(until) === jstDate(props.now) ? jstTime(until) : instantText(locale, until)) : undefined;
  return (
    <td>
      <span class={`status wl-${entry.status}`}>{t.statuses[entry.status]}</span>
      {entry.status === "offered" && untilText ? t.offeredUntil(untilText) : null}
      {offer && (entry.status === "offered" || entry.status === "accepted") ? (
        <div class="hint">
          {t.offeredSlot(slotText(locale, offer.startsAt, offer.endsAt))}
          {entry.status === "accepted" && offer.status !== "held" && offer.status !== "expired" ? (
            <>
              {" "}
              <a href={`${BASE}/bookings/${offer.id}`}>{offer.reference}</a>
            </>
          ) : null}
        </div>
      ) : null}
    </td>
  );
}

function DayTable(props: { ctx: PageContext; deps: AppDeps; day: string; rows: StaffWaitlistRow[]; now: Date; showOffice: boolean; back: string }) {
  const { ctx, deps } = props;
  const { w, locale } = ctx;
  const t = w.waitlist;
  return (
    <table class="list waitlist">
      <caption>{t.dayCaption(dateText(locale, props.day), props.rows.length)}</caption>
      <thead>
        <tr>
          <th scope="col">{t.position}</th>
          <th scope="col">{t.wanted}</th>
          {props.showOffice ? <th scope="col">{t.office}</th> : null}
          <th scope="col">{t.counsellor}</th>
          <th scope="col">{t.name}</th>
          <th scope="col">{t.channel}</th>
          <th scope="col">{t.joined}</th>
          <th scope="col">{t.status}</th>
          <th scope="col">{t.action}</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => {
          const e = row.entry;
          const name = answer(row, "name");
          const number = answer(row, "seekerNumber");
          const live = row.position !== null;
          const office = findOffice(deps.config, e.officeId);
          return (
            <tr class={live ? undefined : "ended"}>
              <td>{row.position !== null ? t.positionText(row.position) : "―"}</td>
              <td>{wantedText(locale, w, row, false)}</td>
              {props.showOffice ? <td>{officeName(deps.config, locale, e.officeId)}</td> : null}
              <td>{e.counsellorId ? counsellorName(office, locale, e.counsellorId) : t.anyone}</td>
              <td>{number ? <a href={`${BASE}/seekers?number=${encodeURIComponent(number)}`}>{name ?? number}</a> : (name ?? "―")}</td>
              <td>
                {w.channel[e.channel] ?? e.channel}
                <div>
                  <a href={`${BASE}/conversations/${e.conversationId}`}>{t.openChat}</a>
                </div>
              </td>
              <td>{instantText(locale, e.createdAt)}</td>
              <StatusCell ctx={ctx} row={row} now={props.now} />
              <td>
                {live ? (
                  <form method="post" action={`${PATH}/${e.id}/remove`} class="inline">
                    <CsrfField ctx={ctx} />
                    <input type="hidden" name="back" value={props.back} />
                    <button type="submit" class="secondary" aria-label={t.removeLabel(wantedText(locale, w, row, true), t.positionText(row.position!))}>
                      {t.remove}
                    </button>
                  </form>
                ) : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function Filters(props: { ctx: PageContext; filter: WaitlistFilter; invalid: Set<keyof WaitlistFilter>; offices: AppDeps["config"]["offices"] }) {
  const { w, locale } = props.ctx;
  const t = w.waitlist;
  const f = props.filter;
  const wrong = (key: keyof WaitlistFilter) => (props.invalid.has(key) ? "true" : undefined);
  const label = { office: t.office, from: t.from, to: t.to, status: t.status };
  return (
    <form method="get" action={PATH} class="filters" role="search" aria-label={t.filters}>
      {props.offices.length > 1 ? (
        <p>
          <label for="w-office">{t.office}</label>
          <select id="w-office" name="office" aria-invalid={wrong("office")}>
            <option value="">{t.allOffices}</option>
            {props.offices.map((o) => (
              <option value={o.id} selected={f.office === o.id}>
                {o.name[locale]}
              </option>
            ))}
          </select>
        </p>
      ) : null}
      <p>
        <label for="w-from">{t.from}</label>
        <input id="w-from" name="from" type="date" value={f.from ?? ""} aria-invalid={wrong("from")} />
      </p>
      <p>
        <label for="w-to">{t.to}</label>
        <input id="w-to" name="to" type="date" value={f.to ?? ""} aria-invalid={wrong("to")} />
      </p>
      <p>
        <label for="w-status">{t.status}</label>
        <select id="w-status" name="status" aria-invalid={wrong("status")}>
          <option value="">{t.anyStatus}</option>
          <option value="live" selected={f.status === "live"}>
            {t.live}
          </option>
          {waitlistStatuses.map((s) => (
            <option value={s} selected={f.status === s}>
              {t.statuses[s]}
            </option>
          ))}
        </select>
      </p>
      <p class="buttons">
        <button type="submit">{t.apply}</button>
        <a href={PATH}>{t.reset}</a>
      </p>
      {[...props.invalid].map((key) => (
        <FieldError id={`w-${key}-error`} message={`${label[key]}: ${w.queue.filterDropped}`} />
      ))}
    </form>
  );
}

export function waitlistRoutes(deps: AppDeps) {
  const { config, clock, store } = deps;

  async function listPage(c: Context<ConsoleEnv>, query: Record<string, string>, state: { done?: string; error?: string }, status: 200 | 400 | 409 = 200) {
    const staff = c.get("staff");
    const w = c.get("w");
    const locale = c.get("locale");
    const t = w.waitlist;
    const now = clock();
    const { filter, invalid } = readFilter(query, staff, config);
    const from = filter.from ?? jstDate(now);
    const shown: WaitlistFilter = { ...filter, from };
    const rows = await waitlistForStaff(store.db, {
      officeId: filter.office ?? (staff.role === "admin" ? undefined : staff.officeId!),
      from,
      to: filter.to,
      statuses: statusesOf(filter.status),
      limit: MAX_ROWS,
    });
    // A place is listed under the first day it wishes that is shown (a span begun earlier, under the first shown).
    const days = new Map<string, StaffWaitlistRow[]>();
    for (const row of rows) {
      const day = row.entry.fromDate < from ? from : row.entry.fromDate;
      days.set(day, [...(days.get(day) ?? []), row]);
    }
    const offices = visibleOffices(config, staff);
    const back = filterQuery(filter);
    const ctx: PageContext = { w, locale, staff, csrf: c.get("csrf"), here: `${PATH}${filterQuery(filter, state.done ? { done: state.done } : {})}` };
    return c.html(
      page(
        <Layout ctx={ctx} title={t.title} active="waitlist" live="bookings">
          {state.done === "removed" ? <Notice kind="ok">{t.removed}</Notice> : null}
          {state.error ? <Notice kind="error">{state.error}</Notice> : null}
          <p class="hint">{t.lead}</p>
          <Filters ctx={ctx} filter={shown} invalid={invalid} offices={offices} />
          <div id="live-region">
            {rows.length === 0 ? (
              <p class="empty">{t.empty}</p>
            ) : (
              <>
                <p class="hint">{t.removeHelp}</p>
                {rows.length >= MAX_ROWS ? <p class="notice error">{t.capped(MAX_ROWS)}</p> : null}
                {[...days].map(([day, dayRows]) => (
                  <section aria-label={dateText(locale, day)}>
                    <h2>{dateText(locale, day)}</h2>
                    <DayTable ctx={ctx} deps={deps} day={day} rows={dayRows} now={now} showOffice={offices.length > 1 && !filter.office} back={back} />
                  </section>
                ))}
              </>
            )}
          </div>
        </Layout>,
      ),
      invalid.size > 0 ? 400 : status,
    );
  }

  return new Hono<ConsoleEnv>()
    .get("/waitlist", (c) => {
      const done = c.req.query("done");
      return listPage(c, c.req.query(), { done: done === "removed" ? done : undefined });
    })
    .post("/waitlist/:id/remove", async (c) => {
      const staff = c.get("staff");
      const form = await c.req.parseBody();
      const back = Object.fromEntries(new URLSearchParams(formField(form, "back").replace(/^\?/, "")));
      const { filter } = readFilter(back, staff, config);
      const entry = await findEntry(store.db, c.req.param("id"));
      if (!entry) return notFound(c, "notFound");
      if (!canSeeOffice(staff, entry.officeId)) return notFound(c, "forbidden");
      // The seeker's own leaving, done for them: an offer open to them goes on to the next person.
      const left = await leaveWaitlist(store.db, { entryId: entry.id, conversationId: entry.conversationId, now: clock(), actor: actorOf(staff) });
      if (!left) return listPage(c, filter as Record<string, string>, { error: c.get("w").waitlist.errors.gone }, 409);
      return c.redirect(`${PATH}${filterQuery(filter, { done: "removed" })}`, 303);
    });
}
