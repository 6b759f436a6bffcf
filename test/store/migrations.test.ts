// Data migrations, each on a database migrated up to the one before it, with rows written the old way.
import { randomBytes } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { afterEach, describe, expect, it } from "vitest";
import { openStore, type Store } from "../../src/store/db.ts";
import { testDatabaseUrl } from "../helpers/stores.ts";

const drizzleFolder = resolve(import.meta.dirname, "../../drizzle");

interface Journal {
  entries: { idx: number; tag: string }[];
}

/** A copy of the migrations folder that stops before the migration tagged `tag`. */
function migrationsBefore(tag: string, dir: string): string {
  const folder = join(dir, "drizzle");
  cpSync(drizzleFolder, folder, { recursive: true });
  const journal = JSON.parse(readFileSync(join(folder, "meta", "_journal.json"), "utf8")) as Journal;
  const at = journal.entries.findIndex((e) => e.tag === tag);
  expect(at).toBeGreaterThan(0);
  for (const entry of journal.entries.slice(at)) rmSync(join(folder, `${entry.tag}.sql`));
  writeFileSync(join(folder, "meta", "_journal.json"), JSON.stringify({ ...journal, entries: journal.entries.slice(0, at) }));
  return folder;
}

type Execute = (query: ReturnType<typeof sql>) => Promise<unknown>;

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "soudan-migrate-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** An embedded store migrated up to the one before `tag`, given rows the old way, then opened as the app opens it. */
async function pgliteMigratedFrom(tag: string, writeOld: (execute: Execute) => Promise<void>): Promise<Store> {
  const dir = tempDir();
  const before = migrationsBefore(tag, dir);
  const dataDir = join(dir, "data");
  mkdirSync(dataDir);
  const old = new PGlite(join(dataDir, "pglite"));
  const oldDb = drizzlePglite(old);
  await migratePglite(oldDb, { migrationsFolder: before });
  await writeOld((q) => oldDb.execute(q));
  await old.close();
  const store = await openStore({ dataDir });
  cleanups.push(() => store.close());
  return store;
}

/** The same on a fresh PostgreSQL database of its own. */
async function postgresMigratedFrom(tag: string, writeOld: (execute: Execute) => Promise<void>): Promise<Store> {
  const admin = postgres(testDatabaseUrl!, { max: 1, onnotice: () => {} });
  const name = `soudan_migrate_${randomBytes(6).toString("hex")}`;
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  cleanups.push(async () => {
    const again = postgres(testDatabaseUrl!, { max: 1, onnotice: () => {} });
    await again.unsafe(`drop database if exists ${name} with (force)`);
    await again.end();
  });
  const url = new URL(testDatabaseUrl!);
  url.pathname = `/${name}`;
  const old = postgres(url.toString(), { max: 1, onnotice: () => {} });
  const oldDb = drizzlePostgres(old);
  await migratePostgres(oldDb, { migrationsFolder: migrationsBefore(tag, tempDir()) });
  await writeOld((q) => oldDb.execute(q));
  await old.end();
  const store = await openStore({ databaseUrl: url.toString(), maxConnections: 2 });
  cleanups.push(() => store.close());
  return store;
}

/** What the intake and the staff forms stored before answers became codes: the labels, and a text typed. */
async function writeOldRows(execute: Execute): Promise<void> {
  await execute(sql`insert into counsellors (id, office_id, name_ja, name_en) values ('c1', 'nagasaki', '相談員A', 'Counsellor A')`);
  const rows = [
    ["NG-OLD001", "2026-12-01T01:00:00Z", "通訳が必要", "ja"],
    ["NG-OLD002", "2026-12-01T01:30:00Z", "Interpreter", "en"],
    ["NG-OLD003", "2026-12-01T02:00:00Z", "介助者が同席する", "ja"],
    ["NG-OLD004", "2026-12-01T02:30:00Z", "Assistant joins", "en"],
    ["NG-OLD005", "2026-12-01T03:00:00Z", "ポルトガル語の通訳をお願いします", "ja"],
    ["NG-OLD006", "2026-12-01T03:30:00Z", null, "ja"],
  ] as const;
  for (const [reference, startsAt, support, locale] of rows) {
    await execute(sql`insert into bookings (reference, office_id, counsellor_id, status, starts_at, ends_at, channel, locale, name, support)
      values (${reference}, 'nagasaki', 'c1', 'requested', ${startsAt}::timestamptz, ${startsAt}::timestamptz + interval '30 minutes', 'web', ${locale}, '山田太郎', ${support})`);
  }
  const state = (support: string) => JSON.stringify({ flow: "intake", step: "summary", answers: { office: "nagasaki", name: "山田太郎", support } });
  await execute(sql`insert into conversations (channel, user_key, state) values ('web', 'old-1', ${state("通訳が必要")}::jsonb), ('line', 'old-2', ${state("Assistant joins")}::jsonb)`);
}

async function readAfter(store: Store) {
  const bookings = await store.db.execute<{ reference: string; support: string | null }>(sql`select reference, support from bookings order by reference`);
  const conversations = await store.db.execute<{ user_key: string; support: string; name: string }>(
    sql`select user_key, state -> 'answers' ->> 'support' as support, state -> 'answers' ->> 'name' as name from conversations order by user_key`,
  );
  const rows = <T,>(result: unknown): T[] => (Array.isArray(result) ? result : (result as { rows: T[] }).rows);
  return { bookings: rows<{ reference: string; support: string | null }>(bookings), conversations: rows<{ user_key: string; support: string; name: string }>(conversations) };
}

const expected = {
  bookings: [
    { reference: "NG-OLD001", support: "interpreter" },
    { reference: "NG-OLD002", support: "interpreter" },
    { reference: "NG-OLD003", support: "assistant" },
    { reference: "NG-OLD004", support: "assistant" },
    { reference: "NG-OLD005", support: "ポルトガル語の通訳をお願いします" },
    { reference: "NG-OLD006", support: null },
  ],
  conversations: [
    { user_key: "old-1", support: "interpreter", name: "山田太郎" },
    { user_key: "old-2", support: "assistant", name: "山田太郎" },
  ],
};

describe("the migration to stored answer codes (0007)", () => {
  it("turns the interpreter and assistant labels of old bookings and intakes into codes on PGlite, and keeps typed text", async () => {
    const store = await pgliteMigratedFrom("0007_stored_answer_codes", writeOldRows);
    expect(await store.ready()).toBe(true);
    expect(await readAfter(store)).toEqual(expected);
  });

  it.runIf(testDatabaseUrl)("turns the interpreter and assistant labels of old bookings and intakes into codes on PostgreSQL, and keeps typed text", async () => {
    const store = await postgresMigratedFrom("0007_stored_answer_codes", writeOldRows);
    expect(await store.ready()).toBe(true);
    expect(await readAfter(store)).toEqual(expected);
  });
});

/** The migration that turned the labels of reasons into codes, whatever number it landed under. */
const reasonCodesTag = (JSON.parse(readFileSync(join(drizzleFolder, "meta", "_journal.json"), "utf8")) as Journal).entries.find((e) => e.tag.endsWith("_status_reason_codes"))!.tag;

/** What the console stored when staff declined: the reason's label in the seeker's language, then what staff wrote. */
async function writeOldReasons(execute: Execute): Promise<void> {
  await execute(sql`insert into counsellors (id, office_id, name_ja, name_en) values ('c1', 'nagasaki', '相談員A', 'Counsellor A')`);
  const rows = [
    ["NG-RSN001", "rejected", "その日時は相談員の都合がつきません", "ja"],
    ["NG-RSN002", "rejected", "No counsellor is free at that time\nPlease try Wednesday.", "en"],
    ["NG-RSN003", "rejected", "オンライン相談の対象外です\n求人のご相談は\n窓口へどうぞ", "ja"],
    ["NG-RSN004", "rejected", "A duplicate of another request", "en"],
    ["NG-RSN005", "rejected", "満席のため", "ja"],
    ["NG-RSN006", "cancelled", "同じ内容の申込みが別にあります", "ja"],
    ["NG-RSN007", "cancelled", "rescheduled", "ja"],
    ["NG-RSN008", "rejected", "その日時は相談員の都合がつきませんでした", "ja"],
  ] as const;
  for (const [i, [reference, status, reason, locale]] of rows.entries()) {
    const startsAt = new Date(Date.parse("2026-12-01T01:00:00Z") + i * 30 * 60_000).toISOString();
    await execute(sql`insert into bookings (reference, office_id, counsellor_id, status, starts_at, ends_at, channel, locale, name, status_reason)
      values (${reference}, 'nagasaki', 'c1', ${status}, ${startsAt}::timestamptz, ${startsAt}::timestamptz + interval '30 minutes', 'web', ${locale}, '山田太郎', ${reason})`);
  }
}

async function readReasons(store: Store) {
  const result = await store.db.execute(sql`select reference, status_reason, status_detail from bookings order by reference`);
  return Array.isArray(result) ? result : (result as { rows: unknown[] }).rows;
}

const expectedReasons = [
  { reference: "NG-RSN001", status_reason: "slot_unavailable", status_detail: null },
  { reference: "NG-RSN002", status_reason: "slot_unavailable", status_detail: "Please try Wednesday." },
  { reference: "NG-RSN003", status_reason: "not_eligible", status_detail: "求人のご相談は\n窓口へどうぞ" },
  { reference: "NG-RSN004", status_reason: "duplicate", status_detail: null },
  // What staff wrote themselves stays text; only a declined request carried a label from the list.
  { reference: "NG-RSN005", status_reason: "満席のため", status_detail: null },
  { reference: "NG-RSN006", status_reason: "同じ内容の申込みが別にあります", status_detail: null },
  { reference: "NG-RSN007", status_reason: "rescheduled", status_detail: null },
  { reference: "NG-RSN008", status_reason: "その日時は相談員の都合がつきませんでした", status_detail: null },
];

describe("the migration to reason codes", () => {
  it("turns the labels of declined requests into codes on PGlite, keeping what staff added beside them and what they wrote themselves", async () => {
    const store = await pgliteMigratedFrom(reasonCodesTag, writeOldReasons);
    expect(await store.ready()).toBe(true);
    expect(await readReasons(store)).toEqual(expectedReasons);
  });

  it.runIf(testDatabaseUrl)("turns the labels of declined requests into codes on PostgreSQL, keeping what staff added beside them and what they wrote themselves", async () => {
    const store = await postgresMigratedFrom(reasonCodesTag, writeOldReasons);
    expect(await store.ready()).toBe(true);
    expect(await readReasons(store)).toEqual(expectedReasons);
  });
});
