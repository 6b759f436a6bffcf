/** @jsxImportSource hono/jsx */
// One booking: every detail (opening it is an audited read) and what staff can do with it. Each form
// carries the version of the booking it was drawn from, so a change made meanwhile is refused with a
// message instead of being overwritten.
import { Hono, type Context } from "hono";
import { z } from "zod";
import { findOffice } from "../../config.ts";
import type { AppDeps } from "../../http/app.ts";
import { HttpError } from "../../http/errors.ts";
import { bookingActions } from "../../http/staff/bookingActions.ts";
import type { AuditTrailRow } from "../../store/audit.ts";
import type { BookingNote } from "../../store/bookingNotes.ts";
import type { Booking } from "../../store/bookings.ts";
import { instantText, counsellorName, CsrfField, formField as field, FieldError, Layout, Notice, officeName, page, slotText, type PageContext } from "../layout.tsx";
import { BASE, type ConsoleEnv } from "../session.ts";
import { catalogues, detailText, reasonText, wordsFor, type ConsoleWords, type Locale } from "../../i18n/index.ts";
import { isRejectReasonCode, rejectReasonCodes } from "../../booking/reasons.ts";
import { detailNames, type DetailField } from "../../booking/details.ts";

type Errors = Record<string, string>;

/** Details shown only when given (an establishment number is an employer's); the others show 「なし」 when empty. */
const hiddenWhenEmpty: readonly DetailField[] = ["establishmentNumber"];

/** A stored detail as staff read it: the kind of requester and a coded answer in their language, else as stored. */
function detailRow(w: ConsoleWords, locale: Locale, name: DetailField, stored: string | null): string | null {
  return name === "requesterKind" && stored ? (w.booking.kinds[stored] ?? stored) : detailText(locale, name, stored);
}
type Values = Record<string, string>;

const httpsUrl = z.url({ protocol: /^https$/, hostname: z.regexes.domain }).max(2000);

function Detail(props: { label: string; value: string | null | undefined; none: string }) {
  return (
    <>
      <dt>{props.label}</dt>
      <dd>{props.value ? props.value : <span class="none">{props.none}</span>}</dd>
    </>
  );
}

interface BookingRecord {
  notes: BookingNote[];
  history: AuditTrailRow[];
}

function BookingPage(props: { ctx: PageContext; b: Booking; record: BookingRecord; deps: AppDeps; done?: string; error?: string; errors?: Errors; values?: Values }) {
  const { ctx, b } = props;
  const { w, locale } = ctx;
  const t = w.booking;
  const office = findOffice(props.deps.config, b.officeId);
  const errors = props.errors ?? {};
  const values = props.values ?? {};
  const version = String(b.updatedAt.getTime());
  const action = (name: string) => `${BASE}/bookings/${b.id}/${name}`;
  const now = props.deps.clock();
  const invalid = (name: string) => (errors[name] ? { "aria-invalid": "true" as const, "aria-describedby": `${name}-error` } : {});

  return (
    <Layout ctx={ctx} title={t.title(b.reference)} active="queue">
      <p class="tools">
        <a href={BASE}>{t.back}</a>
        {" "}
        <a href={`${BASE}/new?followUp=${b.id}`}>{t.followUp}</a>
      </p>
      {props.done ? <Notice kind="ok">{t.done[props.done] ?? ""}</Notice> : null}
      {props.error ? <Notice kind="error">{props.error}</Notice> : null}
      <section aria-labelledby="details-heading">
        <h2 id="details-heading">{t.details}</h2>
        <p class="hint">{t.readAudited}</p>
        <dl class="details">
          <Detail label={t.status} value={w.status[b.status]} none={t.none} />
          {b.statusReason && b.statusReason !== "marked_by_staff" ? <Detail label={t.statusReason} value={reasonText(locale, b)} none={t.none} /> : null}
          <Detail label={t.office} value={officeName(props.deps.config, locale, b.officeId)} none={t.none} />
          <Detail label={t.when} value={slotText(locale, b.startsAt, b.endsAt)} none={t.none} />
          <Detail label={t.counsellor} value={`${counsellorName(office, locale, b.counsellorId)}${b.counsellorNamed ? t.named : ""}`} none={t.none} />
          {detailNames.map((name) => {
            const value = detailRow(w, locale, name, b[name]);
            return value || !hiddenWhenEmpty.includes(name) ? <Detail label={w.fields[name]} value={value} none={t.none} /> : null;
          })}
          <Detail label={t.channel} value={w.channel[b.channel] ?? b.channel} none={t.none} />
          <Detail label={t.locale} value={w.languages[b.locale]} none={t.none} />
          <Detail label={t.meetingUrl} value={b.meetingUrl} none={t.none} />
          <Detail label={t.accessCode} value={b.accessCode} none={t.none} />
          <Detail label={t.createdAt} value={instantText(locale, b.createdAt)} none={t.none} />
        </dl>
      </section>

      <section aria-labelledby="actions-heading" class="actions">
        <h2 id="actions-heading">{t.actions}</h2>
        {b.status === "requested" ? (
          <>
            <form method="post" action={action("confirm")} class="card">
              <CsrfField ctx={ctx} />
              <input type="hidden" name="version" value={version} />
              <h3>{t.confirm}</h3>
              <p class="hint" id="confirm-help">
                {t.confirmHelp}
              </p>
              <label for="meetingUrl">{t.meetingUrl}</label>
              <input id="meetingUrl" name="meetingUrl" type="url" inputmode="url" required value={values.meetingUrl ?? ""} {...invalid("meetingUrl")} />
              <FieldError id="meetingUrl-error" message={errors.meetingUrl} />
              <label for="accessCode">{t.accessCode}</label>
              <input id="accessCode" name="accessCode" type="text" value={values.accessCode ?? ""} {...invalid("accessCode")} />
              <FieldError id="accessCode-error" message={errors.accessCode} />
              <label for="counsellorId">{t.counsellor}</label>
              <select id="counsellorId" name="counsellorId">
                {(office?.counsellors ?? []).map((x) => (
                  <option value={x.id} selected={(values.counsellorId ?? b.counsellorId) === x.id}>
                    {x.name[locale]}
                  </option>
                ))}
              </select>
              <button type="submit">{t.confirm}</button>
            </form>
            <form method="post" action={action("reject")} class="card">
              <CsrfField ctx={ctx} />
              <input type="hidden" name="version" value={version} />
              <h3>{t.reject}</h3>
              <ReasonFields w={w} locale={locale} prefix="reject" values={values} errors={errors} choices />
              <button type="submit" class="danger">{t.reject}</button>
            </form>
          </>
        ) : null}
        {(b.status === "requested" || b.status === "confirmed") && b.startsAt > now ? (
          <form method="post" action={action("cancel")} class="card">
            <CsrfField ctx={ctx} />
            <input type="hidden" name="version" value={version} />
            <h3>{t.cancel}</h3>
            <ReasonFields w={w} locale={locale} prefix="cancel" values={values} errors={errors} choices={false} />
            <button type="submit" class="danger">{t.cancel}</button>
          </form>
        ) : null}
        {(b.status === "requested" || b.status === "confirmed") && b.startsAt > now ? (
          <form method="post" action={action("counsellor")} class="card">
            <CsrfField ctx={ctx} />
            <input type="hidden" name="version" value={version} />
            <h3>{t.changeCounsellor}</h3>
            <p class="hint">{t.changeCounsellorHelp}</p>
            <label for="newCounsellorId">{t.counsellor}</label>
            <select id="newCounsellorId" name="counsellorId" {...invalid("newCounsellorId")}>
              {(office?.counsellors ?? []).map((x) => (
                <option value={x.id} selected={(values.newCounsellorId ?? b.counsellorId) === x.id}>
                  {x.name[locale]}
                </option>
              ))}
            </select>
            <FieldError id="newCounsellorId-error" message={errors.newCounsellorId} />
            <button type="submit">{t.changeCounsellor}</button>
          </form>
        ) : null}
        {b.status === "confirmed" && b.startsAt > now ? (
          <form method="post" action={action("meeting")} class="card">
            <CsrfField ctx={ctx} />
            <input type="hidden" name="version" value={version} />
            <h3>{t.changeMeeting}</h3>
            <p class="hint">{t.changeMeetingHelp}</p>
            <label for="newMeetingUrl">{t.meetingUrl}</label>
            <input id="newMeetingUrl" name="meetingUrl" type="url" inputmode="url" required value={values.newMeetingUrl ?? b.meetingUrl ?? ""} {...invalid("newMeetingUrl")} />
            <FieldError id="newMeetingUrl-error" message={errors.newMeetingUrl} />
            <label for="newAccessCode">{t.accessCode}</label>
            <input id="newAccessCode" name="accessCode" type="text" value={values.newAccessCode ?? b.accessCode ?? ""} {...invalid("newAccessCode")} />
            <FieldError id="newAccessCode-error" message={errors.newAccessCode} />
            <button type="submit">{t.changeMeeting}</button>
          </form>
        ) : null}
        {b.status === "confirmed" ? (
          <div class="card">
            <form method="post" action={action("attended")} class="inline">
              <CsrfField ctx={ctx} />
              <input type="hidden" name="version" value={version} />
              <button type="submit">{t.attended}</button>
            </form>
            <form method="post" action={action("no-show")} class="inline">
              <CsrfField ctx={ctx} />
              <input type="hidden" name="version" value={version} />
              <button type="submit" class="secondary">{t.noShow}</button>
            </form>
          </div>
        ) : null}
      </section>

      <section aria-labelledby="notes-heading">
        <h2 id="notes-heading">{t.notes}</h2>
        <p class="hint">{t.notesHint}</p>
        {props.record.notes.length === 0 ? (
          <p class="empty">{t.noNotes}</p>
        ) : (
          <ul class="notes">
            {props.record.notes.map((n) => (
              <li>
                <p class="note-meta">{t.noteBy(n.staffEmail ?? t.actors.staffGone!, instantText(locale, n.createdAt))}</p>
                <p class="note-body">{n.body}</p>
              </li>
            ))}
          </ul>
        )}
        <form method="post" action={action("notes")} class="card">
          <CsrfField ctx={ctx} />
          <label for="note">{t.note}</label>
          <textarea id="note" name="note" rows={3} maxlength={2000} {...invalid("note")}>
            {values.note ?? ""}
          </textarea>
          <FieldError id="note-error" message={errors.note} />
          <button type="submit">{t.addNote}</button>
        </form>
      </section>

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t.history}</h2>
        <History ctx={ctx} rows={props.record.history} office={office} />
      </section>
    </Layout>
  );
}

function actorText(t: ConsoleWords["booking"], row: AuditTrailRow): string {
  if (row.staffEmail) return row.staffEmail;
  if (row.actor.startsWith("staff:")) return t.actors.staffGone!;
  if (row.actor.startsWith("seeker:")) return t.actors.seeker!;
  if (row.actor.startsWith("system:")) return t.actors.system!;
  return t.actors.other!;
}

function History(props: { ctx: PageContext; rows: AuditTrailRow[]; office: ReturnType<typeof findOffice> }) {
  const { w, locale } = props.ctx;
  const t = w.booking;
  if (props.rows.length === 0) return <p class="empty">{t.noHistory}</p>;
  const statusOf = (v: unknown) => (typeof v === "string" && v in w.status ? w.status[v as Booking["status"]] : undefined);
  const detail = (row: AuditTrailRow): string => {
    const before = row.before ?? {};
    const after = row.after ?? {};
    if (row.action === "change_counsellor") {
      return t.counsellorChange(counsellorName(props.office, locale, String(before.counsellorId)), counsellorName(props.office, locale, String(after.counsellorId)));
    }
    const from = statusOf(before.status);
    const to = statusOf(after.status);
    return from && to && from !== to ? t.statusChange(from, to) : "";
  };
  return (
    <table class="list">
      <thead>
        <tr>
          <th scope="col">{t.historyWhen}</th>
          <th scope="col">{t.historyWho}</th>
          <th scope="col">{t.historyWhat}</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => {
          const more = detail(row);
          return (
            <tr>
              <td>{instantText(locale, row.at)}</td>
              <td>{actorText(t, row)}</td>
              <td>
                {t.historyActions[row.action] ?? row.action}
                {more ? wordsFor(locale).formats.aside("", more) : ""}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function ReasonFields(props: { w: ConsoleWords; locale: Locale; prefix: "reject" | "cancel"; values: Values; errors: Errors; choices: boolean }) {
  const t = props.w.booking;
  const detailId = `${props.prefix}-detail`;
  const error = props.errors[detailId];
  return (
    <>
      {props.choices ? (
        <>
          <label for={`${props.prefix}-reason`}>{t.rejectReason}</label>
          <select id={`${props.prefix}-reason`} name="reason">
            {rejectReasonCodes.map((code) => (
              <option value={code} selected={props.values.reason === code}>
                {wordsFor(props.locale).codes.reason[code]}
              </option>
            ))}
            <option value="other" selected={props.values.reason === "other"}>
              {t.rejectOther}
            </option>
          </select>
        </>
      ) : null}
      <label for={detailId}>{props.prefix === "reject" ? t.reasonDetail : t.cancelReason}</label>
      <textarea id={detailId} name="detail" rows={3} maxlength={400} aria-invalid={error ? "true" : undefined} aria-describedby={error ? `${detailId}-error` : undefined}>
        {props.values[detailId] ?? ""}
      </textarea>
      <FieldError id={`${detailId}-error`} message={error} />
    </>
  );
}

export function bookingPageRoutes(deps: AppDeps) {
  const actions = bookingActions(deps);

  function ctxOf(c: Context<ConsoleEnv>, b: Booking): PageContext {
    return { w: c.get("w"), locale: c.get("locale"), staff: c.get("staff"), csrf: c.get("csrf"), here: `${BASE}/bookings/${b.id}` };
  }

  async function recordOf(b: Booking): Promise<BookingRecord> {
    const [notes, history] = await Promise.all([actions.notes(b), actions.history(b)]);
    return { notes, history };
  }

  /** Shows the page again with what went wrong, keeping what was typed. */
  async function again(c: Context<ConsoleEnv>, id: string, status: 400 | 409, state: { error?: string; errors?: Errors; values?: Values }) {
    const b = await actions.read(c.get("staff"), id);
    return c.html(page(<BookingPage ctx={ctxOf(c, b)} b={b} record={await recordOf(b)} deps={deps} {...state} />), status);
  }

  /** Runs an action; a refusal the person can act on comes back as a message on the page. */
  async function act(c: Context<ConsoleEnv>, done: string, values: Values, run: (b: Booking, version: Date | undefined) => Promise<unknown>) {
    const staff = c.get("staff");
    const id = c.req.param("id")!;
    const b = await actions.visible(staff, id);
    const form = await c.req.parseBody();
    const version = /^\d{1,15}$/.test(field(form, "version")) ? new Date(Number(field(form, "version"))) : undefined;
    try {
      await run(b, version);
    } catch (error) {
      if (error instanceof HttpError && error.status === 409) {
        const errors = c.get("w").booking.errors as Record<string, unknown>;
        const text = typeof errors[error.code] === "string" ? (errors[error.code] as string) : c.get("w").booking.errors.invalid_state;
        return again(c, id, 409, { error: text, values });
      }
      throw error;
    }
    return c.redirect(`${BASE}/bookings/${b.id}?done=${done}`, 303);
  }

  return new Hono<ConsoleEnv>()
    .get("/bookings/:id", async (c) => {
      let b: Booking;
      try {
        b = await actions.read(c.get("staff"), c.req.param("id"));
      } catch (error) {
        if (error instanceof HttpError) return notFound(c, error.status === 403 ? "forbidden" : "notFound");
        throw error;
      }
      const done = c.req.query("done");
      return c.html(page(<BookingPage ctx={ctxOf(c, b)} b={b} record={await recordOf(b)} deps={deps} done={done && done in c.get("w").booking.done ? done : undefined} />));
    })
    .post("/bookings/:id/confirm", async (c) => {
      const t = c.get("w").booking;
      const form = await c.req.parseBody();
      const values = { meetingUrl: field(form, "meetingUrl"), accessCode: field(form, "accessCode"), counsellorId: field(form, "counsellorId") };
      const errors: Errors = {};
      if (!values.meetingUrl) errors.meetingUrl = t.errors.meetingRequired;
      else if (!httpsUrl.safeParse(values.meetingUrl).success) errors.meetingUrl = t.errors.url;
      if (values.accessCode.length > 100) errors.accessCode = t.errors.tooLong(100);
      if (Object.keys(errors).length > 0) return again(c, c.req.param("id"), 400, { errors, values });
      return act(c, "confirmed", values, (b, version) =>
        actions.confirm(c.get("staff"), b, { meetingUrl: values.meetingUrl, accessCode: values.accessCode || undefined, counsellorId: values.counsellorId || undefined }, version),
      );
    })
    .post("/bookings/:id/reject", async (c) => {
      const t = c.get("w").booking;
      const form = await c.req.parseBody();
      const code = field(form, "reason");
      const detail = field(form, "detail");
      const values = { reason: code, "reject-detail": detail };
      const known = isRejectReasonCode(code);
      if (!known && !detail) return again(c, c.req.param("id"), 400, { errors: { "reject-detail": t.errors.reasonRequired }, values });
      if (detail.length > 400) return again(c, c.req.param("id"), 400, { errors: { "reject-detail": t.errors.tooLong(400) }, values });
      // A reason from the list is stored as its code (the seeker reads it in their language), what staff wrote beside it as written.
      return act(c, "rejected", values, (b, version) => actions.reject(c.get("staff"), b, known ? { code, detail: detail || undefined } : detail, version));
    })
    .post("/bookings/:id/cancel", async (c) => {
      const t = c.get("w").booking;
      const form = await c.req.parseBody();
      const detail = field(form, "detail");
      const values = { "cancel-detail": detail };
      if (!detail) return again(c, c.req.param("id"), 400, { errors: { "cancel-detail": t.errors.reasonRequired }, values });
      if (detail.length > 400) return again(c, c.req.param("id"), 400, { errors: { "cancel-detail": t.errors.tooLong(400) }, values });
      return act(c, "cancelled", values, (b, version) => actions.cancel(c.get("staff"), b, detail, version));
    })
    .post("/bookings/:id/counsellor", async (c) => {
      const t = c.get("w").booking;
      const form = await c.req.parseBody();
      const counsellorId = field(form, "counsellorId");
      const values = { newCounsellorId: counsellorId };
      const b = await actions.visible(c.get("staff"), c.req.param("id"));
      if (!findOffice(deps.config, b.officeId)?.counsellors.some((x) => x.id === counsellorId)) {
        return again(c, b.id, 400, { errors: { newCounsellorId: t.errors.counsellor }, values });
      }
      return act(c, "counsellor_changed", values, (b, version) => actions.changeCounsellor(c.get("staff"), b, counsellorId, version));
    })
    .post("/bookings/:id/meeting", async (c) => {
      const t = c.get("w").booking;
      const form = await c.req.parseBody();
      const values = { newMeetingUrl: field(form, "meetingUrl"), newAccessCode: field(form, "accessCode") };
      const errors: Errors = {};
      if (!values.newMeetingUrl) errors.newMeetingUrl = t.errors.meetingRequired;
      else if (!httpsUrl.safeParse(values.newMeetingUrl).success) errors.newMeetingUrl = t.errors.url;
      if (values.newAccessCode.length > 100) errors.newAccessCode = t.errors.tooLong(100);
      if (Object.keys(errors).length > 0) return again(c, c.req.param("id"), 400, { errors, values });
      return act(c, "meeting_changed", values, (b, version) =>
        actions.changeMeeting(c.get("staff"), b, { meetingUrl: values.newMeetingUrl, accessCode: values.newAccessCode || undefined }, version),
      );
    })
    .post("/bookings/:id/notes", async (c) => {
      const t = c.get("w").booking;
      const form = await c.req.parseBody();
      const note = typeof form.note === "string" ? form.note.trim() : "";
      const values = { note };
      if (!note) return again(c, c.req.param("id"), 400, { errors: { note: t.errors.noteRequired }, values });
      if (note.length > 2000) return again(c, c.req.param("id"), 400, { errors: { note: t.errors.tooLong(2000) }, values });
      return act(c, "note_added", values, (b) => actions.addNote(c.get("staff"), b, note));
    })
    .post("/bookings/:id/attended", (c) => act(c, "attended", {}, (b, version) => actions.attended(c.get("staff"), b, version)))
    .post("/bookings/:id/no-show", (c) => act(c, "no_show", {}, (b, version) => actions.noShow(c.get("staff"), b, version)));
}



export function notFound(c: Context<ConsoleEnv>, which: "notFound" | "forbidden") {
  const w = c.get("w");
  const ctx: PageContext = { w, locale: c.get("locale"), staff: c.get("staff"), csrf: c.get("csrf"), here: BASE };
  const text = which === "forbidden" ? w.errorPage.forbidden : w.errorPage.notFound;
  return c.html(
    page(
      <Layout ctx={ctx} title={text}>
        <p>
          <a href={BASE}>{w.errorPage.home}</a>
        </p>
      </Layout>,
    ),
    which === "forbidden" ? 403 : 404,
  );
}
