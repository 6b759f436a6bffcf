import type { Executor } from "./db.ts";
import { auditLog } from "./schema.ts";

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
