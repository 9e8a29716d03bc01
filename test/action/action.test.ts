// The devreport Action (src/triggers/actions.ts, what dist/index.js runs) against the fake GitHub serving the sample
// project acme/tinyos, with the environment the runner gives a step: INPUT_*, GITHUB_REPOSITORY, GITHUB_API_URL,
// GITHUB_OUTPUT. The token acts as github-actions[bot], as GITHUB_TOKEN does.
import { afterEach, beforeEach, describe, expect, test } from "@jest/globals";
import { fileURLToPath } from "node:url";
import nock from "nock";
import { startFakeGitHub, type FakeGitHub, type FakeRequest } from "@devreport/fake-github";
import { runAction } from "../../src/triggers/actions.js";
import { branchAuthors, commitFile, observer, readOutputs, runnerEnv } from "./helpers.js";
import { reportPulls } from "../support/github.js";

nock.disableNetConnect();
nock.enableNetConnect(/^127\.0\.0\.1(:\d+)?$/);

const SAMPLE = fileURLToPath(new URL("../../sample", import.meta.url));
const REPO = "acme/tinyos";
const TOKEN = "ghs_the_workflow_github_token";
const BRANCH = "devreport/2024-W10";

let fake: FakeGitHub;
let printed: string;
const run = (env: Record<string, string>) => runAction(env, { stdout: (text) => (printed += text), retry: false });

beforeEach(async () => {
  fake = await startFakeGitHub({ data: [SAMPLE] });
  fake.store.registerToken(TOKEN, { login: "github-actions[bot]", type: "Bot" });
  printed = "";
});
afterEach(() => fake.close());

/** The one line the run ended with, as the runner shows it (the `::error::` command's text). */
const errorLine = () =>
  printed
    .split("\n")
    .filter((line) => line.startsWith("::error::"))
    .map((line) => line.slice("::error::".length));

describe("publishing with GITHUB_TOKEN", () => {
  test("one PR for the period with the outputs written; the same run again is `unchanged` and still one PR", async () => {
    const env = runnerEnv(fake, REPO, { token: TOKEN, period: "2024-W10" });
    expect(await run(env)).toBe(0);
    const client = observer(fake);
    const [pull, ...others] = await reportPulls(client, REPO, BRANCH);
    expect(others).toEqual([]);
    expect(readOutputs(env)).toEqual({
      path: "reports/2024-10.md",
      "pull-request-url": pull!.html_url,
      status: "created",
    });
    // The commit is the token's own, so the next run knows the branch holds no human edit.
    expect(await branchAuthors(client, REPO, "main", BRANCH)).toEqual(["github-actions[bot]"]);
    expect(printed).toContain(`devreport: created: reports/2024-10.md in acme/tinyos, ${pull!.html_url}\n`);

    const again = runnerEnv(fake, REPO, { token: TOKEN, period: "2024-W10" });
    expect(await run(again)).toBe(0);
    expect(readOutputs(again)).toEqual({
      path: "reports/2024-10.md",
      "pull-request-url": pull!.html_url,
      status: "unchanged",
    });
    expect(await reportPulls(client, REPO, BRANCH)).toEqual([expect.objectContaining({ number: pull!.number })]);
  });

  test("dry-run drafts and prints the report, and writes nothing at all: only GETs and GraphQL queries", async () => {
    const graphql: string[] = [];
    fake.interceptors.push((req: FakeRequest) => {
      if (req.path === "/graphql") graphql.push(req.body);
      return undefined;
    });
    const env = runnerEnv(fake, REPO, { token: TOKEN, period: "2024-W10", "dry-run": "true" });
    expect(await run(env)).toBe(0);
    expect(readOutputs(env)).toEqual({ path: "reports/2024-10.md", "pull-request-url": "", status: "drafted" });
    expect(fake.requests.length).toBeGreaterThan(0);
    expect(fake.requests.filter((r) => r.method !== "GET" && !(r.method === "POST" && r.path === "/graphql"))).toEqual(
      [],
    );
    expect(graphql.length).toBeGreaterThan(0);
    expect(graphql.filter((body) => /\bmutation\b/.test(JSON.parse(body).query))).toEqual([]);
    expect(await reportPulls(observer(fake), REPO, BRANCH)).toEqual([]);
    // The draft is printed between ::stop-commands:: markers, so no line of it is taken for a workflow command.
    const stop = /^::stop-commands::(\w+)$/m.exec(printed);
    expect(stop).not.toBeNull();
    const draft = printed.slice(printed.indexOf(stop![0]) + stop![0].length + 1, printed.indexOf(`::${stop![1]}::`));
    expect(draft).toMatch(/^# Weekly tinyos report for 2024-03-04 to 2024-03-10 \(week 10\)\n/);
  });

  test("a write GitHub refuses (403) ends in one line naming the repository and the permission", async () => {
    fake.interceptors.push((req: FakeRequest) =>
      req.method === "POST" && req.path.includes("/git/")
        ? {
            status: 403,
            body: {
              message: "Resource not accessible by integration",
              documentation_url: "https://docs.github.com/rest",
            },
          }
        : undefined,
    );
    const env = runnerEnv(fake, REPO, { token: TOKEN, period: "2024-W10" });
    expect(await run(env)).toBe(1);
    expect(errorLine()).toEqual([
      "devreport: GitHub refused to write to acme/tinyos (HTTP 403 Resource not accessible by integration): the token needs " +
        "`contents: write` on acme/tinyos; give the job `permissions: { contents: write, pull-requests: write }`, or use an app token with both",
    ]);
    expect(readOutputs(env)).toEqual({});
  });

  test("GitHub refusing the pull request names `pull-requests: write` and the repository setting that can forbid it", async () => {
    fake.interceptors.push((req: FakeRequest) =>
      req.method === "POST" && req.path === "/repos/acme/tinyos/pulls"
        ? { status: 403, body: { message: "GitHub Actions is not permitted to create or approve pull requests." } }
        : undefined,
    );
    expect(await run(runnerEnv(fake, REPO, { token: TOKEN, period: "2024-W10" }))).toBe(1);
    expect(errorLine()).toHaveLength(1);
    expect(errorLine()[0]).toMatch(
      /^devreport: GitHub refused to write to acme\/tinyos \(HTTP 403 GitHub Actions is not permitted/,
    );
    expect(errorLine()[0]).toContain(
      'the token needs `pull-requests: write` on acme/tinyos and "Allow GitHub Actions to create and approve pull requests"',
    );
    // Publish took its branch back: no branch without a PR.
    expect(fake.requests.some((r) => r.method === "DELETE")).toBe(true);
  });

  test("a sibling repository the token cannot read is named, with the read access it needs", async () => {
    await commitFile(
      observer(fake),
      REPO,
      ".github/private.yml",
      "repositories: [acme/tinyos, acme/secret-firmware]\n",
    );
    const env = runnerEnv(fake, REPO, {
      token: TOKEN,
      period: "2024-W10",
      config: ".github/private.yml",
      "dry-run": "true",
    });
    expect(await run(env)).toBe(1);
    expect(errorLine()).toEqual([
      "devreport: the token cannot read acme/secret-firmware (listed in acme/tinyos:.github/private.yml): it needs " +
        "`contents: read` and `pull-requests: read` on acme/secret-firmware; GITHUB_TOKEN reads only acme/tinyos, so for " +
        "other repositories pass an app installation token (actions/create-github-app-token with `owner:`) whose app is installed on them",
    ]);
  });

  test("a `config` path that is not there fails the run in one line", async () => {
    expect(await run(runnerEnv(fake, REPO, { token: TOKEN, config: ".github/nope.yml" }))).toBe(1);
    expect(errorLine()).toEqual(["devreport: acme/tinyos has no .github/nope.yml on its default branch"]);
  });

  test("outside a runner, or with an empty token or a dry-run that is no boolean, nothing is requested (exit 2)", async () => {
    const { GITHUB_REPOSITORY: _repo, ...noRepo } = runnerEnv(fake, REPO, { token: TOKEN });
    expect(await run(noRepo)).toBe(2);
    expect(await run(runnerEnv(fake, REPO, { token: "" }))).toBe(2);
    expect(await run(runnerEnv(fake, REPO, { token: TOKEN, "dry-run": "yes" }))).toBe(2);
    expect(fake.requests).toEqual([]);
    expect(errorLine()).toEqual([
      "devreport: GITHUB_REPOSITORY is unset: run devreport as a step of a GitHub Actions job",
      "devreport: input token is empty: pass `token: ${{ github.token }}` (the default) or an app installation token",
      'devreport: input dry-run: "yes" is not a boolean (true or false)',
    ]);
  });
});
