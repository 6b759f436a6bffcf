// Who a booking is for: a person looking for work, or an employer's HR.

/** 'seeker' or 'employer' as the message says, or null. */
export function parseRequester(text: string): "seeker" | "employer" | null {
  const t = text.normalize("NFKC").toLowerCase();
  if (/求職|仕事を探|job ?seek|looking for work|個人/.test(t)) return "seeker";
  if (/事業|企業|会社|人事|採用|求人|employer|company|\bhr\b/.test(t)) return "employer";
  return null;
}
