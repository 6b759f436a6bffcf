import { and, asc, desc, eq, gte, lt, ne, sql } from "drizzle-orm";
import type { Executor } from "./db.ts";
import { auditLog, bookings, staffUsers } from "./schema.ts";

export interface AuditEntry {
  at: Date;
  /** 'seeker:web:<conversation id>', 'staff:<id>', 'system:no-show-sweep' — never a name. */
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

export async function writeAudit(ex: Executor, entry: AuditEntry): Promise<void> {
  await ex.insert(auditLog).values({ ...entry, before: entry.before ?? null, after: entry.after ?? null });
}

/** Whether this actor already read this entity since `since` (a page that refreshes itself is one read). */
export async function readSince(ex: Executor, input: { actor: string; entity: string; entityId: string; since: Date }): Promise<boolean> {
  const [row] = await ex
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.entity, input.entity),
        eq(auditLog.entityId, input.entityId),
        eq(auditLog.actor, input.actor),
        eq(auditLog.action, "read_personal_data"),
        gte(auditLog.at, input.since),
      ),
    )
    .limit(1);
  return row !== undefined;
}

export interface AuditRow {
  id: number;
  at: Date;
  actor: string;
  /** The staff member's address when the actor is one. */
  staffEmail: string | null;
  action: string;
  entity: string;
  entityId: string;
  /** The booking's reference when the entry is about a booking. */
  reference: string | null;
  before: unknown;
  after: unknown;
}

export interface AuditFilter {
  /** Only what this member of staff did. */
  staffId?: string;
  /** Only reads of personal data, or only the rest. */
  kind?: "reads" | "changes";
  from?: Date;
  /** Exclusive. */
  until?: Date;
  offset: number;
  limit: number;
}

/** The audit log, newest first, with the staff address and booking reference an entry points at. */
export async function listAudit(ex: Executor, f: AuditFilter): Promise<AuditRow[]> {
  const rows = await ex
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actor: auditLog.actor,
      staffEmail: staffUsers.email,
      action: auditLog.action,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      reference: bookings.reference,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .leftJoin(staffUsers, sql`${auditLog.actor} = 'staff:' || ${staffUsers.id}::text`)
    .leftJoin(bookings, and(eq(auditLog.entity, "booking"), sql`${auditLog.entityId} = ${bookings.id}::text`))
    .where(
      and(
        f.staffId ? eq(auditLog.actor, `staff:${f.staffId}`) : undefined,
        f.kind === "reads" ? eq(auditLog.action, "read_personal_data") : f.kind === "changes" ? ne(auditLog.action, "read_personal_data") : undefined,
        f.from ? gte(auditLog.at, f.from) : undefined,
        f.until ? lt(auditLog.at, f.until) : undefined,
      ),
    )
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .offset(f.offset)
    .limit(f.limit);
  return rows;
}

export interface AuditTrailRow {
  id: number;
  at: Date;
  actor: string;
  /** The sign-in address when the actor is a member of staff whose account still exists. */
  staffEmail: string | null;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** What happened to one thing (a booking, a seeker), oldest first, with staff actors' addresses. */
export async function auditTrail(ex: Executor, entity: string, entityId: string, limit = 500): Promise<AuditTrailRow[]> {
  const rows = await ex
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actor: auditLog.actor,
      staffEmail: staffUsers.email,
      action: auditLog.action,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .leftJoin(staffUsers, sql`${auditLog.actor} = 'staff:' || ${staffUsers.id}::text`)
    .where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, entityId)))
    .orderBy(asc(auditLog.at), asc(auditLog.id))
    .limit(limit);
  return rows as AuditTrailRow[];
}
