// The writes of an update (and the PR's decoration) after a 5xx (issue 8, item 4): moving the branch is read back
// and sent at most once more; trees, commits, labels and reviewers, safe to repeat, are sent once more as they are.
import { describe, expect, test } from "@jest/globals";
import { serverError } from "@devreport/fake-github";
import { failure } from "../../src/triggers/replies.js";
import { BRANCH, newerDraft } from "../publish/helpers.js";
import {
  COMMIT,
  DECORATED,
  LABELS,
  MOVE_REF,
  PUBLISHED,
  PULL_AND_DECORATION,
  REPO,
  REVIEWERS,
  TREE,
  draft,
  writesAgainstFake,
} from "./writes.js";

const { fake, publish, requestsFromFirstWrite, state } = writesAgainstFake();

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
    const since = fake().requests.length;
    const fault = serverError(502, { kind: MOVE_REF, ...rule });
    fake().interceptors.push(fault);
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
    const since = fake().requests.length;
    fake().interceptors.push(serverError(502, { kind, first: 1, afterHandling }));
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
    fake().interceptors.push(serverError(502, { kind, first: 1, afterHandling }));
    expect(await publish()).toMatchObject({ status: "created", branch: BRANCH });
    expect(requestsFromFirstWrite().slice(2)).toEqual(requests);
    expect(state()).toEqual(PUBLISHED);
  });

  test("the tree twice: the run fails, the branch keeps the last draft", async () => {
    await publish();
    const since = fake().requests.length;
    fake().interceptors.push(serverError(502, { kind: TREE, first: 2 }));
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
    fake().interceptors.push(serverError(502, { kind: LABELS, first: 2 }));
    const log: string[] = [];
    const outcome = await publish(draft, (line) => log.push(line));
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
