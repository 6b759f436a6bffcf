/** @jsxImportSource hono/jsx */
// The admins' dashboard: per office and week, requests and how they ended, how fast they were
// confirmed, how far ahead seekers book and how much of the bookable time was booked; and this month's
// LINE messages against the plan. Each chart is inline SVG (classes only: the CSP forbids inline
// styles) with the same figures in a table beside it.
import { Hono, type Context } from "hono";
import type { AppDeps } from "../../http/app.ts";
import { lineRuntimeOf } from "../../bot/line/runtime.ts";
import { addDays, jstDate, parseDateString, weekday } from "../../jst.ts";
import { dashboardStats, type WeekStats } from "../../store/dashboard.ts";
import { addMenuEntry, FieldError, Layout, page, visibleOffices, type PageContext } from "../layout.tsx";
import { BASE, type ConsoleEnv } from "../session.ts";
import type { ConsoleWords } from "../../i18n/index.ts";
import { notFound } from "./booking.tsx";
import { realDate } from "../dates.ts";

addMenuEntry("dashboard", `${BASE}/dashboard`, true);

const WEEK_CHOICES = [4, 8, 12] as const;

const mondayOf = (date: string) => addDays(date, -((weekday(date) + 6) % 7));
const shortDate = (date: string) => {
  const { month, day } = parseDateString(date);
  return `${month}/${day}`;
};
const pct = (w: ConsoleWords, ratio: number) => w.dashboard.percent(Math.round(ratio * 100));

function RequestsChart(props: { w: ConsoleWords; office: string; id: string; weeks: WeekStats[] }) {
  const { w, weeks } = props;
  const width = 640;
  const height = 220;
  const top = 24;
  const bottom = 28;
  const plot = height - top - bottom;
  const max = Math.max(1, ...weeks.map((s) => s.requests));
  const band = width / weeks.length;
  const bar = Math.min(28, band / 3);
  const y = (n: number) => top + plot - (n / max) * plot;
  return (
    <svg class="chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${props.id}-title ${props.id}-desc`}>
      <title id={`${props.id}-title`}>{w.dashboard.chartRequests(props.office)}</title>
      <desc id={`${props.id}-desc`}>{w.dashboard.chartRequestsDesc}</desc>
      <line class="axis" x1="0" x2={width} y1={top + plot} y2={top + plot} />
      {weeks.map((s, i) => {
        const x = i * band + band / 2;
        return (
          <g>
            <rect class="bar-requests" x={x - bar - 1} y={y(s.requests)} width={bar} height={top + plot - y(s.requests)} />
            <rect class="bar-confirmed" x={x + 1} y={y(s.confirmed)} width={bar} height={top + plot - y(s.confirmed)} />
            <text class="value" x={x - bar / 2 - 1} y={y(s.requests) - 4} text-anchor="middle">
              {String(s.requests)}
            </text>
            <text class="value strong" x={x + bar / 2 + 1} y={y(s.confirmed) - 4} text-anchor="middle">
              {String(s.confirmed)}
            </text>
            <text class="label" x={x} y={height - 8} text-anchor="middle">
              {shortDate(s.week)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function UtilisationChart(props: { w: ConsoleWords; office: string; id: string; weeks: WeekStats[] }) {
  const { w, weeks } = props;
  const width = 640;
  const height = 140;
  const top = 20;
  const bottom = 28;
  const plot = height - top - bottom;
  const band = width / weeks.length;
  const bar = Math.min(40, band / 2);
  return (
    <svg class="chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${props.id}-title ${props.id}-desc`}>
      <title id={`${props.id}-title`}>{w.dashboard.chartUtilisation(props.office)}</title>
      <desc id={`${props.id}-desc`}>{w.dashboard.chartUtilisationDesc}</desc>
      <line class="axis" x1="0" x2={width} y1={top + plot} y2={top + plot} />
      <line class="full" x1="0" x2={width} y1={top} y2={top} />
      {weeks.map((s, i) => {
        const x = i * band + band / 2;
        const share = Math.min(1, s.utilisation ?? 0);
        const h = share * plot;
        return (
          <g>
            <rect class="bar-util" x={x - bar / 2} y={top + plot - h} width={bar} height={h} />
            <text class="value" x={x} y={top + plot - h - 4} text-anchor="middle">
              {s.utilisation === null ? w.dashboard.none : pct(w, s.utilisation)}
            </text>
            <text class="label" x={x} y={height - 8} text-anchor="middle">
              {shortDate(s.week)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function WeekTable(props: { ctx: PageContext; office: string; weeks: WeekStats[] }) {
  const { w, locale } = props.ctx;
  const t = w.dashboard;
  const duration = (minutes: number | null) => (minutes === null ? t.none : w.waited(Math.round(minutes)));
  return (
    <table class="list numbers">
      <caption>{t.table(props.office)}</caption>
      <thead>
        <tr>
          <th scope="col">{t.week}</th>
          <th scope="col">{t.requests}</th>
          <th scope="col">{t.confirmed}</th>
          <th scope="col">{t.rejected}</th>
          <th scope="col">{t.cancelled}</th>
          <th scope="col">{t.noShowRate}</th>
          <th scope="col">{t.toConfirm}</th>
          <th scope="col">{t.lead}</th>
          <th scope="col">{t.utilisation}</th>
        </tr>
      </thead>
      <tbody>
        {props.weeks.map((s) => (
          <tr>
            <th scope="row">{t.weekOf(locale === "ja" ? shortDate(s.week) : s.week)}</th>
            <td>{String(s.requests)}</td>
            <td>{String(s.confirmed)}</td>
            <td>{String(s.rejected)}</td>
            <td>{String(s.cancelled)}</td>
            <td>{s.noShowRate === null ? t.none : pct(w, s.noShowRate)}</td>
            <td>{duration(s.medianMinutesToConfirm)}</td>
            <td>{duration(s.medianLeadHours === null ? null : s.medianLeadHours * 60)}</td>
            <td>{s.utilisation === null ? t.none : t.ratio(s.booked, s.bookable, pct(w, s.utilisation))}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

type LineQuota = { kind: "off" } | { kind: "failed" } | { kind: "ok"; limit: number | null; used: number };

function LineSection(props: { w: ConsoleWords; quota: LineQuota }) {
  const t = props.w.dashboard.line;
  const q = props.quota;
  return (
    <section aria-labelledby="line-heading" class="card">
      <h2 id="line-heading">{t.title}</h2>
      {q.kind === "off" ? <p>{t.notConfigured}</p> : null}
      {q.kind === "failed" ? (
        <p class="notice error" role="alert">
          {t.failed}
        </p>
      ) : null}
      {q.kind === "ok" && q.limit === null ? <p class="big-number">{t.unlimited(q.used)}</p> : null}
      {q.kind === "ok" && q.limit !== null ? (
        <>
          <p class="big-number">{t.of(q.used, q.limit, pct(props.w, q.limit > 0 ? q.used / q.limit : 1))}</p>
          <svg class="chart quota" viewBox="0 0 640 36" role="img" aria-label={t.chart}>
            <rect class="quota-track" x="0" y="8" width="640" height="20" />
            <rect class={q.used >= q.limit * 0.8 ? "quota-used near" : "quota-used"} x="0" y="8" width={q.limit > 0 ? Math.min(640, (q.used / q.limit) * 640) : 640} height="20" />
          </svg>
          {q.used >= q.limit * 0.8 ? (
            <p class="notice error" role="alert">
              {t.near}
            </p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

export function dashboardRoutes(deps: AppDeps) {
  return new Hono<ConsoleEnv>().get("/dashboard", async (c: Context<ConsoleEnv>) => {
    const staff = c.get("staff");
    if (staff.role !== "admin") return notFound(c, "forbidden");
    const w = c.get("w");
    const t = w.dashboard;
    const url = new URL(c.req.url);
    const ctx: PageContext = { w, locale: c.get("locale"), staff, csrf: c.get("csrf"), here: `${url.pathname}${url.search}` };
    const now = deps.clock();
    const invalid: string[] = [];
    const weeksRaw = c.req.query("weeks");
    let weeks: number = 8;
    if (weeksRaw) {
      if ((WEEK_CHOICES as readonly number[]).includes(Number(weeksRaw))) weeks = Number(weeksRaw);
      else invalid.push(t.weeks);
    }
    // By default: the weeks just past, this week and next week (sessions are booked ahead).
    let from = addDays(mondayOf(jstDate(now)), -7 * (weeks - 2));
    const fromRaw = c.req.query("from");
    if (fromRaw) {
      if (realDate.safeParse(fromRaw).success) from = mondayOf(fromRaw);
      else invalid.push(t.from);
    }
    const offices = visibleOffices(deps.config, staff);
    const stats = await dashboardStats(deps.store.db, { offices, from, weeks, now });
    const line = lineRuntimeOf(deps)?.client;
    let quota: LineQuota = { kind: "off" };
    if (line) {
      const result = await line.messageQuota();
      quota = result.ok ? { kind: "ok", limit: result.limit, used: result.used } : { kind: "failed" };
    }
    return c.html(
      page(
        <Layout ctx={ctx} title={t.title} active="dashboard">
          <form method="get" action={`${BASE}/dashboard`} class="filters" aria-label={t.filters}>
            <p>
              <label for="d-from">{t.from}</label>
              <input id="d-from" name="from" type="date" value={from} aria-invalid={fromRaw && invalid.includes(t.from) ? "true" : undefined} />
            </p>
            <p>
              <label for="d-weeks">{t.weeks}</label>
              <select id="d-weeks" name="weeks">
                {WEEK_CHOICES.map((n) => (
                  <option value={String(n)} selected={n === weeks}>
                    {t.weeksOption(n)}
                  </option>
                ))}
              </select>
            </p>
            <p class="buttons">
              <button type="submit">{t.apply}</button>
            </p>
            {invalid.map((label, i) => (
              <FieldError id={`d-invalid-${i}`} message={t.invalid(label)} />
            ))}
          </form>
          <LineSection w={w} quota={quota} />
          <p class="hint">{t.weekBasis}</p>
          {offices.map((office, i) => {
            const rows = stats.filter((s) => s.officeId === office.id);
            const name = office.name[ctx.locale];
            return (
              <section aria-labelledby={`office-${i}`} class="office-stats">
                <h2 id={`office-${i}`}>{name}</h2>
                <div class="charts">
                  <RequestsChart w={w} office={name} id={`req-${i}`} weeks={rows} />
                  <UtilisationChart w={w} office={name} id={`util-${i}`} weeks={rows} />
                </div>
                <WeekTable ctx={ctx} office={name} weeks={rows} />
              </section>
            );
          })}
        </Layout>,
      ),
      invalid.length > 0 ? 400 : 200,
    );
  });
}
