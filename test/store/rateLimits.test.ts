import { describe, expect, it } from "vitest";
import { countHits, forgetOldWindows, HOURLY_PREFIX, slidingCount } from "../../src/store/rateLimits.ts";
import { rateLimits } from "../../src/store/schema.ts";
import { storeKinds, useStore } from "../helpers/stores.ts";

describe.each(storeKinds)("shared rate counters on $name", (kind) => {
  const store = useStore(kind);
  const at = (time: string) => new Date(`2026-11-24T${time}+09:00`);

  it("count hourly keys by the hour and keep them through the sweep until the hour after next", async () => {
    const hourly = `${HOURLY_PREFIX}lookup:reference:NG-3K7P9Q`;
    for (const time of ["10:05:00", "10:40:00", "10:59:00"]) await countHits(store.db, [hourly], at(time));
    await countHits(store.db, ["chat:messages:client:192.0.2.1"], at("10:59:00"));

    await forgetOldWindows(store.db, at("11:30:00"));
    const [count] = await countHits(store.db, [hourly], at("11:30:00"));
    expect(count).toMatchObject({ current: 1, previous: 3, elapsed: 0.5 });
    expect(slidingCount(count!)).toBe(2.5);
    const keys = (await store.db.select().from(rateLimits)).map((r) => r.key);
    expect(keys).not.toContain("chat:messages:client:192.0.2.1");

    await forgetOldWindows(store.db, at("13:00:00"));
    expect(await store.db.select().from(rateLimits)).toHaveLength(0);
  });

  it("refuses to mix minute and hour counters in one count", async () => {
    await expect(countHits(store.db, ["chat:a", `${HOURLY_PREFIX}b`], at("10:00:00"))).rejects.toThrow(/minute and hour/);
  });
});
