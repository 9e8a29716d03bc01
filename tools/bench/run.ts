// The benchmark's parent: serves each scenario from a fake GitHub (fixed latency per response), drafts it in a
// child process (the CLI's code path), and turns the fake's own request log into the numbers of the table.
import { fork } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  rotatingFaults,
  type Fault,
  type SearchGrammar,
  startFakeGitHub,
  type RequestLogEntry,
} from "@devreport/fake-github";
import { activityBound, batchedFilePages, lowerBound, splitSearch, windowContents, type Bound } from "./bounds.js";
import type { ChildJob, ChildResult } from "./child.js";
import { linuxKitScenarios, monthlyScenario, syntheticScenario, type Scenario } from "./scenarios.js";
import { linuxKitFileCounts, writeSyntheticDataset } from "./synthetic.js";
import { periodWindow, searchScopes } from "../../src/collect/search.js";

export const LATENCY_MS = 50;

export interface RequestCounts {
  searchPulls: number;
  searchIssues: number;
  filePages: number;
  /** REST requests (the CLI reading its config through --repo). */
  rest: number;
  /** Answers that were not 2xx (faults), included in the counts above. */
  failed: number;
  total: number;
  /** The searches of work opened and updated in the period (monthly format); absent when none was sent. */
  searchActivity?: number;
}

export interface BenchRow {
  scenario: string;
  title: string;
  faults?: string;
  pulls: number;
  issues: number;
  requests: RequestCounts;
  lowerBound: Bound;
  /**
   * What collect's own strategy needs: when a search matches over 1,000, probes plus the pages of each slice; file
   * pages batched FILE_PAGE_BATCH PRs per query.
   */
  splitAware: { searchPulls: number; searchIssues: number; windowSplits: number; filePages: number; total: number };
  /** GraphQL requests / lower bound. */
  ratio: number;
  wallMs: number;
  peakRssMb: number;
  renderMs?: number;
  renderItems?: number;
  render5000Ms?: number;
  cost?: number;
  remaining?: number | null;
  peakInFlight: number;
  code: number;
  summary: string;
  /** Monthly format: the activity searches' lower bound, and the search scopes the repositories need. */
  activity?: { lowerBound: number; scopes: number };
  /** For fault runs: the Markdown is byte-for-byte the clean run's. */
  sameAsClean?: boolean;
  markdown: string;
}

export function countRequests(log: RequestLogEntry[]): RequestCounts {
  const counts: RequestCounts = { searchPulls: 0, searchIssues: 0, filePages: 0, rest: 0, failed: 0, total: 0 };
  for (const entry of log) {
    if (entry.kind === "graphql SearchMergedPulls") counts.searchPulls += 1;
    else if (entry.kind === "graphql SearchClosedIssues") counts.searchIssues += 1;
    else if (entry.kind === "graphql PullRequestFiles") counts.filePages += 1;
    else if (entry.kind === "graphql SearchActivity") counts.searchActivity = (counts.searchActivity ?? 0) + 1;
    else if (entry.kind.startsWith("rest")) counts.rest += 1;
    if (entry.status < 200 || entry.status >= 300) counts.failed += 1;
    counts.total += 1;
  }
  return counts;
}

const CHILD = fileURLToPath(new URL(import.meta.url.endsWith(".ts") ? "./child.ts" : "./child.js", import.meta.url));

function runChild(job: ChildJob): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = fork(CHILD, [JSON.stringify(job)], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
    let result: ChildResult | undefined;
    child.on("message", (message) => (result = message as ChildResult));
    child.on("error", reject);
    child.on("exit", (code) =>
      result ? resolve(result) : reject(new Error(`bench child for (${job.scenario.name}) exited ${code}`)),
    );
  });
}

export async function benchScenario(
  scenario: Scenario,
  options: { faults?: Fault; latencyMs?: number; searchGrammar?: SearchGrammar } = {},
): Promise<BenchRow> {
  const fake = await startFakeGitHub({
    data: scenario.data,
    latencyMs: options.latencyMs ?? LATENCY_MS,
    ...(options.searchGrammar ? { searchGrammar: options.searchGrammar } : {}),
  });
  try {
    // Warm the fake (GraphQL schema, JIT) under the GHE prefix, which the counts leave out.
    await fetch(`${fake.url}/api/graphql`, {
      method: "POST",
      headers: { authorization: "token warm" },
      body: JSON.stringify({ query: "{ rateLimit { cost } }" }),
    });
    if (options.faults) fake.interceptors.push(options.faults);
    const result = await runChild({
      scenario,
      apiUrl: fake.url,
      renderApiUrl: `${fake.url}/api/v3`,
      skipRendering: options.faults !== undefined,
    });
    const timed = fake.requests.filter((entry) => !entry.path.startsWith("/api/"));
    const requests = countRequests(timed);
    const contents = windowContents(fake.store, scenario.repositories, scenario.period);
    const bound = lowerBound(contents);
    const window = periodWindow(scenario.period);
    const pulls = splitSearch(
      contents.pulls.map((p) => p.at),
      window,
    );
    const issues = splitSearch(contents.issues, window);
    const filePages = batchedFilePages(contents.pulls.map((p) => p.files));
    const graphql = requests.searchPulls + requests.searchIssues + requests.filePages + (requests.searchActivity ?? 0);
    const activity = requests.searchActivity
      ? {
          lowerBound: activityBound(fake.store, scenario.repositories, scenario.period).total,
          scopes: searchScopes(scenario.repositories, window).length,
        }
      : undefined;
    return {
      scenario: scenario.name,
      title: scenario.title,
      pulls: contents.pulls.length,
      issues: contents.issues.length,
      requests,
      lowerBound: bound,
      splitAware: {
        searchPulls: pulls.requests,
        searchIssues: issues.requests,
        windowSplits: pulls.splits + issues.splits,
        filePages,
        total: pulls.requests + issues.requests + filePages,
      },
      ratio: graphql / bound.total,
      wallMs: result.wallMs,
      peakRssMb: result.peakRssMb,
      renderMs: result.renderMs,
      renderItems: result.renderItems,
      render5000Ms: result.render5000Ms,
      cost: result.cost,
      remaining: result.remaining,
      peakInFlight: fake.peakInFlight,
      code: result.code,
      summary: result.summary,
      markdown: result.markdown,
      ...(activity ? { activity } : {}),
    };
  } finally {
    await fake.close();
  }
}

export interface BenchPaths {
  linuxkit: string;
  overlay: string;
  /** test/fixtures/linuxkit-monthly: scenario (d). */
  monthlyOverlay?: string;
}

/**
 * All scenarios, then the fault runs; `note` receives lines such as the skip notice. `include` picks rows by name
 * ("a", "b", "c", "d", "faults"), for `npm run bench -- --only ...`.
 */
export async function runBench(
  paths: BenchPaths,
  note: (line: string) => void,
  include: (name: string) => boolean = () => true,
  /** How the fake reads multi-repository searches (the fake's default unless given). */
  searchGrammar?: SearchGrammar,
): Promise<BenchRow[]> {
  const grammar = searchGrammar ? { searchGrammar } : {};
  const rows: BenchRow[] = [];
  const haveLinuxKit = existsSync(`${paths.linuxkit}/prs`);
  if (haveLinuxKit) {
    const [a, b] = linuxKitScenarios(paths.linuxkit, paths.overlay);
    const faulted = include("faults");
    // The fault runs compare against the clean run, so they need it.
    const cleanA = include("a") || faulted ? await benchScenario(a, grammar) : undefined;
    const cleanB = include("b") || faulted ? await benchScenario(b, grammar) : undefined;
    for (const clean of [cleanA, cleanB]) if (clean) rows.push(clean);
    // (a) makes only 7 requests, so one fault per ten would inject nothing: every 2nd request fails there, cycling
    // through all six kinds. (b) gets the literal one-in-ten.
    if (faulted && cleanA && cleanB)
      for (const [clean, scenario, every] of [
        [cleanA, a, 2],
        [cleanB, b, 10],
      ] as const) {
        const faults = rotatingFaults(every);
        const row = await benchScenario(scenario, { faults, ...grammar });
        row.faults = `1 in ${every} (${faults.fired.map((f) => f.fault).join(", ")})`;
        row.sameAsClean = row.code === 0 && row.markdown === clean.markdown;
        rows.push(row);
      }
    if (paths.monthlyOverlay && include("d"))
      rows.push(await benchScenario(monthlyScenario(paths.linuxkit, paths.monthlyOverlay), grammar));
  } else {
    note(`skipping (a), (b) and (d): ${paths.linuxkit} is absent (the LinuxKit dataset)`);
  }
  if (include("c")) {
    const dir = writeSyntheticDataset({ fileCounts: linuxKitFileCounts(paths.linuxkit) });
    note(`(c) dataset: ${dir} (file counts from ${haveLinuxKit ? "LinuxKit's PRs" : "the built-in approximation"})`);
    rows.push(await benchScenario(syntheticScenario(dir), grammar));
  }
  return rows;
}
