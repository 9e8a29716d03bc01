// The app path of the benchmark: the real Probot server (as `npm start` runs it, and as
// test/support/app-server.ts starts it) with the app's Octokit, the fake GitHub at the benchmark's latency, and
// a signed `/draft-report <week>` comment webhook. The time is read off the fake's request log: from the delivery
// to the end of the reply comment's POST. Writes are the log's non-GET requests (the token request left out).
import { createHmac, generateKeyPairSync, randomUUID } from "node:crypto";
import { Probot, ProbotOctokit, Server } from "probot";
import { startFakeGitHub, treeOfCommit, type FakeGitHub, type SearchGrammar } from "@devreport/fake-github";
import { AppOctokit } from "../../src/github/app-octokit.js";
import { freePort } from "../free-port.js";
import { startAppProcess } from "./app-process.js";
import { summarizeTimeline, type Span, type Timeline } from "./timeline.js";

export interface AppScenario {
  name: string;
  title: string;
  data: string[];
  repo: string;
  week: string;
  /** Committed as .github/devreport.yml on the repository's default branch before the run (else the dataset's). */
  configText?: string;
  /** How the fake reads multi-repository searches (its default unless given). */
  searchGrammar?: SearchGrammar;
  /** "app": src/github/app-octokit.ts; "probot": Probot's stock ProbotOctokit (the before). */
  octokit: "app" | "probot";
}

export interface AppRow {
  scenario: string;
  title: string;
  octokit: string;
  /** Delivery to the end of the reply comment's POST; undefined when no reply came. */
  replyMs?: number;
  requests: number;
  graphql: number;
  writes: number;
  writeKinds: string[];
  peakInFlight: number;
  /** Sum of the fake's own time per request (handling plus latency), to tell its share from the app's. */
  fakeMs: number;
  /** Where the time went, from the fake's log (see timeline.ts). */
  timeline: Timeline;
  /** Every request of the run: kind, start and end since the delivery. */
  spans: Span[];
  /** CPU time of the benchmark's process (fake, and the server when it runs in-process) over the run. */
  cpuMs: number;
  /** "child": src/server.ts in a process of its own (app-process.ts); "in-process": beside the fake. */
  serverProcess: "child" | "in-process";
  /** The child server's CPU time over the run, where /proc tells it. */
  serverCpuMs?: number;
  reply: string;
  /** The app's PR: title, body and the files its head changed, to compare drafts before and after a change. */
  published: string;
}

const { privateKey } = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  privateKeyEncoding: { type: "pkcs1", format: "pem" },
  publicKeyEncoding: { type: "spki", format: "pem" },
});
const SECRET = "bench-secret";
const COMMENT_POST = "rest POST /repos/{owner}/{repo}/issues/{number}/comments";
/** Longer than any run should take: the stock client needs minutes for the synthetic organisation. */
const GIVE_UP_MS = 600_000;

interface RunningServer {
  url: string;
  process: "child" | "in-process";
  cpuMs(): number | undefined;
  stop(): Promise<void>;
}

/**
 * The app's Octokit runs as deployed, `src/server.ts` in a process of its own (BENCH_APP_IN_PROCESS=1: beside the
 * fake, as before); the stock ProbotOctokit only in-process, as src/server.ts cannot be given another class.
 */
async function startServer(octokit: AppScenario["octokit"], fake: FakeGitHub): Promise<RunningServer> {
  const port = await freePort();
  if (octokit === "app" && !process.env.BENCH_APP_IN_PROCESS) {
    const child = await startAppProcess({ port, privateKey, secret: SECRET, githubUrl: fake.url });
    return { ...child, process: "child" };
  }
  const quiet = await new Probot({ githubToken: "unused", logLevel: "fatal" }).ready();
  const Octokit = octokit === "app" ? AppOctokit : ProbotOctokit;
  const server = new Server({
    Probot: Probot.defaults({ appId: 1, privateKey, secret: SECRET, Octokit, baseUrl: fake.apiUrl, logLevel: "fatal" }),
    port,
    host: "127.0.0.1",
    log: quiet.log,
  });
  await server.load((await import("../../src/index.js")).default);
  await server.start();
  return { url: `http://127.0.0.1:${port}`, process: "in-process", cpuMs: () => undefined, stop: () => server.stop() };
}

export async function benchApp(scenario: AppScenario, latencyMs: number): Promise<AppRow> {
  const fake = await startFakeGitHub({
    data: scenario.data,
    latencyMs,
    ...(scenario.searchGrammar ? { searchGrammar: scenario.searchGrammar } : {}),
  });
  // Warm the fake (GraphQL schema, JIT) under the GHE prefix, as run.ts does; the counts start after it.
  await fetch(`${fake.url}/api/graphql`, {
    method: "POST",
    headers: { authorization: "token warm" },
    body: JSON.stringify({ query: "{ rateLimit { cost } }" }),
  });
  const arrivals: number[] = [];
  fake.interceptors.push((_req, ctx) => {
    arrivals[ctx.index] = performance.now();
    return undefined;
  });
  const [owner, name] = scenario.repo.split("/") as [string, string];
  const repo = fake.store.getRepo(scenario.repo)!;
  if (scenario.configText)
    fake.store.commitFiles(
      scenario.repo,
      repo.defaultBranch,
      { ".github/devreport.yml": scenario.configText },
      "config",
      null,
    );
  fake.store.setPermission(scenario.repo, "rn", "write");
  const issue = fake.store.searchable().find((item) => item.repo.toLowerCase() === scenario.repo.toLowerCase())!.number;
  const body = `/draft-report ${scenario.week}`;
  const created = fake.store.addComment(scenario.repo, issue, body, fake.store.account("rn"));

  const server = await startServer(scenario.octokit, fake);
  try {
    const payload = {
      action: "created",
      installation: { id: 1 },
      comment: { id: created.id, body, user: { login: "rn", type: "User" } },
      issue: { number: issue },
      repository: {
        name,
        full_name: scenario.repo,
        owner: { login: owner },
        html_url: `https://github.com/${scenario.repo}`,
      },
      sender: { login: "rn", type: "User" },
    };
    const text = JSON.stringify(payload);
    const first = fake.requests.length;
    const cpu = process.cpuUsage();
    const started = performance.now();
    const serverCpu = server.cpuMs();
    await fetch(`${server.url}/api/github/webhooks`, {
      method: "POST",
      body: text,
      headers: {
        "content-type": "application/json",
        "x-github-event": "issue_comment",
        "x-github-delivery": randomUUID(),
        "x-hub-signature-256": `sha256=${createHmac("sha256", SECRET).update(text).digest("hex")}`,
      },
    });
    // Probot answers the delivery after 9 s whatever the handler does (@octokit/webhooks' middleware timeout), so
    // the end is the reply in the fake's log, not the delivery's answer.
    const replied = (): number =>
      fake.requests.findIndex((entry, i) => i >= first && entry.kind === COMMENT_POST && entry.status !== 0);
    while (replied() < 0 && performance.now() - started < GIVE_UP_MS)
      await new Promise((resolve) => setTimeout(resolve, 20));
    // The reactions after the reply.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const log = fake.requests.slice(first);
    const replyIndex = replied();
    const replyMs = replyIndex < 0 ? undefined : arrivals[replyIndex]! + fake.requests[replyIndex]!.ms - started;
    const used = process.cpuUsage(cpu);
    const serverCpuAfter = server.cpuMs();
    const spans = log.map((entry, i) => ({
      kind: entry.kind,
      startMs: arrivals[first + i]! - started,
      endMs: arrivals[first + i]! + entry.ms - started,
    }));
    const timeline = summarizeTimeline(spans, replyMs ?? performance.now() - started);
    const writes = log.filter(
      (entry) => entry.method !== "GET" && !entry.kind.includes("access_tokens") && !entry.path.includes("/graphql"),
    );
    const replies = fake.store.commentsOn(scenario.repo, issue).filter((c) => c.user.login === fake.store.app.login);
    return {
      scenario: scenario.name,
      title: scenario.title,
      octokit: scenario.octokit,
      replyMs,
      requests: log.length,
      graphql: log.filter((entry) => entry.path.includes("/graphql")).length,
      writes: writes.length,
      peakInFlight: fake.peakInFlight,
      fakeMs: log.reduce((sum, entry) => sum + entry.ms, 0),
      timeline,
      spans,
      cpuMs: (used.user + used.system) / 1000,
      serverProcess: server.process,
      serverCpuMs: serverCpu === undefined || serverCpuAfter === undefined ? undefined : serverCpuAfter - serverCpu,
      writeKinds: writes.map((entry) => entry.kind.replace(/^rest /, "")),
      reply: replies.at(-1)?.body ?? "",
      published: publishedText(fake, scenario.repo),
    };
  } finally {
    await server.stop();
    await fake.close();
  }
}

function publishedText(fake: FakeGitHub, repoName: string): string {
  const repo = fake.store.getRepo(repoName)!;
  const pull = fake.store.pullsOf(repoName).find((p) => p.author?.login === fake.store.app.login);
  if (!pull) return "";
  const base = treeOfCommit(repo, repo.refs.get(`heads/${pull.baseRef}`)!);
  const head = treeOfCommit(repo, repo.refs.get(`heads/${pull.headRef}`)!);
  const files = [...head].filter(([path, sha]) => base.get(path) !== sha);
  const text = (sha: string): string => repo.blobs.get(sha)?.toString("utf8") ?? "";
  return [pull.title, pull.body, ...files.map(([path, sha]) => `--- ${path}\n${text(sha)}`)].join("\n\n");
}

/** The app-path targets of issue 8: webhook to reply for 2017-W27 under 5 s, the synthetic week under 20 s. */
export function appTargets(rows: AppRow[]): { scenario: string; name: string; pass: boolean; detail: string }[] {
  return rows
    .filter((row) => row.octokit === "app")
    .map((row) => {
      const limit = row.scenario === "app-a" ? 5000 : 20_000;
      const took = row.replyMs === undefined ? "no reply" : `${(row.replyMs / 1000).toFixed(2)} s`;
      return {
        scenario: row.scenario,
        name: `webhook to reply < ${limit / 1000} s`,
        pass: row.replyMs !== undefined && row.replyMs < limit,
        detail: `${took}, ${row.writes} writes, ${row.graphql} GraphQL, ${row.requests} requests ("${row.reply}")`,
      };
    });
}

export function formatAppTable(rows: AppRow[]): string {
  const lines = [
    "| scenario | Octokit | webhook to reply | requests | GraphQL | writes | peak in flight |",
    "|---|---|---|---|---|---|---|",
  ];
  for (const row of rows) {
    lines.push(
      `| (${row.scenario}) ${row.title} | ${row.octokit} | ${row.replyMs === undefined ? "no reply" : `${(row.replyMs / 1000).toFixed(2)} s`} | ` +
        `${row.requests} | ${row.graphql} | ${row.writes} | ${row.peakInFlight} |`,
    );
  }
  return lines.join("\n");
}
