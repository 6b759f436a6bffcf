import { readFileSync } from "node:fs";
import { parseOfficeFile, type Office, type OfficeId } from "../../src/config.ts";
import type { InvitationInput } from "../../src/notify/mail/compose.ts";

const file = parseOfficeFile(JSON.parse(readFileSync(new URL("../../config/offices.json", import.meta.url), "utf8")));

export function office(id: OfficeId): Office {
  const found = file.offices.find((o) => o.id === id);
  if (!found) throw new Error(`no office ${id} in config/offices.json`);
  return found;
}

/** A confirmed session at Hello Work Nagasaki on Thursday 3 December 2026, 14:00–14:30 Tokyo time. */
export const sampleInvitation: InvitationInput = {
  reference: "NG-7K3P",
  seekerName: "山田 太郎",
  email: "taro@example.jp",
  office: office("nagasaki"),
  startsAt: new Date("2026-12-03T14:00:00+09:00"),
  endsAt: new Date("2026-12-03T14:30:00+09:00"),
  meetingUrl: "https://meet.example.jp/r/abc",
  issuedAt: new Date("2026-12-01T10:00:00+09:00"),
};
