// The benchmark's request counts (never its times), from the fake GitHub's own request log: (a) and (b) on the
// LinuxKit dataset, and a scaled-down synthetic organisation that crosses the 1,000-result cap.
import { rmSync } from "node:fs";
import { describe, expect, test } from "@jest/globals";
import { batchedFilePages, lowerBound, splitSearch, windowContents } from "../../tools/bench/bounds.js";
import { countRequests } from "../../tools/bench/run.js";
import { draftScenario, linuxKitScenarios, syntheticScenario, type Scenario } from "../../tools/bench/scenarios.js";
import { syntheticDataset, writeSyntheticDataset } from "../../tools/bench/synthetic.js";
import { periodWindow } from "../../src/collect/search.js";
import { startFakeGitHub } from "@devreport/fake-github";
import { describeWithLinuxKit, LINUXKIT_DATA, LINUXKIT_OVERLAY } from "../support/datasets.js";
import { loopbackOnly } from "../support/net.js";

loopbackOnly();

/** Drafts `scenario` against a fresh fake (no latency) and returns its request counts and bounds. */
async function measure(scenario: Scenario) {
  const fake = await startFakeGitHub({ data: scenario.data });
  try {
    const run = await draftScenario(scenario, fake.url);
    expect(run.code).toBe(0);
    const contents = windowContents(fake.store, scenario.repositories, scenario.period);
    const window = periodWindow(scenario.period);
    return {
      requests: countRequests(fake.requests),
      bound: lowerBound(contents),
      peak: fake.peakInFlight,
      pulls: splitSearch(
        contents.pulls.map((p) => p.at),
        window,
      ),
      issues: splitSearch(contents.issues, window),
      filePages: batchedFilePages(contents.pulls.map((p) => p.files)),
      contents,
      run,
    };
  } finally {
    await fake.close();
  }
}

describeWithLinuxKit("LinuxKit scenarios", () => {
  const [a, b] = linuxKitScenarios(LINUXKIT_DATA, LINUXKIT_OVERLAY);

  test("(a) 2017-W27 through the CLI: one search per kind, one query for the second pages of the 3 PRs over 100 files", async () => {
    const m = await measure(a);
    expect(m.contents.pulls).toHaveLength(33);
    // The CLI reads linuxkit/linuxkit and its .github/devreport.yml, then collects.
    expect(m.requests).toEqual({ searchPulls: 1, searchIssues: 1, filePages: 1, rest: 2, failed: 0, total: 5 });
    expect(m.filePages).toBe(1);
    expect(m.bound).toEqual({ searchPulls: 1, searchIssues: 1, filePages: 3, total: 5 });
    expect(m.peak).toBeLessThanOrEqual(4);
  });

  test("(b) 2017 as one window: 1,318 PRs, split once, no page beyond what the split needs", async () => {
    const m = await measure(b);
    expect(m.contents.pulls).toHaveLength(1318);
    expect(m.pulls).toEqual({ requests: 15, splits: 1 });
    // 119 extra file pages over 1,318 PRs, 20 PRs per query: 7 queries.
    expect(m.filePages).toBe(7);
    // Through the CLI, like (a): two REST requests read the config (the repository, then .github/devreport.yml).
    expect(m.requests).toEqual({ searchPulls: 15, searchIssues: 1, filePages: 7, rest: 2, failed: 0, total: 25 });
    // The brief's target: at most the lower bound plus one request per window split.
    expect(m.bound).toEqual({ searchPulls: 14, searchIssues: 1, filePages: 119, total: 134 });
    expect(m.requests.total).toBeLessThanOrEqual(m.bound.total + m.pulls.splits + m.issues.splits);
    expect(m.peak).toBeLessThanOrEqual(4);
  });
});

describe("synthetic organisation", () => {
  test("the generator is deterministic: same seed, same dataset; another seed, another", () => {
    const small = { repositories: 5, pulls: 50, issues: 20, hugePulls: 1, hugeFiles: 2999 };
    expect(JSON.stringify(syntheticDataset({ ...small, seed: 7 }))).toBe(
      JSON.stringify(syntheticDataset({ ...small, seed: 7 })),
    );
    expect(JSON.stringify(syntheticDataset({ ...small, seed: 8 }))).not.toBe(
      JSON.stringify(syntheticDataset({ ...small, seed: 7 })),
    );
    const { prs } = syntheticDataset({ ...small, seed: 7 });
    expect(prs.filter((p) => p.fileCount === 2999)).toHaveLength(1);
  });

  test("1,500 PRs and 1,100 issues through the CLI: exactly the split's requests, 4 in flight at most", async () => {
    const dir = writeSyntheticDataset({ repositories: 20, pulls: 1500, issues: 1100, hugePulls: 1, hugeFiles: 3000 });
    try {
      const m = await measure(syntheticScenario(dir));
      expect(m.contents.pulls).toHaveLength(1500);
      expect(m.contents.issues).toHaveLength(1100);
      expect(m.requests).toEqual({
        searchPulls: m.pulls.requests,
        searchIssues: m.issues.requests,
        filePages: m.filePages,
        rest: 0,
        failed: 0,
        total: m.pulls.requests + m.issues.requests + m.filePages,
      });
      expect(m.pulls.splits).toBeGreaterThan(0);
      expect(m.issues.splits).toBeGreaterThan(0);
      // The 3,000-file PR alone needs 29 file pages after the first 100 files: 29 rounds, at least one query each.
      expect(m.bound.filePages).toBeGreaterThanOrEqual(29);
      expect(m.filePages).toBeGreaterThanOrEqual(29);
      expect(m.filePages).toBeLessThan(m.bound.filePages);
      expect(m.peak).toBeLessThanOrEqual(4);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
