// Each write of a first draft after a 5xx (issue 8, item 4): read back, then written at most once more. The fake's
// request log shows what was sent from the first write on; the store shows what the repository holds after.
import { describe, expect, test } from "@jest/globals";
import { serverError } from "@devreport/fake-github";
import { BRANCH } from "../publish/helpers.js";
import {
  CREATE_REF,
  NOTHING,
  OPEN_PULL,
  PUBLISHED,
  PULL_AND_DECORATION,
  PUT_FILE,
  REPO,
  writesAgainstFake,
} from "./writes.js";

const { fake, publish, requestsFromFirstWrite, state } = writesAgainstFake();

const message = (error: unknown) => (error as Error).message;

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
    fake().interceptors.push(fault);
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
    fake().interceptors.push(fault);
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
    fake().interceptors.push(fault);
    expect(await publish().then(() => "published", message)).toBe(line);
    expect(fault.fired).toHaveLength(2);
    expect(requestsFromFirstWrite()).toEqual(requests);
    expect(state()).toEqual(NOTHING);
  });
});

test("creating the branch: the read-back missed the first POST, the second is refused as existing: ours, carried on", async () => {
  // A stale read: the first read of the new ref after the POST says it is not there.
  let posted = false;
  let stale = 1;
  fake().interceptors.push(
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
