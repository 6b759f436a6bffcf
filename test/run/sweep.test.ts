// The periodic sweep as the server runs it: staff sessions that ran out are gone after one pass,
// while a session still running stays signed in.
import { describe, expect, it } from "vitest";
import { sweepOnce } from "../../src/run/sweep.ts";
import { staffSessions } from "../../src/store/schema.ts";
import { SESSION_MS, signIn, staffOfSession } from "../../src/store/staff.ts";
import { testConfig } from "../helpers/config.ts";
import { addStaff, PASSWORD, tuesdayTen } from "../helpers/staff.ts";
import { storeKinds, useStore } from "../helpers/stores.ts";

describe.each(storeKinds)("the sweep ($name)", (kind) => {
  const store = useStore(kind);

  it("removes staff sessions that ran out and keeps the ones still running", async () => {
    await addStaff(store, { email: "early@example.jp", officeId: "nagasaki" });
    await addStaff(store, { email: "late@example.jp", officeId: "nagasaki" });
    const signInAt = async (email: string, now: Date) => {
      const result = await signIn(store.db, { email, password: PASSWORD, clientKey: "127.0.0.1", now });
      if (!result.ok) throw new Error(`sign-in failed: ${result.reason}`);
      return result.token;
    };
    await signInAt("early@example.jp", tuesdayTen);
    const lateToken = await signInAt("late@example.jp", new Date(tuesdayTen.getTime() + 6 * 3_600_000));

    const afterFirstExpired = new Date(tuesdayTen.getTime() + SESSION_MS + 60_000);
    await sweepOnce(store.db, testConfig(), afterFirstExpired);

    expect(await store.db.select().from(staffSessions)).toHaveLength(1);
    expect((await staffOfSession(store.db, lateToken, afterFirstExpired))?.email).toBe("late@example.jp");
  });
});
