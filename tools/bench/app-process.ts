// The app server for the benchmark's app path in a process of its own, started the way `npm start` starts it
// (src/server.ts: Probot's run() with the app's Octokit, settings from the environment), from source through tsx so
// the measurement is of the code in the tree and not of a stale lib/. Deployed, the server never shares an event
// loop (or its CPU) with GitHub; in one process the fake's searches over thousands of PRs and the draft's parsing
// and rendering queue behind each other.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const READY_MS = 60_000;

export interface AppProcess {
  url: string;
  /** User plus system CPU time the server process has used so far (Linux: /proc), in ms; undefined elsewhere. */
  cpuMs(): number | undefined;
  stop(): Promise<void>;
}

export async function startAppProcess(options: {
  port: number;
  privateKey: string;
  secret: string;
  /** The fake GitHub's origin ("http://127.0.0.1:1234"): the server reaches it as GitHub Enterprise Server. */
  githubUrl: string;
}): Promise<AppProcess> {
  const github = new URL(options.githubUrl);
  // Only what run() reads: nothing of the caller's environment (no REDIS_URL, no schedule, no .env values).
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "",
    NODE_ENV: "production",
    APP_ID: "1",
    PRIVATE_KEY: options.privateKey,
    WEBHOOK_SECRET: options.secret,
    HOST: "127.0.0.1",
    PORT: String(options.port),
    GHE_HOST: github.host,
    GHE_PROTOCOL: github.protocol.replace(/:$/, ""),
    LOG_LEVEL: "fatal",
    LOG_FORMAT: "json",
  };
  // BENCH_APP_CPU_PROF=dir: a V8 CPU profile of the server, written when it stops (SIGINT: run() exits cleanly).
  const profile = process.env.BENCH_APP_CPU_PROF
    ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_APP_CPU_PROF}`]
    : [];
  const child = spawn(process.execPath, [...profile, "--conditions=development", "--import", "tsx", "src/server.ts"], {
    cwd: ROOT,
    env: env as NodeJS.ProcessEnv,
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${options.port}`;
  await waitReady(child, url);
  return {
    url,
    cpuMs: () => processCpuMs(child.pid),
    stop: () => stopChild(child),
  };
}

async function waitReady(child: ChildProcess, url: string): Promise<void> {
  const started = performance.now();
  let exited: number | null | undefined;
  child.once("exit", (code) => (exited = code));
  while (performance.now() - started < READY_MS) {
    if (exited !== undefined) throw new Error(`app server exited ${exited} before it listened`);
    try {
      if ((await fetch(`${url}/ping`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill();
  throw new Error(`app server did not answer ${url}/ping within ${READY_MS / 1000} s`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    // run() stops the server and exits on SIGINT (node_modules/probot/lib/run.js).
    child.kill("SIGINT");
  });
}

/** utime + stime from /proc/<pid>/stat (fields 14 and 15, in clock ticks: 100 a second on Linux). */
function processCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}
