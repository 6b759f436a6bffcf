// 正午: twelve o'clock.
import { parser, setTime } from "../../components.ts";

export const noonParser = parser(/正午/, (context) => setTime(context.createParsingComponents(), 12, 0));
