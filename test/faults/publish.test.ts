// Publishing through the CLI's client while the fake GitHub fails: whatever a run does, the repository never holds
// a report branch without its PR, a PR without its branch, or a branch whose report is not exactly the draft; and a
// clean run afterwards converges to one branch and one PR.
import { afterEach, beforeEach, describe, expect, test } from "@jest/globals";
import nock from "nock";
import {
  dropConnection, primaryRateLimit, rotatingFaults, secondaryRateLimit, serverError, slow, type Fault,
} from "../../src/fake-github/faults.js";
import { treeOfCommit } from "../../src/fake-github/git.js";
import { startFakeGitHub, type FakeGitHub } from "../../src/fake-github/server.js";
import { createClient } from "../../src/github/octokit.js";
import { publishDraft } from "../../src/publish/index.js";
import { APP, BRANCH, PATH, config, makeDraft } from "../publish/helpers.js";
import { virtualClock, type VirtualClock } from "./helpers.js";

const REPO = "linuxkit/linuxkit";
const draft = makeDraft();

let fake: FakeGitHub;
// One clock for the retry policy and the rate-limit faults, so a wait moves the time both of them read.
let clock: VirtualClock;
beforeEach(async () => {
  clock = virtualClock();
  nock.disableNetConnect();
  nock.enableNetConnect("127.0.0.1");
  fake = await startFakeGitHub();
  fake.store.ensureRepo(REPO, "master");
});
afterEach(async () => {
  await fake.close();
  nock.enableNetConnect();
});

function publish() {
  const client = createClient({ token: "app-token", apiUrl: fake.url, retry: { now: clock.now, sleep: clock.sleep } });
  return publishDraft({ client, repo: REPO, draft, config, appLogin: APP });
}

/** The repository as publishing left it, read from the fake's store (no request, so no fault, involved). */
function state() {
  const repo = fake.store.getRepo(REPO)!;
  const head = repo.refs.get(`heads/${BRANCH}`);
  const blob = head === undefined ? undefined : treeOfCommit(repo, head).get(PATH);
  const pulls = fake.store.pullsOf(REPO).filter((p) => p.headRef === BRANCH);
  return {
    branch: head !== undefined,
    file: blob === undefined ? undefined : repo.blobs.get(blob)!.toString("utf8"),
    openPulls: pulls.filter((p) => p.state === "open").length,
    allPulls: pulls.length,
  };
}

/** No branch without its PR, no open PR without its branch, and a branch's report is the whole draft. */
function expectConsistent(): void {
  const s = state();
  expect({ branchWithoutPull: s.branch && s.openPulls === 0, pullWithoutBranch: !s.branch && s.openPulls > 0,
    halfWritten: s.branch && s.file !== draft.markdown, morePulls: s.openPulls > 1 })
    .toEqual({ branchWithoutPull: false, pullWithoutBranch: false, halfWritten: false, morePulls: false });
}

const WRITES = /^rest (POST|PATCH|PUT|DELETE) /;
const READS = /^rest GET /;

describe("publishing under GitHub's failures", () => {
  test.each<[string, () => Fault[]]>([
    ["502 on every read, once", () => [serverError(502, { kind: READS, every: 2 })]],
    ["a dropped connection on reads", () => [dropConnection({ kind: READS, first: 2 })]],
    ["a slow answer on every write", () => [slow(100, { kind: WRITES })]],
    ["a secondary rate limit on the first write", () => [secondaryRateLimit({ kind: WRITES, first: 1 }, { clock })]],
    ["a primary rate limit on the branch creation", () => [primaryRateLimit({ kind: "rest POST /repos/{owner}/{repo}/git/refs", first: 1 }, { clock })]],
  ])("survived, the same branch and PR as a clean run: %s", async (_name, make) => {
    fake.interceptors.push(...make());
    const outcome = await publish();
    expect(outcome).toMatchObject({ status: "created", branch: BRANCH });
    expectConsistent();
    expect(state()).toMatchObject({ branch: true, file: draft.markdown, openPulls: 1, allPulls: 1 });
  });

  // A write that fails (or whose answer is lost) is not repeated blindly; the run may fail, but never half-way.
  test.each<[string, () => Fault[]]>([
    ["502 on creating the commit", () => [serverError(502, { kind: "rest POST /repos/{owner}/{repo}/git/commits" })]],
    ["a dropped connection on creating the branch", () => [dropConnection({ kind: "rest POST /repos/{owner}/{repo}/git/refs" })]],
    ["502 on opening the PR", () => [serverError(502, { kind: "rest POST /repos/{owner}/{repo}/pulls", first: 1 })]],
    ["a dropped connection on opening the PR", () => [dropConnection({ kind: "rest POST /repos/{owner}/{repo}/pulls", first: 1 })]],
    ["every fault kind in turn, one request in three", () => [rotatingFaults(3, { slowMs: 20, clock })]],
  ])("%s: completes or fails in one line, consistent; a clean re-run converges", async (_name, make) => {
    fake.interceptors.push(...make());
    const first = await publish().then(
      (outcome) => ({ outcome, error: undefined }),
      (error: Error) => ({ outcome: undefined, error }),
    );
    if (first.error) expect(first.error.message).not.toContain("\n");
    expectConsistent();
    await expectConvergence();
  });
});

async function expectConvergence(): Promise<void> {
  fake.interceptors.length = 0;
    const again = await publish();
    expect(["created", "updated", "unchanged"]).toContain(again.status);
    expectConsistent();
  expect(state()).toMatchObject({ branch: true, file: draft.markdown, openPulls: 1 });
}

// A write GitHub performed whose answer never arrived. The client does not repeat a write of unknown outcome, so
// the run fails; publishDraft does not yet look at what the write left behind.
const LOST = [
  ["the branch created but the answer lost", "rest POST /repos/{owner}/{repo}/git/refs"],
  ["the PR opened but the answer lost", "rest POST /repos/{owner}/{repo}/pulls"],
] as const;

describe("a write that happened but whose answer was lost", () => {
  test.each(LOST)("%s: the run fails in one line, and a clean re-run converges", async (_name, kind) => {
    fake.interceptors.push(dropConnection({ kind, first: 1, afterHandling: true }));
    await expect(publish()).rejects.toThrow(/^[^\n]+$/);
    await expectConvergence();
  });

  // Known gap in src/publish (reported, not ours to fix): after a lost answer to POST git/refs the branch stays
  // without a PR (createBranch's failure skips the rollback); after a lost answer to POST pulls the rollback deletes
  // the branch of the PR that was opened. test.failing passes while the gap is there: flip it once publish checks.
  test.failing.each(LOST)("%s: consistent right after the failed run", async (_name, kind) => {
    fake.interceptors.push(dropConnection({ kind, first: 1, afterHandling: true }));
    await publish().catch(() => undefined);
    expectConsistent();
  });
});
