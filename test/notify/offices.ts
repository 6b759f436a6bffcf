import { readFileSync } from "node:fs";
import { parseOfficeFile, type Office, type OfficeId } from "../../src/config.ts";

const file = parseOfficeFile(JSON.parse(readFileSync(new URL("../../config/offices.json", import.meta.url), "utf8")));

export function office(id: OfficeId): Office {
  const found = file.offices.find((o) => o.id === id);
  if (!found) throw new Error(`no office ${id} in config/offices.json`);
  return found;
}
