// The one way a LINE push becomes an outbox job, for the processor's late answers, staff notices
// and seekers' notices alike: so every push to a user carries that user's order key and a retry key.
import { randomUUID } from "node:crypto";
import type { BotMessage } from "../messages.ts";
import type { NewJob } from "../store/outbox.ts";
import type { LineMessage } from "./render.ts";

export const LINE_PUSH_JOB = "line.push";

export interface LinePushPayload {
  to: string;
  messages: LineMessage[];
  /** Made when the job is made and kept with it, so every retry carries the same X-Line-Retry-Key. */
  retryKey: string;
  /** A seeker's message, added to the conversation's history once delivered. */
  record?: { conversationId: string; message: BotMessage };
}

/** Everything sent to one LINE user (replies' pushes, notices) goes out in order, one after another. */
export const lineOrderKey = (to: string) => `line:${to}`;

/**
 * LINE honours a push's X-Line-Retry-Key for 24 hours from its first use; a retry after that with
 * the same key could be delivered a second time, so the job stops an hour before and waits for staff.
 */
export const LINE_RETRY_KEY_MS = 23 * 60 * 60_000;

export function linePushJob(input: {
  idempotencyKey: string;
  to: string;
  messages: LineMessage[];
  runAt: Date;
  record?: LinePushPayload["record"];
}): NewJob {
  const payload: LinePushPayload = {
    to: input.to,
    messages: input.messages,
    retryKey: randomUUID(),
    ...(input.record ? { record: input.record } : {}),
  };
  return {
    kind: LINE_PUSH_JOB,
    idempotencyKey: input.idempotencyKey,
    payload: payload as unknown as Record<string, unknown>,
    runAt: input.runAt,
    orderKey: lineOrderKey(input.to),
  };
}
