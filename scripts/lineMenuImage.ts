// `npm run line:menu-image`: draws the LINE rich menu (assets/line/rich-menu.svg) from the menu's
// buttons and rasterises it to the PNG that `npm run line:setup` uploads. Run it on a development
// machine after changing the menu's words, and commit both files: nothing rasterises at run time.
// It needs the Noto Sans CJK fonts (Debian: apt-get install fonts-noto-cjk).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { initWasm, Resvg } from "@resvg/resvg-wasm";
import { RICH_MENU_IMAGE_PATH, RICH_MENU_SIZE, RICH_MENU_SVG_PATH, richMenuSvg } from "../src/bot/line/richMenu.ts";
import { fromRoot } from "../src/paths.ts";

const FONT_DIR = process.env.RICH_MENU_FONT_DIR ?? "/usr/share/fonts/opentype/noto";
const FONT_FILES = ["NotoSansCJK-Regular.ttc", "NotoSansCJK-Bold.ttc"];
// LINE refuses a rich menu image over 1 MB.
const MAX_IMAGE_BYTES = 1024 * 1024;

const fonts = FONT_FILES.map((name) => `${FONT_DIR}/${name}`);
const missing = fonts.filter((path) => !existsSync(path));
if (missing.length > 0) {
  console.error(`line:menu-image: cannot find ${missing.join(", ")}. Install fonts-noto-cjk, or set RICH_MENU_FONT_DIR to the folder holding ${FONT_FILES.join(" and ")}.`);
  process.exit(1);
}

const require = createRequire(import.meta.url);
await initWasm(readFileSync(require.resolve("@resvg/resvg-wasm/index_bg.wasm")));

const svg = richMenuSvg();
const png = new Resvg(svg, {
  fitTo: { mode: "width", value: RICH_MENU_SIZE.width },
  font: { fontBuffers: fonts.map((path) => readFileSync(path)), defaultFontFamily: "Noto Sans CJK JP" },
}).render().asPng();
if (png.byteLength > MAX_IMAGE_BYTES) {
  console.error(`line:menu-image: the image is ${png.byteLength} bytes, over LINE's limit of ${MAX_IMAGE_BYTES}`);
  process.exit(1);
}
writeFileSync(fromRoot(...RICH_MENU_SVG_PATH), svg);
writeFileSync(fromRoot(...RICH_MENU_IMAGE_PATH), png);
console.log(`wrote ${RICH_MENU_SVG_PATH.join("/")} and ${RICH_MENU_IMAGE_PATH.join("/")} (${RICH_MENU_SIZE.width}x${RICH_MENU_SIZE.height}, ${png.byteLength} bytes)`);
