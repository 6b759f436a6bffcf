// "noon", "at noon": twelve o'clock.
import { parser, setTime } from "../../components.ts";

export const enNoonParser = parser(/\b(?:at\s+)?noon\b/i, (context) => setTime(context.createParsingComponents(), 12, 0));
