// Shared by the tests of publishing's writes after a 5xx (write-once-more*.test.ts): a publish through the CLI's
// client against the fake, the requests it sent from the first write on, and what the repository holds after.
import { afterEach, beforeEach } from "@jest/globals";
import { startFakeGitHub, treeOfCommit, type FakeGitHub } from "@devreport/fake-github";
import type { Draft } from "../../src/draft.js";
import type { ProgressLog } from "../../src/github/client.js";
import { createClient } from "../../src/github/octokit.js";
import { publishDraft } from "../../src/publish/index.js";
import { APP, BRANCH, PATH, config, makeDraft } from "../publish/helpers.js";
import { loopbackOnly } from "../support/net.js";

export const REPO = "linuxkit/linuxkit";
export const draft = makeDraft();

export const publishTo = (fake: FakeGitHub, d: Draft = draft, log?: ProgressLog) =>
  publishDraft({
    client: createClient({ token: "app-token", apiUrl: fake.url, retry: { sleep: async () => {} } }),
    repo: REPO,
    draft: d,
    config,
    appLogin: APP,
    ...(log ? { log } : {}),
  });

/** "STATUS METHOD route" for every request from the first write on (reads before it only decide what to write). */
export function requestsSent(fake: FakeGitHub, since = 0): string[] {
  const sent = fake.requests
    .slice(since)
    .map((r) => `${r.status} ${r.kind.replace(/^rest /, "").replace(" /repos/{owner}/{repo}/", " ")}`);
  return sent.slice(sent.findIndex((line) => !/^\S+ GET /.test(line)));
}

export function stateOf(fake: FakeGitHub) {
  const repo = fake.store.getRepo(REPO)!;
  const head = repo.refs.get(`heads/${BRANCH}`);
  const blob = head === undefined ? undefined : treeOfCommit(repo, head).get(PATH);
  const pulls = fake.store.pullsOf(REPO).filter((p) => p.headRef === BRANCH);
  return {
    branch: head !== undefined,
    file: blob === undefined ? undefined : repo.blobs.get(blob)!.toString("utf8"),
    pulls: pulls.map((p) => ({ state: p.state, labels: p.labels, reviewers: p.requestedReviewers })),
  };
}

export const CREATE_REF = "rest POST /repos/{owner}/{repo}/git/refs";
export const PUT_FILE = "rest PUT /repos/{owner}/{repo}/contents/{+path}";
export const OPEN_PULL = "rest POST /repos/{owner}/{repo}/pulls";
export const MOVE_REF = "rest PATCH /repos/{owner}/{repo}/git/refs";
export const TREE = "rest POST /repos/{owner}/{repo}/git/trees";
export const COMMIT = "rest POST /repos/{owner}/{repo}/git/commits";
export const LABELS = "rest POST /repos/{owner}/{repo}/issues/{number}/labels";
export const REVIEWERS = "rest POST /repos/{owner}/{repo}/pulls/{number}/requested_reviewers";

/** Opening the PR, then its label, then reviewers: users and the team in two calls (pull-request.ts). */
export const PULL_AND_DECORATION = [
  "201 POST pulls",
  "200 POST issues/{number}/labels",
  "201 POST pulls/{number}/requested_reviewers",
  "201 POST pulls/{number}/requested_reviewers",
];
export const DECORATED = { state: "open", labels: ["weekly-report"], reviewers: ["rn"] };
export const PUBLISHED = { branch: true, file: draft.markdown, pulls: [DECORATED] };
export const NOTHING = { branch: false, file: undefined, pulls: [] };

/**
 * A fresh fake with the repository for each test of the calling file (loopback only), and publishing against it:
 * `fake` is the current test's.
 */
export function writesAgainstFake() {
  let current: FakeGitHub | undefined;
  loopbackOnly();
  beforeEach(async () => {
    current = await startFakeGitHub();
    current.store.ensureRepo(REPO, "master");
  });
  afterEach(async () => {
    await current?.close();
  });
  const fake = (): FakeGitHub => {
    if (!current) throw new Error("writesAgainstFake: no test is running");
    return current;
  };
  return {
    fake,
    publish: (d: Draft = draft, log?: ProgressLog) => publishTo(fake(), d, log),
    /** "STATUS METHOD route" for every request from the first write on. */
    requestsFromFirstWrite: (since = 0) => requestsSent(fake(), since),
    state: () => stateOf(fake()),
  };
}
