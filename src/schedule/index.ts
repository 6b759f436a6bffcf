export {
  closedReason,
  closureLookup,
  holidayOn,
  isBusinessDay,
  isYearEndClosure,
  nextBusinessDay,
  previousBusinessDay,
  type ClosedReason,
  type Closure,
  type ClosureLookup,
} from "./calendar.ts";
export { SLOT_MINUTES, SLOT_MS, bookingCutoff, lastBookableDate, slotEnd, slotStartMinutes, slotTimes } from "./slots.ts";
export {
  availableSlots,
  checkSlot,
  dayRefusal,
  dayGrid,
  freeDays,
  indexTaken,
  prepareSchedule,
  type Absence,
  type CounsellorSlotState,
  type CounsellorUnavailableWhy,
  type DayGrid,
  type FreeDay,
  type GridSlot,
  type PreparedSchedule,
  type ScheduleContext,
  type Slot,
  type SlotCheck,
  type SlotRefusal,
  type SlotRefusalReason,
  type SlotRequest,
  type Taken,
  type TakenIndex,
} from "./availability.ts";
export { suggestAlternatives, suggestSlots, type Wish } from "./suggest.ts";
export { inOfferHours, OFFER_HOURS, offerExpiry } from "./waitlist.ts";
