import type { ja } from "./ja/index.ts";

/**
 * Every word a person reads, by audience. Japanese is the model: each other locale `satisfies` it.
 * Japanese and English (the staff locales) write all of it.
 */
export type Catalogue = Widen<typeof ja>;

/**
 * What a seeker reads: all a seeker locale writes. Left out, because only staff and the operator read
 * them (in `staffLocales`): the console (`staff`), `npm run line:setup` (`cli`), the product's name and
 * its bilingual "unavailable" line (`app`), the staff's mail (`mail.staffNotice`) and LINE notice
 * (`notices.staffLine`).
 */
export type SeekerCatalogue = Omit<Catalogue, "app" | "staff" | "cli" | "mail" | "notices"> & {
  mail: Omit<Catalogue["mail"], "staffNotice">;
  notices: Omit<Catalogue["notices"], "staffLine">;
};

/** Japanese's literal strings ("ja", "English") as plain strings, so another locale may say its own. */
type Widen<T> = T extends string
  ? string
  : T extends (...args: infer A) => infer R
    ? (...args: A) => Widen<R>
    : T extends object
      ? { [K in keyof T]: Widen<T[K]> }
      : T;
