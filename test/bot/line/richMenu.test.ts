import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { toInbound, lineEventSchema } from "../../../src/bot/line/events.ts";
import { RICH_MENU_IMAGE_PATH, RICH_MENU_SIZE, RICH_MENU_SVG_PATH, richMenuButtons, richMenuRequest, richMenuSvg } from "../../../src/bot/line/richMenu.ts";
import { fromRoot } from "../../../src/paths.ts";
import { lineUserId, postbackEvent } from "../../fakes/line-platform/index.ts";

describe("the LINE rich menu", () => {
  it("has its committed picture drawn from the current buttons (npm run line:menu-image after changing their words)", () => {
    expect(readFileSync(fromRoot(...RICH_MENU_SVG_PATH), "utf8")).toBe(richMenuSvg());
  });

  it("ships a PNG of the menu's size within LINE's 1 MB limit", () => {
    const png = readFileSync(fromRoot(...RICH_MENU_IMAGE_PATH));
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) }).toEqual(RICH_MENU_SIZE);
    expect(png.byteLength).toBeLessThanOrEqual(1024 * 1024);
  });

  it("labels every button in Japanese with the English beside it", () => {
    const svg = richMenuSvg();
    for (const button of richMenuButtons()) {
      expect(svg).toContain(`>${button.ja}</text>`);
      expect(svg).toContain(`>${button.en}</text>`);
    }
  });

  it("covers the whole picture with six buttons that do not overlap", () => {
    const areas = richMenuRequest("0".repeat(64)).areas!;
    expect(areas).toHaveLength(6);
    const covered = areas.reduce((sum, a) => sum + a.bounds!.width! * a.bounds!.height!, 0);
    expect(covered).toBe(RICH_MENU_SIZE.width * RICH_MENU_SIZE.height);
    for (const a of areas) {
      expect(a.bounds!.x! + a.bounds!.width!).toBeLessThanOrEqual(RICH_MENU_SIZE.width);
      expect(a.bounds!.y! + a.bounds!.height!).toBeLessThanOrEqual(RICH_MENU_SIZE.height);
    }
  });

  it("sends from each button the bot's own menu choice, as a tap on its quick reply would", () => {
    const userId = lineUserId("rich-menu");
    const sent = richMenuRequest("0".repeat(64)).areas!.map((area) => {
      const data = (area.action as { data: string }).data;
      return toInbound(lineEventSchema.parse(postbackEvent(userId, data)));
    });
    expect(sent.map((s) => (s.kind === "inbound" ? s.inbound : s))).toEqual(
      ["menu:book", "menu:status", "menu:change", "menu:cancel", "menu:faq", "menu:human"].map((value) => ({ kind: "choice", value })),
    );
  });
});
