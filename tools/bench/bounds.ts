// What a perfect collector would have to send, counted from the fake's store (not from what collect returned), so
// the benchmark compares collect's requests with an independent figure.
import { FILE_PAGE_BATCH } from "../../src/collect/queries.js";
import { MAX_SEARCH_RESULTS, periodWindow, sliceCount, splitWindow, type Window } from "../../src/collect/search.js";
import type { FakeStore } from "@devreport/fake-github";
import type { Period, RepoName } from "../../src/model.js";

const PAGE = 100;

export interface WindowContents {
  /** Merged PRs: merge instant (epoch seconds) and number of changed files. */
  pulls: { at: number; files: number }[];
  /** Closed issues: close instant (epoch seconds). */
  issues: number[];
}

export interface Bound {
  /** The brief's lower bound, per query kind: one page per 100 items (at least one request to learn "none"). */
  searchPulls: number;
  searchIssues: number;
  /**
   * Sum over PRs of ceil(files / 100) - 1: the pages after the first 100 files, which come with the search, one
   * request each. Collect batches them (see batchedFilePages), so it sends fewer: the bound is kept as defined.
   */
  filePages: number;
  total: number;
}

function inScope(repositories: RepoName[]): (repo: string) => boolean {
  const exact = new Set(repositories.filter((r) => !r.endsWith("/*")).map((r) => r.toLowerCase()));
  const owners = repositories.filter((r) => r.endsWith("/*")).map((r) => r.slice(0, -2).toLowerCase());
  return (repo) => exact.has(repo.toLowerCase()) || owners.includes((repo.split("/")[0] ?? "").toLowerCase());
}

/** Everything the period's two searches match, read straight from the store. */
export function windowContents(
  store: FakeStore,
  repositories: RepoName[],
  period: Pick<Period, "start" | "end">,
): WindowContents {
  const window = periodWindow(period);
  const scoped = inScope(repositories);
  const seconds = (iso: string | null): number => (iso ? Math.floor(Date.parse(iso) / 1000) : NaN);
  const within = (at: number) => at >= window.from && at <= window.to;
  const contents: WindowContents = { pulls: [], issues: [] };
  for (const item of store.searchable()) {
    if (!scoped(item.repo)) continue;
    if (item.kind === "pull" && item.merged && within(seconds(item.mergedAt))) {
      contents.pulls.push({ at: seconds(item.mergedAt), files: item.files?.length ?? 0 });
    } else if (item.kind === "issue" && item.state === "closed" && within(seconds(item.closedAt))) {
      contents.issues.push(seconds(item.closedAt));
    }
  }
  return contents;
}

const pages = (n: number): number => Math.max(1, Math.ceil(n / PAGE));

export function lowerBound(contents: WindowContents): Bound {
  const searchPulls = pages(contents.pulls.length);
  const searchIssues = pages(contents.issues.length);
  const filePages = contents.pulls.reduce((sum, p) => sum + Math.max(0, Math.ceil(p.files / PAGE) - 1), 0);
  return { searchPulls, searchIssues, filePages, total: searchPulls + searchIssues + filePages };
}

/**
 * The requests collect's own strategy needs when a search matches more than 1,000 items: one probe per window it
 * has to split (its first page cannot be used), then the pages of every window that fits. Splits as in
 * collect/paginate.ts (ceil(count / 900) equal slices, again for a slice still over 1,000), run over the instants
 * in the store.
 */
export function splitSearch(instants: number[], window: Window): { requests: number; splits: number } {
  const sorted = [...instants].sort((a, b) => a - b);
  const count = (w: Window): number => upperIndex(sorted, w.to) - upperIndex(sorted, w.from - 1);
  const visit = (w: Window): { requests: number; splits: number } => {
    const n = count(w);
    const slices = n > MAX_SEARCH_RESULTS ? splitWindow(w, sliceCount(n)) : null;
    if (!slices) return { requests: pages(Math.min(n, MAX_SEARCH_RESULTS)), splits: 0 };
    return slices
      .map(visit)
      .reduce((sum, s) => ({ requests: sum.requests + s.requests, splits: sum.splits + s.splits }), {
        requests: 1,
        splits: 1,
      });
  };
  return visit(window);
}

/**
 * The file-page queries collect sends: page n (n >= 2) of every PR that has one, FILE_PAGE_BATCH PRs per query,
 * i.e. the sum over n of ceil(PRs with more than (n - 1) x 100 files / batch). Independent of answer order.
 */
export function batchedFilePages(fileCounts: number[], batch = FILE_PAGE_BATCH): number {
  let queries = 0;
  for (let page = 2; ; page++) {
    const needing = fileCounts.filter((files) => files > (page - 1) * PAGE).length;
    if (needing === 0) return queries;
    queries += Math.ceil(needing / batch);
  }
}

/** The number of values <= x in a sorted array. */
function upperIndex(sorted: number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The activity searches' lower bound (monthly format): one page per 100 items opened in the period and per 100
 * updated in it (at least one request each), read straight from the store.
 */
export function activityBound(
  store: FakeStore,
  repositories: RepoName[],
  period: Pick<Period, "start" | "end">,
): { created: number; updated: number; total: number } {
  const window = periodWindow(period);
  const scoped = inScope(repositories);
  const within = (iso: string | null) => {
    const at = iso ? Math.floor(Date.parse(iso) / 1000) : NaN;
    return at >= window.from && at <= window.to;
  };
  const items = store.searchable().filter((item) => scoped(item.repo));
  const created = pages(
    items.filter((item) => within(item.createdAt ?? (item.kind === "pull" ? item.mergedAt : null) ?? item.closedAt))
      .length,
  );
  const updated = pages(
    items.filter((item) =>
      within(item.updatedAt ?? item.createdAt ?? (item.kind === "pull" ? item.mergedAt : null) ?? item.closedAt),
    ).length,
  );
  return { created, updated, total: created + updated };
}
