import { describe, expect, it } from "vitest";
import { detectIntent, parseEmail, parseEstablishmentNumber, parseName, parsePhone, parseSeekerNumber, parseYesNo } from "../../src/nlu/index.ts";
import { fieldCorpus, type FieldCase } from "./corpus/fields.ts";

function answer(c: FieldCase): unknown {
  switch (c.field) {
    case "seekerNumber":
      return pick(parseSeekerNumber(c.text));
    case "establishmentNumber":
      return pick(parseEstablishmentNumber(c.text));
    case "phone":
      return pick(parsePhone(c.text));
    case "email":
      return pick(parseEmail(c.text));
    case "name":
      return pick(parseName(c.text));
    case "yesNo":
      return parseYesNo(c.text);
    case "intent":
      return detectIntent(c.text);
  }
}

/** The parts the corpus states: ok, value or reason, and any confirm/suggestion. */
function pick(r: object): object {
  const { ok, value, reason, confirm, suggestion } = r as Record<string, unknown>;
  return Object.fromEntries(Object.entries({ ok, value, reason, confirm, suggestion }).filter(([, v]) => v !== undefined));
}

describe("the field corpus", () => {
  it("has at least 150 utterances", () => {
    expect(fieldCorpus.length).toBeGreaterThanOrEqual(150);
  });

  const fields = [...new Set(fieldCorpus.map((c) => c.field))];
  for (const field of fields) {
    describe(field, () => {
      for (const c of fieldCorpus.filter((x) => x.field === field)) {
        it(`reads ${JSON.stringify(c.text)}`, () => {
          expect(answer(c)).toEqual(c.expect);
        });
      }
    });
  }
});
