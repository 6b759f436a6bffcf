// Who a booking is for: a person looking for work, or an employer's HR.

/** 'seeker' or 'employer' as the message says, or null. */
export function parseRequester(text: string): "seeker" | "employer" | null {
  // Spaces beside Japanese do not count: やさしい日本語 writes them between phrases (「仕事を 探している」).
  const t = text.normalize("NFKC").toLowerCase().replace(/\s+(?=[^\x00-\x7f])|(?<=[^\x00-\x7f])\s+/g, "");
  if (/求職|仕事を探|job ?seek|looking for work|個人/.test(t)) return "seeker";
  if (/事業|企業|会社|人事|採用|求人|employer|company|\bhr\b/.test(t)) return "employer";
  return null;
}
