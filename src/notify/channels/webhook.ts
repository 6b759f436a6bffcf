// The staff webhook: one signed POST per staff notice, for the office's other systems. It carries
// ids, the slot, the status and the link; never personal data.
import { PermanentJobError } from "../outboxWorker.ts";
import { postStaffWebhook, StaffWebhookError } from "../webhook/send.ts";
import type { Channel } from "./channel.ts";

export interface StaffWebhookPayload {
  body: Record<string, unknown>;
}

export const webhook: Channel<StaffWebhookPayload> = {
  kind: "staff.webhook",

  staffJob({ key, now, event, office, booking, at, url, conversationId }, { channels }) {
    if (!channels.webhook) return undefined;
    const body = {
      event,
      office: office.id,
      at: at.toISOString(),
      bookingId: booking?.id ?? null,
      reference: booking?.reference ?? null,
      startsAt: booking?.startsAt.toISOString() ?? null,
      endsAt: booking?.endsAt.toISOString() ?? null,
      status: booking?.status ?? null,
      conversationId: conversationId ?? null,
      url,
    };
    return { kind: "staff.webhook", idempotencyKey: `${key}:webhook`, payload: { body } satisfies StaffWebhookPayload, runAt: now };
  },

  async send(payload, job, { channels }) {
    if (!channels.webhook) throw new PermanentJobError("no staff webhook is configured (STAFF_WEBHOOK_URL)");
    try {
      await postStaffWebhook(channels.webhook, payload.body, { idempotencyKey: job.idempotencyKey });
    } catch (error) {
      const status = error instanceof StaffWebhookError ? error.status : undefined;
      if (status !== undefined && status >= 400 && status < 500 && status !== 408 && status !== 429) {
        throw new PermanentJobError((error as Error).message);
      }
      throw error;
    }
  },
};
