import { loadConfig, type Config } from "../../src/config.ts";

/** The sample offices with a clean environment; overrides win. */
export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ OFFICES_FILE: "./config/offices.json", LOG_LEVEL: "silent", ...overrides });
}
