// 简体中文 (zh-Hans): the seeker's words only (SeekerCatalogue); staff read Japanese.
//
// How it was written and checked: written by an AI model (a helper session of this project) from the
// Japanese catalogue (the reference) with the English one beside it, in the plain, polite register of a
// mainland public-service notice; each string checked against the Japanese for the same facts in the same
// order, and by the type checker for completeness (each file `satisfies` the Japanese shape). Not yet read
// by a native-speaking interpreter: an office should have its interpreter read it before relying on it.
// Legally meaningful wording: the consent summary says that the Japanese terms govern.
import type { SeekerCatalogue } from "../catalogue.ts";
import { bot } from "./bot.ts";
import { codes } from "./codes.ts";
import { formats } from "./formats.ts";
import { line } from "./line.ts";
import { mail } from "./mail.ts";
import { notices } from "./notices.ts";
import { widget } from "./widget.ts";

export const zhHans = { bot, codes, formats, notices, mail, line, widget } satisfies SeekerCatalogue;
