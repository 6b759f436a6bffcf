export { parseWhen } from "./pipeline.ts";
export type { WhenConfirmReason, WhenReading } from "./types.ts";
