import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { postStaffWebhook, StaffWebhookError } from "../../../src/notify/webhook/send.ts";
import { verifyStaffWebhookSignature } from "../../../src/notify/webhook/sign.ts";

const secret = "s3cret-for-tests";

interface Delivery {
  headers: IncomingHttpHeaders;
  body: string;
}

let server: Server | undefined;

/** A staff system that checks the signature like a real receiver would. */
async function startReceiver(answer: (d: Delivery) => { status: number; delayMs?: number }) {
  const deliveries: Delivery[] = [];
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const delivery = { headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
      deliveries.push(delivery);
      const signed = verifyStaffWebhookSignature(delivery.body, req.headers["x-soudan-signature"] as string | undefined, secret);
      const { status, delayMs = 0 } = signed ? answer(delivery) : { status: 401 };
      setTimeout(() => res.writeHead(status, { "content-type": "text/plain" }).end("ok"), delayMs);
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", () => resolve()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/soudan`, deliveries };
}

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

describe("postStaffWebhook", () => {
  it("delivers a signed JSON payload with its idempotency key", async () => {
    const receiver = await startReceiver(() => ({ status: 204 }));
    const payload = { event: "requested", reference: "NG-7K3P", office: "nagasaki" };
    await postStaffWebhook({ url: receiver.url, secret }, payload, { idempotencyKey: "outbox-9" });

    expect(receiver.deliveries).toHaveLength(1);
    const [d] = receiver.deliveries;
    expect(JSON.parse(d!.body)).toEqual(payload);
    expect(d!.headers["content-type"]).toContain("application/json");
    expect(d!.headers["idempotency-key"]).toBe("outbox-9");
  });

  it("rejects with the status when the receiver answers non-2xx", async () => {
    const receiver = await startReceiver(() => ({ status: 503 }));
    const sending = postStaffWebhook({ url: receiver.url, secret }, { event: "now" }, { idempotencyKey: "outbox-10" });
    await expect(sending).rejects.toBeInstanceOf(StaffWebhookError);
    await expect(sending).rejects.toMatchObject({ status: 503, message: expect.stringContaining("503") });
  });

  it("is refused by the receiver when signed with the wrong secret", async () => {
    const receiver = await startReceiver(() => ({ status: 200 }));
    await expect(
      postStaffWebhook({ url: receiver.url, secret: "not-the-secret" }, { event: "now" }, { idempotencyKey: "outbox-11" }),
    ).rejects.toMatchObject({ status: 401 });
  });

  it("rejects when the receiver does not answer in time", async () => {
    const receiver = await startReceiver(() => ({ status: 200, delayMs: 1_000 }));
    await expect(
      postStaffWebhook({ url: receiver.url, secret }, { event: "now" }, { idempotencyKey: "outbox-12", timeoutMs: 100 }),
    ).rejects.toThrow(/timed out after 100 ms/);
  });

  it("rejects when nothing listens at the address", async () => {
    const receiver = await startReceiver(() => ({ status: 200 }));
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    server = undefined;
    await expect(postStaffWebhook({ url: receiver.url, secret }, {}, { idempotencyKey: "outbox-13" })).rejects.toThrow(
      /unreachable: ECONNREFUSED/,
    );
  });
});
