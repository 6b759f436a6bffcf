import type { Catalogue } from "../catalogue.ts";
import { app } from "./app.ts";
import { bot } from "./bot.ts";
import { cli } from "./cli.ts";
import { codes } from "./codes.ts";
import { formats } from "./formats.ts";
import { line } from "./line.ts";
import { mail } from "./mail.ts";
import { notices } from "./notices.ts";
import { staff } from "./staff.ts";
import { widget } from "./widget.ts";

export const en = { app, bot, codes, formats, notices, mail, line, staff, widget, cli } satisfies Catalogue;
