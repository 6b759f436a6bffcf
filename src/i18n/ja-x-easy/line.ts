// What only the LINE channel says: answers to things the flows never see (stickers, groups), and
// the words of its own rendering (the picker button, card labels).
import type { SeekerCatalogue } from "../catalogue.ts";
// Not yet rewritten in やさしい日本語: the sections given as japanese.… are the Japanese catalogue's own.
import { line as japanese } from "../ja/line.ts";
export const line = {
  pleaseType: japanese.pleaseType,
  unreadableChoice: japanese.unreadableChoice,
  groupNote: japanese.groupNote,
  pickDateTime: japanese.pickDateTime,
  booking: japanese.booking,
  reference: japanese.reference,
  join: japanese.join,
  /** The rich menu's bar that opens and closes it (LINE: at most 14 characters, every locale together). */
  menuBar: japanese.menuBar,
} satisfies SeekerCatalogue["line"];
