// The JSON staff see of a booking. Personal details only where asked for (and audited).
import { z } from "zod";
import type { Config } from "../../config.ts";
import { findOffice } from "../../config.ts";
import { catalogues, defaultLocale, detailText, reasonText, staffLocales, type Locale } from "../../i18n/index.ts";
import type { Booking } from "../../store/bookings.ts";
import { personalFields } from "../../booking/details.ts";
import { bookingStatuses, bookings } from "../../store/schema.ts";
import { exampleSlot } from "../openapi.ts";
import { jstInstant } from "./openapi.ts";

/** 2026-12-03T14:00:00.000+09:00 */
export function jstIso(d: Date): string {
  return new Date(d.getTime() + 9 * 3_600_000).toISOString().replace("Z", "+09:00");
}

export const staffBookingSchema = z
  .object({
    id: z.uuid(),
    reference: z.string().meta({ example: "NG-7K3PQ2" }),
    office: z.object({ id: z.string(), name: z.string() }),
    status: z.enum(bookingStatuses),
    statusReason: z
      .string()
      .nullable()
      .meta({ description: "Why the booking was declined or ended: a reason from the list in the language asked for (?lang=, Japanese unless asked), else as staff wrote it." }),
    startsAt: jstInstant,
    endsAt: jstInstant,
    when: z.string().meta({ example: exampleSlot }),
    counsellor: z.object({ id: z.string(), name: z.string(), named: z.boolean() }),
    channel: z.enum(bookings.channel.enumValues),
    locale: z.enum(bookings.locale.enumValues),
    requesterKind: z.enum(bookings.requesterKind.enumValues),
    meetingUrl: z.string().nullable(),
    accessCode: z.string().nullable(),
    rescheduledFrom: z.uuid().nullable(),
    conversationId: z.string().nullable(),
    createdAt: jstInstant,
    updatedAt: jstInstant,
    person: z
      .object(Object.fromEntries(personalFields.map((f) => [f, z.string().nullable()])))
      .meta({
        description:
          "Only where staff open one booking; reading it is written to the audit log. support: the label of a known answer (an interpreter, an assistant) in the language asked for, else the text as typed.",
      })
      .optional(),
  })
  .meta({ id: "StaffBooking" });

/** The language staff read a booking in: names, the time and known answers (`?lang=`, Japanese unless asked). */
export const readingLanguage = z.object({ lang: z.enum(staffLocales).optional() });

export function bookingJson(
  b: Booking,
  config: Pick<Config, "offices">,
  options: { personal?: boolean; locale?: Locale } = {},
): z.input<typeof staffBookingSchema> {
  const locale = options.locale ?? defaultLocale;
  const office = findOffice(config, b.officeId);
  const counsellor = office?.counsellors.find((c) => c.id === b.counsellorId);
  return {
    id: b.id,
    reference: b.reference,
    office: { id: b.officeId, name: office?.name[locale] ?? b.officeId },
    status: b.status,
    statusReason: reasonText(locale, b),
    startsAt: jstIso(b.startsAt),
    endsAt: jstIso(b.endsAt),
    when: catalogues[locale].formats.slot(b.startsAt, b.endsAt),
    counsellor: { id: b.counsellorId, name: counsellor?.name[locale] ?? b.counsellorId, named: b.counsellorNamed },
    channel: b.channel,
    locale: b.locale,
    requesterKind: b.requesterKind,
    meetingUrl: b.meetingUrl,
    accessCode: b.accessCode,
    rescheduledFrom: b.rescheduledFrom,
    conversationId: b.conversationId,
    createdAt: jstIso(b.createdAt),
    updatedAt: jstIso(b.updatedAt),
    ...(options.personal ? { person: Object.fromEntries(personalFields.map((f) => [f, detailText(locale, f, b[f])])) } : {}),
  };
}
