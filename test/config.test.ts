import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig, parseEnv, parseOfficeFile } from "../src/config.ts";

describe("configuration", () => {
  it("loads the three offices of the sample file with their windows and phones", () => {
    const config = loadConfig({ OFFICES_FILE: "./config/offices.json" });
    expect(config.offices.map((o) => [o.id, o.window.from, o.window.to, o.phone])).toEqual([
      ["nagasaki", "10:00", "16:00", "095-862-8643"],
      ["young-nagasaki", "11:00", "17:00", "095-808-2020"],
      ["tsukimachi", "11:00", "17:00", null],
    ]);
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it("names the variable and what it expects when one is malformed", () => {
    expect(() => parseEnv({ PORT: "abc" })).toThrow(ConfigError);
    expect(() => parseEnv({ PORT: "abc" })).toThrow(/^Invalid environment variable PORT: /);
    expect(() => parseEnv({ DATABASE_URL: "not a url" })).toThrow(/DATABASE_URL/);
  });

  it("names the file when the office settings cannot be read", () => {
    expect(() => loadConfig({ OFFICES_FILE: "./no/such.json" })).toThrow(/OFFICES_FILE: cannot read/);
  });

  it("points at the broken field of an office file", () => {
    const file = { offices: [{ id: "nagasaki" }], terms: [{ version: "2023-06-05", url: "https://example.jp/terms" }] };
    expect(() => parseOfficeFile(file)).toThrow(/offices\.0\.name/);
  });

  it("splits the widget origins list", () => {
    expect(parseEnv({ WIDGET_ORIGINS: "https://a.example, https://b.example" }).WIDGET_ORIGINS).toEqual([
      "https://a.example",
      "https://b.example",
    ]);
  });

  it("takes a manage-link secret of 32 characters or more, and none by default", () => {
    expect(parseEnv({}).MANAGE_LINK_SECRET).toBeUndefined();
    expect(parseEnv({ MANAGE_LINK_SECRET: "" }).MANAGE_LINK_SECRET).toBeUndefined();
    expect(parseEnv({ MANAGE_LINK_SECRET: "x".repeat(32) }).MANAGE_LINK_SECRET).toBe("x".repeat(32));
    expect(() => parseEnv({ MANAGE_LINK_SECRET: "short" })).toThrow(/MANAGE_LINK_SECRET: .*32/);
  });

  it("throttles look-ups by reference at 5 per reference and 10 per client an hour unless told otherwise", () => {
    expect(parseEnv({})).toMatchObject({ LOOKUPS_PER_REFERENCE_HOUR: 5, LOOKUPS_PER_CLIENT_HOUR: 10 });
    expect(parseEnv({ LOOKUPS_PER_REFERENCE_HOUR: "3" }).LOOKUPS_PER_REFERENCE_HOUR).toBe(3);
    expect(() => parseEnv({ LOOKUPS_PER_CLIENT_HOUR: "0" })).toThrow(/LOOKUPS_PER_CLIENT_HOUR/);
  });
});
