import { z } from "zod";
import type { Inbound } from "../messages.ts";

// The web chat speaks our channel-neutral messages as they are: this only checks the shape of
// what the widget (or another site) posts.
export const webInboundSchema = z.union([
  z.object({ text: z.string() }).strict(),
  z.object({ choice: z.string().min(1).max(200) }).strict(),
  z.object({ datetime: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "YYYY-MM-DDTHH:mm") }).strict(),
]);

export type WebInbound = z.infer<typeof webInboundSchema>;

export function toInbound(body: WebInbound): Inbound {
  if ("text" in body) return { kind: "text", text: body.text };
  if ("choice" in body) return { kind: "choice", value: body.choice };
  return { kind: "datetime", value: body.datetime };
}
