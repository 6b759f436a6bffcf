import type { Catalogue } from "../catalogue.ts";
import { bot } from "./bot.ts";
import { formats } from "./formats.ts";
import { line } from "./line.ts";
import { mail } from "./mail.ts";
import { notices } from "./notices.ts";
import { staff } from "./staff.ts";
import { widget } from "./widget.ts";

export const en = { bot, formats, notices, mail, line, staff, widget } satisfies Catalogue;
