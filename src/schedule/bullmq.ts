// The schedule over Redis with BullMQ, for any number of servers. The tick is a BullMQ job scheduler, so each tick is
// one job and one server discovers; the window's start (the last tick) is kept in Redis. Each due draft is a job
// whose id is draftJobId(repo, period): BullMQ ignores an id it already holds, so a second server, a restart or a
// retry never adds a second draft (completed and failed jobs are kept 62 days for that). Every server runs workers;
// a job whose server dies is taken over once its lock expires (stalled-job recovery). Retries back off
// exponentially, or until GitHub's rate limit resets (backoff.ts).
import { Queue, UnrecoverableError, Worker, type Job } from "bullmq";
import { Redis } from "ioredis";
import type { Logger, Probot } from "probot";
import { ConfigError } from "../config/index.js";
import { messageInOneLine } from "../github/errors.js";
import type { AppIdentity } from "../triggers/identity.js";
import { retryDelayMs } from "./backoff.js";
import { tickWindow } from "./due.js";
import { findDueDrafts, type DraftJob } from "./find-due.js";
import type { ScheduleHandle } from "./handle.js";
import { installationLimit } from "./installation-limit.js";
import { runDraftJob } from "./run-draft.js";
import type { ScheduleSettings } from "./settings.js";

export const TICK_QUEUE = "devreport-tick";
export const DRAFT_QUEUE = "devreport-draft";
const TICK_SCHEDULER = "devreport-tick";
const BACKOFF = "devreport";
const KEEP = { age: 62 * 24 * 3600 };

export async function startBullMqSchedule(
  app: Probot,
  identity: AppIdentity,
  settings: ScheduleSettings,
  log: Logger,
): Promise<ScheduleHandle> {
  if (!settings.redisUrl) throw new Error("startBullMqSchedule needs REDIS_URL");
  // Workers block on Redis: ioredis must wait for a reconnect instead of failing their commands.
  const connection = new Redis(settings.redisUrl, { maxRetriesPerRequest: null });
  connection.on("error", (error) => log.warn({ err: error }, `schedule: Redis: ${messageInOneLine(error)}`));
  const { prefix } = settings;
  const lastTickKey = `${prefix}:${TICK_QUEUE}:last-tick`;
  const ticks = new Queue(TICK_QUEUE, { connection, prefix });
  const drafts = new Queue<DraftJob>(DRAFT_QUEUE, { connection, prefix });
  const perInstallation = installationLimit(settings.perInstallation);

  // Upserting is idempotent, and a Redis that lost its data (restarted without persistence) has lost the scheduler
  // too: every server puts it back whenever its connection becomes ready.
  const upsertScheduler = () =>
    ticks.upsertJobScheduler(
      TICK_SCHEDULER,
      { pattern: settings.tick, tz: "UTC" },
      {
        name: "tick",
        opts: { removeOnComplete: 50, removeOnFail: 50 },
      },
    );
  if (settings.timer) await upsertScheduler();
  const onReady = () =>
    void (settings.timer ? upsertScheduler() : Promise.resolve()).catch((error) =>
      log.warn({ err: error }, `schedule: could not restore the tick: ${messageInOneLine(error)}`),
    );
  connection.on("ready", onReady);

  async function tick(): Promise<DraftJob[]> {
    const now = settings.now();
    const last = await connection.get(lastTickKey);
    const window = tickWindow(settings.tick, now, last ? new Date(last) : undefined);
    const jobs = await findDueDrafts(app, window, log);
    await drafts.addBulk(
      jobs.map((job) => ({
        name: "draft",
        data: job,
        opts: {
          jobId: job.id,
          attempts: settings.attempts,
          backoff: { type: BACKOFF },
          removeOnComplete: KEEP,
          removeOnFail: KEEP,
        },
      })),
    );
    await connection.set(lastTickKey, now.toISOString());
    if (jobs.length > 0) log.info({ jobs: jobs.map((job) => job.id) }, `schedule: ${jobs.length} draft(s) due`);
    return jobs;
  }

  const workerOptions = {
    connection,
    prefix,
    lockDuration: settings.lockDurationMs,
    stalledInterval: settings.stalledIntervalMs,
  };
  const tickWorker = new Worker(TICK_QUEUE, () => tick(), { ...workerOptions, concurrency: 1 });
  const draftWorker = new Worker<DraftJob>(
    DRAFT_QUEUE,
    async (job: Job<DraftJob>) => {
      try {
        const outcome = await perInstallation(job.data.installationId, () => runDraftJob(app, identity, job.data, log));
        return { status: outcome.status, pr: outcome.pr.number, primary: outcome.primary };
      } catch (error) {
        // A config that became wrong will not fix itself by waiting.
        if (error instanceof ConfigError) throw new UnrecoverableError(error.message);
        throw error;
      }
    },
    {
      ...workerOptions,
      concurrency: settings.concurrency,
      settings: {
        backoffStrategy: (attemptsMade: number, _type?: string, error?: Error) =>
          retryDelayMs(error, attemptsMade, Date.now(), settings.backoff),
      },
    },
  );
  for (const worker of [tickWorker, draftWorker]) {
    worker.on("error", (error) => log.warn({ err: error }, `schedule: worker: ${messageInOneLine(error)}`));
  }
  draftWorker.on("failed", (job, error) => {
    if (job)
      log.warn({ job: job.id, attempt: job.attemptsMade }, `schedule: ${job.id} failed: ${messageInOneLine(error)}`);
  });

  let stopping: Promise<void> | undefined;
  return {
    mode: "bullmq",
    tickNow: tick,
    stop() {
      stopping ??= (async () => {
        connection.off("ready", onReady);
        await Promise.allSettled([tickWorker.close(), draftWorker.close()]);
        await Promise.allSettled([ticks.close(), drafts.close()]);
        connection.disconnect();
      })();
      return stopping;
    },
  };
}
