import type { messagingApi } from "@line/bot-sdk";
import { menuChoices } from "../../flows/menu.ts";
import { inEveryLocale, staffWordsFor, wordsFor } from "../../i18n/index.ts";
import { choicePostbackData } from "../../line/postback.ts";
import { LINE_MAX_ACTION_LABEL } from "../../line/render.ts";

// The rich menu `npm run line:setup` installs: six buttons under the chat, each sending the same
// postback as the matching choice of the bot's menu, so the flows need nothing of their own for it.

/** LINE's large rich menu size: two rows of three buttons, big enough to tap without aiming. */
export const RICH_MENU_SIZE = { width: 2500, height: 1686 } as const;
const COLUMNS = 3;
const ROWS = 2;

/** The committed image, made by `npm run line:menu-image` from the SVG below (never at run time). */
export const RICH_MENU_IMAGE_PATH = ["assets", "line", "rich-menu.png"] as const;
export const RICH_MENU_SVG_PATH = ["assets", "line", "rich-menu.svg"] as const;

/** The bot's menu choices on the rich menu, in reading order (left to right, top to bottom). */
const BUTTON_VALUES = ["menu:book", "menu:status", "menu:change", "menu:cancel", "menu:faq", "menu:human"] as const;
type ButtonValue = (typeof BUTTON_VALUES)[number];

export interface RichMenuButton {
  /** The choice value the flows understand, e.g. 'menu:book'. */
  value: ButtonValue;
  ja: string;
  en: string;
  bounds: { x: number; y: number; width: number; height: number };
}

export function richMenuButtons(): RichMenuButton[] {
  const ja = menuChoices(wordsFor("ja").bot);
  const en = menuChoices(wordsFor("en").bot);
  const label = (choices: typeof ja, value: string) => {
    const choice = choices.find((c) => c.value === value);
    if (!choice) throw new Error(`the bot's menu has no choice ${value}`);
    return choice.label;
  };
  return BUTTON_VALUES.map((value, i) => ({ value, ja: label(ja, value), en: label(en, value), bounds: cell(i) }));
}

// Cells cover the whole image with no gap or overlap; the last column and row take the odd pixels.
function cell(index: number): RichMenuButton["bounds"] {
  const column = index % COLUMNS;
  const row = Math.floor(index / COLUMNS);
  const x = Math.round((column * RICH_MENU_SIZE.width) / COLUMNS);
  const y = Math.round((row * RICH_MENU_SIZE.height) / ROWS);
  const right = Math.round(((column + 1) * RICH_MENU_SIZE.width) / COLUMNS);
  const bottom = Math.round(((row + 1) * RICH_MENU_SIZE.height) / ROWS);
  return { x, y, width: right - x, height: bottom - y };
}

/** Every menu this command makes is named so; the rest of the name is a digest of its image. */
export const RICH_MENU_NAME_PREFIX = `${staffWordsFor("ja").app.name} `;

/** 「メニュー / Menu」 on the bar that opens and closes the menu (LINE: at most 14 characters). */
export const RICH_MENU_CHAT_BAR_TEXT = inEveryLocale((words) => words.line.menuBar);

/**
 * The rich menu object for LINE. Its name carries a digest of the image, so a menu found under the
 * same name already has this picture (LINE cannot replace the image of an existing menu).
 */
export function richMenuRequest(imageDigest: string): messagingApi.RichMenuRequest {
  return {
    size: { ...RICH_MENU_SIZE },
    selected: true,
    name: `${RICH_MENU_NAME_PREFIX}${imageDigest.slice(0, 12)}`,
    chatBarText: RICH_MENU_CHAT_BAR_TEXT,
    areas: richMenuButtons().map((button) => ({
      bounds: { ...button.bounds },
      action: {
        type: "postback",
        label: button.ja.slice(0, LINE_MAX_ACTION_LABEL),
        data: choicePostbackData(button.value),
        // Shown in the chat as the user's own words, so the conversation reads naturally.
        displayText: button.ja,
      },
    })),
  };
}

const icons: Record<ButtonValue, string> = {
  // A calendar page with a plus.
  "menu:book": `<rect x="-70" y="-58" width="140" height="128" rx="14" fill="none" stroke="currentColor" stroke-width="12"/><path d="M-70 -18H70M-36 -78V-44M36 -78V-44M0 8V52M-22 30H22" stroke="currentColor" stroke-width="12" stroke-linecap="round"/>`,
  // A sheet with a tick.
  "menu:status": `<rect x="-56" y="-74" width="112" height="148" rx="12" fill="none" stroke="currentColor" stroke-width="12"/><path d="M-28 4L-6 28L32 -24" fill="none" stroke="currentColor" stroke-width="14" stroke-linecap="round" stroke-linejoin="round"/>`,
  // Two arrows, one each way.
  "menu:change": `<path d="M-64 -26H56M28 -56L60 -26L28 4M64 30H-56M-28 0L-60 30L-28 60" fill="none" stroke="currentColor" stroke-width="12" stroke-linecap="round" stroke-linejoin="round"/>`,
  // A circle with a cross.
  "menu:cancel": `<circle r="70" fill="none" stroke="currentColor" stroke-width="12"/><path d="M-30 -30L30 30M30 -30L-30 30" stroke="currentColor" stroke-width="14" stroke-linecap="round"/>`,
  // A speech balloon with a question mark.
  "menu:faq": `<path d="M-70 -56Q-70 -70 -56 -70H56Q70 -70 70 -56V26Q70 40 56 40H-10L-44 70V40H-56Q-70 40 -70 26Z" fill="none" stroke="currentColor" stroke-width="12" stroke-linejoin="round"/><path d="M-20 -34Q-20 -52 0 -52Q20 -52 20 -34Q20 -20 0 -12V2" fill="none" stroke="currentColor" stroke-width="12" stroke-linecap="round"/><circle cy="22" r="8" fill="currentColor"/>`,
  // A person.
  "menu:human": `<circle cy="-36" r="34" fill="none" stroke="currentColor" stroke-width="12"/><path d="M-66 70Q-66 10 0 10Q66 10 66 70" fill="none" stroke="currentColor" stroke-width="12" stroke-linecap="round"/>`,
};

const FONT_FAMILY = "Noto Sans CJK JP";
const INK = "#1f2328";
const GREEN = "#0b7a3e";

/**
 * The rich menu's picture: each button's icon, its Japanese label and the English beside it. Made
 * from the same buttons as the menu object, so the picture and the taps cannot drift apart.
 */
export function richMenuSvg(): string {
  const { width, height } = RICH_MENU_SIZE;
  const tiles = richMenuButtons().map((button, i) => {
    const { x, y, width: w, height: h } = button.bounds;
    const primary = i === 0;
    const ink = primary ? "#ffffff" : INK;
    const cx = x + w / 2;
    return [
      `<g>`,
      `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="${primary ? GREEN : "#ffffff"}"/>`,
      `<g transform="translate(${cx} ${y + 265})" color="${primary ? "#ffffff" : GREEN}">${icons[button.value]}</g>`,
      `<text x="${cx}" y="${y + 515}" text-anchor="middle" font-family="${FONT_FAMILY}" font-weight="700" font-size="96" fill="${ink}">${escapeXml(button.ja)}</text>`,
      `<text x="${cx}" y="${y + 630}" text-anchor="middle" font-family="${FONT_FAMILY}" font-size="68" fill="${ink}">${escapeXml(button.en)}</text>`,
      `</g>`,
    ].join("");
  });
  const cellWidth = width / COLUMNS;
  const lines = [
    ...Array.from({ length: COLUMNS - 1 }, (_, i) => `M${Math.round((i + 1) * cellWidth)} 0V${height}`),
    `M0 ${height / ROWS}H${width}`,
  ];
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    ...tiles,
    `<path d="${lines.join("")}" stroke="#c9d1d9" stroke-width="6"/>`,
    `</svg>`,
    "",
  ].join("\n");
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
