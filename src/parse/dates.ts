/**
 * Calendar dates and local times as printed by the sites. A publication date is a calendar date in
 * Vietnam and stays a `YYYY-MM-DD` string: no `Date` at local midnight, no time zone arithmetic.
 */

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export interface TimeParts {
  hour: string;
  minute: string;
  second?: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Two-digit years are this century up to `69`, the last century above (`19/05/98` → 1998). */
function fullYear(year: string): number {
  const y = Number(year);
  if (year.length > 2) return y;
  return y <= 69 ? 2000 + y : 1900 + y;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * `20`, `03`, `2023` → `2023-03-20`; null for a date that does not exist (`31/02/2024`, `00/13/2024`):
 * never rolled over into the next month the way `new Date(2024, 1, 31)` would.
 */
export function calendarDate({ day, month, year }: DateParts): string | null {
  const d = Number(day);
  const m = Number(month);
  const y = fullYear(year);
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m) || y < 1900 || y > 2199) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** A date and a time on the Vietnamese clock → ISO 8601 with `+07:00`; null when either is not real. */
export function localDateTime(date: DateParts, time: TimeParts): string | null {
  const day = calendarDate(date);
  const h = Number(time.hour);
  const min = Number(time.minute);
  const s = Number(time.second ?? '0');
  if (!day || h > 23 || min > 59 || s > 59) return null;
  return `${day}T${pad(h)}:${pad(min)}:${pad(s)}+07:00`;
}
