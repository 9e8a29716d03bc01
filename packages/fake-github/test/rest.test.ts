// REST flows the app relies on: contents with the sha check, the git data API with the fast-forward rule,
// pull requests, comments and reactions, permissions. Each test gets its own fake over the sample dataset.
import { afterEach, beforeEach, describe, expect, test } from "@jest/globals";
import { startFakeGitHub, type FakeGitHub } from "../src/server.js";
import { b64, rest, SAMPLE } from "./helpers.js";

let fake: FakeGitHub;
beforeEach(async () => {
  fake = await startFakeGitHub({ data: [SAMPLE] });
  fake.store.registerToken("ghp_alice", { login: "alice", type: "User" });
});
afterEach(() => fake.close());

const R = "/repos/acme/tinyos";

describe("repositories and contents", () => {
  test("repository metadata and 404 for unknown ones", async () => {
    const { status, body } = await rest(fake, "GET", R);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      full_name: "acme/tinyos",
      default_branch: "main",
      private: false,
      owner: { login: "acme" },
    });
    expect((await rest(fake, "GET", "/repos/acme/rtf")).body.default_branch).toBe("master");
    const missing = await rest(fake, "GET", "/repos/acme/nope");
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ message: "Not Found", documentation_url: expect.any(String) });
  });

  test("PUT creates, updates only with the current sha (422 without, 409 with a stale one)", async () => {
    const path = `${R}/contents/reports/2024-W10.md`;
    expect((await rest(fake, "GET", `${path}?ref=main`)).status).toBe(404);
    const created = await rest(fake, "PUT", path, { message: "Add report", content: b64("# v1\n"), branch: "main" });
    expect(created.status).toBe(201);
    const sha1 = created.body.content.sha;
    // Any token is accepted by default and acts as the app's bot.
    expect(created.body.commit.author).toMatchObject({ name: "devreport[bot]" });

    const read = await rest(fake, "GET", `${path}?ref=main`);
    expect(read.body).toMatchObject({ type: "file", encoding: "base64", sha: sha1, path: "reports/2024-W10.md" });
    expect(Buffer.from(read.body.content, "base64").toString()).toBe("# v1\n");

    const noSha = await rest(fake, "PUT", path, { message: "Edit", content: b64("# v2\n") });
    expect(noSha.status).toBe(422);
    expect(noSha.body.message).toMatch(/"sha" wasn't supplied/);
    const stale = await rest(fake, "PUT", path, { message: "Edit", content: b64("# v2\n"), sha: "0".repeat(40) });
    expect(stale.status).toBe(409);
    expect(stale.body.message).toBe(`reports/2024-W10.md does not match ${"0".repeat(40)}`);
    const updated = await rest(
      fake,
      "PUT",
      path,
      { message: "Edit", content: b64("# v2\n"), sha: sha1 },
      { token: "ghp_alice" },
    );
    expect(updated.status).toBe(200);
    expect(updated.body.content.sha).not.toBe(sha1);

    const commits = await rest(fake, "GET", `${R}/commits?sha=main&per_page=2`);
    expect(commits.body.map((c: any) => c.commit.message)).toEqual(["Edit", "Add report"]);
    expect(commits.body[0].author).toMatchObject({ login: "alice", type: "User" });
    expect(commits.body[1].author).toMatchObject({ login: "devreport[bot]", type: "Bot" });
    expect(commits.headers.get("link")).toMatch(/<[^>]+page=2[^>]*>; rel="next"/);
  });
});

describe("git data", () => {
  async function commitOn(parent: string, files: Record<string, string>, message: string): Promise<string> {
    const base = (await rest(fake, "GET", `${R}/git/commits/${parent}`)).body.tree.sha;
    const tree = await rest(fake, "POST", `${R}/git/trees`, {
      base_tree: base,
      tree: Object.entries(files).map(([path, content]) => ({ path, mode: "100644", type: "blob", content })),
    });
    expect(tree.status).toBe(201);
    const commit = await rest(fake, "POST", `${R}/git/commits`, { message, tree: tree.body.sha, parents: [parent] });
    expect(commit.status).toBe(201);
    return commit.body.sha;
  }

  test("branch creation, fast-forward-only updates unless forced, deletion", async () => {
    const main = (await rest(fake, "GET", `${R}/git/ref/heads/main`)).body.object.sha;
    const created = await rest(fake, "POST", `${R}/git/refs`, { ref: "refs/heads/devreport/2024-W10", sha: main });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ref: "refs/heads/devreport/2024-W10", object: { sha: main, type: "commit" } });
    const again = await rest(fake, "POST", `${R}/git/refs`, { ref: "refs/heads/devreport/2024-W10", sha: main });
    expect(again.status).toBe(422);
    expect(again.body.message).toBe("Reference already exists");

    const ahead = await commitOn(main, { "reports/2024-W10.md": "# draft\n" }, "Draft report");
    const sideways = await commitOn(main, { "other.md": "x\n" }, "Something else");
    const ff = await rest(fake, "PATCH", `${R}/git/refs/heads/devreport/2024-W10`, { sha: ahead });
    expect(ff.status).toBe(200);
    const nonFf = await rest(fake, "PATCH", `${R}/git/refs/heads/devreport/2024-W10`, { sha: sideways });
    expect(nonFf.status).toBe(422);
    expect(nonFf.body.message).toBe("Update is not a fast forward");
    expect(
      (await rest(fake, "PATCH", `${R}/git/refs/heads/devreport/2024-W10`, { sha: sideways, force: true })).status,
    ).toBe(200);
    expect((await rest(fake, "GET", `${R}/git/refs/heads/devreport/2024-W10`)).body.object.sha).toBe(sideways);
    // Octokit percent-encodes the slash inside a branch name.
    expect((await rest(fake, "GET", `${R}/git/ref/heads%2Fdevreport%2F2024-W10`)).status).toBe(200);

    const tree = await rest(fake, "GET", `${R}/git/trees/${ahead}?recursive=1`);
    expect(tree.body.tree.map((e: any) => `${e.type} ${e.path}`)).toContain("blob reports/2024-W10.md");
    expect(tree.body.tree.map((e: any) => `${e.type} ${e.path}`)).toContain("tree reports");
    const compare = await rest(fake, "GET", `${R}/compare/main...${ahead}`);
    expect(compare.body).toMatchObject({
      status: "ahead",
      ahead_by: 1,
      behind_by: 0,
      files: [{ filename: "reports/2024-W10.md", status: "added" }],
    });
    expect(compare.body.commits.map((c: any) => c.commit.message)).toEqual(["Draft report"]);

    expect((await rest(fake, "DELETE", `${R}/git/refs/heads/devreport/2024-W10`)).status).toBe(204);
    expect((await rest(fake, "GET", `${R}/git/ref/heads/devreport/2024-W10`)).status).toBe(404);
    expect((await rest(fake, "DELETE", `${R}/git/refs/heads/devreport/2024-W10`)).status).toBe(422);
  });

  test("blobs and tree deletions", async () => {
    const blob = await rest(fake, "POST", `${R}/git/blobs`, { content: b64("hello\n"), encoding: "base64" });
    expect(blob.status).toBe(201);
    expect(blob.body.sha).toBe("ce013625030ba8dba906f756967f9e9ca394464a"); // git hash-object of "hello\n"
    const read = await rest(fake, "GET", `${R}/git/blobs/${blob.body.sha}`);
    expect(Buffer.from(read.body.content, "base64").toString()).toBe("hello\n");
    const base = (await rest(fake, "GET", `${R}/git/trees/main`)).body.sha;
    const tree = await rest(fake, "POST", `${R}/git/trees`, {
      base_tree: base,
      tree: [
        { path: "kernel", mode: "040000", type: "tree", sha: null },
        { path: "hello.txt", mode: "100644", type: "blob", sha: blob.body.sha },
      ],
    });
    expect(tree.body.tree.map((e: any) => e.path)).toEqual([".github", "README.md", "hello.txt", "reports"]);
  });
});

describe("pull requests", () => {
  async function branchWithCommit(branch: string): Promise<void> {
    await rest(fake, "PUT", `${R}/contents/reports/${branch}.md`, {
      message: `Report ${branch}`,
      content: b64("x\n"),
      branch: "main",
    });
    const main = (await rest(fake, "GET", `${R}/git/ref/heads/main`)).body.object.sha;
    await rest(fake, "POST", `${R}/git/refs`, { ref: `refs/heads/${branch}`, sha: main });
    await rest(fake, "PUT", `${R}/contents/reports/${branch}.md`, {
      message: "Draft",
      content: b64("# draft\n"),
      branch,
      sha: (await rest(fake, "GET", `${R}/contents/reports/${branch}.md?ref=${branch}`)).body.sha,
    });
  }

  test("open, find by head, refuse duplicates, edit, files, reviewers", async () => {
    await branchWithCommit("devreport-2024-W10");
    const opened = await rest(fake, "POST", `${R}/pulls`, {
      title: "Weekly report 2024-W10",
      head: "devreport-2024-W10",
      base: "main",
      body: "Draft",
      draft: false,
    });
    expect(opened.status).toBe(201);
    // Issues and PRs share numbers: the sample's highest in tinyos is #114.
    expect(opened.body).toMatchObject({
      number: 115,
      state: "open",
      user: { login: "devreport[bot]", type: "Bot" },
      head: { ref: "devreport-2024-W10", label: "acme:devreport-2024-W10" },
      base: { ref: "main" },
    });

    const duplicate = await rest(fake, "POST", `${R}/pulls`, {
      title: "again",
      head: "acme:devreport-2024-W10",
      base: "main",
    });
    expect(duplicate.status).toBe(422);
    expect(duplicate.body.errors[0].message).toBe("A pull request already exists for acme:devreport-2024-W10.");
    const noBranch = await rest(fake, "POST", `${R}/pulls`, { title: "x", head: "nope", base: "main" });
    expect(noBranch.status).toBe(422);
    expect(noBranch.body.errors).toEqual([{ resource: "PullRequest", field: "head", code: "invalid" }]);

    const found = await rest(fake, "GET", `${R}/pulls?state=open&head=acme:devreport-2024-W10&base=main`);
    expect(found.body.map((p: any) => p.number)).toEqual([115]);
    expect((await rest(fake, "GET", `${R}/pulls?state=open`)).body.map((p: any) => p.number)).toEqual([115, 107]);

    const files = await rest(fake, "GET", `${R}/pulls/115/files?per_page=100`);
    expect(files.body).toEqual([
      expect.objectContaining({
        filename: "reports/devreport-2024-W10.md",
        status: "modified",
        additions: 1,
        deletions: 1,
      }),
    ]);
    const datasetFiles = await rest(fake, "GET", `${R}/pulls/101/files?per_page=2&page=2`);
    expect(datasetFiles.body.map((f: any) => f.filename)).toEqual(["kernel/config-6.1.x-x86_64"]);

    const edited = await rest(fake, "PATCH", `${R}/pulls/115`, { body: "Updated draft" });
    expect(edited.body.body).toBe("Updated draft");
    const reviewers = await rest(fake, "POST", `${R}/pulls/115/requested_reviewers`, { reviewers: ["alice"] });
    expect(reviewers.status).toBe(201);
    expect(reviewers.body.requested_reviewers.map((u: any) => u.login)).toEqual(["alice"]);
    const closed = await rest(fake, "PATCH", `${R}/pulls/115`, { state: "closed" });
    expect(closed.body.state).toBe("closed");
    expect((await rest(fake, "GET", `${R}/pulls/95`)).status).toBe(404);
  });

  test("deleting a branch closes the open PRs whose head it is, and only those", async () => {
    await branchWithCommit("devreport-2024-W11");
    await branchWithCommit("devreport-2024-W12");
    const head = (await rest(fake, "POST", `${R}/pulls`, { title: "W11", head: "devreport-2024-W11", base: "main" }))
      .body.number;
    const other = (await rest(fake, "POST", `${R}/pulls`, { title: "W12", head: "devreport-2024-W12", base: "main" }))
      .body.number;

    expect((await rest(fake, "DELETE", `${R}/git/refs/heads/devreport-2024-W11`)).status).toBe(204);
    const closed = (await rest(fake, "GET", `${R}/pulls/${head}`)).body;
    expect(closed).toMatchObject({ state: "closed", merged: false, merged_at: null });
    expect(closed.closed_at).toEqual(expect.any(String));
    expect((await rest(fake, "GET", `${R}/pulls?state=open&head=acme:devreport-2024-W11`)).body).toEqual([]);
    expect((await rest(fake, "GET", `${R}/pulls/${other}`)).body.state).toBe("open");
  });
});

describe("issues, comments, reactions, permissions", () => {
  test("comment, edit, react; PRs are issues too", async () => {
    const comment = await rest(fake, "POST", `${R}/issues/102/comments`, { body: "Drafted the report" });
    expect(comment.status).toBe(201);
    expect(comment.body.user).toMatchObject({ login: "devreport[bot]", type: "Bot" });
    const edited = await rest(fake, "PATCH", `${R}/issues/comments/${comment.body.id}`, { body: "Updated" });
    expect(edited.body.body).toBe("Updated");
    const reaction = await rest(fake, "POST", `${R}/issues/comments/${comment.body.id}/reactions`, {
      content: "rocket",
    });
    expect(reaction.status).toBe(201);
    expect(
      (await rest(fake, "POST", `${R}/issues/comments/${comment.body.id}/reactions`, { content: "rocket" })).status,
    ).toBe(200);
    expect(
      (await rest(fake, "POST", `${R}/issues/comments/${comment.body.id}/reactions`, { content: "nope" })).status,
    ).toBe(422);
    const list = await rest(fake, "GET", `${R}/issues/102/comments`);
    expect(list.body.map((c: any) => c.body)).toEqual(["Updated"]);
    expect(fake.store.commentsOn("acme/tinyos", 102)[0]!.reactions.map((r) => r.content)).toEqual(["rocket"]);
    const asIssue = await rest(fake, "GET", `${R}/issues/102`);
    expect(asIssue.body).toMatchObject({ number: 102, pull_request: { merged_at: "2024-03-04T15:30:00Z" } });
    const labels = await rest(fake, "POST", `${R}/issues/102/labels`, { labels: ["report"] });
    expect(labels.body.map((l: any) => l.name)).toEqual(["bug", "report"]);
    expect((await rest(fake, "POST", `${R}/issues/999/comments`, { body: "x" })).status).toBe(404);
  });

  test("collaborator permission maps roles like GitHub", async () => {
    const permission = async (user: string) => (await rest(fake, "GET", `${R}/collaborators/${user}/permission`)).body;
    expect(await permission("stranger")).toMatchObject({
      permission: "read",
      role_name: "read",
      user: { login: "stranger" },
    });
    fake.store.setPermission("acme/tinyos", "alice", "maintain");
    fake.store.setPermission("*", "bobk", "triage");
    fake.store.setPermission("acme/tinyos", "carol", "admin");
    expect(await permission("alice")).toMatchObject({ permission: "write", role_name: "maintain" });
    expect(await permission("bobk")).toMatchObject({ permission: "read", role_name: "triage" });
    expect(await permission("carol")).toMatchObject({ permission: "admin", role_name: "admin" });
  });
});
