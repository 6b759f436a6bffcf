import { staffWordsFor, wordsFor } from "../../i18n/index.ts";
/** @jsxImportSource hono/jsx */
// The queue (requests waiting for confirmation, oldest first) and the list of all bookings: the same
// table with filters that live in the URL, so that a view can be bookmarked.
import { Hono } from "hono";
import { jstDate } from "../../jst.ts";
import type { AppDeps } from "../../http/app.ts";
import { canSeeOffice } from "../../http/staff/auth.ts";
import { countBookings, listBookings, type Booking } from "../../store/bookings.ts";
import { bookingStatuses, type BookingStatus } from "../../store/schema.ts";
import { counsellorName, FieldError, Layout, officeName, page, slotText, visibleOffices, type PageContext } from "../layout.tsx";
import { BASE, type ConsoleEnv, type ConsoleStaff } from "../session.ts";
import { realDate } from "../dates.ts";

const listedStatuses = bookingStatuses.filter((s) => s !== "held" && s !== "expired");

/** Rows on one page of a list; the rest are a link away. */
export const PAGE_SIZE = 50;

export interface ListFilter {
  office?: string;
  status?: BookingStatus;
  from?: string;
  to?: string;
  counsellor?: string;
  q?: string;
}

/** Reads the filters from the query; a value that makes no sense is dropped and named, never a 500. */
export function readFilter(query: Record<string, string>, staff: ConsoleStaff, config: AppDeps["config"]): { filter: ListFilter; invalid: Set<keyof ListFilter> } {
  const invalid = new Set<keyof ListFilter>();
  const filter: ListFilter = {};
  const offices = visibleOffices(config, staff);
  if (query.office) {
    if (offices.some((o) => o.id === query.office) && canSeeOffice(staff, query.office)) filter.office = query.office;
    else invalid.add("office");
  }
  if (query.status) {
    if ((listedStatuses as readonly string[]).includes(query.status)) filter.status = query.status as BookingStatus;
    else invalid.add("status");
  }
  for (const key of ["from", "to"] as const) {
    if (query[key]) {
      if (realDate.safeParse(query[key]).success) filter[key] = query[key];
      else invalid.add(key);
    }
  }
  if (query.counsellor) {
    if (offices.some((o) => o.counsellors.some((x) => x.id === query.counsellor))) filter.counsellor = query.counsellor;
    else invalid.add("counsellor");
  }
  if (query.q) filter.q = query.q.slice(0, 100);
  return { filter, invalid };
}

export function filterQuery(filter: ListFilter, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(Object.entries({ ...filter, ...extra }).filter(([, v]) => v) as [string, string][]);
  const text = params.toString();
  return text ? `?${text}` : "";
}

function storeFilter(staff: ConsoleStaff, filter: ListFilter, order: "requested" | "starts") {
  return {
    officeId: filter.office ?? (staff.role === "admin" ? undefined : staff.officeId!),
    statuses: filter.status ? [filter.status] : [...listedStatuses],
    from: filter.from,
    to: filter.to,
    counsellorId: filter.counsellor,
    search: filter.q,
    order,
  };
}

/** The bookings a filter selects, within the offices the caller may see. */
export function findListed(deps: AppDeps, staff: ConsoleStaff, filter: ListFilter, order: "requested" | "starts", limit = 500, offset = 0): Promise<Booking[]> {
  return listBookings(deps.store.db, { ...storeFilter(staff, filter, order), limit, offset });
}

export function countListed(deps: AppDeps, staff: ConsoleStaff, filter: ListFilter, order: "requested" | "starts"): Promise<number> {
  return countBookings(deps.store.db, storeFilter(staff, filter, order));
}

function Filters(props: { ctx: PageContext; action: string; filter: ListFilter; invalid: Set<keyof ListFilter>; offices: AppDeps["config"]["offices"]; allowAnyStatus: boolean }) {
  const { w, locale } = props.ctx;
  const f = props.filter;
  const wrong = (key: keyof ListFilter) => (props.invalid.has(key) ? "true" : undefined);
  return (
    <form method="get" action={props.action} class="filters" role="search" aria-label={w.queue.filters}>
      {props.offices.length > 1 ? (
        <p>
          <label for="f-office">{w.queue.office}</label>
          <select id="f-office" name="office" aria-invalid={wrong("office")}>
            <option value="">{w.queue.allOffices}</option>
            {props.offices.map((o) => (
              <option value={o.id} selected={f.office === o.id}>
                {o.name[locale]}
              </option>
            ))}
          </select>
        </p>
      ) : null}
      <p>
        <label for="f-status">{w.queue.status}</label>
        <select id="f-status" name="status" aria-invalid={wrong("status")}>
          {props.allowAnyStatus ? <option value="">{w.queue.anyStatus}</option> : null}
          {listedStatuses.map((s) => (
            <option value={s} selected={f.status === s}>
              {w.status[s]}
            </option>
          ))}
        </select>
      </p>
      <p>
        <label for="f-from">{w.queue.from}</label>
        <input id="f-from" name="from" type="date" value={f.from ?? ""} aria-invalid={wrong("from")} />
      </p>
      <p>
        <label for="f-to">{w.queue.to}</label>
        <input id="f-to" name="to" type="date" value={f.to ?? ""} aria-invalid={wrong("to")} />
      </p>
      <p>
        <label for="f-counsellor">{w.queue.counsellor}</label>
        <select id="f-counsellor" name="counsellor" aria-invalid={wrong("counsellor")}>
          <option value="">{w.queue.anyCounsellor}</option>
          {props.offices.flatMap((o) =>
            o.counsellors.map((x) => (
              <option value={x.id} selected={f.counsellor === x.id}>
                {props.offices.length > 1 ? wordsFor(locale).formats.aside(x.name[locale], o.name[locale]) : x.name[locale]}
              </option>
            )),
          )}
        </select>
      </p>
      <p>
        <label for="f-q">{w.queue.search}</label>
        <input id="f-q" name="q" type="search" value={f.q ?? ""} placeholder={w.queue.searchHint} />
      </p>
      <p class="buttons">
        <button type="submit">{w.queue.apply}</button>
        <a href={props.action}>{w.queue.reset}</a>
      </p>
      {[...props.invalid].map((key) => (
        <FieldError id={`f-${key}-error`} message={`${labelOf(props.ctx, key)}: ${staffWordsFor(locale).staff.queue.filterDropped}`} />
      ))}
    </form>
  );
}

function labelOf(ctx: PageContext, key: keyof ListFilter): string {
  const q = ctx.w.queue;
  return { office: q.office, status: q.status, from: q.from, to: q.to, counsellor: q.counsellor, q: q.search }[key];
}

function Pager(props: { ctx: PageContext; total: number; page: number; href: (page: number) => string }) {
  const { w } = props.ctx;
  const last = Math.max(1, Math.ceil(props.total / PAGE_SIZE));
  if (last === 1) return null;
  return (
    <nav class="pager" aria-label={w.queue.pages}>
      {props.page > 1 ? <a href={props.href(props.page - 1)}>{w.queue.prev}</a> : null}
      <span>{w.queue.pageOf(props.page, last)}</span>
      {props.page < last ? <a href={props.href(props.page + 1)}>{w.queue.next}</a> : null}
    </nav>
  );
}

function BookingTable(props: { ctx: PageContext; rows: Booking[]; total: number; first: number; config: AppDeps["config"]; now: Date; showWaited: boolean; showOffice: boolean }) {
  const { w, locale } = props.ctx;
  if (props.rows.length === 0) return <p class="empty">{w.queue.empty}</p>;
  return (
    <table class="list">
      <caption>{w.queue.range(props.total, props.first, props.first + props.rows.length - 1)}</caption>
      <thead>
        <tr>
          <th scope="col">{w.queue.reference}</th>
          <th scope="col">{w.queue.when}</th>
          {props.showOffice ? <th scope="col">{w.queue.office}</th> : null}
          <th scope="col">{w.queue.counsellor}</th>
          <th scope="col">{w.queue.name}</th>
          <th scope="col">{w.queue.channel}</th>
          <th scope="col">{w.queue.status}</th>
          {props.showWaited ? <th scope="col">{w.queue.waited}</th> : null}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((b) => {
          const office = props.config.offices.find((o) => o.id === b.officeId);
          return (
            <tr data-id={b.id}>
              <td>
                <a href={`${BASE}/bookings/${b.id}`}>{b.reference}</a>
              </td>
              <td>{slotText(locale, b.startsAt, b.endsAt)}</td>
              {props.showOffice ? <td>{officeName(props.config, locale, b.officeId)}</td> : null}
              <td>{counsellorName(office, locale, b.counsellorId)}</td>
              <td>{b.name ?? "―"}</td>
              <td>{w.channel[b.channel] ?? b.channel}</td>
              <td>
                <span class={`status ${b.status}`}>{w.status[b.status]}</span>
              </td>
              {props.showWaited ? <td>{w.waited(Math.max(0, Math.floor((props.now.getTime() - b.createdAt.getTime()) / 60_000)))}</td> : null}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function queueRoutes(deps: AppDeps) {
  const { config, clock } = deps;

  const list = (kind: "queue" | "bookings") => async (c: import("hono").Context<ConsoleEnv>) => {
    const staff = c.get("staff");
    const w = c.get("w");
    const url = new URL(c.req.url);
    const ctx: PageContext = { w, locale: c.get("locale"), staff, csrf: c.get("csrf"), here: `${url.pathname}${url.search}` };
    const { filter, invalid } = readFilter(c.req.query(), staff, config);
    if (kind === "queue" && !filter.status) filter.status = "requested";
    if (kind === "bookings" && !filter.from && !c.req.query("from")) filter.from = jstDate(clock());
    const order = kind === "queue" && filter.status === "requested" ? "requested" : "starts";
    const total = await countListed(deps, staff, filter, order);
    const lastPage = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const pageNo = Math.min(lastPage, Math.max(1, Number.parseInt(c.req.query("page") ?? "1", 10) || 1));
    const rows = await findListed(deps, staff, filter, order, PAGE_SIZE, (pageNo - 1) * PAGE_SIZE);
    const offices = visibleOffices(config, staff);
    const action = kind === "queue" ? BASE : `${BASE}/bookings`;
    const title = kind === "queue" ? w.queue.title : w.queue.titleAll;
    return c.html(
      page(
        <Layout ctx={ctx} title={title} active={kind} live="bookings">
          <Filters ctx={ctx} action={action} filter={filter} invalid={invalid} offices={offices} allowAnyStatus={kind === "bookings"} />
          <p class="tools">
            <a href={`${BASE}/export.csv${filterQuery(filter)}`}>{w.queue.export}</a>
          </p>
          <div id="live-region">
            <BookingTable ctx={ctx} rows={rows} total={total} first={(pageNo - 1) * PAGE_SIZE + 1} config={config} now={clock()} showWaited={filter.status === "requested"} showOffice={offices.length > 1} />
            <Pager ctx={ctx} total={total} page={pageNo} href={(n) => `${action}${filterQuery(filter, { page: String(n) })}`} />
          </div>
        </Layout>,
      ),
      invalid.size > 0 ? 400 : 200,
    );
  };

  return new Hono<ConsoleEnv>().get("/", list("queue")).get("/bookings", list("bookings"));
}
