// What the schedule runs with: read from the environment once at start-up (a bad DEVREPORT_CRON stops the server
// there, not at the first tick), overridable in code for tests.
import { cronProblem } from "../config/cron.js";
import { DEFAULT_BACKOFF, type BackoffPolicy } from "./backoff.js";
import { DEFAULT_TICK } from "./due.js";

export interface ScheduleSettings {
  /** The server-wide tick (UTC): five fields, or six with seconds first. */
  tick: string;
  /** BullMQ over this Redis when set; in process otherwise. */
  redisUrl?: string;
  /** false: no timer, no BullMQ job scheduler; only tickNow() ticks (tests drive ticks by hand). */
  timer: boolean;
  /** The clock ticks read: the real one, or a test's. */
  now: () => Date;
  /** Scheduled drafts at once on one server, and per installation on one server. */
  concurrency: number;
  perInstallation: number;
  /** Attempts per draft (the first included), with backoff between them. */
  attempts: number;
  backoff: BackoffPolicy;
  /** BullMQ: key prefix, and how soon a dead server's job is taken over (lock lifetime, stalled-job check). */
  prefix: string;
  lockDurationMs: number;
  stalledIntervalMs: number;
}

export const DEFAULT_SETTINGS: Omit<ScheduleSettings, "tick" | "redisUrl"> = {
  timer: true,
  now: () => new Date(),
  concurrency: 4,
  perInstallation: 2,
  attempts: 5,
  backoff: DEFAULT_BACKOFF,
  prefix: "devreport",
  lockDurationMs: 30_000,
  stalledIntervalMs: 30_000,
};

export type ScheduleEnv = Partial<Record<"DEVREPORT_SCHEDULE" | "DEVREPORT_CRON" | "REDIS_URL", string>>;

export class ScheduleSettingsError extends Error {
  override name = "ScheduleSettingsError";
}

/**
 * The schedule runs when DEVREPORT_SCHEDULE is "on" or DEVREPORT_CRON is set (and DEVREPORT_SCHEDULE is not "off");
 * undefined otherwise, so the test suites, the Actions entry and servers that do not want it start nothing.
 */
export function scheduleSettings(
  env: ScheduleEnv,
  overrides: Partial<ScheduleSettings> = {},
): ScheduleSettings | undefined {
  const switchedOn = (env.DEVREPORT_SCHEDULE ?? "").trim().toLowerCase();
  if (!["", "on", "off"].includes(switchedOn)) {
    throw new ScheduleSettingsError(`DEVREPORT_SCHEDULE=${JSON.stringify(env.DEVREPORT_SCHEDULE)}: use "on" or "off"`);
  }
  const cron = env.DEVREPORT_CRON?.trim();
  if (switchedOn === "off" || (switchedOn !== "on" && !cron && overrides.tick === undefined)) return undefined;
  const tick = overrides.tick ?? (cron || DEFAULT_TICK);
  const problem = cronProblem(tick, "5-or-6");
  if (problem) throw new ScheduleSettingsError(`DEVREPORT_CRON: ${JSON.stringify(tick)} ${problem}`);
  const redisUrl = overrides.redisUrl ?? (env.REDIS_URL?.trim() || undefined);
  return { ...DEFAULT_SETTINGS, ...overrides, tick, ...(redisUrl ? { redisUrl } : {}) };
}
