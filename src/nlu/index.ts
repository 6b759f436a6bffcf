export { parseWhen, type WhenReading, type WhenConfirmReason } from "./when/index.ts";
export { parseSeekerNumber, type SeekerNumberResult } from "./seekerNumber.ts";
export { parseEstablishmentNumber, type EstablishmentNumberResult } from "./establishmentNumber.ts";
export { parsePhone, type PhoneResult, type PhoneKind } from "./phone.ts";
export { parseEmail, type EmailResult } from "./email.ts";
export { parseName, type NameResult, type NameScript } from "./name.ts";
export { parseYesNo } from "./yesNo.ts";
export { detectIntent, isBookingWish, type Intent } from "./intent.ts";
export { normalizeForParsing, normalizeField } from "./normalize.ts";
