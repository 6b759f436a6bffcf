// What a booking request says about the person, declared once: each field's shape, whether it may be
// left out, and whether it is personal (erased after the retention period, audited when read, never logged).
import { z } from "zod";

const fields = {
  requesterKind: { schema: z.enum(["seeker", "employer"]), optional: false, personal: false },
  name: { schema: z.string().trim().min(1).max(100), optional: false, personal: true },
  seekerNumber: { schema: z.string().trim().min(1).max(20), optional: true, personal: true },
  establishmentNumber: { schema: z.string().trim().min(1).max(20), optional: true, personal: true },
  email: { schema: z.email().max(254), optional: false, personal: true },
  phone: { schema: z.string().trim().min(1).max(30), optional: false, personal: true },
  topic: { schema: z.string().trim().min(1).max(1000), optional: false, personal: true },
  support: { schema: z.string().trim().min(1).max(500), optional: true, personal: true },
} as const;

/**
 * The help a seeker can ask for at the session, stored as its code (each reader shows the label in their
 * own language); anything else typed is stored as typed. No help asked for is stored as null.
 */
export const supportCodes = ["interpreter", "assistant"] as const;
export type SupportCode = (typeof supportCodes)[number];

export function isSupportCode(value: unknown): value is SupportCode {
  return (supportCodes as readonly unknown[]).includes(value);
}

export type DetailField = keyof typeof fields;
type Field = DetailField;
type Entry<K extends Field> = (typeof fields)[K];
type Shape = { [K in Field]: Entry<K>["optional"] extends true ? z.ZodOptional<z.ZodNullable<Entry<K>["schema"]>> : Entry<K>["schema"] };
type Partly = { [K in Field]: z.ZodOptional<Entry<K>["schema"]> };
const names = Object.keys(fields) as Field[];

/** The fields in their declared order: the order the console shows them and the staff form asks them. */
export const detailNames: readonly DetailField[] = names;

export function isOptionalDetail(name: DetailField): boolean {
  return fields[name].optional;
}

/** Each field's value as kept while it is asked: an optional one may be null (asked, and none). */
export type DetailValues = { [K in Field]: Entry<K>["optional"] extends true ? z.infer<Entry<K>["schema"]> | null : z.infer<Entry<K>["schema"]> };

/** Each field's own shape, for a form that first reads what was typed its own way (the staff console). */
export const detailSchemas = Object.fromEntries(names.map((name) => [name, fields[name].schema])) as { [K in Field]: Entry<K>["schema"] };

export const bookingDetailsSchema = z.object(
  Object.fromEntries(names.map((name) => [name, fields[name].optional ? fields[name].schema.nullish() : fields[name].schema])) as Shape,
);

/** Each field may be left out (and none may be null): what staff send, to be completed from another booking. */
export const partialDetailsSchema = z.object(Object.fromEntries(names.map((name) => [name, fields[name].schema.optional()])) as Partly);

export type BookingDetails = z.infer<typeof bookingDetailsSchema>;

export interface RequestDetails extends BookingDetails {
  /** The email address was proven with a one-time code in this conversation. */
  emailVerified?: boolean;
}

export type PersonalField = { [K in Field]: (typeof fields)[K]["personal"] extends true ? K : never }[Field];

export const personalFields = names.filter((name): name is PersonalField => fields[name].personal);

/** The first field a booking cannot do without that is missing (undefined, null or empty), if any. */
export function missingDetail(values: Partial<DetailValues>): DetailField | undefined {
  return names.find((name) => !fields[name].optional && (values[name] === undefined || values[name] === null || values[name] === ""));
}

/** The details out of values that have them all (see missingDetail): each field by its name, an optional one missing as null. */
export function detailsFrom(values: Partial<DetailValues>): BookingDetails {
  return Object.fromEntries(names.map((name) => [name, values[name] ?? null])) as BookingDetails;
}

/** A booking row's details as asked, to carry over to the booking that replaces it (the columns carry the fields' names). */
export function detailsOfRow(row: { [K in Field]: DetailValues[K] | null } & { emailVerifiedAt: Date | null }): Required<RequestDetails> {
  const values = Object.fromEntries(names.map((name) => [name, row[name] ?? (fields[name].optional ? null : "")]));
  return { ...(values as Required<BookingDetails>), emailVerified: row.emailVerifiedAt !== null };
}

/** The booking row's columns for the details (the columns carry the fields' names). */
export function detailColumns(d: RequestDetails, now: Date) {
  const columns = Object.fromEntries(names.map((name) => [name, d[name] ?? null])) as { [K in Field]-?: NonNullable<BookingDetails[K]> | null };
  return { ...columns, requesterKind: d.requesterKind, emailVerifiedAt: d.emailVerified ? now : null };
}
