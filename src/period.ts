// Turns what a person types ("2017-W27", "last", "2017-07-05", "2018-01") into a reporting window.
// All calendar arithmetic happens in the configured time zone, so "last week" means the same
// Monday-to-Sunday a maintainer in that zone sees on the wall calendar.
import { TZDate, tz } from "@date-fns/tz";
import {
  addDays,
  addMonths,
  addWeeks,
  endOfMonth,
  endOfISOWeek,
  format,
  getISOWeek,
  getISOWeekYear,
  isValid,
  parse,
  startOfISOWeek,
  startOfMonth,
} from "date-fns";
import type { ConfigPeriodKind, Period } from "./model.js";

export const PERIOD_FORMS =
  '"2017-W27" (ISO week), "2018-01" (month), "2017-07-05" (the period holding that date), "2017-01-01..2017-12-31" (days), "last" (the last complete period) or "this" (the current one)';

export class PeriodError extends Error {}

/** Is `name` an IANA time zone this runtime knows? */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/**
 * Parse a period argument. `kind` is the configured period ("week" or "month"): it decides what "last", "this"
 * and a bare date mean; an explicit "2017-W27" or "2018-01" chooses its own kind.
 */
export function parsePeriod(
  input: string,
  options: { kind?: ConfigPeriodKind; timeZone?: string; now?: Date } = {},
): Period {
  const kind = options.kind ?? "week";
  const timeZone = options.timeZone ?? "UTC";
  if (!isTimeZone(timeZone))
    throw new PeriodError(`unknown time zone "${timeZone}": use an IANA name such as "UTC" or "Europe/Berlin"`);
  const inZone = { in: tz(timeZone) };
  const text = input.trim();
  const now = new TZDate(options.now ?? new Date(), timeZone);

  if (text === "last" || text === "this") {
    const current = kind === "week" ? startOfISOWeek(now, inZone) : startOfMonth(now, inZone);
    const start =
      text === "this" ? current : kind === "week" ? addWeeks(current, -1, inZone) : addMonths(current, -1, inZone);
    return periodAt(start, kind, timeZone);
  }

  let match = /^(\d{4})-W(\d{2})$/.exec(text);
  if (match) {
    const start = parse(text, "RRRR-'W'II", now, inZone);
    // parse() rolls 2017-W54 into 2018; a week that does not exist in its year must be an error instead.
    if (
      !isValid(start) ||
      getISOWeek(start, inZone) !== Number(match[2]) ||
      getISOWeekYear(start, inZone) !== Number(match[1])
    ) {
      throw new PeriodError(`bad period "${input}": ${match[1]} has no week ${match[2]}`);
    }
    return periodAt(start, "week", timeZone);
  }
  match = /^(\d{4})-(\d{2})$/.exec(text);
  if (match) {
    const month = Number(match[2]);
    if (month < 1 || month > 12) throw new PeriodError(`bad period "${input}": months run from 01 to 12`);
    return periodAt(new TZDate(Number(match[1]), month - 1, 1, timeZone), "month", timeZone);
  }
  match = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(text);
  if (match) {
    const [first, last] = [match[1]!, match[2]!].map((day) => parse(day, "yyyy-MM-dd", now, inZone));
    if (!isValid(first) || !isValid(last)) throw new PeriodError(`bad period "${input}": not calendar dates`);
    if (last!.getTime() < first!.getTime())
      throw new PeriodError(`bad period "${input}": the range ends before it starts`);
    return rangePeriod(first!, last!, timeZone);
  }
  match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match) {
    const day = parse(text, "yyyy-MM-dd", now, inZone);
    if (!isValid(day)) throw new PeriodError(`bad period "${input}": not a calendar date`);
    return periodAt(kind === "week" ? startOfISOWeek(day, inZone) : startOfMonth(day, inZone), kind, timeZone);
  }
  throw new PeriodError(`bad period "${input}": use ${PERIOD_FORMS}`);
}

/** Whole days, first to last inclusive, in the time zone. */
function rangePeriod(first: Date, last: Date, timeZone: string): Period {
  const start = new TZDate(first.getTime(), timeZone);
  const end = addDays(new TZDate(last.getTime(), timeZone), 1, { in: tz(timeZone) });
  const firstDay = format(start, "yyyy-MM-dd");
  const lastDay = format(new TZDate(last.getTime(), timeZone), "yyyy-MM-dd");
  return {
    kind: "range",
    id: `${firstDay}..${lastDay}`,
    year: start.getFullYear(),
    timeZone,
    start: new Date(start.getTime()).toISOString(),
    end: new Date(end.getTime()).toISOString(),
    firstDay,
    lastDay,
  };
}

function periodAt(start: Date, kind: ConfigPeriodKind, timeZone: string): Period {
  const inZone = { in: tz(timeZone) };
  const zoned = new TZDate(start.getTime(), timeZone);
  const next = kind === "week" ? addWeeks(zoned, 1, inZone) : addMonths(zoned, 1, inZone);
  const last = kind === "week" ? endOfISOWeek(zoned, inZone) : endOfMonth(zoned, inZone);
  const common = {
    kind,
    timeZone,
    start: new Date(zoned.getTime()).toISOString(),
    end: new Date(next.getTime()).toISOString(),
    firstDay: format(zoned, "yyyy-MM-dd"),
    lastDay: format(new TZDate(last.getTime(), timeZone), "yyyy-MM-dd"),
  };
  if (kind === "week") {
    const year = getISOWeekYear(zoned, inZone);
    const week = getISOWeek(zoned, inZone);
    return { ...common, id: `${year}-W${String(week).padStart(2, "0")}`, year, week };
  }
  const year = zoned.getFullYear();
  const month = zoned.getMonth() + 1;
  return { ...common, id: `${year}-${String(month).padStart(2, "0")}`, year, month };
}
