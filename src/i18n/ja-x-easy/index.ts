import type { SeekerCatalogue } from "../catalogue.ts";
import { bot } from "./bot.ts";
import { codes } from "./codes.ts";
import { formats } from "./formats.ts";
import { line } from "./line.ts";
import { mail } from "./mail.ts";
import { notices } from "./notices.ts";
import { widget } from "./widget.ts";

/** やさしい日本語 (ja-x-easy): the seeker's parts only; staff read Japanese. */
export const jaEasy = { bot, codes, formats, notices, mail, line, widget } satisfies SeekerCatalogue;
