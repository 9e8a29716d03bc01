// When a repository's scheduled draft is due: its `schedule` (or the default for its period) evaluated in its
// timeZone, over the window since the server's last tick. Pure: plain values in, plain values out, no timers.
import { cronOf } from "../config/cron.js";
import type { Config } from "../config/index.js";
import type { Period } from "../model.js";
import { parsePeriod } from "../period.js";

/** Mondays at 06:00 for weekly reports, the 1st at 06:00 for monthly ones, in the config's timeZone. */
export const DEFAULT_SCHEDULE = { week: "0 6 * * 1", month: "0 6 1 * *" } as const;

/** The tick every server uses unless DEVREPORT_CRON says otherwise: every quarter hour (UTC). */
export const DEFAULT_TICK = "*/15 * * * *";

export type ScheduleConfig = Pick<Config, "period" | "timeZone"> & { schedule?: string | false };

/** The cron expression a config asks for, or undefined for `schedule: false`. */
export function scheduleOf(config: ScheduleConfig): string | undefined {
  if (config.schedule === false) return undefined;
  return config.schedule ?? DEFAULT_SCHEDULE[config.period];
}

/** Times after `since` up to and including `now`. */
export interface TickWindow {
  since: Date;
  now: Date;
}

/** The latest time `pattern` fires (in `timeZone`) within the window, or undefined when it does not fire there. */
export function latestDue(
  pattern: string,
  timeZone: string,
  window: TickWindow,
  fields: "5" | "5-or-6" = "5",
): Date | undefined {
  if (window.now.getTime() <= window.since.getTime()) return undefined;
  // previousRuns looks strictly before its reference: one millisecond on makes `now` itself count.
  const [latest] = cronOf(pattern, { timeZone, fields }).previousRuns(1, new Date(window.now.getTime() + 1));
  return latest && latest.getTime() > window.since.getTime() ? latest : undefined;
}

/**
 * The window a tick at `now` covers: since the last tick that ran, or (none known: the first tick of a server, or
 * Redis lost its keys) since the tick before this one, so a restart neither replays old due times nor skips one.
 */
export function tickWindow(tickPattern: string, now: Date, lastTick?: Date): TickWindow {
  // A tick at or before the last one (a clock set back) covers nothing rather than replaying due times.
  if (lastTick) return { since: lastTick.getTime() < now.getTime() ? lastTick : now, now };
  const [, previous] = cronOf(tickPattern, { fields: "5-or-6" }).previousRuns(2, new Date(now.getTime() + 1));
  return { since: previous ?? new Date(now.getTime() - 60_000), now };
}

export interface DueDraft {
  /** The time the schedule fired: "last" is read from it, so a late or retried run drafts the same period. */
  due: Date;
  period: Period;
}

/** The draft a config asks for in this window: the last complete period as of the latest due time. */
export function dueDraft(config: ScheduleConfig, window: TickWindow): DueDraft | undefined {
  const pattern = scheduleOf(config);
  if (!pattern) return undefined;
  const due = latestDue(pattern, config.timeZone, window);
  if (!due) return undefined;
  return { due, period: parsePeriod("last", { kind: config.period, timeZone: config.timeZone, now: due }) };
}

/**
 * One id per repository and period: BullMQ ignores a job whose id it already holds, so a second server, a restart
 * or a retry never adds a second draft. BullMQ refuses ":" in custom ids (and ids that are integers), hence "/".
 */
export function draftJobId(repo: string, periodId: string): string {
  return `draft/${repo.toLowerCase()}/${periodId}`;
}
