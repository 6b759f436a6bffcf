// Answers that decline an option: no counsellor in particular, no interpreter or assistant.

/** 「指名しない」「誰でもいい」: any counsellor will do. */
export function saysNoPreference(text: string): boolean {
  return /指名しない|指名なし|なし|特にない|no preference|^no$|^none$|誰でも/i.test(text);
}

/** 「不要です」: no interpreter or assistant is needed. */
export function saysNotNeeded(text: string): boolean {
  return /不要|いらない|必要ない|not needed/i.test(text);
}
