import { describe, expect, it } from "vitest";
import { wordsFor, type Locale } from "../../src/i18n/index.ts";
import { bookings } from "../../src/store/schema.ts";
import { lineUserId } from "../fakes/line-platform/index.ts";
import { storeKinds } from "../helpers/stores.ts";
import { lineUser, useLineHarness } from "./line.harness.ts";

// A whole booking over LINE in 简体中文 and in Tiếng Việt: the user names the language, then books with
// typed Chinese or Vietnamese and the quick replies in that language.
const seekers: Array<{ locale: Locale; ask: string; book: string; name: string; when: string; held: string; topic: string }> = [
  { locale: "zh-Hans", ask: "中文", book: "我想预约", name: "王 明", when: "12月1日下午2点", held: "12月1日（周二）下午2:00～2:30", topic: "想找办公室的工作" },
  { locale: "vi", ask: "Tiếng Việt", book: "đặt lịch", name: "Nguyen Van An", when: "1/12 lúc 14h", held: "thứ Ba, 1/12, 14:00–14:30", topic: "Tôi muốn tìm việc văn phòng" },
];

describe.each(storeKinds)("a booking over LINE in Chinese and Vietnamese on $name", (kind) => {
  const { store, fake, h } = useLineHarness(kind);

  it.each(seekers)("books in $locale after the user asks for it", async (s) => {
    const w = wordsFor(s.locale).bot;
    const user = lineUser(h, fake, lineUserId(`lang-${s.locale}`));
    await user.follow();
    await user.say(s.ask);
    expect(user.text).toContain(w.menu.greeting.split("\n")[0]!);
    await user.say(s.book);
    expect(user.text).toContain(w.intake.askOffice);
    await user.tap(user.quickReplies[0]!.label);
    await user.tap(w.intake.requesterSeeker);
    await user.tap(w.intake.consentAgree);
    await user.say(s.name);
    await user.say("42010-1234567");
    await user.say("wang@example.jp");
    await user.say("090-1234-5678");
    await user.tap(w.intake.noPreference);
    await user.say(s.when);
    expect(user.text).toContain(s.held);
    await user.say(s.topic);
    await user.tap(w.intake.supportNone);
    await user.tap(w.intake.submit);
    expect(user.text).toContain(w.intake.submitted("").split("\n")[0]!);

    const [row] = await store.db.select().from(bookings);
    expect(row).toMatchObject({ status: "requested", locale: s.locale });
    expect(row!.startsAt.toISOString()).toBe("2026-12-01T05:00:00.000Z");
  });
});
