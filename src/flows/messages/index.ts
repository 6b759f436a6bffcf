import type { Locale } from "../../messages.ts";
import { en } from "./en.ts";
import { ja } from "./ja.ts";

export type Messages = Omit<typeof ja, "locale"> & { locale: Locale };

export function messagesFor(locale: Locale): Messages {
  return locale === "en" ? en : ja;
}
