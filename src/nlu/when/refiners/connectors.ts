// What stands between two readings, in both locales: a range, a date with its time, alternatives.

/** Between two readings: a range. */
export const RANGE_BETWEEN = /^\s*(?:から|より|~|-|to|until|till|and)\s*(?:の\s*)?(?:同日?\s*(?:の\s*)?)?$/i;
/** Between a range of days and the part of the day that applies to all of them. */
export const SPAN_TIME_BETWEEN = /^\s*(?:の間|の間で|の間なら|のうち|なら|の|で|、|,)?\s*(?:の)?\s*$/;
/** Between a date and a time that belong together. */
export const DATE_TIME_BETWEEN = /^\s*(?:の|は|に|、|,|で|なら|だと|ですと|でしたら|であれば|頃の?|ごろの?|くらいの?|on|at|,\s*at)?\s*(?:の)?\s*$/i;
/** Between two alternatives. */
export const ALTERNATIVE_BETWEEN = /^\s*[、,]?\s*(?:か|or|または|又は|もしくは|若しくは|あるいは|とか|か又は|かまたは|・|\/|、|,)\s*[、,]?\s*(?:の\s*)?$/i;
