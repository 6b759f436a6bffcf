/** @jsxImportSource hono/jsx */
// The calendar: a day or a week of one office, each counsellor's slots by the booking rules, what is
// free and taken, the bookings by status (linked to their page), closures and absences. The date, the
// view and the office live in the URL. The grid is a plain table so screen readers can walk it.
import { Hono, type Context } from "hono";
import { findOffice, type Office } from "../../config.ts";
import type { AppDeps } from "../../http/app.ts";
import { canSeeOffice } from "../../http/staff/auth.ts";
import { addDays, jstDate, jstTime, weekday } from "../../jst.ts";
import type { ClosedReason, DayGrid, GridSlot } from "../../schedule/index.ts";
import { officeCalendar, type CalendarBooking, type OfficeCalendar } from "../../store/calendar.ts";
import { dateText, addMenuEntry, counsellorName, FieldError, Layout, page, visibleOffices, type PageContext } from "../layout.tsx";
import { BASE, type ConsoleEnv } from "../session.ts";
import { wordsFor, type ConsoleWords, type Locale } from "../../i18n/index.ts";
import { notFound } from "./booking.tsx";
import { realDate } from "../dates.ts";

addMenuEntry("calendar", `${BASE}/calendar`);

export type CalendarView = "day" | "week";

export function closedText(w: ConsoleWords, locale: Locale, closed: ClosedReason): string {
  switch (closed.kind) {
    case "weekend":
      return w.calendar.closed.weekend;
    case "year_end":
      return w.calendar.closed.year_end;
    case "holiday":
      return w.calendar.closed.holiday(closed.name[locale]);
    case "closure":
      return w.calendar.closed.closure(closed.reason);
  }
}

/** Monday of the week a date falls in; the week view shows Monday to Friday, the days offices open. */
function mondayOf(date: string): string {
  return addDays(date, -((weekday(date) + 6) % 7));
}

/** The weekday before or after, skipping Saturday and Sunday (a holiday stays visible, with its name). */
function stepWeekday(date: string, step: 1 | -1): string {
  let d = addDays(date, step);
  while (weekday(d) === 0 || weekday(d) === 6) d = addDays(d, step);
  return d;
}

export function calendarHref(office: string, date: string, view: CalendarView): string {
  return `${BASE}/calendar?${new URLSearchParams({ office, date, view })}`;
}

function BookingLinks(props: { w: ConsoleWords; rows: CalendarBooking[] }) {
  return (
    <ul class="cell-bookings">
      {props.rows.map((b) => (
        <li>
          <a href={`${BASE}/bookings/${b.id}`}>{b.reference}</a> <span class={`status ${b.status}`}>{props.w.status[b.status]}</span>
        </li>
      ))}
    </ul>
  );
}

function startsAtKey(b: { startsAt: Date }): number {
  return b.startsAt.getTime();
}

function DayTable(props: { ctx: PageContext; office: Office; day: DayGrid; bookings: CalendarBooking[] }) {
  const { w, locale } = props.ctx;
  const byCell = new Map<string, CalendarBooking[]>();
  for (const b of props.bookings) {
    const key = `${b.counsellorId}|${startsAtKey(b)}`;
    byCell.set(key, [...(byCell.get(key) ?? []), b]);
  }
  const cell = (slot: GridSlot, c: { id: string; state: string }) => {
    const rows = byCell.get(`${c.id}|${slot.startsAt.getTime()}`) ?? [];
    const active = rows.some((b) => b.status === "requested" || b.status === "confirmed");
    return (
      <td class={`slot ${c.state}`}>
        {rows.length > 0 ? <BookingLinks w={w} rows={rows} /> : null}
        {active ? null : <span class="state">{w.calendar.states[c.state] ?? c.state}</span>}
      </td>
    );
  };
  return (
    <table class="grid">
      <caption>{w.calendar.dayCaption(dateText(locale, props.day.date), props.office.name[locale])}</caption>
      <thead>
        <tr>
          <th scope="col">{w.calendar.time}</th>
          {props.office.counsellors.map((c) => (
            <th scope="col">{c.name[locale]}</th>
          ))}
          <th scope="col">{w.calendar.capacity}</th>
        </tr>
      </thead>
      <tbody>
        {props.day.slots.map((slot) => (
          <tr>
            <th scope="row">{wordsFor(locale).formats.timeRange(jstTime(slot.startsAt), jstTime(slot.endsAt))}</th>
            {slot.counsellors.map((c) => cell(slot, c))}
            <td class="capacity">{w.calendar.capacityText(slot.free, slot.taken)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function WeekTable(props: { ctx: PageContext; office: Office; days: DayGrid[]; bookings: CalendarBooking[] }) {
  const { w, locale } = props.ctx;
  const byStart = new Map<number, CalendarBooking[]>();
  for (const b of props.bookings) byStart.set(startsAtKey(b), [...(byStart.get(startsAtKey(b)) ?? []), b]);
  const first = props.days[0]!;
  const last = props.days[props.days.length - 1]!;
  return (
    <table class="grid week">
      <caption>{w.calendar.weekCaption(dateText(locale, first.date), dateText(locale, last.date), props.office.name[locale])}</caption>
      <thead>
        <tr>
          <th scope="col">{w.calendar.time}</th>
          {props.days.map((d) => (
            <th scope="col">
              <a href={calendarHref(props.office.id, d.date, "day")}>{dateText(locale, d.date)}</a>
              {d.closed ? <span class="closed-mark">{` ${w.calendar.closedHeading}`}</span> : null}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {first.slots.map((_, i) => (
          <tr>
            <th scope="row">{wordsFor(locale).formats.timeRange(jstTime(first.slots[i]!.startsAt), jstTime(first.slots[i]!.endsAt))}</th>
            {props.days.map((d) => {
              const slot = d.slots[i]!;
              const rows = byStart.get(slot.startsAt.getTime()) ?? [];
              return (
                <td class={d.closed ? "slot closed" : slot.free > 0 ? "slot free" : "slot full"}>
                  <span class="state">{d.closed ? w.calendar.closedCell : w.calendar.capacityText(slot.free, slot.taken)}</span>
                  {rows.length > 0 ? <BookingLinks w={w} rows={rows} /> : null}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Sidebars(props: { ctx: PageContext; office: Office; data: OfficeCalendar }) {
  const { w, locale } = props.ctx;
  const { absences, closures } = props.data;
  return (
    <div class="calendar-notes">
      <section aria-labelledby="closures-heading">
        <h2 id="closures-heading">{w.calendar.closuresHeading}</h2>
        {closures.length === 0 ? (
          <p class="empty">{w.calendar.noClosures}</p>
        ) : (
          <ul>
            {closures.map((c) => (
              <li>{`${dateText(locale, c.date)} ${c.officeId ? "" : `(${w.calendar.allOffices}) `}${c.reason}`}</li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="absences-heading">
        <h2 id="absences-heading">{w.calendar.absencesHeading}</h2>
        {absences.length === 0 ? (
          <p class="empty">{w.calendar.noAbsences}</p>
        ) : (
          <ul>
            {absences.map((a) => (
              <li>{`${dateText(locale, a.date)} ${counsellorName(props.office, locale, a.counsellorId)} ${a.fromTime || a.toTime ? wordsFor(locale).formats.timeRange(a.fromTime ?? "", a.toTime ?? "") : w.calendar.wholeDay}`}</li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

export function calendarRoutes(deps: AppDeps) {
  const { config, clock, store } = deps;

  return new Hono<ConsoleEnv>().get("/calendar", async (c: Context<ConsoleEnv>) => {
    const staff = c.get("staff");
    const w = c.get("w");
    const locale = c.get("locale");
    const url = new URL(c.req.url);
    const ctx: PageContext = { w, locale, staff, csrf: c.get("csrf"), here: `${url.pathname}${url.search}` };
    const offices = visibleOffices(config, staff);
    const asked = c.req.query("office");
    if (asked && (!findOffice(config, asked) || !canSeeOffice(staff, asked))) return notFound(c, findOffice(config, asked) ? "forbidden" : "notFound");
    const office = (asked ? findOffice(config, asked) : offices[0])!;
    if (!office) return notFound(c, "forbidden");

    const today = jstDate(clock());
    const typed = c.req.query("date") ?? "";
    const badDate = typed !== "" && !realDate.safeParse(typed).success;
    const date = typed && !badDate ? typed : today;
    const view: CalendarView = c.req.query("view") === "week" ? "week" : "day";
    const range = view === "week" ? { from: mondayOf(date), to: addDays(mondayOf(date), 4) } : { from: date, to: date };
    const data = await officeCalendar(store.db, office, clock(), range);

    const prev = view === "week" ? addDays(date, -7) : stepWeekday(date, -1);
    const next = view === "week" ? addDays(date, 7) : stepWeekday(date, 1);
    const closedDays = data.days.filter((d) => d.closed);
    const t = w.calendar;

    return c.html(
      page(
        <Layout ctx={ctx} title={`${t.title} ${office.name[locale]}`} active="calendar" live="bookings">
          <form method="get" action={`${BASE}/calendar`} class="filters" aria-label={t.controls}>
            {offices.length > 1 ? (
              <p>
                <label for="c-office">{t.office}</label>
                <select id="c-office" name="office">
                  {offices.map((o) => (
                    <option value={o.id} selected={o.id === office.id}>
                      {o.name[locale]}
                    </option>
                  ))}
                </select>
              </p>
            ) : (
              <input type="hidden" name="office" value={office.id} />
            )}
            <p>
              <label for="c-date">{t.date}</label>
              <input id="c-date" name="date" type="date" value={badDate ? typed : date} aria-invalid={badDate ? "true" : undefined} aria-describedby={badDate ? "c-date-error" : undefined} />
            </p>
            <p>
              <label for="c-view">{t.view}</label>
              <select id="c-view" name="view">
                <option value="day" selected={view === "day"}>
                  {t.day}
                </option>
                <option value="week" selected={view === "week"}>
                  {t.week}
                </option>
              </select>
            </p>
            <p class="buttons">
              <button type="submit">{t.show}</button>
            </p>
            <FieldError id="c-date-error" message={badDate ? t.badDate : undefined} />
          </form>
          <nav class="pager" aria-label={t.pager}>
            <a href={calendarHref(office.id, prev, view)} rel="prev">
              {view === "week" ? t.previousWeek : t.previousDay}
            </a>
            <a href={calendarHref(office.id, today, view)}>{t.today}</a>
            <a href={calendarHref(office.id, next, view)} rel="next">
              {view === "week" ? t.nextWeek : t.nextDay}
            </a>
            <a href={calendarHref(office.id, date, view === "week" ? "day" : "week")}>{view === "week" ? t.day : t.week}</a>
            <a href={`${BASE}/office-calendar?office=${office.id}`}>{t.manage}</a>
          </nav>
          <div id="live-region">
            {closedDays.map((d) => (
              <p class="notice closed">{`${dateText(locale, d.date)}: ${closedText(w, locale, d.closed!)}`}</p>
            ))}
            {view === "week" ? (
              <WeekTable ctx={ctx} office={office} days={data.days} bookings={data.bookings} />
            ) : (
              <DayTable ctx={ctx} office={office} day={data.days[0]!} bookings={data.bookings} />
            )}
            <Sidebars ctx={ctx} office={office} data={data} />
          </div>
        </Layout>,
      ),
      badDate ? 400 : 200,
    );
  });
}
