// Publishing through the CLI's client while the fake GitHub fails: whatever a run does, the repository never holds
// a report branch without its PR, a PR without its branch, or a branch whose report is not exactly the draft; and a
// clean run afterwards converges to one branch and one PR.
import { afterEach, beforeEach, describe, expect, test } from "@jest/globals";
import {
  dropConnection,
  primaryRateLimit,
  rotatingFaults,
  secondaryRateLimit,
  serverError,
  slow,
  type Fault,
  treeOfCommit,
  startFakeGitHub,
  type FakeGitHub,
} from "@devreport/fake-github";
import { createClient } from "../../src/github/octokit.js";
import { publishDraft } from "../../src/publish/index.js";
import { APP, BRANCH, PATH, config, makeDraft, newerDraft } from "../publish/helpers.js";
import { loopbackOnly } from "../support/net.js";
import { virtualClock, type VirtualClock } from "./helpers.js";

const REPO = "linuxkit/linuxkit";
const draft = makeDraft();

let fake: FakeGitHub;
// One clock for the retry policy and the rate-limit faults, so a wait moves the time both of them read.
let clock: VirtualClock;
loopbackOnly();
beforeEach(async () => {
  clock = virtualClock();
  fake = await startFakeGitHub();
  fake.store.ensureRepo(REPO, "master");
});
afterEach(async () => {
  await fake.close();
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
  expect({
    branchWithoutPull: s.branch && s.openPulls === 0,
    pullWithoutBranch: !s.branch && s.openPulls > 0,
    halfWritten: s.branch && s.file !== draft.markdown,
    morePulls: s.openPulls > 1,
  }).toEqual({ branchWithoutPull: false, pullWithoutBranch: false, halfWritten: false, morePulls: false });
}

const WRITES = /^rest (POST|PATCH|PUT|DELETE) /;
const READS = /^rest GET /;

describe("publishing under GitHub's failures", () => {
  test.each<[string, () => Fault[]]>([
    ["502 on every read, once", () => [serverError(502, { kind: READS, every: 2 })]],
    ["a dropped connection on reads", () => [dropConnection({ kind: READS, first: 2 })]],
    ["a slow answer on every write", () => [slow(100, { kind: WRITES })]],
    ["a secondary rate limit on the first write", () => [secondaryRateLimit({ kind: WRITES, first: 1 }, { clock })]],
    [
      "a primary rate limit on the branch creation",
      () => [primaryRateLimit({ kind: "rest POST /repos/{owner}/{repo}/git/refs", first: 1 }, { clock })],
    ],
  ])("survived, the same branch and PR as a clean run: %s", async (_name, make) => {
    fake.interceptors.push(...make());
    const outcome = await publish();
    expect(outcome).toMatchObject({ status: "created", branch: BRANCH });
    expectConsistent();
    expect(state()).toMatchObject({ branch: true, file: draft.markdown, openPulls: 1, allPulls: 1 });
  });

  // A write whose answer is lost (a 5xx, a dropped connection) is not repeated blindly: it is read back and sent at
  // most once more (src/publish/write-once-more.ts); failing twice, the run fails in one exact line and leaves
  // nothing behind. A fault on a read, or a slow answer, is retried and the run completes.
  const NOTHING = { branch: false, file: undefined, openPulls: 0, allPulls: 0 };
  const deleted = (why: string) =>
    `${REPO}: opening the PR for ${BRANCH} failed (${why}); ${BRANCH} was deleted so the next run starts clean`;
  type Outcome = ({ error: string } | { status: "created" }) & { waits: number[] };
  test.each<[string, () => Fault[], Outcome, ReturnType<typeof state>]>([
    // A first draft is one PUT of the file on the new branch (src/publish/git.ts), which makes the commit.
    [
      "502 on creating the commit",
      () => [serverError(502, { kind: "rest PUT /repos/{owner}/{repo}/contents/{+path}" })],
      {
        error: `${REPO}: writing the 2017-W27 draft commit for ${BRANCH} failed (HTTP 502 Server Error); nothing was changed, run again`,
        waits: [],
      },
      NOTHING,
    ],
    [
      "a dropped connection on creating the branch",
      () => [dropConnection({ kind: "rest POST /repos/{owner}/{repo}/git/refs" })],
      {
        error: `${REPO}: creating ${BRANCH} failed (no answer: other side closed); nothing was changed, run again`,
        waits: [],
      },
      NOTHING,
    ],
    [
      "502 on opening the PR, twice",
      () => [serverError(502, { kind: "rest POST /repos/{owner}/{repo}/pulls", first: 2 })],
      { error: deleted("HTTP 502 Server Error"), waits: [] },
      NOTHING,
    ],
    [
      "a dropped connection on opening the PR, twice",
      () => [dropConnection({ kind: "rest POST /repos/{owner}/{repo}/pulls", first: 2 })],
      { error: deleted("no answer: other side closed"), waits: [] },
      NOTHING,
    ],
    // With a first draft written in one PUT, the rotation's third fault (a 500) lands on creating the branch: the
    // branch is read back, not there, and created once more; the rate limits after it are waited out.
    [
      "every fault kind in turn, one request in three",
      () => [rotatingFaults(3, { slowMs: 20, clock })],
      { status: "created", waits: [1000, 2000, 1000] },
      { branch: true, file: draft.markdown, openPulls: 1, allPulls: 1 },
    ],
  ])("%s: exactly this outcome and state; a clean re-run converges", async (_name, make, expected, after) => {
    fake.interceptors.push(...make());
    const first = await publish().then(
      (outcome) => ({ status: outcome.status, waits: clock.waits }),
      (error: Error) => ({ error: error.message, waits: clock.waits }),
    );
    expect(first).toEqual(expected);
    expect(state()).toEqual(after);
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

// A write GitHub performed whose answer never arrived. The client does not repeat a write of unknown outcome;
// publishing reads back what the write left (the ref, the open PR for the branch) and carries on from there.
const LOST = [
  ["the branch created but the answer lost", "rest POST /repos/{owner}/{repo}/git/refs"],
  ["the PR opened but the answer lost", "rest POST /repos/{owner}/{repo}/pulls"],
] as const;

/** The PR as the store holds it: labels and reviewers show whether it was decorated. */
const thePull = () => fake.store.pullsOf(REPO).find((p) => p.headRef === BRANCH)!;

describe("a write that happened but whose answer was lost", () => {
  test.each(LOST)("%s: read back and carried on, one branch and one decorated PR", async (_name, kind) => {
    const lost = dropConnection({ kind, first: 1, afterHandling: true });
    fake.interceptors.push(lost);
    const outcome = await publish();
    expect(lost.fired).toHaveLength(1);
    expect(outcome).toMatchObject({ status: "created", branch: BRANCH, pr: { number: thePull().number } });
    expect(state()).toEqual({ branch: true, file: draft.markdown, openPulls: 1, allPulls: 1 });
    expect(thePull()).toMatchObject({ labels: ["weekly-report"], requestedReviewers: ["rn"] });
    await expectConvergence();
    expect(state().allPulls).toBe(1);
  });

  test("the branch moved to the new draft but the answer lost: read back, updated", async () => {
    await publish();
    const newer = newerDraft();
    const lost = dropConnection({ kind: "rest PATCH /repos/{owner}/{repo}/git/refs", first: 1, afterHandling: true });
    fake.interceptors.push(lost);
    const client = createClient({
      token: "app-token",
      apiUrl: fake.url,
      retry: { now: clock.now, sleep: clock.sleep },
    });
    const outcome = await publishDraft({ client, repo: REPO, draft: newer, config, appLogin: APP });
    expect(lost.fired).toHaveLength(1);
    expect(outcome).toMatchObject({ status: "updated", branch: BRANCH });
    expect(state()).toEqual({ branch: true, file: newer.markdown, openPulls: 1, allPulls: 1 });
  });
});

describe("a write that failed: no branch and no PR, and one line saying so", () => {
  const OPENING = "rest POST /repos/{owner}/{repo}/pulls";
  const DELETING = "rest DELETE /repos/{owner}/{repo}/git/refs";
  const failed = `${REPO}: opening the PR for ${BRANCH} failed`;

  async function failure(): Promise<string> {
    const error = await publish().then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error).toBeDefined();
    return error!.message;
  }

  test.each<[string, () => Fault[], string]>([
    [
      "502 on creating the branch",
      () => [serverError(502, { kind: "rest POST /repos/{owner}/{repo}/git/refs" })],
      `${REPO}: creating ${BRANCH} failed (HTTP 502 Server Error); nothing was changed, run again`,
    ],
    [
      "a dropped connection on opening the PR",
      () => [dropConnection({ kind: OPENING })],
      `${failed} (no answer: other side closed); ${BRANCH} was deleted so the next run starts clean`,
    ],
    [
      "502 on opening the PR, and the deletion's answer lost",
      () => [serverError(502, { kind: OPENING }), dropConnection({ kind: DELETING, first: 1, afterHandling: true })],
      `${failed} (HTTP 502 Server Error); ${BRANCH} was deleted so the next run starts clean`,
    ],
    [
      "502 on opening the PR, and on the first deletion",
      () => [serverError(502, { kind: OPENING }), serverError(502, { kind: DELETING, first: 1 })],
      `${failed} (HTTP 502 Server Error); ${BRANCH} was deleted so the next run starts clean`,
    ],
  ])("%s", async (_name, make, message) => {
    fake.interceptors.push(...make());
    expect(await failure()).toBe(message);
    expect(state()).toEqual({ branch: false, file: undefined, openPulls: 0, allPulls: 0 });
    await expectConvergence();
  });

  test("502 on opening the PR and on every deletion: the branch is left, and the line says so", async () => {
    fake.interceptors.push(serverError(502, { kind: OPENING }), serverError(502, { kind: DELETING }));
    expect(await failure()).toBe(
      `${failed} (HTTP 502 Server Error) and deleting the branch failed too (HTTP 502 Server Error); left branch ${BRANCH} without a PR: delete it or re-run`,
    );
    expect(state()).toEqual({ branch: true, file: draft.markdown, openPulls: 0, allPulls: 0 });
    await expectConvergence();
  });

  test("no answer to opening the PR and no way to look it up: the branch is kept, not deleted blindly", async () => {
    fake.interceptors.push(
      dropConnection({ kind: OPENING }),
      serverError(502, { kind: "rest GET /repos/{owner}/{repo}/pulls" }),
    );
    expect(await failure()).toBe(
      `${failed} (no answer: other side closed; reading back what it did failed too: HTTP 502 Server Error (gave up after 4 attempts)); if ${BRANCH} has no PR, delete it or re-run`,
    );
    expect(state()).toMatchObject({ branch: true, openPulls: 0 });
    await expectConvergence();
  });
});
