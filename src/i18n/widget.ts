// The widget's part of each catalogue, alone: the widget's bundle imports this file, never index.ts.
import { widget as en } from "./en/widget.ts";
import { widget as jaEasy } from "./ja-x-easy/widget.ts";
import { widget as ja } from "./ja/widget.ts";
import { widget as vi } from "./vi/widget.ts";
import { widget as zhHans } from "./zh-Hans/widget.ts";
import type { Locale } from "./locales.ts";

export type WidgetWords = typeof ja;

export const widgetWords: Record<Locale, WidgetWords> = { ja, en, "ja-x-easy": jaEasy, "zh-Hans": zhHans, vi };
