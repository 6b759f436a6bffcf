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

/** The Japanese catalogue; its shape is every other locale's (see catalogue.ts). */
export const ja = { app, bot, codes, formats, notices, mail, line, staff, widget, cli };
