// The admins' dashboard figures: per office and week of the sessions (Monday to Sunday, Tokyo time),
// how many requests came, how they ended, how fast staff confirmed them, how far ahead seekers booked,
// and how much of the bookable time was booked.
import { sql } from "drizzle-orm";
import type { Office } from "../config.ts";
import { addDays, jstInstant, type DateString } from "../jst.ts";
import { dayGrid } from "../schedule/index.ts";
import { loadSchedule } from "./calendar.ts";
import type { Executor } from "./db.ts";

export interface WeekStats {
  officeId: string;
  /** The Monday the week starts on. */
  week: DateString;
  /** Bookings made for a session this week that reached a request (holds that lapsed are not counted). */
  requests: number;
  /** Of those, the ones staff confirmed (whatever happened afterwards). */
  confirmed: number;
  rejected: number;
  cancelled: number;
  attended: number;
  noShows: number;
  /** no-shows / (attended + no-shows); null while no session has an outcome. */
  noShowRate: number | null;
  /** Median minutes from the request to staff's confirmation (from the audit log). */
  medianMinutesToConfirm: number | null;
  /** Median hours from the request to the session's start. */
  medianLeadHours: number | null;
  /** Sessions held or kept for seekers (requested, confirmed, attended, no-show). */
  booked: number;
  /** Counsellor slots open for booking by the schedule: working hours, minus closures and absences. */
  bookable: number;
  /** booked / bookable; null when nothing was bookable. */
  utilisation: number | null;
}

type Row = {
  office_id: string;
  week: string | Date;
  requests: number | string;
  confirmed: number | string;
  rejected: number | string;
  cancelled: number | string;
  attended: number | string;
  no_shows: number | string;
  booked: number | string;
  median_confirm: number | string | null;
  median_lead: number | string | null;
};

const num = (v: number | string | null): number | null => (v === null ? null : Number(v));
const dateOf = (v: string | Date): DateString => (typeof v === "string" ? v.slice(0, 10) : v.toISOString().slice(0, 10));

/**
 * Figures for each office and each of `weeks` weeks from the Monday `from`. Request and confirmation
 * times come from the audit log (a booking made without a request entry counts from its creation).
 */
export async function dashboardStats(ex: Executor, input: { offices: readonly Office[]; from: DateString; weeks: number; now: Date }): Promise<WeekStats[]> {
  const start = jstInstant(input.from);
  const until = jstInstant(addDays(input.from, 7 * input.weeks));
  const officeIds = input.offices.map((o) => o.id);
  if (officeIds.length === 0) return [];
  const result = await ex.execute(sql`
    with b as (
      select
        bk.office_id,
        bk.status,
        bk.starts_at,
        (date_trunc('week', bk.starts_at at time zone 'Asia/Tokyo'))::date as week,
        coalesce((select min(a.at) from audit_log a where a.entity = 'booking' and a.entity_id = bk.id::text and a.action = 'request'), bk.created_at) as requested_at,
        (select min(a.at) from audit_log a where a.entity = 'booking' and a.entity_id = bk.id::text and a.action = 'confirm') as confirmed_at
      from bookings bk
      where bk.office_id in (${sql.join(officeIds.map((id) => sql`${id}`), sql`, `)})
        and bk.starts_at >= ${start.toISOString()}::timestamptz and bk.starts_at < ${until.toISOString()}::timestamptz
        and bk.status not in ('held', 'expired')
    )
    select
      office_id,
      week::text as week,
      count(*)::int as requests,
      count(*) filter (where confirmed_at is not null or status in ('confirmed', 'attended', 'no_show'))::int as confirmed,
      count(*) filter (where status = 'rejected')::int as rejected,
      count(*) filter (where status = 'cancelled')::int as cancelled,
      count(*) filter (where status = 'attended')::int as attended,
      count(*) filter (where status = 'no_show')::int as no_shows,
      count(*) filter (where status in ('requested', 'confirmed', 'attended', 'no_show'))::int as booked,
      percentile_cont(0.5) within group (order by extract(epoch from (confirmed_at - requested_at)) / 60) filter (where confirmed_at is not null) as median_confirm,
      percentile_cont(0.5) within group (order by extract(epoch from (starts_at - requested_at)) / 3600) as median_lead
    from b
    group by office_id, week`);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Row[];
  const found = new Map(rows.map((r) => [`${r.office_id}|${dateOf(r.week)}`, r]));

  const stats: WeekStats[] = [];
  for (const office of input.offices) {
    const schedule = await loadSchedule(ex, office, input.now, { from: input.from, to: addDays(input.from, 7 * input.weeks - 1) });
    for (let i = 0; i < input.weeks; i++) {
      const week = addDays(input.from, 7 * i);
      let bookable = 0;
      for (let d = 0; d < 7; d++) {
        const grid = dayGrid(schedule, addDays(week, d));
        if (grid.closed) continue;
        for (const slot of grid.slots) bookable += slot.counsellors.filter((c) => c.state === "free" || c.state === "taken").length;
      }
      const r = found.get(`${office.id}|${week}`);
      const attended = r ? Number(r.attended) : 0;
      const noShows = r ? Number(r.no_shows) : 0;
      const booked = r ? Number(r.booked) : 0;
      stats.push({
        officeId: office.id,
        week,
        requests: r ? Number(r.requests) : 0,
        confirmed: r ? Number(r.confirmed) : 0,
        rejected: r ? Number(r.rejected) : 0,
        cancelled: r ? Number(r.cancelled) : 0,
        attended,
        noShows,
        noShowRate: attended + noShows > 0 ? noShows / (attended + noShows) : null,
        medianMinutesToConfirm: r ? num(r.median_confirm) : null,
        medianLeadHours: r ? num(r.median_lead) : null,
        booked,
        bookable,
        utilisation: bookable > 0 ? booked / bookable : null,
      });
    }
  }
  return stats;
}
