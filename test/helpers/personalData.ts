// What a seeker types in a fault run, and the check that none of it reached a process's log.

/** Values of the kinds the logs must never carry: name, seeker number, email, phone, chat text. */
export const typedPersonalValues = {
  name: "長崎花子",
  seekerNumber: "42010-7654321",
  email: "hanako.nagasaki@example.jp",
  phone: "090-8765-4321",
  topic: "パワハラで退職を考えています",
};

/** The names of the values found in the log, as typed or as JSON would escape them. */
export function personalValuesIn(log: string, values: Record<string, string> = typedPersonalValues): string[] {
  return Object.entries(values)
    .filter(([, value]) => log.includes(value) || log.includes(JSON.stringify(value).slice(1, -1)) || log.includes(encodeURIComponent(value)))
    .map(([what]) => what);
}
