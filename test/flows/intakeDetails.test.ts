// The booking details are declared once (src/booking/details.ts); the intake must ask each of them, or a
// new one would be stored as empty for every chat booking without a word from the type checker.
import { describe, expect, it } from "vitest";
import { detailNames } from "../../src/booking/details.ts";
import { intake } from "../../src/flows/intake.ts";

describe("the intake and the booking details", () => {
  it("asks every booking detail (the kind of requester as 'requester')", () => {
    const asked = new Set(intake.slots.map((slot) => slot.name));
    expect(detailNames.filter((name) => !asked.has(name === "requesterKind" ? "requester" : name))).toEqual([]);
  });
});
