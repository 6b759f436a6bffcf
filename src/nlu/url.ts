// Web addresses inside a message. Japanese text runs straight on after an address with no space
// (「https://example.jp/a。」), so an address ends at Japanese punctuation as well as at a space.
// The widget imports this file alone: keep it free of other imports.

/** One capturing group, so `text.split(URL_IN_TEXT)` puts every address at an odd index. */
export const URL_IN_TEXT = /(https?:\/\/[^\s、。「」）)]+)/;
