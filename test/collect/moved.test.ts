// An empty search while the default branches moved: one DefaultBranchHistory query, and a warning in the stats that
// the CLI prints. Against the fake GitHub, whose store's clock dates the commits made on it.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "@jest/globals";
import nock from "nock";
import { Octokit } from "@octokit/rest";
import { FakeStore, SEARCH_GRAMMARS, startFakeGitHub, type FakeGitHub } from "@devreport/fake-github";
import { collectActivity } from "../../src/collect/index.js";
import { parsePeriod } from "../../src/period.js";
import { cli } from "../support/cli.js";

const PERIOD = parsePeriod("2030-W10"); // 2030-03-04 .. 2030-03-10
const REPOS = ["acme/app", "acme/lib", "acme/docs"];
const WARNING =
  "search found no merged pull requests and no closed issues in 2030-W10, yet the default branch of " +
  "acme/app (2 commits), acme/lib (1 commit) moved in that period: check the repositories and the token's access " +
  "before trusting this report";

describe.each(SEARCH_GRAMMARS)("an empty search, %s search grammar", (searchGrammar) => {
  let fake: FakeGitHub;
  let dir: string;
  const silent = { debug() {}, info() {}, warn() {}, error() {} };

  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect("127.0.0.1");
    let now = "2030-03-05T12:00:00Z";
    const store = new FakeStore({ now: () => new Date(now) });
    const who = { login: "alice", type: "User" as const };
    for (const repo of REPOS) store.ensureRepo(repo, "main");
    store.commitFiles("acme/app", "main", { "a.txt": "1" }, "one", who);
    store.commitFiles("acme/app", "main", { "a.txt": "2" }, "two", who);
    store.commitFiles("acme/lib", "main", { "b.txt": "1" }, "three", who);
    now = "2030-03-11T00:00:00Z"; // the first second after the period
    store.commitFiles("acme/docs", "main", { "c.txt": "1" }, "four", who);
    fake = await startFakeGitHub({ store, searchGrammar });
    dir = mkdtempSync(join(tmpdir(), "devreport-moved-"));
  });
  afterAll(async () => {
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
    nock.enableNetConnect();
  });
  afterEach(() => {
    fake.requests.splice(0);
  });

  test("the default branches moved: one check, one warning in the stats", async () => {
    const client = new Octokit({ auth: "t", baseUrl: fake.url, log: silent });
    const { activity, stats } = await collectActivity(client, { repositories: REPOS, period: PERIOD });
    expect(activity.pulls).toEqual([]);
    expect(activity.issues).toEqual([]);
    expect(stats.warnings).toEqual([WARNING]);
    expect(stats.requests).toEqual({ searchPulls: 1, searchIssues: 1, filePages: 0, branchHistory: 1, total: 3 });
    expect(fake.requests.map((r) => r.kind).sort()).toEqual([
      "graphql DefaultBranchHistory",
      "graphql SearchClosedIssues",
      "graphql SearchMergedPulls",
    ]);
  });

  test("nothing moved: the check runs, no warning", async () => {
    const client = new Octokit({ auth: "t", baseUrl: fake.url, log: silent });
    const { stats } = await collectActivity(client, { repositories: ["acme/docs"], period: PERIOD });
    expect(stats.warnings).toEqual([]);
    expect(stats.requests.branchHistory).toBe(1);
  });

  test("the CLI prints the warning on stderr, even with --quiet", async () => {
    const config = join(dir, "devreport.yml");
    writeFileSync(config, `repositories: [${REPOS.join(", ")}]\n`);
    const result = await cli([
      "draft",
      "--config",
      config,
      "--week",
      "2030-W10",
      "--quiet",
      "--api-url",
      fake.url,
      "--token",
      "t",
    ]);
    expect(result.code).toBe(0);
    // 2030-W10 is also in the future, which the CLI says too.
    expect(result.stderr).toBe(
      `devreport: warning: ${WARNING}\ndevreport: warning: 2030-W10 has not started yet: the report is empty\n`,
    );
  });
});
