// What stands between two readings, in every locale: a range, a date with its time, alternatives.

/** Between two readings: a range. */
export const RANGE_BETWEEN = /^\s*(?:から|より|~|-|to|until|till|and|到|至|đến|tới|den|toi)\s*(?:の\s*)?(?:同日?\s*(?:の\s*)?)?$/i;
/** Between a range of days and the part of the day that applies to all of them (Chinese joins them with 的). */
export const SPAN_TIME_BETWEEN = /^\s*(?:の間|の間で|の間なら|のうち|なら|の|で|的|、|,)?\s*(?:の)?\s*$/;
/** Between a date (its weekday in brackets) and a time that belong together; or a form's time label (希望日:12/3 時間:14時). */
export const DATE_TIME_BETWEEN = /^\s*(?:\(\s*(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\s*\)\s*)?(?:の|的|は|に|、|,|で|なら|だと|ですと|でしたら|であれば|頃の?|ごろの?|くらいの?|on|at|,\s*at)?\s*(?:の)?\s*$|^\s*[、,/]?\s*(?:ご?希望)?(?:時間|時刻)(?:帯)?\s*(?::|は|=)\s*$/i;
/** Between two alternatives. */
export const ALTERNATIVE_BETWEEN = /^\s*[、,]?\s*(?:か|or|または|又は|もしくは|若しくは|あるいは|とか|か又は|かまたは|と|・|\/|、|,|或者|或|还是|hoặc|hoac|hay)\s*[、,]?\s*(?:の\s*)?$/i;
/** After the second of two readings: the first is being moved to it (…から12月4日10時に変更). */
export const MOVE_FOLLOWS = /^(?:\s*の?\s*(?:同じ|おなじ)\s*(?:時間|時刻)(?:帯)?)?\s*(?:に|へ)\s*(?:変更|変え|ずらし|移し|振り替え)/;
