// Drafts and canned GitHub answers for the publish tests: a LinuxKit week rendered by the real pipeline, and REST
// bodies shaped like GitHub's (only the fields publish reads, plus enough to be recognisable).
import nock from "nock";
import { resolveConfig } from "../../src/config/index.js";
import { defaultTemplate, type Draft } from "../../src/draft.js";
import { composeReport } from "../../src/report/compose.js";
import { render } from "../../src/report/render.js";
import { activity, issue, pull, user } from "../report/fixtures.js";
import { API, testClient } from "../support/github.js";

export const REPO = "/repos/linuxkit/linuxkit";
export const APP = "devreport[bot]";
export const BRANCH = "devreport/2017-W27";
export const BRANCH_REF = "heads%2Fdevreport%2F2017-W27";
/** GET /repos/{owner}/{repo}/branches/{branch}: asked for `protected` before the app writes an existing branch. */
export const BRANCH_API = `${REPO}/branches/devreport%2F2017-W27`;
export const unprotected = { name: "devreport/2017-W27", commit: { sha: "head" }, protected: false };
export const PATH = "reports/2017-27.md";
export const CONTENTS = `${REPO}/contents/reports%2F2017-27.md`;

export const config = resolveConfig(
  { preset: "linuxkit", publish: { labels: ["weekly-report"], reviewers: ["rn", "linuxkit/maintainers"] } },
  { source: "test" },
);

const pulls = [
  pull("linuxkit/linuxkit", 2167, "Update kernel to 4.11.9/4.9.36/4.4.76", { files: ["kernel/Dockerfile"] }),
  pull("linuxkit/linuxkit", 2154, "Add pkg/acpid", { author: user("riyazdf"), files: ["pkg/acpid/Dockerfile"] }),
  pull("linuxkit/virtsock", 35, "Pass SOCK_CLOEXEC to syscall.Socket", { files: ["cmd/sock_stress/main.go"] }),
];
const issues = [issue("linuxkit/linuxkit", 2100, "Support arm64 in run", { labels: ["area/kernel"] })];

export function makeDraft(extraPulls: ReturnType<typeof pull>[] = []): Draft {
  const report = composeReport(activity([...pulls, ...extraPulls], issues), config);
  const markdown = render(report, {
    template: defaultTemplate(),
    title: config.title,
    intro: config.intro,
    outro: config.outro,
  });
  return { path: PATH, markdown, report, stats: {} as Draft["stats"], webUrl: "https://github.com" };
}

/** A second week's draft: one more kernel PR by someone new. */
export const newerDraft = () =>
  makeDraft([
    pull("linuxkit/linuxkit", 2171, "Enable CONFIG_VSOCKETS", { author: user("ndauten"), files: ["kernel/config"] }),
  ]);

export function contents(text: string, sha = "blob1") {
  return { type: "file", path: PATH, sha, encoding: "base64", content: Buffer.from(text).toString("base64") };
}

export function commit(
  sha: string,
  login: string | null,
  options: { message?: string; parents?: string[]; tree?: string; committer?: string | null } = {},
) {
  const committer = options.committer === undefined ? login : options.committer;
  return {
    sha,
    commit: {
      message: options.message ?? "Draft report for 2017-W27\n\nDevreport-Draft: 2017-W27\n",
      tree: { sha: options.tree ?? `tree-${sha}` },
    },
    parents: (options.parents ?? []).map((p) => ({ sha: p })),
    author: login === null ? null : { login },
    committer: committer === null ? null : { login: committer },
  };
}

export const compare = (commits: ReturnType<typeof commit>[]) => ({ total_commits: commits.length, commits });

export const pullJson = (number: number) => ({
  number,
  html_url: `https://github.com/linuxkit/linuxkit/pull/${number}`,
});

export function github() {
  return nock(API);
}

/** A publish of `draft` to linuxkit/linuxkit as the app, through the nock-backed client. */
export const publishRequest = (draft = makeDraft(), cfg = config) => ({
  client: testClient(),
  repo: "linuxkit/linuxkit",
  draft,
  config: cfg,
  appLogin: APP,
});

/** The report PR the canned answers know: #7. */
export const PR = { number: 7, url: "https://github.com/linuxkit/linuxkit/pull/7" };

/** The reads every run of an existing branch starts with: the repository, the branch, its open PR (#7), history. */
export function existingBranch(scope: nock.Scope, head: string, commits: ReturnType<typeof commit>[]) {
  return scope
    .get(REPO)
    .reply(200, { default_branch: "master" })
    .get(`${REPO}/git/ref/${BRANCH_REF}`)
    .reply(200, { ref: `refs/heads/${BRANCH}`, object: { sha: head } })
    .get(`${REPO}/pulls`)
    .query({ head: `linuxkit:${BRANCH}`, state: "open" })
    .reply(200, [pullJson(7)])
    .get(`${REPO}/compare/master...${head}`)
    .reply(200, compare(commits));
}
