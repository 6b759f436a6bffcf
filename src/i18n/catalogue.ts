import type { ja } from "./ja/index.ts";

/** Every word a person reads, by audience. Japanese is the model: each other locale `satisfies` it. */
export type Catalogue = typeof ja;
