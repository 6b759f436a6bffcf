import type { Catalogue } from "../catalogue.ts";
import { formats } from "./formats.ts";
import { line } from "./line.ts";
import { mail } from "./mail.ts";
import { notices } from "./notices.ts";

export const en = { formats, notices, mail, line } satisfies Catalogue;
