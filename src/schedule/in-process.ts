// The schedule on one server without Redis: a croner timer (overrun protection on, so a slow tick is never doubled),
// discovery, and the due drafts run here with bounded concurrency and retries. A job id already run by this
// process is not run again; across processes and restarts, publishDraft's idempotence keeps it to one PR.
import { Cron } from "croner";
import pLimit from "p-limit";
import type { Logger, Probot } from "probot";
import { messageInOneLine } from "../github/errors.js";
import type { AppIdentity } from "../triggers/identity.js";
import { retryDelayMs } from "./backoff.js";
import { tickWindow } from "./due.js";
import { findDueDrafts, type DraftJob } from "./find-due.js";
import type { ScheduleHandle } from "./handle.js";
import { installationLimit } from "./installation-limit.js";
import { runDraftJob } from "./run-draft.js";
import type { ScheduleSettings } from "./settings.js";

/** How long a job id is remembered: longer than a month, the longest period. */
const REMEMBER_MS = 62 * 24 * 3600_000;

export function startInProcessSchedule(
  app: Probot,
  identity: AppIdentity,
  settings: ScheduleSettings,
  log: Logger,
): ScheduleHandle {
  let lastTick: Date | undefined;
  let stopped = false;
  const seen = new Map<string, number>();
  const running = new Set<Promise<unknown>>();
  const retries = new Set<NodeJS.Timeout>();
  const limit = pLimit(settings.concurrency);
  const perInstallation = installationLimit(settings.perInstallation);
  let ticking: Promise<DraftJob[]> | undefined;

  function run(job: DraftJob, attempt: number): void {
    const attemptRun = limit(() => perInstallation(job.installationId, () => runDraftJob(app, identity, job, log)))
      .catch((error: unknown) => {
        if (stopped) return;
        if (attempt >= settings.attempts) {
          log.error(
            { err: error, job: job.id },
            `schedule: gave up on ${job.id} after ${attempt} attempts: ${messageInOneLine(error)}`,
          );
          return;
        }
        const delay = retryDelayMs(error, attempt, Date.now(), settings.backoff);
        log.warn(
          { job: job.id, attempt, delayMs: delay },
          `schedule: ${job.id} failed, retrying in ${Math.round(delay / 1000)} s`,
        );
        const timer = setTimeout(() => {
          retries.delete(timer);
          run(job, attempt + 1);
        }, delay);
        timer.unref();
        retries.add(timer);
      })
      .finally(() => running.delete(attemptRun));
    running.add(attemptRun);
  }

  async function tick(): Promise<DraftJob[]> {
    const now = settings.now();
    const window = tickWindow(settings.tick, now, lastTick);
    const jobs = await findDueDrafts(app, window, log);
    lastTick = now;
    for (const [id, at] of seen) if (now.getTime() - at > REMEMBER_MS) seen.delete(id);
    const fresh = jobs.filter((job) => !seen.has(job.id));
    for (const job of fresh) {
      seen.set(job.id, now.getTime());
      run(job, 1);
    }
    if (jobs.length > 0) log.info({ jobs: jobs.map((job) => job.id) }, `schedule: ${fresh.length} draft(s) due`);
    return jobs;
  }

  // Ticks never overlap: the timer's and tickNow()'s share one promise while one runs.
  const guardedTick = (): Promise<DraftJob[]> => {
    ticking ??= tick().finally(() => (ticking = undefined));
    return ticking;
  };

  const timer = !settings.timer
    ? undefined
    : new Cron(settings.tick, { timezone: "UTC", mode: "5-or-6-parts", protect: true, unref: true }, async () => {
        try {
          await guardedTick();
        } catch (error) {
          log.error({ err: error }, `schedule: tick failed: ${messageInOneLine(error)}`);
        }
      });

  return {
    mode: "in-process",
    tickNow: guardedTick,
    async stop() {
      stopped = true;
      timer?.stop();
      for (const retry of retries) clearTimeout(retry);
      retries.clear();
      await ticking?.catch(() => {});
      await Promise.allSettled([...running]);
    },
  };
}
