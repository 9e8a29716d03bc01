// Cron expressions for the `schedule` key, parsed by croner: five fields (minute hour day-of-month month day-of-week,
// or a nickname such as "@weekly"), evaluated in a time zone with wall-clock DST rules (a time the clocks skip runs at
// the first valid time after the gap, a time that occurs twice runs once). Pure: no timers are ever started here.
import { Cron, type CronOptions } from "croner";

/** Five fields: what `schedule:` in .github/devreport.yml takes. Six (with seconds) only for the server's tick. */
export type CronFields = "5" | "5-or-6";

const FIVE_FIELDS = 'five fields "minute hour day-of-month month day-of-week", e.g. "0 6 * * 1"';

/** A paused croner job: it only evaluates the pattern. */
export function cronOf(pattern: string, options: { timeZone?: string; fields?: CronFields } = {}): Cron {
  const cronOptions: CronOptions = {
    paused: true,
    timezone: options.timeZone ?? "UTC",
    mode: options.fields === "5-or-6" ? "5-or-6-parts" : "5-part",
  };
  return new Cron(pattern.trim(), cronOptions);
}

/** Why `pattern` is not a usable cron expression, or undefined when it is. */
export function cronProblem(pattern: string, fields: CronFields = "5"): string | undefined {
  const text = pattern.trim();
  if (text === "") return "is not a cron expression (empty)";
  const parts = text.startsWith("@") ? 5 : text.split(/\s+/).length;
  const allowed = fields === "5" ? [5] : [5, 6];
  if (!allowed.includes(parts)) {
    return `is not a cron expression (${parts} fields); use ${fields === "5" ? FIVE_FIELDS : "five fields, or six with seconds first"}`;
  }
  try {
    const cron = cronOf(text, { fields });
    // A pattern that never fires (30 February) is a mistake too.
    if (!cron.nextRun(new Date(0))) return "is a cron expression that never fires";
  } catch (error) {
    const reason = (error as Error).message.replace(/^CronPattern:\s*/, "");
    return `is not a cron expression (${reason}); use ${fields === "5" ? FIVE_FIELDS : "five fields, or six with seconds first"}`;
  }
  return undefined;
}
