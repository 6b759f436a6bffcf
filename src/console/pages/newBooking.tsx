import { catalogues, defaultLocale, detailText, locales } from "../../i18n/index.ts";
/** @jsxImportSource hono/jsx */
// "Book for someone": a phone or counter request, or a follow-up agreed during a session (art. 6(4)),
// made with the bot's own rules: the picker lists only the free slots the rules allow (loadSchedule +
// availableSlots, as the chat does), and bookingActions.create takes the slot with the same checks.
import { Hono, type Context } from "hono";
import { z } from "zod";
import { detailNames, detailSchemas, isOptionalDetail, type DetailField, type partialDetailsSchema } from "../../booking/details.ts";
import { findOffice, type Office } from "../../config.ts";
import type { AppDeps } from "../../http/app.ts";
import { HttpError } from "../../http/errors.ts";
import { canSeeOffice } from "../../http/staff/auth.ts";
import { bookingActions, SlotRefused } from "../../http/staff/bookingActions.ts";
import { addDays, jstDate, jstTime } from "../../jst.ts";
import { parseEstablishmentNumber, parsePhone, parseSeekerNumber } from "../../nlu/index.ts";
import { availableSlots, isBusinessDay, type Slot } from "../../schedule/index.ts";
import { loadSchedule } from "../../store/calendar.ts";
import { dateText, addMenuEntry, counsellorName, CsrfField, FieldError, Layout, Notice, page, visibleOffices, type PageContext } from "../layout.tsx";
import { BASE, type ConsoleEnv } from "../session.ts";
import type { ConsoleWords } from "../../i18n/index.ts";
import { notFound } from "./booking.tsx";
import { realDate } from "../dates.ts";

addMenuEntry("newBooking", `${BASE}/new`);

type Values = Record<string, string>;
type Errors = Record<string, string>;

/** Business days shown at once in the slot picker. */
const PICKER_DAYS = 5;

const optional = (max: number) => z.string().trim().max(max).transform((v) => v || undefined);
const httpsUrl = z.url({ protocol: /^https$/, hostname: z.regexes.domain }).max(2000);

/** A field read by the chat's own parser (full-width digits, spaces, words around it), its failure named after the field. */
function readBy(field: DetailField, parse: (text: string) => { ok: true; value: string } | { ok: false }) {
  return z.string().transform((v, ctx) => {
    const parsed = parse(v);
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", message: field });
      return z.NEVER;
    }
    return parsed.value;
  });
}

type FormDetail<K extends DetailField> = z.ZodType<z.infer<typeof partialDetailsSchema>[K]>;

/** The details that the form reads by the chat's own parser, or that need a trim before their shape. */
const readAs: { [K in DetailField]?: FormDetail<K> } = {
  seekerNumber: optional(30).pipe(readBy("seekerNumber", parseSeekerNumber).pipe(detailSchemas.seekerNumber).optional()),
  establishmentNumber: optional(30).pipe(readBy("establishmentNumber", parseEstablishmentNumber).pipe(detailSchemas.establishmentNumber).optional()),
  email: z.string().trim().pipe(detailSchemas.email),
  phone: z.string().trim().pipe(readBy("phone", parsePhone)).pipe(detailSchemas.phone),
};

/** Any other detail as typed: its own shape from src/booking/details.ts; an optional one left empty is left out. */
function typedAs<K extends DetailField>(name: K): FormDetail<K> {
  const schema = detailSchemas[name] as z.ZodType<string, string>;
  return (isOptionalDetail(name) ? z.string().trim().transform((v) => v || undefined).pipe(schema.optional()) : schema) as FormDetail<K>;
}

/** The person's details as typed in the form, each ending in its shape from src/booking/details.ts. */
const detailsForm = Object.fromEntries(detailNames.map((name) => [name, readAs[name] ?? typedAs(name)])) as { [K in DetailField]: FormDetail<K> };

/** The form, field by field; each failure becomes the field's own message in the staff's language. */
const bookingForm = z.object({
  office: z.string(),
  counsellorId: z.string().trim().transform((v) => v || undefined),
  startsAt: z.iso.datetime({ offset: true }),
  ...detailsForm,
  locale: z.enum(locales),
  meetingUrl: z
    .string()
    .trim()
    .transform((v) => v || undefined)
    .pipe(httpsUrl.optional()),
  accessCode: optional(100),
  fromBookingId: z
    .string()
    .trim()
    .transform((v) => v || undefined)
    .pipe(z.uuid().optional()),
});

const fields = Object.keys(bookingForm.shape);

interface Picker {
  office: Office;
  counsellorId?: string;
  from: string;
  days: { date: string; slots: Slot[] }[];
}

function NewBookingPage(props: { ctx: PageContext; deps: AppDeps; picker: Picker; values: Values; errors: Errors; error?: string; followUp?: string }) {
  const { ctx, picker, values, errors } = props;
  const { w, locale } = ctx;
  const t = w.newBooking;
  const offices = visibleOffices(props.deps.config, ctx.staff!);
  const invalid = (name: string) => (errors[name] ? { "aria-invalid": "true" as const, "aria-describedby": `${name}-error` } : {});
  const pickerQuery = (from: string) => {
    const q = new URLSearchParams({ office: picker.office.id, from });
    if (picker.counsellorId) q.set("counsellor", picker.counsellorId);
    if (values.fromBookingId) q.set("followUp", values.fromBookingId);
    return `${BASE}/new?${q}`;
  };
  const text = (name: string, label: string, options: { type?: string; required?: boolean; hint?: string; autocomplete?: string } = {}) => (
    <p>
      <label for={name}>{label}</label>
      {options.hint ? (
        <span class="hint" id={`${name}-hint`}>
          {options.hint}
        </span>
      ) : null}
      <input id={name} name={name} type={options.type ?? "text"} required={options.required} value={values[name] ?? ""} {...invalid(name)} />
      <FieldError id={`${name}-error`} message={errors[name]} />
    </p>
  );
  const lastDay = picker.days.at(-1)?.date ?? picker.from;
  /** Details asked by more than a line of text; any other is one, required unless it may be left out. */
  const fieldFor: { [K in DetailField]?: () => unknown } = {
    requesterKind: () => (
      <p>
        <label for="requesterKind">{w.fields.requesterKind}</label>
        <select id="requesterKind" name="requesterKind" {...invalid("requesterKind")}>
          {(["seeker", "employer"] as const).map((k) => (
            <option value={k} selected={(values.requesterKind ?? "seeker") === k}>
              {w.booking.kinds[k]}
            </option>
          ))}
        </select>
      </p>
    ),
    topic: () => (
      <p>
        <label for="topic">{w.fields.topic}</label>
        <textarea id="topic" name="topic" rows={3} maxlength={1000} required {...invalid("topic")}>
          {values.topic ?? ""}
        </textarea>
        <FieldError id="topic-error" message={errors.topic} />
      </p>
    ),
  };
  const textOptions: { [K in DetailField]?: { type?: string; hint?: string } } = {
    seekerNumber: { hint: t.seekerNumberHint },
    establishmentNumber: { hint: t.establishmentNumberHint },
    email: { type: "email" },
    phone: { type: "tel" },
  };

  return (
    <Layout ctx={ctx} title={props.followUp ? t.titleFollowUp(props.followUp) : t.title} active="newBooking">
      <p class="hint">{t.intro}</p>
      {props.error ? <Notice kind="error">{props.error}</Notice> : null}

      <form method="get" action={`${BASE}/new`} class="filters" aria-label={t.pickerFilters}>
        {values.fromBookingId ? <input type="hidden" name="followUp" value={values.fromBookingId} /> : null}
        {offices.length > 1 && !values.fromBookingId ? (
          <p>
            <label for="p-office">{t.office}</label>
            <select id="p-office" name="office">
              {offices.map((o) => (
                <option value={o.id} selected={o.id === picker.office.id}>
                  {o.name[locale]}
                </option>
              ))}
            </select>
          </p>
        ) : (
          <input type="hidden" name="office" value={picker.office.id} />
        )}
        <p>
          <label for="p-counsellor">{t.counsellor}</label>
          <select id="p-counsellor" name="counsellor">
            <option value="">{t.anyCounsellor}</option>
            {picker.office.counsellors.map((x) => (
              <option value={x.id} selected={x.id === picker.counsellorId}>
                {x.name[locale]}
              </option>
            ))}
          </select>
        </p>
        <p>
          <label for="p-from">{t.fromDate}</label>
          <input id="p-from" name="from" type="date" value={picker.from} />
        </p>
        <p class="buttons">
          <button type="submit">{t.showSlots}</button>
        </p>
      </form>

      <form method="post" action={`${BASE}/new`} class="new-booking">
        <CsrfField ctx={ctx} />
        <input type="hidden" name="office" value={picker.office.id} />
        <input type="hidden" name="counsellorId" value={picker.counsellorId ?? ""} />
        {values.fromBookingId ? <input type="hidden" name="fromBookingId" value={values.fromBookingId} /> : null}

        <fieldset class="slots" aria-describedby={errors.startsAt ? "startsAt-error" : undefined}>
          <legend>{t.slots(picker.office.name[locale], picker.counsellorId ? counsellorName(picker.office, locale, picker.counsellorId) : t.anyCounsellor)}</legend>
          <FieldError id="startsAt-error" message={errors.startsAt} />
          <p class="tools">
            <a href={pickerQuery(addDays(picker.from, -7))}>{t.earlier}</a>
            {" "}
            <a href={pickerQuery(addDays(lastDay, 1))}>{t.later}</a>
          </p>
          <div class="days">
            {picker.days.map((day) => (
              <div class="day" role="group" aria-labelledby={`day-${day.date}`}>
                <h3 id={`day-${day.date}`}>{dateText(locale, day.date)}</h3>
                {day.slots.length === 0 ? (
                  <p class="empty">{t.noSlots}</p>
                ) : (
                  <ul>
                    {day.slots.map((slot) => {
                      const value = slot.startsAt.toISOString();
                      const id = `slot-${value.replace(/[^0-9]/g, "")}`;
                      return (
                        <li>
                          <input type="radio" id={id} name="startsAt" value={value} checked={values.startsAt === value} />
                          <label for={id}>{t.slotLabel(jstTime(slot.startsAt), slot.counsellorIds.length)}</label>
                        </li>
                      );
                    })}
                  </ul>
                )}
              </div>
            ))}
          </div>
        </fieldset>

        <fieldset>
          <legend>{t.person}</legend>
          {detailNames.map((name) => fieldFor[name]?.() ?? text(name, w.fields[name], { required: !isOptionalDetail(name), ...textOptions[name] }))}
          <p>
            <label for="locale">{t.locale}</label>
            <select id="locale" name="locale">
              {locales.map((code) => (
                <option value={code} selected={(values.locale ?? defaultLocale) === code}>
                  {ctx.w.languages[code]}
                </option>
              ))}
            </select>
          </p>
        </fieldset>

        <fieldset>
          <legend>{t.confirmNow}</legend>
          <p class="hint">{t.confirmNowHint}</p>
          {text("meetingUrl", w.booking.meetingUrl, { type: "url" })}
          {text("accessCode", w.booking.accessCode)}
        </fieldset>
        <button type="submit">{t.submit}</button>
      </form>
    </Layout>
  );
}

function refusalText(t: ConsoleWords["newBooking"], code: string): string {
  return t.refusals[code] ?? t.refusals.other!;
}

export function newBookingRoutes(deps: AppDeps) {
  const { config, clock, store } = deps;
  const actions = bookingActions(deps);

  async function pickerFor(office: Office, from: string, counsellorId: string | undefined): Promise<Picker> {
    const dates: string[] = [];
    for (let d = from, i = 0; dates.length < PICKER_DAYS && i < 31; d = addDays(d, 1), i++) {
      if (isBusinessDay(office.id, d, [])) dates.push(d);
    }
    const schedule = await loadSchedule(store.db, office, clock(), { from, to: dates.at(-1) ?? from });
    return { office, counsellorId, from, days: dates.map((date) => ({ date, slots: availableSlots(schedule, date, { counsellorId }) })) };
  }

  function ctxOf(c: Context<ConsoleEnv>): PageContext {
    const url = new URL(c.req.url);
    return { w: c.get("w"), locale: c.get("locale"), staff: c.get("staff"), csrf: c.get("csrf"), here: `${url.pathname}${url.search}` };
  }

  /** The office and counsellor the picker shows: what was asked for, if the caller may see it, else their first office. */
  function officeAndCounsellor(c: Context<ConsoleEnv>, officeId: string | undefined, counsellorId: string | undefined) {
    const offices = visibleOffices(config, c.get("staff"));
    const office = offices.find((o) => o.id === officeId) ?? offices[0]!;
    return { office, counsellorId: office.counsellors.some((x) => x.id === counsellorId) ? counsellorId : undefined };
  }

  return new Hono<ConsoleEnv>()
    .get("/new", async (c) => {
      const staff = c.get("staff");
      const q = c.req.query();
      const values: Values = {};
      let followUp: string | undefined;
      let officeId = q.office;
      const fromId = q.followUp;
      if (fromId) {
        // The person of an earlier session: opening their details here is a read like the booking page.
        let from;
        try {
          from = await actions.read(staff, fromId);
        } catch (error) {
          if (error instanceof HttpError) return notFound(c, error.status === 403 ? "forbidden" : "notFound");
          throw error;
        }
        followUp = from.reference;
        officeId = from.officeId;
        Object.assign(values, {
          fromBookingId: from.id,
          ...Object.fromEntries(detailNames.map((name) => [name, detailText(c.get("locale"), name, from[name]) ?? ""])),
          locale: from.locale,
        });
      }
      if (officeId && findOffice(config, officeId) && !canSeeOffice(staff, officeId)) return notFound(c, "forbidden");
      const { office, counsellorId } = officeAndCounsellor(c, officeId, q.counsellor);
      const tomorrow = addDays(jstDate(clock()), 1);
      const from = q.from && realDate.safeParse(q.from).success && q.from >= tomorrow ? q.from : tomorrow;
      const picker = await pickerFor(office, from, counsellorId);
      return c.html(page(<NewBookingPage ctx={ctxOf(c)} deps={deps} picker={picker} values={values} errors={{}} followUp={followUp} />));
    })
    .post("/new", async (c) => {
      const staff = c.get("staff");
      const w = c.get("w");
      const form = await c.req.parseBody();
      const values: Values = Object.fromEntries(fields.map((f) => [f, typeof form[f] === "string" ? (form[f] as string) : ""]));
      if (!findOffice(config, values.office!) || !canSeeOffice(staff, values.office!)) return notFound(c, "forbidden");
      const { office, counsellorId } = officeAndCounsellor(c, values.office, values.counsellorId);
      const tomorrow = addDays(jstDate(clock()), 1);
      const chosen = Date.parse(values.startsAt!);
      const pickerFrom = Number.isNaN(chosen) || jstDate(new Date(chosen)) < tomorrow ? tomorrow : jstDate(new Date(chosen));
      const again = async (status: 400 | 409, errors: Errors, error?: string) =>
        c.html(page(<NewBookingPage ctx={ctxOf(c)} deps={deps} picker={await pickerFor(office, pickerFrom, counsellorId)} values={values} errors={errors} error={error} />), status);

      const parsed = bookingForm.safeParse(values);
      if (!parsed.success) {
        const errors: Errors = {};
        for (const issue of parsed.error.issues) {
          const name = String(issue.path[0] ?? "");
          errors[name] ??= w.newBooking.errors[name] ?? w.newBooking.errors.invalid!;
        }
        return again(400, errors, w.newBooking.errors.summary);
      }
      const input = parsed.data;
      try {
        const booking = await actions.create(staff, { ...input, office: office.id });
        return c.redirect(`${BASE}/bookings/${booking.id}?done=${booking.status === "confirmed" ? "created_confirmed" : "created"}`, 303);
      } catch (error) {
        if (error instanceof SlotRefused) return again(409, { startsAt: refusalText(w.newBooking, error.code) }, refusalText(w.newBooking, error.code));
        if (error instanceof HttpError && error.status === 400) return again(400, { counsellorId: w.newBooking.errors.invalid! }, w.newBooking.errors.summary);
        if (error instanceof HttpError && (error.status === 403 || error.status === 404)) return notFound(c, error.status === 403 ? "forbidden" : "notFound");
        throw error;
      }
    });
}
