// LINE: the office's staff group or user, and the seeker's own LINE chat. The push job itself is
// built in src/line/push.ts, which the LINE processor uses for its late answers too.
import { LINE_PUSH_JOB, LINE_RETRY_KEY_MS, linePushJob, type LinePushPayload } from "../../line/push.ts";
import { renderForLine } from "../../line/render.ts";
import { appendMessages } from "../../store/conversations.ts";
import { staffLineText } from "../chatNotices.ts";
import { PermanentJobError } from "../outboxWorker.ts";
import type { Channel } from "./channel.ts";

export const line: Channel<LinePushPayload> = {
  kind: LINE_PUSH_JOB,

  staffJob({ key, now, event, office, booking, at, url }, deps) {
    const to = deps.channels.lineTo[office.id];
    if (!to || !deps.line) return undefined;
    const slot = booking ? { startsAt: booking.startsAt, endsAt: booking.endsAt } : {};
    const text = staffLineText({ event, office, reference: booking?.reference, ...slot, at, staffUrl: url });
    return linePushJob({ idempotencyKey: `${key}:line:${to}`, to, messages: [{ type: "text", text }], runAt: now });
  },

  conversationJob(key, conversation, message, options) {
    if (conversation.channel !== "line" || !options.line || !conversation.followed) return undefined;
    return linePushJob({
      idempotencyKey: `${key}:line:${conversation.userKey}`,
      to: conversation.userKey,
      messages: renderForLine([message], conversation.locale),
      runAt: options.now,
      ...(options.record ? { record: { conversationId: conversation.id, message } } : {}),
    });
  },

  async send(payload, job, { line: client, clock, db }) {
    if (!client) throw new PermanentJobError("LINE is not configured (LINE_CHANNEL_ACCESS_TOKEN)");
    if (job.firstAttemptAt && clock().getTime() - job.firstAttemptAt.getTime() > LINE_RETRY_KEY_MS) {
      throw new PermanentJobError("LINE's retry key expires 24 h after the first attempt; requeue to send with a fresh key (it may arrive twice if an earlier attempt got through)");
    }
    const result = await client.push(payload.to, payload.messages, payload.retryKey);
    // 409: a push with this retry key was accepted before, so the messages are already there.
    if (!result.ok && result.kind !== "already_sent") {
      const message = `LINE push failed: ${result.status} ${result.message}`;
      if (result.kind === "retryable") throw new Error(message);
      throw new PermanentJobError(message);
    }
    if (payload.record) {
      await appendMessages(db, payload.record.conversationId, [{ author: "bot", body: { message: payload.record.message } }], clock());
    }
  },
};
