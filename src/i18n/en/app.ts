import type { Catalogue } from "../catalogue.ts";

export const app = {
  name: "Booking bot",
  unavailable: "We are briefly unavailable. Please try again in a moment.",
} satisfies Catalogue["app"];
