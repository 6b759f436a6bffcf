// The current list (the same filters as the queue and the booking list) as a CSV file that opens
// correctly in Excel on Windows: UTF-8 with a byte order mark, CRLF, and no cell that Excel would run
// as a formula.
import { Hono } from "hono";
import { supportText } from "../../i18n/index.ts";
import { jstDate } from "../../jst.ts";
import type { AppDeps } from "../../http/app.ts";
import { writeAudit } from "../../store/audit.ts";
import { counsellorName, officeName, slotText } from "../layout.tsx";
import type { ConsoleEnv } from "../session.ts";
import { findListed, readFilter } from "./queue.tsx";

/** A cell Excel would read as a formula (= + - @, or a tab or CR before one) is prefixed with '. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvText(rows: string[][]): string {
  return "\uFEFF" + rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

export function exportRoutes(deps: AppDeps) {
  const { config, clock, store } = deps;
  return new Hono<ConsoleEnv>().get("/export.csv", async (c) => {
    const staff = c.get("staff");
    const w = c.get("w");
    const locale = c.get("locale");
    const { filter } = readFilter(c.req.query(), staff, config);
    const rows = await findListed(deps, staff, filter, "starts", 10_000);
    const t = w.booking;
    const f = w.fields;
    const header = [w.queue.reference, t.status, t.office, t.when, t.counsellor, f.requesterKind, f.name, f.seekerNumber, f.email, f.phone, f.topic, f.support, t.channel, t.createdAt];
    const lines = rows.map((b) => {
      const office = config.offices.find((o) => o.id === b.officeId);
      return [
        b.reference,
        w.status[b.status],
        officeName(config, locale, b.officeId),
        slotText(locale, b.startsAt, b.endsAt),
        counsellorName(office, locale, b.counsellorId),
        t.kinds[b.requesterKind] ?? b.requesterKind,
        b.name ?? "",
        b.seekerNumber ?? "",
        b.email ?? "",
        b.phone ?? "",
        b.topic ?? "",
        supportText(locale, b.support) ?? "",
        w.channel[b.channel] ?? b.channel,
        b.createdAt.toISOString(),
      ];
    });
    // An export carries personal data of many people: the audit log says who took it and which rows.
    await writeAudit(store.db, {
      at: clock(),
      actor: `staff:${staff.id}`,
      action: "export_bookings",
      entity: "booking",
      entityId: "list",
      after: { rows: rows.length, filter: { ...filter, q: filter.q ? "(search)" : undefined } },
    });
    const name = `bookings-${jstDate(clock())}.csv`;
    return c.body(csvText([header, ...lines]), 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${name}"`,
      "cache-control": "no-store",
    });
  });
}
