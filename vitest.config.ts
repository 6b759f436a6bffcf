import { defineConfig } from "vitest/config";

// Pure code (dates, rules, understanding) runs twice, with the host clock in UTC and in Tokyo, so
// nothing can lean on the host's time zone. Everything else runs once with TZ=UTC, the harder case;
// CI's second run on Node 24 uses Asia/Tokyo.
const pure = ["test/nlu/**/*.test.ts", "test/schedule/**/*.test.ts", "test/jst.test.ts"];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    globalSetup: ["test/setup/announce-skips.ts"],
    projects: [
      { extends: true, test: { name: "pure:UTC", include: pure, env: { TZ: "UTC" } } },
      { extends: true, test: { name: "pure:Tokyo", include: pure, env: { TZ: "Asia/Tokyo" } } },
      { extends: true, test: { name: "integration", include: ["test/**/*.test.ts"], exclude: pure, env: { TZ: "UTC" } } },
    ],
  },
});
