import type { ja } from "./ja/index.ts";

/** Every word a person reads, by audience. Japanese is the model: each other locale `satisfies` it. */
export type Catalogue = Widen<typeof ja>;

/** Japanese's literal strings ("ja", "English") as plain strings, so another locale may say its own. */
type Widen<T> = T extends string
  ? string
  : T extends (...args: infer A) => infer R
    ? (...args: A) => Widen<R>
    : T extends object
      ? { [K in keyof T]: Widen<T[K]> }
      : T;
