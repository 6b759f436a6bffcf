/** @jsxImportSource hono/jsx */
// The office calendar: closures (a typhoon day: first the bookings it affects, then one action closes
// the day and tells each seeker, offering other times), counsellors' absences, and who is available
// for a session now (terms art. 6-2). The rules and the writes are in calendarActions, shared with the API.
import { Hono, type Context } from "hono";
import { z } from "zod";
import { findOffice, type Office } from "../../config.ts";
import type { AppDeps } from "../../http/app.ts";
import { HttpError } from "../../http/errors.ts";
import { canSeeOffice, type StaffPrincipal } from "../../http/staff/auth.ts";
import { AlreadyClosed, calendarActions, FieldRefused } from "../../http/staff/calendarActions.ts";
import { jstDate, jstTime, minutesOf } from "../../jst.ts";
import { slotEnd } from "../../schedule/index.ts";
import { counsellorNames } from "../../store/bookings.ts";
import { listAbsences, listClosures, overlapping, type AffectedBooking } from "../../store/calendar.ts";
import { addMenuEntry, counsellorName, dateText, CsrfField, formField as field, FieldError, Layout, Notice, officeName, page, slotText, visibleOffices, type PageContext } from "../layout.tsx";
import { BASE, type ConsoleEnv, type ConsoleStaff } from "../session.ts";
import { wordsFor, type ConsoleWords } from "../../i18n/index.ts";
import { notFound } from "./booking.tsx";
import { realDate } from "../dates.ts";

addMenuEntry("officeCalendar", `${BASE}/office-calendar`);

const PATH = `${BASE}/office-calendar`;
/** The office field's value for a closure of every office (admins only). */
const ALL = "all";
const AVAILABLE_MINUTES = [15, 30, 60, 120, 240] as const;

type Errors = Record<string, string>;
type Values = Record<string, string>;

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

function invalid(errors: Errors, id: string) {
  return errors[id] ? { "aria-invalid": "true" as const, "aria-describedby": `${id}-error` } : {};
}

interface PageState {
  done?: string;
  told?: number;
  error?: string;
  errors?: Errors;
  values?: Values;
}

interface ClosureForm {
  office: string | null;
  date: string;
  reason: string;
}

/** Checks a closure form; the errors are keyed by field id, next to which they are shown. */
function readClosureForm(form: Record<string, unknown>, staff: StaffPrincipal, w: ConsoleWords): { input?: ClosureForm; values: Values; errors: Errors } {
  const e = w.officeCalendar.errors;
  const values = { "closure-office": field(form, "office"), "closure-date": field(form, "date"), "closure-reason": field(form, "reason") };
  const errors: Errors = {};
  if (!realDate.safeParse(values["closure-date"]).success) errors["closure-date"] = e.date;
  if (!values["closure-reason"]) errors["closure-reason"] = e.required;
  else if (values["closure-reason"].length > 100) errors["closure-reason"] = e.tooLong(100);
  if (values["closure-office"] === ALL && staff.role !== "admin") errors["closure-office"] = e.adminOnly;
  if (Object.keys(errors).length > 0) return { values, errors };
  const office = values["closure-office"] === ALL ? null : values["closure-office"];
  return { input: { office, date: values["closure-date"], reason: values["closure-reason"] }, values, errors };
}

function AffectedTable(props: { ctx: PageContext; rows: AffectedBooking[]; office: (id: string) => Office | undefined; caption: string }) {
  const { w, locale } = props.ctx;
  const t = w.officeCalendar;
  return (
    <table class="list">
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t.reference}</th>
          <th scope="col">{t.when}</th>
          <th scope="col">{t.counsellor}</th>
          <th scope="col">{t.status}</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((b) => (
          <tr>
            <td>
              <a href={`${BASE}/bookings/${b.id}`}>{b.reference}</a>
            </td>
            <td>{slotText(locale, b.startsAt, slotEnd(b.startsAt))}</td>
            <td>{counsellorName(props.office(b.officeId), locale, b.counsellorId)}</td>
            <td>
              <span class={`status ${b.status}`}>{w.status[b.status as keyof ConsoleWords["status"]] ?? b.status}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function officeCalendarRoutes(deps: AppDeps) {
  const { config, clock, store } = deps;
  const actions = calendarActions(deps);
  const officeById = (id: string) => findOffice(config, id);

  function ctxOf(c: Context<ConsoleEnv>, office: Office): PageContext {
    return { w: c.get("w"), locale: c.get("locale"), staff: c.get("staff"), csrf: c.get("csrf"), here: `${PATH}?office=${office.id}` };
  }

  /** The office a page is about: ?office= (or the form's) if the caller may see it, else their own. */
  function officeOf(c: Context<ConsoleEnv>, asked: string | undefined): Office | "forbidden" | "unknown" {
    const staff = c.get("staff");
    if (asked) {
      const office = findOffice(config, asked);
      if (!office) return "unknown";
      return canSeeOffice(staff, office.id) ? office : "forbidden";
    }
    return visibleOffices(config, staff)[0] ?? "forbidden";
  }

  async function mainPage(c: Context<ConsoleEnv>, office: Office, state: PageState, status: 200 | 400 | 404 | 409 = 200) {
    const staff = c.get("staff");
    const ctx = ctxOf(c, office);
    const { w, locale } = ctx;
    const t = w.officeCalendar;
    const errors = state.errors ?? {};
    const values = state.values ?? {};
    const today = jstDate(clock());
    const ids = office.counsellors.map((x) => x.id);
    const [closures, absences, names] = await Promise.all([
      listClosures(store.db, { officeId: office.id, from: today }),
      listAbsences(store.db, { counsellorIds: ids, from: today }),
      counsellorNames(store.db),
    ]);
    const overlaps = await Promise.all(absences.map((a) => overlapping(store.db, a)));
    const offices = visibleOffices(config, staff);
    const now = clock();
    const mayRemove = (officeId: string | null) => canSeeOffice(staff, officeId);
    const doneText =
      state.done === "closed" ? t.done.closed(state.told ?? 0) : state.done && state.done in t.done ? (t.done[state.done as keyof typeof t.done] as string) : undefined;

    return c.html(
      page(
        <Layout ctx={ctx} title={`${t.title} ${office.name[locale]}`} active="officeCalendar">
          {offices.length > 1 ? (
            <form method="get" action={PATH} class="filters" aria-label={t.office}>
              <p>
                <label for="o-office">{t.office}</label>
                <select id="o-office" name="office">
                  {offices.map((o) => (
                    <option value={o.id} selected={o.id === office.id}>
                      {o.name[locale]}
                    </option>
                  ))}
                </select>
              </p>
              <p class="buttons">
                <button type="submit">{t.show}</button>
              </p>
            </form>
          ) : null}
          {doneText ? <Notice kind="ok">{doneText}</Notice> : null}
          {state.error ? <Notice kind="error">{state.error}</Notice> : null}

          <section aria-labelledby="closures-heading">
            <h2 id="closures-heading">{t.closures}</h2>
            {closures.length === 0 ? (
              <p class="empty">{t.noClosures}</p>
            ) : (
              <table class="list">
                <caption>{t.closures}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.date}</th>
                    <th scope="col">{t.office}</th>
                    <th scope="col">{t.reason}</th>
                    <th scope="col">{t.remove}</th>
                  </tr>
                </thead>
                <tbody>
                  {closures.map((x) => (
                    <tr>
                      <td>{dateText(locale, x.date)}</td>
                      <td>{x.officeId ? officeName(config, locale, x.officeId) : w.calendar.allOffices}</td>
                      <td>{x.reason}</td>
                      <td>
                        {mayRemove(x.officeId) ? (
                          <form method="post" action={`${PATH}/closures/${x.id}/remove`} class="inline">
                            <CsrfField ctx={ctx} />
                            <input type="hidden" name="office" value={office.id} />
                            <button type="submit" class="secondary" aria-label={t.removeClosure(dateText(locale, x.date))}>
                              {t.remove}
                            </button>
                          </form>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <form method="post" action={`${PATH}/closures/preview`} class="card">
              <CsrfField ctx={ctx} />
              <h3>{t.addClosure}</h3>
              {staff.role === "admin" ? (
                <>
                  <label for="closure-office">{t.office}</label>
                  <select id="closure-office" name="office" {...invalid(errors, "closure-office")}>
                    {offices.map((o) => (
                      <option value={o.id} selected={(values["closure-office"] || office.id) === o.id}>
                        {o.name[locale]}
                      </option>
                    ))}
                    <option value={ALL} selected={values["closure-office"] === ALL}>
                      {t.allOffices}
                    </option>
                  </select>
                  <FieldError id="closure-office-error" message={errors["closure-office"]} />
                </>
              ) : (
                <>
                  <input type="hidden" name="office" value={office.id} />
                  <FieldError id="closure-office-error" message={errors["closure-office"]} />
                </>
              )}
              <label for="closure-date">{t.closureDate}</label>
              <input id="closure-date" name="date" type="date" min={today} required value={values["closure-date"] ?? ""} {...invalid(errors, "closure-date")} />
              <FieldError id="closure-date-error" message={errors["closure-date"]} />
              <label for="closure-reason">{t.reason}</label>
              <input id="closure-reason" name="reason" type="text" maxlength={100} required placeholder={t.reasonHint} value={values["closure-reason"] ?? ""} {...invalid(errors, "closure-reason")} />
              <FieldError id="closure-reason-error" message={errors["closure-reason"]} />
              <button type="submit">{t.addClosure}</button>
            </form>
          </section>

          <section aria-labelledby="absences-heading">
            <h2 id="absences-heading">{t.absences}</h2>
            {absences.length === 0 ? (
              <p class="empty">{t.noAbsences}</p>
            ) : (
              <table class="list">
                <caption>{t.absences}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.date}</th>
                    <th scope="col">{t.counsellor}</th>
                    <th scope="col">{wordsFor(locale).formats.timeRange(t.from, t.to)}</th>
                    <th scope="col">{t.overlaps}</th>
                    <th scope="col">{t.remove}</th>
                  </tr>
                </thead>
                <tbody>
                  {absences.map((a, i) => {
                    const who = counsellorName(office, locale, a.counsellorId);
                    return (
                      <tr>
                        <td>{dateText(locale, a.date)}</td>
                        <td>{who}</td>
                        <td>{a.fromTime || a.toTime ? wordsFor(locale).formats.timeRange(a.fromTime ?? "", a.toTime ?? "") : w.calendar.wholeDay}</td>
                        <td>
                          {overlaps[i]!.length === 0 ? (
                            <span class="none">{t.none}</span>
                          ) : (
                            <ul class="cell-bookings">
                              {overlaps[i]!.map((b) => (
                                <li>
                                  <a href={`${BASE}/bookings/${b.id}`}>{b.reference}</a> {jstTime(b.startsAt)}
                                </li>
                              ))}
                            </ul>
                          )}
                        </td>
                        <td>
                          <form method="post" action={`${PATH}/absences/${a.id}/remove`} class="inline">
                            <CsrfField ctx={ctx} />
                            <input type="hidden" name="office" value={office.id} />
                            <button type="submit" class="secondary" aria-label={t.removeAbsence(who, dateText(locale, a.date))}>
                              {t.remove}
                            </button>
                          </form>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )}
            <form method="post" action={`${PATH}/absences`} class="card">
              <CsrfField ctx={ctx} />
              <input type="hidden" name="office" value={office.id} />
              <h3>{t.addAbsence}</h3>
              <label for="absence-counsellor">{t.counsellor}</label>
              <select id="absence-counsellor" name="counsellorId" {...invalid(errors, "absence-counsellor")}>
                {office.counsellors.map((x) => (
                  <option value={x.id} selected={values["absence-counsellor"] === x.id}>
                    {x.name[locale]}
                  </option>
                ))}
              </select>
              <FieldError id="absence-counsellor-error" message={errors["absence-counsellor"]} />
              <label for="absence-date">{t.absenceDate}</label>
              <input id="absence-date" name="date" type="date" min={today} required value={values["absence-date"] ?? ""} {...invalid(errors, "absence-date")} />
              <FieldError id="absence-date-error" message={errors["absence-date"]} />
              <p class="hint" id="absence-hint">
                {t.fromToHint}
              </p>
              <label for="absence-from">{t.from}</label>
              <input id="absence-from" name="from" type="time" step={1800} value={values["absence-from"] ?? ""} {...invalid(errors, "absence-from")} />
              <FieldError id="absence-from-error" message={errors["absence-from"]} />
              <label for="absence-to">{t.to}</label>
              <input id="absence-to" name="to" type="time" step={1800} value={values["absence-to"] ?? ""} {...invalid(errors, "absence-to")} />
              <FieldError id="absence-to-error" message={errors["absence-to"]} />
              <button type="submit">{t.addAbsence}</button>
            </form>
          </section>

          <section aria-labelledby="now-heading">
            <h2 id="now-heading">{t.availableNow}</h2>
            <p class="hint">{t.availableLead}</p>
            <table class="list">
              <caption>{t.availableNow}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.counsellor}</th>
                  <th scope="col">{t.status}</th>
                  <th scope="col">{t.minutes}</th>
                </tr>
              </thead>
              <tbody>
                {office.counsellors.map((x) => {
                  const until = names.get(x.id)?.availableNowUntil;
                  const on = until && until > now;
                  const id = `avail-${x.id}`;
                  return (
                    <tr>
                      <th scope="row">{x.name[locale]}</th>
                      <td>{on ? t.availableUntil(jstTime(until)) : t.notAvailable}</td>
                      <td>
                        <form method="post" action={`${PATH}/available-now`} class="inline">
                          <CsrfField ctx={ctx} />
                          <input type="hidden" name="counsellorId" value={x.id} />
                          <label for={id} class="inline-label">{`${x.name[locale]} ${t.minutes}`}</label>
                          <select id={id} name="minutes" {...invalid(errors, id)}>
                            {AVAILABLE_MINUTES.map((m) => (
                              <option value={String(m)} selected={m === 60}>
                                {t.minutesOption(m)}
                              </option>
                            ))}
                          </select>
                          <button type="submit">{t.startAvailable(x.name[locale])}</button>
                          <FieldError id={`${id}-error`} message={errors[id]} />
                        </form>
                        {on ? (
                          <form method="post" action={`${PATH}/available-now`} class="inline">
                            <CsrfField ctx={ctx} />
                            <input type="hidden" name="counsellorId" value={x.id} />
                            <input type="hidden" name="minutes" value="0" />
                            <button type="submit" class="secondary">
                              {t.stopAvailable(x.name[locale])}
                            </button>
                          </form>
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </section>
        </Layout>,
      ),
      status,
    );
  }

  /** Resolves the office of a request, or answers with the page that says why not. */
  async function withOffice(c: Context<ConsoleEnv>, asked: string | undefined, run: (office: Office) => Promise<Response>): Promise<Response> {
    const office = officeOf(c, asked);
    if (office === "unknown") return notFound(c, "notFound");
    if (office === "forbidden") return notFound(c, "forbidden");
    return run(office);
  }

  /** Turns a refusal a person can act on into words next to the field, or on top of the page. */
  function refusal(error: unknown, w: ConsoleWords, dateField: string): { errors?: Errors; error?: string; status: 400 | 404 | 409 } | undefined {
    const e = w.officeCalendar.errors;
    if (error instanceof AlreadyClosed) return { errors: { [dateField]: e.already_closed }, status: 409 };
    if (error instanceof FieldRefused) {
      if (error.field === "date") return { errors: { [dateField]: error.reason === "past" ? e.past : e.date }, status: 400 };
      return { error: error.field === "counsellorId" ? e.counsellor : e.required, status: 400 };
    }
    if (error instanceof HttpError && error.status === 404) return { error: e.gone, status: 404 };
    return undefined;
  }

  const done = (office: Office, what: string, extra = "") => `${PATH}?office=${office.id}&done=${what}${extra}`;

  /** Removes a closure or an absence; another office's is forbidden, a refusal comes back on the page. */
  async function remove(c: Context<ConsoleEnv>, run: (staff: ConsoleStaff, id: string) => Promise<unknown>, dateField: string, doneKey: string) {
    const form = await c.req.parseBody();
    return withOffice(c, field(form, "office") || undefined, async (office) => {
      try {
        await run(c.get("staff"), c.req.param("id")!);
      } catch (error) {
        if (error instanceof HttpError && error.status === 403) return notFound(c, "forbidden");
        const r = refusal(error, c.get("w"), dateField);
        if (!r) throw error;
        return mainPage(c, office, r, r.status);
      }
      return c.redirect(done(office, doneKey), 303);
    });
  }

  return new Hono<ConsoleEnv>()
    .get("/office-calendar", (c) =>
      withOffice(c, c.req.query("office"), (office) => {
        const told = Number(c.req.query("told"));
        return mainPage(c, office, { done: c.req.query("done"), told: Number.isInteger(told) && told >= 0 ? told : 0 });
      }),
    )
    .post("/office-calendar/closures/preview", async (c) => {
      const form = await c.req.parseBody();
      const w = c.get("w");
      const staff = c.get("staff");
      const asked = field(form, "office");
      return withOffice(c, asked === ALL ? undefined : asked || undefined, async (office) => {
        const { input, values, errors } = readClosureForm(form, staff, w);
        if (!input) return mainPage(c, office, { values, errors }, 400);
        let affected: AffectedBooking[];
        try {
          affected = await actions.previewClosure(staff, { office: input.office, date: input.date });
        } catch (error) {
          const r = refusal(error, w, "closure-date");
          if (!r) throw error;
          return mainPage(c, office, { values, ...r }, r.status);
        }
        const ctx = ctxOf(c, office);
        const { locale } = ctx;
        const t = w.officeCalendar;
        const where = input.office ? officeName(config, locale, input.office) : w.calendar.allOffices;
        return c.html(
          page(
            <Layout ctx={ctx} title={t.confirmTitle} active="officeCalendar">
              <p>{t.confirmLead(dateText(locale, input.date), where)}</p>
              <p>{`${t.reason}: ${input.reason}`}</p>
              <section aria-labelledby="affected-heading">
                <h2 id="affected-heading">{t.affectedHeading}</h2>
                {affected.length === 0 ? (
                  <p>{t.noneAffected}</p>
                ) : (
                  <>
                    <p>{t.affectedLead(affected.length)}</p>
                    <AffectedTable ctx={ctx} rows={affected} office={officeById} caption={t.affectedHeading} />
                  </>
                )}
              </section>
              <form method="post" action={`${PATH}/closures`}>
                <CsrfField ctx={ctx} />
                <input type="hidden" name="office" value={input.office ?? ALL} />
                <input type="hidden" name="date" value={input.date} />
                <input type="hidden" name="reason" value={input.reason} />
                <input type="hidden" name="expected" value={String(affected.length)} />
                <button type="submit">{t.confirmClose(affected.length)}</button>
              </form>
              <p>
                <a href={`${PATH}?office=${office.id}`}>{t.back}</a>
              </p>
            </Layout>,
          ),
        );
      });
    })
    .post("/office-calendar/closures", async (c) => {
      const form = await c.req.parseBody();
      const w = c.get("w");
      const staff = c.get("staff");
      const asked = field(form, "office");
      return withOffice(c, asked === ALL ? undefined : asked || undefined, async (office) => {
        const { input, values, errors } = readClosureForm(form, staff, w);
        if (!input) return mainPage(c, office, { values, errors }, 400);
        try {
          // Whatever is on that day when the closure is stored is told, even a booking made since the preview.
          const result = await actions.addClosure(staff, { ...input, tellSeekers: true });
          return c.redirect(done(office, "closed", `&told=${result.affected.length}`), 303);
        } catch (error) {
          const r = refusal(error, w, "closure-date");
          if (!r) throw error;
          return mainPage(c, office, { values, ...r }, r.status);
        }
      });
    })
    .post("/office-calendar/closures/:id/remove", (c) => remove(c, actions.removeClosure, "closure-date", "closureRemoved"))
    .post("/office-calendar/absences", async (c) => {
      const form = await c.req.parseBody();
      const w = c.get("w");
      const e = w.officeCalendar.errors;
      return withOffice(c, field(form, "office") || undefined, async (office) => {
        const values = { "absence-counsellor": field(form, "counsellorId"), "absence-date": field(form, "date"), "absence-from": field(form, "from"), "absence-to": field(form, "to") };
        const errors: Errors = {};
        if (!office.counsellors.some((x) => x.id === values["absence-counsellor"])) errors["absence-counsellor"] = e.counsellor;
        if (!realDate.safeParse(values["absence-date"]).success) errors["absence-date"] = e.date;
        for (const key of ["absence-from", "absence-to"] as const) {
          if (values[key] && !clockTime.safeParse(values[key]).success) errors[key] = e.time;
        }
        if (!errors["absence-from"] && !errors["absence-to"] && values["absence-from"] && values["absence-to"] && minutesOf(values["absence-from"]) >= minutesOf(values["absence-to"])) {
          errors["absence-to"] = e.order;
        }
        if (Object.keys(errors).length > 0) return mainPage(c, office, { values, errors }, 400);
        try {
          await actions.addAbsence(c.get("staff"), {
            counsellorId: values["absence-counsellor"],
            date: values["absence-date"],
            from: values["absence-from"] || undefined,
            to: values["absence-to"] || undefined,
          });
        } catch (error) {
          const r = refusal(error, w, "absence-date");
          if (!r) throw error;
          return mainPage(c, office, { values, ...r }, r.status);
        }
        return c.redirect(done(office, "absenceAdded"), 303);
      });
    })
    .post("/office-calendar/absences/:id/remove", (c) => remove(c, actions.removeAbsence, "absence-date", "absenceRemoved"))
    .post("/office-calendar/available-now", async (c) => {
      const form = await c.req.parseBody();
      const w = c.get("w");
      const counsellorId = field(form, "counsellorId");
      const office = config.offices.find((o) => o.counsellors.some((x) => x.id === counsellorId));
      if (!office) return notFound(c, "notFound");
      return withOffice(c, office.id, async () => {
        const minutes = Number(field(form, "minutes"));
        if (!(minutes === 0 || (AVAILABLE_MINUTES as readonly number[]).includes(minutes))) {
          return mainPage(c, office, { errors: { [`avail-${counsellorId}`]: w.officeCalendar.errors.minutes } }, 400);
        }
        await actions.setAvailableNow(c.get("staff"), { counsellorId, minutes });
        return c.redirect(done(office, "available"), 303);
      });
    });
}
