// Shared by the schedule tests: a real redis-server on a random loopback port (Debian's package), the fake GitHub
// with repositories that ask for the schedule in different ways, a Probot app pointed at it, and a movable clock.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { freePort } from "../support/net.js";
import { fileURLToPath } from "node:url";
import { Probot } from "probot";
import { startFakeGitHub, type FakeGitHub } from "@devreport/fake-github";
import { privateKey, TestOctokit } from "../support/probot.js";

export const SAMPLE = fileURLToPath(new URL("../../sample", import.meta.url));

/** Why the Redis-backed tests cannot run here, or "" when they can. */
export function redisSkipReason(): string {
  const found = spawnSync("sh", ["-c", "command -v redis-server"], { encoding: "utf8" });
  return found.status === 0 && found.stdout.trim()
    ? ""
    : "redis-server is not installed (apt-get install redis-server)";
}

export interface RedisServer {
  url: string;
  port: number;
  /** Stops it (its data is gone: no RDB, no AOF) and starts a fresh one on the same port. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export async function startRedis(): Promise<RedisServer> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const launch = async () => {
    child = spawn("redis-server", ["--port", String(port), "--save", "", "--appendonly", "no", "--bind", "127.0.0.1"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    await new Promise<void>((resolve, reject) => {
      let out = "";
      const timer = setTimeout(() => reject(new Error(`redis-server did not start: ${out}`)), 10_000);
      child!.stdout!.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes("Ready to accept connections")) {
          clearTimeout(timer);
          resolve();
        }
      });
      child!.once("exit", (code) => reject(new Error(`redis-server exited (${code}): ${out}`)));
    });
  };
  const stop = async () => {
    const running = child;
    if (!running || running.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once("exit", () => resolve());
      running.kill("SIGKILL");
    });
  };
  await launch();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    restart: async () => {
      await stop();
      await launch();
    },
    stop,
  };
}

/**
 * The sample's acme organisation plus a second installation (beta):
 * - acme/tinyos: the sample config, weekly with the default schedule (Mondays 06:00 UTC);
 * - acme/rtf: monthly with the default schedule (the 1st, 06:00 UTC);
 * - acme/vsock: `schedule: false`; acme/tinyos-ci: no config file at all;
 * - beta/gadget: weekly in America/New_York (Mondays 06:00 there: 10:00 UTC in April, 10:00 UTC on 2024-03-11 too).
 */
export async function scheduleFake(): Promise<FakeGitHub> {
  const fake = await startFakeGitHub({ data: [SAMPLE] });
  const store = fake.store;
  store.commitFiles("acme/rtf", "master", { ".github/devreport.yml": "period: month\n" }, "devreport: monthly", null);
  store.commitFiles(
    "acme/vsock",
    "master",
    { ".github/devreport.yml": "schedule: false\n" },
    "devreport: no schedule",
    null,
  );
  store.ensureRepo("beta/gadget", "main");
  store.commitFiles(
    "beta/gadget",
    "main",
    { ".github/devreport.yml": "timeZone: America/New_York\n" },
    "devreport: New York",
    null,
  );
  return fake;
}

/** Open report PRs (head devreport/...) per repository, as the fake holds them. */
export function reportPulls(fake: FakeGitHub): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const repo of fake.store.repos.values()) {
    const heads = fake.store
      .pullsOf(repo.fullName)
      .filter((p) => p.state === "open" && p.headRef.startsWith("devreport/"))
      .map((p) => p.headRef);
    if (heads.length) result[repo.fullName] = heads.sort();
  }
  return result;
}

export async function probotFor(fake: FakeGitHub): Promise<Probot> {
  return new Probot({ appId: 1, privateKey, baseUrl: fake.apiUrl, Octokit: TestOctokit, logLevel: "fatal" }).ready();
}

/** A clock running at real speed from a chosen instant; `set` jumps it. */
export function movableClock(startAt: string): { now: () => Date; set(at: string): void } {
  let offset = new Date(startAt).getTime() - Date.now();
  return { now: () => new Date(Date.now() + offset), set: (at) => (offset = new Date(at).getTime() - Date.now()) };
}

export async function until<T>(
  what: string,
  check: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
