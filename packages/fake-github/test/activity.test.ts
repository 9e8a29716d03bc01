// What the monthly format needs of a dataset: open and unmerged-closed PRs, issues with createdAt/updatedAt,
// comments and reviews with authors and dates, and searches on created:/updated: that see them.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "@jest/globals";
import { loadStore } from "../src/dataset.js";
import { searchIssues, type SearchResult } from "../src/search.js";

describe("activity in a dataset", () => {
  const dir = mkdtempSync(join(tmpdir(), "fake-github-activity-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, "prs"));
  writeFileSync(
    join(dir, "prs/a.json"),
    JSON.stringify({
      prs: [
        {
          repo: "acme/app",
          number: 1,
          title: "Open",
          author: "ann",
          createdAt: "2024-03-02T00:00:00Z",
          mergedAt: null,
          state: "open",
        },
        {
          repo: "acme/app",
          number: 2,
          title: "Closed unmerged",
          author: "bob",
          createdAt: "2024-02-02T00:00:00Z",
          mergedAt: null,
          state: "closed",
          closedAt: "2024-03-05T00:00:00Z",
        },
      ],
    }),
  );
  writeFileSync(
    join(dir, "issues.json"),
    JSON.stringify([
      {
        repo: "acme/app",
        number: 3,
        title: "Old, commented in March",
        author: "cy",
        createdAt: "2023-01-01T00:00:00Z",
        updatedAt: "2023-01-02T00:00:00Z",
      },
    ]),
  );
  writeFileSync(
    join(dir, "comments.json"),
    JSON.stringify([
      { repo: "acme/app", number: 3, author: "dee", createdAt: "2024-03-20T00:00:00Z" },
      { repo: "acme/app", number: 1, author: "ci", authorType: "Bot", createdAt: "2024-03-03T00:00:00Z" },
    ]),
  );
  writeFileSync(
    join(dir, "pulls-extra.json"),
    JSON.stringify({
      "acme/app#1": { reviews: [{ login: "eve", state: "APPROVED", submittedAt: "2024-04-02T00:00:00Z" }] },
    }),
  );
  const store = loadStore([dir]);
  const search = (q: string) => (searchIssues(store.searchable(), q) as SearchResult).items.map((i) => i.number).sort();

  test("comments and reviews keep their authors and dates and move updatedAt", () => {
    expect(store.commentsOn("acme/app", 3).map((c) => [c.user.login, c.createdAt])).toEqual([
      ["dee", "2024-03-20T00:00:00Z"],
    ]);
    expect(store.commentsOn("acme/app", 1)[0]!.user).toEqual({ login: "ci", type: "Bot" });
    expect(store.get("acme/app", 3)!.updatedAt).toBe("2024-03-20T00:00:00Z");
    const pull = store.get("acme/app", 1)!;
    expect(pull.kind === "pull" && pull.reviews.map((r) => [r.author.login, r.submittedAt])).toEqual([
      ["eve", "2024-04-02T00:00:00Z"],
    ]);
    expect(pull.updatedAt).toBe("2024-04-02T00:00:00Z");
  });

  test("created: and updated: windows, with is:open and is:unmerged", () => {
    expect(search("repo:acme/app created:2024-03-01T00:00:00Z..2024-03-31T23:59:59Z")).toEqual([1]);
    expect(search("repo:acme/app updated:2024-03-01T00:00:00Z..2024-03-31T23:59:59Z")).toEqual([2, 3]);
    expect(search("repo:acme/app is:open updated:2024-03-01..2024-04-30")).toEqual([1, 3]);
    expect(search("repo:acme/app is:pr is:closed is:unmerged")).toEqual([2]);
  });
});
