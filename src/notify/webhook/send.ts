// Posts a staff notification to the office's webhook. Any failure throws, so the outbox retries.
import { SIGNATURE_HEADER, signatureHeaderValue } from "./sign.ts";

export interface StaffWebhookTarget {
  url: string;
  secret: string;
}

export interface StaffWebhookSendOptions {
  /** Stable across retries (e.g. the outbox job id) so the receiver can drop duplicates. */
  idempotencyKey: string;
  timeoutMs?: number;
}

/** A delivery that failed; `status` is absent when no answer came back (network, timeout). */
export class StaffWebhookError extends Error {
  override name = "StaffWebhookError";
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export async function postStaffWebhook(
  target: StaffWebhookTarget,
  payload: unknown,
  { idempotencyKey, timeoutMs = 10_000 }: StaffWebhookSendOptions,
): Promise<void> {
  const body = JSON.stringify(payload);
  let response: Response;
  try {
    response = await fetch(target.url, {
      method: "POST",
      headers: {
        "content-type": "application/json; charset=utf-8",
        [SIGNATURE_HEADER]: signatureHeaderValue(body, target.secret),
        "Idempotency-Key": idempotencyKey,
      },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    if (err instanceof Error && err.name === "TimeoutError") {
      throw new StaffWebhookError(`staff webhook timed out after ${timeoutMs} ms`);
    }
    const code = (err as { cause?: { code?: unknown } }).cause?.code;
    throw new StaffWebhookError(`staff webhook unreachable${typeof code === "string" ? `: ${code}` : ""}`);
  }
  // Drain the body so the connection can be reused; its content is not needed.
  await response.arrayBuffer().catch(() => undefined);
  if (!response.ok) throw new StaffWebhookError(`staff webhook answered ${response.status}`, response.status);
}
