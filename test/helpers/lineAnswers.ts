// Counting what a LINE user received against what they should have, for the fault tests.

/** Each message has an answer of its own, so the answers' order shows the order of delivery. */
export const faqConversation = ["よくある質問", "料金はいくらですか", "録画してもいいですか", "持ち物は何ですか", "電話番号を教えて"];

export const textOf = (m: unknown) => (m as { text?: string; altText?: string }).text ?? (m as { altText?: string }).altText ?? "";

/** delivered, duplicated, out of order and lost answers of one user, against the answers expected. */
export function countDeliveries(expected: string[], delivered: string[]) {
  const indexes = delivered.map((text) => expected.indexOf(text));
  const known = indexes.filter((i) => i >= 0);
  const distinct = new Set(known);
  let outOfOrder = 0;
  for (let i = 1; i < known.length; i++) if (known[i]! < known[i - 1]!) outOfOrder++;
  return { delivered: distinct.size, duplicated: known.length - distinct.size, outOfOrder, lost: expected.length - distinct.size, unknown: indexes.length - known.length };
}

/** The totals of countDeliveries over many users. */
export function countAll(expected: string[], deliveredByUser: string[][]) {
  const totals = { delivered: 0, duplicated: 0, outOfOrder: 0, lost: 0, unknown: 0 };
  for (const delivered of deliveredByUser) {
    const c = countDeliveries(expected, delivered);
    for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += c[k];
  }
  return totals;
}
