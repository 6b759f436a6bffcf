// Mail that keeps addresses out of places they do not belong, and calendar files a staff-typed name
// cannot break (issue 18, findings 7 and 8).
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { invitationMail } from "../../../src/notify/mail/compose.ts";
import { createMailer } from "../../../src/notify/mail/transport.ts";
import { sampleInvitation as booking } from "../offices.ts";

const FROM = "ハローワーク長崎 <no-reply@soudan.example.jp>";

describe("Message-IDs and .eml file names", () => {
  it("carry no address, and stay the same for a retried job", async () => {
    const root = await mkdtemp(join(tmpdir(), "soudan-privacy-"));
    try {
      const mailer = createMailer({ from: FROM, mailDir: root, now: () => new Date("2026-12-01T10:00:00+09:00") });
      // The outbox names the recipient in the job's idempotency key.
      const key = "seeker.notice:invitation:0b5c:mail:taro@example.jp";
      const first = await mailer.send({ ...invitationMail(booking, "ja"), messageId: key });
      const again = await mailer.send({ ...invitationMail(booking, "ja"), messageId: key });
      const other = await mailer.send({ ...invitationMail(booking, "ja"), messageId: "seeker.notice:invitation:0b5c:mail:hanako@example.jp" });
      mailer.close();
      expect(first.messageId).toMatch(/^<[0-9a-f]{32}@soudan\.example\.jp>$/);
      expect(again.messageId).toBe(first.messageId);
      expect(other.messageId).not.toBe(first.messageId);
      const files = await readdir(root);
      expect(files).toHaveLength(2);
      for (const file of files) {
        expect(file).not.toMatch(/taro|hanako|example\.jp@|@example\.jp/);
        const header = /^Message-ID: (.*)$/im.exec(await readFile(join(root, file), "utf8"))?.[1];
        expect(header).toMatch(/^<[0-9a-f]{32}@soudan\.example\.jp>$/);
      }
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

/** Splits a content line's parameters as an RFC 5545 parser does: a quoted value ends at the next DQUOTE. */
function parameters(line: string): { name: string; params: Record<string, string>; value: string } {
  const params: Record<string, string> = {};
  let i = line.search(/[;:]/);
  const name = line.slice(0, i);
  while (line[i] === ";") {
    const eq = line.indexOf("=", i);
    const key = line.slice(i + 1, eq);
    let j = eq + 1;
    let value: string;
    if (line[j] === '"') {
      const end = line.indexOf('"', j + 1);
      value = line.slice(j + 1, end);
      j = end + 1;
    } else {
      const end = line.slice(j).search(/[;:]/) + j;
      value = line.slice(j, end);
      j = end;
    }
    params[key] = value;
    i = j;
  }
  return { name, params, value: line.slice(i + 1) };
}

describe("the invitation's calendar file", () => {
  const ics = (seekerName: string) => invitationMail({ ...booking, seekerName }, "ja").attachments![0]!.content;
  const unfold = (text: string) => text.replace(/\r\n[ \t]/g, "");

  it("keeps a name with quotes, semicolons and line breaks inside its CN parameter", () => {
    const name = 'Evil";ROLE=CHAIR;X-INJECTED=1:mailto:boss@evil.example\r\nATTENDEE:mailto:x@evil.example';
    const lines = unfold(ics(name)).split("\r\n");
    const attendees = lines.filter((l) => l.startsWith("ATTENDEE"));
    expect(attendees).toHaveLength(1);
    const attendee = parameters(attendees[0]!);
    expect(attendee.params.ROLE).toBe("REQ-PARTICIPANT");
    expect(attendee.params["X-INJECTED"]).toBeUndefined();
    expect(attendee.params.CN).toBe("Evil';ROLE=CHAIR;X-INJECTED=1:mailto:boss@evil.example ATTENDEE:mailto:x@evil.example");
    expect(attendee.value).toBe("mailto:taro@example.jp");
    expect(lines.some((l) => l.startsWith("ATTENDEE:mailto:x@evil"))).toBe(false);
  });

  it("folds every line at 75 octets without splitting a character, and unfolds to the same text", () => {
    const name = "長崎県長崎市の山田太郎ハローワーク長崎つきまちセンター経由で相談を希望する者".repeat(2);
    const text = ics(name);
    for (const line of text.split("\r\n")) expect(Buffer.byteLength(line), line).toBeLessThanOrEqual(75);
    expect(text).not.toContain("\uFFFD");
    expect(parameters(unfold(text).split("\r\n").find((l) => l.startsWith("ATTENDEE"))!).params.CN).toBe(name);
    const summary = unfold(text).split("\r\n").find((l) => l.startsWith("SUMMARY:"))!;
    expect(summary).toContain("ハローワーク長崎");
  });
});
