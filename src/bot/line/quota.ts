import type { LineClient } from "../../line/client.ts";

export interface LineQuota {
  /** The plan's messages this month; null when the plan sets no limit. */
  limit: number | null;
  /** Messages counted this month (pushes; replies are free). */
  used: number;
  /** When LINE was asked. */
  at: Date;
}

const MAX_AGE_MS = 5 * 60_000;
const readers = new WeakMap<LineClient, { last?: LineQuota; asking?: Promise<LineQuota | undefined> }>();

/**
 * The month's consumption against the plan's quota, asked of LINE at most every five minutes per
 * client (metrics scrapes and staff pages share the answer). Undefined when LINE has not answered yet.
 */
export async function lineQuota(client: LineClient, now: () => Date = () => new Date()): Promise<LineQuota | undefined> {
  let reader = readers.get(client);
  if (!reader) readers.set(client, (reader = {}));
  const fresh = reader.last && now().getTime() - reader.last.at.getTime() < MAX_AGE_MS;
  if (fresh) return reader.last;
  const current = reader;
  current.asking ??= (async () => {
    const quota = await client.messageQuota();
    if (quota.ok) current.last = { limit: quota.limit, used: quota.used, at: now() };
    return current.last;
  })().finally(() => (current.asking = undefined));
  return current.asking;
}
