// Loading datasets: the LinuxKit data in ../shared (skipped when absent), the sample, and overlays.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { loadStore } from "../src/dataset.js";
import { resolveRevision, treeOfCommit } from "../src/git.js";
import { searchIssues, type SearchResult } from "../src/search.js";
import { LINUXKIT, SAMPLE } from "./helpers.js";

const present = existsSync(join(LINUXKIT, "prs"));
if (!present) console.warn(`skipping the LinuxKit dataset tests: ${LINUXKIT} (the shared LinuxKit dataset) is absent`);
const describeLinuxKit = present ? describe : describe.skip;

const search = (store: ReturnType<typeof loadStore>, q: string) => searchIssues(store.searchable(), q) as SearchResult;

describeLinuxKit("the LinuxKit dataset", () => {
  // Loaded in beforeAll: a skipped describe still runs its body, and the data may be absent.
  let store: ReturnType<typeof loadStore>;
  beforeAll(() => {
    store = loadStore([LINUXKIT]);
  });

  test("loads 1,633 PRs in four repositories", () => {
    expect(store.counts()).toEqual({ repositories: 4, pulls: 1633, issues: 0 });
  });

  test("2017-W27: 33 merged PRs, 27 in linuxkit/linuxkit and 6 in linuxkit/virtsock", () => {
    const repos = "repo:linuxkit/linuxkit OR repo:linuxkit/linuxkit-ci OR repo:linuxkit/rtf OR repo:linuxkit/virtsock";
    const week = search(store, `${repos} is:pr is:merged merged:2017-07-03..2017-07-09`);
    expect(week.issueCount).toBe(33);
    const byRepo: Record<string, number> = {};
    for (const item of week.items) byRepo[item.repo] = (byRepo[item.repo] ?? 0) + 1;
    expect(byRepo).toEqual({ "linuxkit/linuxkit": 27, "linuxkit/virtsock": 6 });
    expect(search(store, `${repos} is:pr merged:2017-07-03T00:00:00Z..2017-07-09T23:59:59Z`).issueCount).toBe(33);
    expect(search(store, "repo:linuxkit/linuxkit is:pr").issueCount).toBe(1533);
    // The same repositories space-separated: nothing under the advanced grammar, all 33 under the legacy one.
    const spaced = repos.replaceAll(" OR ", " ");
    expect(search(store, `${spaced} is:pr is:merged merged:2017-07-03..2017-07-09`).issueCount).toBe(0);
    expect(
      (
        searchIssues(
          store.searchable(),
          `${spaced} is:pr is:merged merged:2017-07-03..2017-07-09`,
          {},
          "legacy",
        ) as SearchResult
      ).issueCount,
    ).toBe(33);
  });

  test("PR records: files as recorded (truncated lists stay as they are), commits, head branch", () => {
    const big = store.get("linuxkit/linuxkit", 2142);
    expect(big?.kind).toBe("pull");
    if (big?.kind !== "pull") return;
    expect(big.files).toHaveLength(101);
    expect(big).toMatchObject({
      title: "Fix and update packages",
      author: { login: "rn", type: "User" },
      headOwner: "rn",
      headRef: "pkg",
      mergedAt: "2017-07-03T09:23:52Z",
      state: "closed",
      merged: true,
    });
    expect(big.commits).toHaveLength(9);
    const truncated = store.get("linuxkit/linuxkit", 2761);
    expect(truncated?.kind === "pull" && truncated.files?.length).toBe(300);
  });

  test("index numbers: other numbers are issues, closes marks them closed, numbering continues after the max", () => {
    const closed = store.get("linuxkit/linuxkit", 923);
    expect(closed).toMatchObject({
      kind: "issue",
      title: "Issue #923",
      state: "closed",
      stateReason: "COMPLETED",
      closedAt: "2017-01-13T17:51:35Z",
      placeholder: true,
    });
    expect(store.get("linuxkit/rtf", 13)).toMatchObject({ kind: "issue", state: "open" });
    expect(store.get("linuxkit/linuxkit", 4215)).toBeUndefined();
    expect(store.nextNumber("linuxkit/linuxkit")).toBe(4215);
    // Index-only numbers are reachable by number, never by search.
    expect(search(store, "repo:linuxkit/linuxkit is:issue").issueCount).toBe(0);
  });
});

describe("the sample dataset", () => {
  const store = loadStore([SAMPLE]);

  test("2024-W10 holds 15 merged PRs across the four acme repositories", () => {
    const week = search(store, "org:acme is:pr is:merged merged:2024-03-04..2024-03-10");
    expect(week.issueCount).toBe(15);
    expect(new Set(week.items.map((i) => i.repo))).toEqual(
      new Set(["acme/tinyos", "acme/tinyos-ci", "acme/rtf", "acme/vsock"]),
    );
    expect(
      search(store, "org:acme is:issue is:closed closed:2024-03-04..2024-03-10")
        .items.map((i) => i.number)
        .sort(),
    ).toEqual([100, 95, 97, 99]);
    expect(store.getRepo("acme/tinyos")?.defaultBranch).toBe("main");
    expect(store.get("acme/tinyos", 105)?.author).toEqual({ login: "renovate[bot]", type: "Bot" });
  });
});

describe("overlays", () => {
  const dir = mkdtempSync(join(tmpdir(), "fake-github-overlay-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("a later directory replaces records, adds users, extras and repository files", () => {
    mkdirSync(join(dir, "prs"));
    mkdirSync(join(dir, "repos/acme/vsock/docs"), { recursive: true });
    writeFileSync(
      join(dir, "prs/x.json"),
      JSON.stringify({
        prs: [
          {
            repo: "acme/vsock",
            number: 19,
            title: "Renamed",
            author: "zoe-q",
            mergedAt: "2024-03-10T23:45:00Z",
            files: ["a.go"],
            commits: [
              {
                sha: "c".repeat(40),
                authorName: "Z",
                authorEmail: "12345+zoe-q@users.noreply.github.com",
                authorDate: "2024-03-10T10:00:00Z",
                subject: "Fix",
                coAuthors: [{ name: "Who", email: "who@nowhere.example" }],
              },
            ],
          },
        ],
      }),
    );
    writeFileSync(join(dir, "pulls-extra.json"), JSON.stringify({ "acme/vsock#19": { labels: ["overlaid"] } }));
    writeFileSync(join(dir, "repos/acme/vsock/docs/NOTES.md"), "notes\n");
    const store = loadStore([SAMPLE, dir]);
    const pr = store.get("acme/vsock", 19);
    expect(pr).toMatchObject({ title: "Renamed", labels: ["overlaid"] });
    if (pr?.kind !== "pull") throw new Error("not a pull");
    expect(pr.commits?.[0]!.author.login).toBe("zoe-q");
    expect(pr.commits?.[0]!.coAuthors[0]!.login).toBeNull();
    expect(store.counts().pulls).toBe(loadStore([SAMPLE]).counts().pulls);
    const vsock = store.getRepo("acme/vsock")!;
    expect([...treeOfCommit(vsock, resolveRevision(vsock, "HEAD")!).keys()]).toEqual(["docs/NOTES.md"]);
    expect(() => loadStore([join(dir, "missing")])).toThrow(/dataset directory not found/);
  });
});
