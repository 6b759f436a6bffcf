import { describe, expect, it } from "vitest";
import { twoLanes } from "../../src/store/lanes.ts";
import { until } from "../helpers/until.ts";

/** Work that runs until released, noting when it started. */
function held(log: string[], name: string) {
  let release = () => {};
  const done = new Promise<void>((resolve) => (release = resolve));
  return {
    work: async () => {
      log.push(name);
      await done;
      return name;
    },
    release: () => release(),
  };
}

describe("two lanes in front of one connection", () => {
  it("runs one thing at a time, each lane in arrival order", async () => {
    const lanes = twoLanes();
    const log: string[] = [];
    const a = held(log, "a");
    const b = held(log, "b");
    const ra = lanes.run("second", a.work);
    const rb = lanes.run("second", b.work);
    await until(() => log.length > 0, "the first work to start");
    await new Promise((r) => setTimeout(r, 20));
    expect(log).toEqual(["a"]);
    a.release();
    expect(await ra).toBe("a");
    await until(() => log.length > 1, "the second work to start");
    expect(log).toEqual(["a", "b"]);
    b.release();
    expect(await rb).toBe("b");
  });

  it("lets first-lane work wait only for the work in progress, ahead of the second lane's queue", async () => {
    const lanes = twoLanes();
    const log: string[] = [];
    const running = held(log, "running");
    const queued = Array.from({ length: 5 }, (_, i) => held(log, `queued ${i}`));
    const urgent = held(log, "urgent");
    const first = lanes.run("second", running.work);
    await until(() => log.length > 0, "the running work to start");
    const results = [first, ...queued.map((q) => lanes.run("second", q.work))];
    const urgentResult = lanes.run("first", urgent.work);
    expect(lanes.waiting()).toEqual({ first: 1, second: 5 });
    running.release();
    urgent.release();
    for (const q of queued) q.release();
    expect(await urgentResult).toBe("urgent");
    await Promise.all(results);
    expect(log).toEqual(["running", "urgent", "queued 0", "queued 1", "queued 2", "queued 3", "queued 4"]);
  });

  it("goes on after a failure, which reaches only its own caller", async () => {
    const lanes = twoLanes();
    const failing = lanes.run("second", async () => {
      throw new Error("statement failed");
    });
    const thrownSync = lanes.run("second", () => {
      throw new Error("not even started");
    });
    const next = lanes.run("second", async () => "next");
    await expect(failing).rejects.toThrow("statement failed");
    await expect(thrownSync).rejects.toThrow("not even started");
    expect(await next).toBe("next");
    expect(lanes.waiting()).toEqual({ first: 0, second: 0 });
  });

  it("lets the event loop take I/O and timers between second-lane statements", async () => {
    const lanes = twoLanes();
    const log: string[] = [];
    const statements = Array.from({ length: 20 }, (_, i) =>
      lanes.run("second", async () => {
        log.push(`statement ${i}`);
      }),
    );
    setImmediate(() => log.push("a request arrives"));
    await Promise.all(statements);
    expect(log.indexOf("a request arrives")).toBeLessThan(log.indexOf("statement 2"));
  });
});
