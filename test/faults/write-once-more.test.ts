// Each write on the publish path after a 5xx (issue 8, item 4): read back, then written at most once more. The fake's
// request log shows what was sent from the first write on; the store shows what the repository holds after.
import { afterEach, beforeEach, describe, expect, test } from "@jest/globals";
import { serverError, treeOfCommit, startFakeGitHub, type FakeGitHub } from "@devreport/fake-github";
import { createClient } from "../../src/github/octokit.js";
import { publishDraft } from "../../src/publish/index.js";
import type { Draft } from "../../src/draft.js";
import { APP, BRANCH, PATH, config, makeDraft, newerDraft } from "../publish/helpers.js";
import { failure } from "../../src/triggers/replies.js";
import { loopbackOnly } from "../support/net.js";

const REPO = "linuxkit/linuxkit";
const draft = makeDraft();

let fake: FakeGitHub;
loopbackOnly();
beforeEach(async () => {
  fake = await startFakeGitHub();
  fake.store.ensureRepo(REPO, "master");
});
afterEach(async () => {
  await fake.close();
});

const publish = (d: Draft = draft) =>
  publishDraft({
    client: createClient({ token: "app-token", apiUrl: fake.url, retry: { sleep: async () => {} } }),
    repo: REPO,
    draft: d,
    config,
    appLogin: APP,
  });

/** "STATUS METHOD route" for every request from the first write on (reads before it only decide what to write). */
function requestsFromFirstWrite(since = 0): string[] {
  const sent = fake.requests
    .slice(since)
    .map((r) => `${r.status} ${r.kind.replace(/^rest /, "").replace(" /repos/{owner}/{repo}/", " ")}`);
  return sent.slice(sent.findIndex((line) => !/^\S+ GET /.test(line)));
}

function state() {
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

const message = (error: unknown) => (error as Error).message;

const CREATE_REF = "rest POST /repos/{owner}/{repo}/git/refs";
const PUT_FILE = "rest PUT /repos/{owner}/{repo}/contents/{+path}";
const OPEN_PULL = "rest POST /repos/{owner}/{repo}/pulls";
const MOVE_REF = "rest PATCH /repos/{owner}/{repo}/git/refs";
const TREE = "rest POST /repos/{owner}/{repo}/git/trees";
const COMMIT = "rest POST /repos/{owner}/{repo}/git/commits";
const LABELS = "rest POST /repos/{owner}/{repo}/issues/{number}/labels";
const REVIEWERS = "rest POST /repos/{owner}/{repo}/pulls/{number}/requested_reviewers";

/** Opening the PR, then its label, then reviewers: users and the team in two calls (pull-request.ts). */
const PULL_AND_DECORATION = [
  "201 POST pulls",
  "200 POST issues/{number}/labels",
  "201 POST pulls/{number}/requested_reviewers",
  "201 POST pulls/{number}/requested_reviewers",
];
const DECORATED = { state: "open", labels: ["weekly-report"], reviewers: ["rn"] };
const PUBLISHED = { branch: true, file: draft.markdown, pulls: [DECORATED] };
const NOTHING = { branch: false, file: undefined, pulls: [] };

describe("a first draft's write answered 502, nothing done: read back, sent once more, one PR with the exact report", () => {
  test.each<[string, string, string[]]>([
    [
      "creating the branch",
      CREATE_REF,
      [
        "502 POST git/refs",
        "404 GET git/ref/{+ref}",
        "201 POST git/refs",
        "201 PUT contents/{+path}",
        ...PULL_AND_DECORATION,
      ],
    ],
    [
      "writing the report",
      PUT_FILE,
      [
        "201 POST git/refs",
        "502 PUT contents/{+path}",
        "200 GET git/ref/{+ref}",
        "201 PUT contents/{+path}",
        ...PULL_AND_DECORATION,
      ],
    ],
    [
      "opening the PR",
      OPEN_PULL,
      ["201 POST git/refs", "201 PUT contents/{+path}", "502 POST pulls", "200 GET pulls", ...PULL_AND_DECORATION],
    ],
  ])("%s", async (_name, kind, requests) => {
    const fault = serverError(502, { kind, first: 1 });
    fake.interceptors.push(fault);
    const outcome = await publish();
    expect(fault.fired).toHaveLength(1);
    expect(requestsFromFirstWrite()).toEqual(requests);
    expect(outcome).toMatchObject({ status: "created", branch: BRANCH });
    expect(state()).toEqual(PUBLISHED);
  });
});

describe("a first draft's write answered 502 although GitHub did it: read back, not sent again", () => {
  test.each<[string, string, string[]]>([
    [
      "creating the branch",
      CREATE_REF,
      ["502 POST git/refs", "200 GET git/ref/{+ref}", "201 PUT contents/{+path}", ...PULL_AND_DECORATION],
    ],
    [
      "writing the report: the branch moved, and to a commit holding exactly our file",
      PUT_FILE,
      [
        "201 POST git/refs",
        "502 PUT contents/{+path}",
        "200 GET git/ref/{+ref}",
        "200 GET contents/{+path}",
        ...PULL_AND_DECORATION,
      ],
    ],
    [
      "opening the PR: the open PR for the branch is ours, and is decorated",
      OPEN_PULL,
      [
        "201 POST git/refs",
        "201 PUT contents/{+path}",
        "502 POST pulls",
        "200 GET pulls",
        ...PULL_AND_DECORATION.slice(1),
      ],
    ],
  ])("%s", async (_name, kind, requests) => {
    const fault = serverError(502, { kind, first: 1, afterHandling: true });
    fake.interceptors.push(fault);
    const outcome = await publish();
    expect(fault.fired).toHaveLength(1);
    expect(requestsFromFirstWrite()).toEqual(requests);
    expect(outcome).toMatchObject({ status: "created", branch: BRANCH });
    expect(state()).toEqual(PUBLISHED);
  });
});

describe("a first draft's write answered 502 twice, nothing done: one line, no second retry, nothing left", () => {
  const why = "HTTP 502 Server Error";
  test.each<[string, string, string[], string]>([
    [
      "creating the branch",
      CREATE_REF,
      ["502 POST git/refs", "404 GET git/ref/{+ref}", "502 POST git/refs", "404 GET git/ref/{+ref}"],
      `${REPO}: creating ${BRANCH} failed (${why}); nothing was changed, run again`,
    ],
    [
      "writing the report: the branch this run created is deleted",
      PUT_FILE,
      [
        "201 POST git/refs",
        "502 PUT contents/{+path}",
        "200 GET git/ref/{+ref}",
        "502 PUT contents/{+path}",
        "200 GET git/ref/{+ref}",
        "204 DELETE git/refs/{+ref}",
      ],
      `${REPO}: writing the 2017-W27 draft commit for ${BRANCH} failed (${why}); nothing was changed, run again`,
    ],
    [
      "opening the PR: the branch this run created is deleted",
      OPEN_PULL,
      [
        "201 POST git/refs",
        "201 PUT contents/{+path}",
        "502 POST pulls",
        "200 GET pulls",
        "502 POST pulls",
        "200 GET pulls",
        "204 DELETE git/refs/{+ref}",
      ],
      `${REPO}: opening the PR for ${BRANCH} failed (${why}); ${BRANCH} was deleted so the next run starts clean`,
    ],
  ])("%s", async (_name, kind, requests, line) => {
    const fault = serverError(502, { kind, first: 2 });
    fake.interceptors.push(fault);
    expect(await publish().then(() => "published", message)).toBe(line);
    expect(fault.fired).toHaveLength(2);
    expect(requestsFromFirstWrite()).toEqual(requests);
    expect(state()).toEqual(NOTHING);
  });
});

/** The trigger's line for GitHub's error outside a first draft (src/triggers/replies.ts failure). */
const LATER =
  "Could not draft the report: HTTP 502 Server Error. Try again later; if it keeps failing, the app's log has the details.";

describe("moving the branch to a regenerated draft (PATCH of the ref) answered 502", () => {
  const newer = newerDraft();
  const OBJECTS = ["201 POST git/trees", "201 POST git/commits"];
  test.each<[string, { first: number; afterHandling?: true }, string[], string]>([
    [
      "nothing done: still at the old head, so sent once more",
      { first: 1 },
      [...OBJECTS, "502 PATCH git/refs/{+ref}", "200 GET git/ref/{+ref}", "200 PATCH git/refs/{+ref}"],
      "updated",
    ],
    [
      "GitHub did it: at our commit, so not sent again",
      { first: 1, afterHandling: true },
      [...OBJECTS, "502 PATCH git/refs/{+ref}", "200 GET git/ref/{+ref}"],
      "updated",
    ],
    [
      "twice, nothing done: the run fails, the branch keeps the last draft",
      { first: 2 },
      [
        ...OBJECTS,
        "502 PATCH git/refs/{+ref}",
        "200 GET git/ref/{+ref}",
        "502 PATCH git/refs/{+ref}",
        "200 GET git/ref/{+ref}",
      ],
      LATER,
    ],
  ])("%s", async (_name, rule, requests, result) => {
    await publish();
    const since = fake.requests.length;
    const fault = serverError(502, { kind: MOVE_REF, ...rule });
    fake.interceptors.push(fault);
    // Outside a first draft GitHub's error reaches the trigger as it is, which words it in one line.
    expect(
      await publish(newer).then(
        (o) => o.status,
        (e: unknown) => failure(e, REPO),
      ),
    ).toBe(result);
    expect(requestsFromFirstWrite(since)).toEqual(requests);
    expect(state()).toEqual({ ...PUBLISHED, file: result === "updated" ? newer.markdown : draft.markdown });
  });
});

// Trees, commits, labels and reviewers are safe to send twice (write-once-more.ts repeatOnce): sent once more after
// an unknown outcome without a read-back, whether GitHub did the first or not.
describe("writes safe to repeat, answered 502: sent once more as they are", () => {
  const newer = newerDraft();
  test.each<[string, string, boolean, string[]]>([
    [
      "the tree",
      TREE,
      false,
      ["502 POST git/trees", "201 POST git/trees", "201 POST git/commits", "200 PATCH git/refs/{+ref}"],
    ],
    [
      "the tree, which GitHub did write",
      TREE,
      true,
      ["502 POST git/trees", "201 POST git/trees", "201 POST git/commits", "200 PATCH git/refs/{+ref}"],
    ],
    [
      "the commit",
      COMMIT,
      false,
      ["201 POST git/trees", "502 POST git/commits", "201 POST git/commits", "200 PATCH git/refs/{+ref}"],
    ],
    [
      "the commit, which GitHub did write",
      COMMIT,
      true,
      ["201 POST git/trees", "502 POST git/commits", "201 POST git/commits", "200 PATCH git/refs/{+ref}"],
    ],
  ])("%s: the branch moves to the regenerated draft", async (_name, kind, afterHandling, requests) => {
    await publish();
    const since = fake.requests.length;
    fake.interceptors.push(serverError(502, { kind, first: 1, afterHandling }));
    expect(await publish(newer)).toMatchObject({ status: "updated", branch: BRANCH });
    expect(requestsFromFirstWrite(since)).toEqual(requests);
    expect(state()).toEqual({ ...PUBLISHED, file: newer.markdown });
  });

  test.each<[string, string, boolean, string[]]>([
    [
      "the label",
      LABELS,
      false,
      ["201 POST pulls", "502 POST issues/{number}/labels", ...PULL_AND_DECORATION.slice(1)],
    ],
    [
      "the label, which GitHub did add: still one label",
      LABELS,
      true,
      ["201 POST pulls", "502 POST issues/{number}/labels", ...PULL_AND_DECORATION.slice(1)],
    ],
    [
      "the reviewers",
      REVIEWERS,
      false,
      [
        ...PULL_AND_DECORATION.slice(0, 2),
        "502 POST pulls/{number}/requested_reviewers",
        ...PULL_AND_DECORATION.slice(2),
      ],
    ],
    [
      "the reviewers, which GitHub did request: still requested once",
      REVIEWERS,
      true,
      [
        ...PULL_AND_DECORATION.slice(0, 2),
        "502 POST pulls/{number}/requested_reviewers",
        ...PULL_AND_DECORATION.slice(2),
      ],
    ],
  ])("%s: the PR is decorated once", async (_name, kind, afterHandling, requests) => {
    fake.interceptors.push(serverError(502, { kind, first: 1, afterHandling }));
    expect(await publish()).toMatchObject({ status: "created", branch: BRANCH });
    expect(requestsFromFirstWrite().slice(2)).toEqual(requests);
    expect(state()).toEqual(PUBLISHED);
  });

  test("the tree twice: the run fails, the branch keeps the last draft", async () => {
    await publish();
    const since = fake.requests.length;
    fake.interceptors.push(serverError(502, { kind: TREE, first: 2 }));
    expect(
      await publish(newer).then(
        (o) => o.status,
        (e: unknown) => failure(e, REPO),
      ),
    ).toBe(LATER);
    expect(requestsFromFirstWrite(since)).toEqual(["502 POST git/trees", "502 POST git/trees"]);
    expect(state()).toEqual(PUBLISHED);
  });

  test("the label twice: logged, the PR stays without it (the run goes on)", async () => {
    fake.interceptors.push(serverError(502, { kind: LABELS, first: 2 }));
    const log: string[] = [];
    const outcome = await publishDraft({
      client: createClient({ token: "app-token", apiUrl: fake.url, retry: { sleep: async () => {} } }),
      repo: REPO,
      draft,
      config,
      appLogin: APP,
      log: (line) => log.push(line),
    });
    expect(outcome).toMatchObject({ status: "created" });
    expect(requestsFromFirstWrite().filter((r) => r.includes("labels"))).toEqual([
      "502 POST issues/{number}/labels",
      "502 POST issues/{number}/labels",
    ]);
    expect(log.filter((l) => l.includes("could not add labels"))).toEqual([
      `${REPO}#1: could not add labels weekly-report (Server Error); check publish.labels`,
    ]);
    expect(state()).toEqual({ ...PUBLISHED, pulls: [{ ...DECORATED, labels: [] }] });
  });
});

test("creating the branch: the read-back missed the first POST, the second is refused as existing: ours, carried on", async () => {
  // A stale read: the first read of the new ref after the POST says it is not there.
  let posted = false;
  let stale = 1;
  fake.interceptors.push(
    (req) => {
      if (req.kind === CREATE_REF) posted = true;
      else if (posted && req.kind === "rest GET /repos/{owner}/{repo}/git/ref/{+ref}" && stale-- > 0)
        return { status: 404, body: { message: "Not Found" } };
      return undefined;
    },
    serverError(502, { kind: CREATE_REF, first: 1, afterHandling: true }),
  );
  expect(await publish()).toMatchObject({ status: "created", branch: BRANCH });
  expect(requestsFromFirstWrite().slice(0, 6)).toEqual([
    "502 POST git/refs",
    "404 GET git/ref/{+ref}",
    "422 POST git/refs",
    "200 GET git/ref/{+ref}",
    "201 PUT contents/{+path}",
    "201 POST pulls",
  ]);
  expect(state()).toEqual(PUBLISHED);
});
