// The schedule on BullMQ: real redis-server processes on loopback ports, the fake GitHub, and app servers that each
// run the schedule (two in this process; one in a child process that is killed mid-draft). Ticks are BullMQ's job
// scheduler every second; the clock is real time moved to just before the due time.
import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { Queue } from "bullmq";
import nock from "nock";
import { primaryRateLimit, slow, type FakeGitHub } from "@devreport/fake-github";
import { DRAFT_QUEUE, TICK_QUEUE } from "../../src/schedule/bullmq.js";
import { startSchedule, type ScheduleHandle } from "../../src/schedule/start.js";
import type { ScheduleSettings } from "../../src/schedule/settings.js";
import { appIdentity } from "../../src/triggers/identity.js";
import {
  probotFor,
  redisSkipReason,
  reportPulls,
  scheduleFake,
  startRedis,
  until,
  type RedisServer,
} from "./helpers.js";

nock.disableNetConnect();
nock.enableNetConnect(/^127\.0\.0\.1(:\d+)?$/);

const why = redisSkipReason();
if (why) console.warn(`skipping the BullMQ schedule tests: ${why}`);
const suite = why ? describe.skip : describe;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Ticks every second. Locks of live servers outlast this process's busiest moments (the fake GitHub and the servers
 * share one event loop here, so a lock of a second could expire under a live server); the killed child's lock is a
 * second (fixtures/schedule-server.ts), and stalled jobs are looked for every half second.
 */
const FAST: Partial<ScheduleSettings> = { tick: "* * * * * *", lockDurationMs: 10_000, stalledIntervalMs: 500 };

function clockAt(iso: string): { offset: number; now: () => Date; set(at: string): void } {
  const clock = {
    offset: new Date(iso).getTime() - Date.now(),
    now: () => new Date(Date.now() + clock.offset),
    set: (at: string) => (clock.offset = new Date(at).getTime() - Date.now()),
  };
  return clock;
}

async function startServer(
  fake: FakeGitHub,
  redis: RedisServer,
  prefix: string,
  now: () => Date,
): Promise<ScheduleHandle> {
  const probot = await probotFor(fake);
  return (await startSchedule(probot, { REDIS_URL: redis.url }, appIdentity(probot), { ...FAST, prefix, now }))!;
}

const queue = (redis: RedisServer, name: string, prefix: string) =>
  new Queue(name, { connection: { host: "127.0.0.1", port: redis.port }, prefix });
const discoveries = (fake: FakeGitHub) => fake.requests.filter((r) => r.kind === "rest GET /app/installations").length;

suite(`the schedule on BullMQ (${why || "redis-server on a loopback port"})`, () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  describe("two app servers, one Redis, one fake GitHub", () => {
    let fake: FakeGitHub;
    const servers: ScheduleHandle[] = [];
    const clock = clockAt("2024-04-01T05:59:57Z");
    const prefix = "two";

    beforeAll(async () => {
      fake = await scheduleFake();
      servers.push(
        await startServer(fake, redis, prefix, clock.now),
        await startServer(fake, redis, prefix, clock.now),
      );
    });
    afterAll(async () => {
      await Promise.all(servers.map((server) => server.stop()));
      await fake?.close();
    });

    test("the clock passes Monday 06:00: exactly one PR per configured repository, none for the others, one discovery per tick", async () => {
      expect(servers.map((s) => s.mode)).toEqual(["bullmq", "bullmq"]);
      await until("both drafts", () => Object.keys(reportPulls(fake)).length >= 2);
      // More ticks on both servers: nothing new.
      await sleep(2500);
      expect(reportPulls(fake)).toEqual({ "acme/rtf": ["devreport/2024-03"], "acme/tinyos": ["devreport/2024-W13"] });
      const drafts = queue(redis, DRAFT_QUEUE, prefix);
      const ticks = queue(redis, TICK_QUEUE, prefix);
      try {
        const completed = await drafts.getJobs(["completed"]);
        expect(completed.map((job) => job.id).sort()).toEqual(["draft/acme/rtf/2024-03", "draft/acme/tinyos/2024-W13"]);
        // Both ran once: no retry, no stalled take-over between two live servers.
        expect(completed.map((job) => [job.attemptsStarted, job.stalledCounter])).toEqual([
          [1, 0],
          [1, 0],
        ]);
        expect(completed.map((job) => job.returnvalue.status)).toEqual(["created", "created"]);
        const tickCounts = await ticks.getJobCounts("completed", "failed");
        // Each tick job discovered once, on one of the two servers.
        expect(discoveries(fake)).toBe(tickCounts.completed! + tickCounts.failed!);
        expect(tickCounts.completed).toBeGreaterThanOrEqual(4);
      } finally {
        await Promise.all([drafts.close(), ticks.close()]);
      }
    });

    test("New York's Monday 06:00 (10:00 UTC) drafts beta/gadget, on its own installation", async () => {
      clock.set("2024-04-01T09:59:58Z");
      await until("the New York draft", () => reportPulls(fake)["beta/gadget"]);
      await sleep(1500);
      expect(reportPulls(fake)).toEqual({
        "acme/rtf": ["devreport/2024-03"],
        "acme/tinyos": ["devreport/2024-W13"],
        "beta/gadget": ["devreport/2024-W13"],
      });
    });

    test("Redis restarted empty (no RDB, no AOF) between ticks: the tick comes back, the due time is drafted again, still no duplicate PR", async () => {
      await redis.restart();
      // Redis forgot the last tick and every job id; replay 06:00 to make the servers enqueue the same drafts again.
      clock.set("2024-04-01T05:59:58Z");
      const drafts = queue(redis, DRAFT_QUEUE, prefix);
      try {
        const rerun = await until(
          "the re-run drafts",
          async () => {
            const jobs = await drafts.getJobs(["completed"]);
            return jobs.length >= 2 && jobs;
          },
          25_000,
        );
        expect(rerun.map((job) => [job.id, job.returnvalue.status]).sort()).toEqual([
          ["draft/acme/rtf/2024-03", "unchanged"],
          ["draft/acme/tinyos/2024-W13", "unchanged"],
        ]);
      } finally {
        await drafts.close();
      }
      expect(reportPulls(fake)).toEqual({
        "acme/rtf": ["devreport/2024-03"],
        "acme/tinyos": ["devreport/2024-W13"],
        "beta/gadget": ["devreport/2024-W13"],
      });
    });
  });

  test("Probot's own throttling clusters over the same Redis when REDIS_URL is set (Bottleneck's keys appear)", async () => {
    const fake = await scheduleFake();
    try {
      const out = await new Promise<string>((resolve, reject) => {
        const child = spawn(process.execPath, ["--import", "tsx", "test/schedule/fixtures/probot-throttle.ts"], {
          env: { ...process.env, FAKE_URL: fake.apiUrl, REDIS_URL: redis.url },
          stdio: ["ignore", "pipe", "inherit"],
        });
        let text = "";
        child.stdout!.on("data", (chunk: Buffer) => (text += chunk.toString()));
        child.once("exit", (code) => (code === 0 ? resolve(text) : reject(new Error(`exit ${code}: ${text}`))));
      });
      expect(Number(/bottleneck keys: (\d+)/.exec(out)?.[1])).toBeGreaterThan(0);
    } finally {
      await fake.close();
    }
  }, 60_000);

  test("a draft that hits GitHub's rate limit is retried once the limit resets, not before", async () => {
    const fake = await scheduleFake();
    const limit = primaryRateLimit({ kind: "graphql", first: 1 }, { resetInSeconds: 3 });
    const refusedAt: number[] = [];
    fake.interceptors.push(async (req, ctx) => {
      const refused = await limit(req, ctx);
      if (refused) refusedAt.push(Date.now());
      return refused;
    });
    const clock = clockAt("2024-03-11T05:59:59Z");
    const server = await startServer(fake, redis, "limit", clock.now);
    const drafts = queue(redis, DRAFT_QUEUE, "limit");
    try {
      await until("the draft after the reset", () => reportPulls(fake)["acme/tinyos"], 30_000);
      const job = await until("the job to complete", async () => {
        const found = await drafts.getJob("draft/acme/tinyos/2024-W10");
        return found?.finishedOn ? found : undefined;
      });
      expect(job.returnvalue).toMatchObject({ status: "created" });
      expect(job.attemptsStarted).toBe(2);
      // Every refusal came in the first attempt's burst; the retry waited past the reset and was not refused.
      expect(Math.max(...refusedAt) - Math.min(...refusedAt)).toBeLessThan(1000);
      expect(job.finishedOn! - Math.max(...refusedAt)).toBeGreaterThanOrEqual(2000);
      expect(reportPulls(fake)).toEqual({ "acme/tinyos": ["devreport/2024-W10"] });
    } finally {
      await drafts.close();
      await server.stop();
      await fake.close();
    }
  }, 60_000);

  describe("a server killed mid-draft", () => {
    let fake: FakeGitHub;
    let child: ChildProcess | undefined;
    let survivor: ScheduleHandle | undefined;
    let release: () => void = () => {};
    const prefix = "kill";

    beforeAll(async () => {
      fake = await scheduleFake();
    });
    afterAll(async () => {
      release();
      child?.kill("SIGKILL");
      await survivor?.stop();
      await fake?.close();
    });

    test("the other server takes the job over once its lock expires and finishes it: one PR", async () => {
      // Hold the first GraphQL request (the first draft's first search) until the test says so.
      const gate = new Promise<void>((resolve) => (release = resolve));
      const hold = slow(0, { kind: "graphql", first: 1 }, () => gate);
      fake.interceptors.push(hold);
      // Monday 2024-03-11 06:00 UTC: only acme/tinyos is due (the sample's week 2024-W10). The child's clock starts
      // two seconds before once it has loaded; this process's server shares its offset.
      child = spawn(process.execPath, ["--import", "tsx", "test/schedule/fixtures/schedule-server.ts"], {
        env: {
          ...process.env,
          FAKE_URL: fake.apiUrl,
          REDIS_URL: redis.url,
          PREFIX: prefix,
          CLOCK_AT: "2024-03-11T05:59:58Z",
        },
        stdio: ["ignore", "pipe", "inherit"],
      });
      const exited = new Promise<NodeJS.Signals | null>((resolve) =>
        child!.once("exit", (_code, signal) => resolve(signal)),
      );
      const offset = await new Promise<number>((resolve, reject) => {
        let out = "";
        child!.stdout!.on("data", (chunk: Buffer) => {
          out += chunk.toString();
          const ready = /^ready (-?\d+)$/m.exec(out);
          if (ready) resolve(Number(ready[1]));
        });
        child!.once("exit", (code) =>
          reject(new Error(`the child server exited (${code}) before it was ready: ${out}`)),
        );
      });
      const clock = { now: () => new Date(Date.now() + offset) };
      await until("the child server's draft to be held", () => hold.fired.length === 1, 30_000);

      survivor = await startServer(fake, redis, prefix, clock.now);
      child.kill("SIGKILL");
      expect(await exited).toBe("SIGKILL");
      expect(reportPulls(fake)).toEqual({});

      await until("the survivor's draft", () => reportPulls(fake)["acme/tinyos"], 30_000);
      await sleep(1500);
      expect(reportPulls(fake)).toEqual({ "acme/tinyos": ["devreport/2024-W10"] });
      const drafts = queue(redis, DRAFT_QUEUE, prefix);
      try {
        const job = await drafts.getJob("draft/acme/tinyos/2024-W10");
        expect(await job!.getState()).toBe("completed");
        expect(job!.returnvalue).toMatchObject({ status: "created", primary: "acme/tinyos" });
        // Started on the killed server, recovered as stalled, finished on the survivor.
        expect(job!.attemptsStarted).toBeGreaterThanOrEqual(2);
        expect(await drafts.getJobCounts("completed", "failed", "active", "wait", "delayed")).toEqual({
          completed: 1,
          failed: 0,
          active: 0,
          wait: 0,
          delayed: 0,
        });
      } finally {
        await drafts.close();
      }
    }, 90_000);
  });
});
