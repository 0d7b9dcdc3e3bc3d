/**
 * Dates as the archive keeps them: a publication date is a calendar date in Vietnam, `YYYY-MM-DD`,
 * never a `Date` at some machine's local midnight. Luxon formats it with an explicit zone.
 */
import { DateTime, FixedOffsetZone } from 'luxon';

export const ZONE = 'Asia/Ho_Chi_Minh';
/**
 * Vietnam has kept UTC+7, without daylight saving, since 13 June 1975: a fixed offset gives the same
 * wall time as the IANA zone for every crawl since, at half the cost (no `Intl` lookup per call).
 */
const VIETNAM_SINCE_1975 = FixedOffsetZone.instance(7 * 60);
const FIXED_OFFSET_FROM = Date.UTC(1975, 5, 13);

/**
 * Luxon's zone arithmetic costs ~0.1 ms a call and a page formats the same few dates again and again:
 * an archive has at most a few thousand distinct days, so each is formatted once.
 */
function memoized(format: (date: string) => string): (date: string) => string {
  const cache = new Map<string, string>();
  return (date) => {
    let text = cache.get(date);
    if (text === undefined) cache.set(date, (text = format(date)));
    return text;
  };
}

/**
 * A calendar date's day, month, year and weekday are the same in every zone: `utc` formats them like
 * Vietnam's zone without its offset lookups. `zone` matters only where the offset is printed.
 */
function calendarDate(date: string, zone: string = 'utc'): DateTime {
  const parsed = DateTime.fromISO(date, { zone, setZone: true }).setLocale('vi');
  if (!parsed.isValid) throw new Error(`invalid calendar date: date=${JSON.stringify(date)}`);
  return parsed;
}

/** Luxon's `vi` weekdays (`cccc`), Sunday first, as `getUTCDay` counts. */
const WEEKDAYS = ['Chủ Nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];

/**
 * A calendar date's parts, read from its digits: what luxon's `toFormat` prints of it, at ~1 µs instead of
 * ~60 µs a date (a list page shows 20 dates, a rebuild of 250 list pages formatted 2,000 new ones).
 * `tests/site.test.ts` holds the two equal for every day of 1900–2100.
 */
function calendarParts(date: string): { year: string; month: number; day: number; weekday: string } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const at = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  // Date.UTC rolls 2023-02-30 over into March: a date that does not come back as written is not one.
  if (!match || !at || at.toISOString().slice(0, 10) !== date) throw new Error(`invalid calendar date: date=${JSON.stringify(date)}`);
  return { year: match[1]!, month: Number(match[2]), day: Number(match[3]), weekday: WEEKDAYS[at.getUTCDay()]! };
}

/** `2023-03-20` → `Thứ Hai, ngày 20 tháng 3 năm 2023` (luxon's `cccc, 'ngày' d 'tháng' M 'năm' yyyy` in `vi`). */
export const vietnameseDate = memoized((date: string): string => {
  const { year, month, day, weekday } = calendarParts(date);
  return `${weekday}, ngày ${day} tháng ${month} năm ${year}`;
});

/** `2023-03-20` → `20/3/2023`, for lists where the weekday is noise. */
export const shortDate = memoized((date: string): string => {
  const { year, month, day } = calendarParts(date);
  return `${day}/${month}/${year}`;
});

/** A crawl time as the parser writes it (`localDateTime`): seconds, an offset or `Z`. */
const CRAWL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;
const HOUR_MS = 3_600_000;
const two = (n: number): string => String(n).padStart(2, '0');

/**
 * `2024-07-19T12:54:42+07:00` → `12:54 ngày 19/7/2024` (in Vietnam's time, whatever the machine's). Since
 * 1975 the time is read off the instant plus seven hours (~1 µs; luxon took ~45 µs, 0.45 s of a 10,000
 * article render); earlier instants and other forms go through luxon's zone rules. `tests/site.test.ts`
 * holds the two equal.
 */
export function crawlTime(iso: string): string {
  const ms = CRAWL_TIME.test(iso) ? Date.parse(iso) : NaN;
  if (ms >= FIXED_OFFSET_FROM) {
    const at = new Date(ms + 7 * HOUR_MS);
    return `${two(at.getUTCHours())}:${two(at.getUTCMinutes())} ngày ${at.getUTCDate()}/${at.getUTCMonth() + 1}/${at.getUTCFullYear()}`;
  }
  const instant = DateTime.fromISO(iso, { setZone: true });
  if (!instant.isValid) throw new Error(`invalid crawl time: crawledAt=${JSON.stringify(iso)}`);
  const zone = instant.toMillis() >= FIXED_OFFSET_FROM ? VIETNAM_SINCE_1975 : ZONE;
  return instant.setZone(zone).setLocale('vi').toFormat("HH:mm 'ngày' d/M/yyyy");
}

/**
 * Atom requires RFC 3339 timestamps (https://www.rfc-editor.org/rfc/rfc3339): a calendar date becomes
 * the start of that day in Vietnam, `2023-03-20T00:00:00+07:00`.
 */
export const rfc3339 = memoized((dateOrTime) => {
  const parsed = /^\d{4}-\d{2}-\d{2}$/.test(dateOrTime)
    ? calendarDate(dateOrTime, ZONE)
    : DateTime.fromISO(dateOrTime, { setZone: true });
  if (!parsed.isValid) throw new Error(`invalid date: value=${JSON.stringify(dateOrTime)}`);
  return parsed.toISO({ suppressMilliseconds: true }) as string;
});
