// When GitHub runs out of time on a search page (its 10-second limit, see isGraphqlTimeout in ../github/errors.ts),
// the same question asked for fewer nodes is cheaper: the page is asked again 50, then 25 at a time (from the same
// cursor: search cursors count hits, so a smaller page goes on where the larger one would have), and when even 25
// time out, the window is split in two and each half searched on its own, at most twice over. Then the run fails,
// naming the window.

import { PAGE_SIZE, SEARCH_CLOSED_ISSUES, SEARCH_MERGED_PULLS } from "./queries.js";
import { SEARCH_ACTIVITY } from "./activity-queries.js";
import type { SearchKind } from "./search.js";

/** The page sizes a timed-out search page is asked again with, in turn. */
export const TIMEOUT_PAGE_SIZES = [PAGE_SIZE, 50, 25] as const;

/** How many times a window that still times out 25 at a time is split in two (2 levels: quarters at most). */
export const MAX_TIMEOUT_SPLITS = 2;

/** Where a search stands after timeouts: its page size and how often its window has been split for them. */
export interface TimeoutState {
  pageSize: number;
  splits: number;
}

export const FRESH: TimeoutState = { pageSize: PAGE_SIZE, splits: 0 };

const documentOf = (kind: SearchKind): string =>
  kind === "pulls" ? SEARCH_MERGED_PULLS : kind === "issues" ? SEARCH_CLOSED_ISSUES : SEARCH_ACTIVITY;
const SEARCH_PAGE = `first: ${PAGE_SIZE}, after: $cursor)`;

/**
 * The search document asking for `size` hits a page: the usual one for 100 (so clean runs send exactly what they
 * always sent), else the same text with the search's `first:` changed (test/collect/timeouts.test.ts validates
 * each against GitHub's schema).
 */
export function searchDocument(kind: SearchKind, size: number): string {
  const document = documentOf(kind);
  if (size === PAGE_SIZE) return document;
  if (document.split(SEARCH_PAGE).length !== 2) throw new Error(`the ${kind} search document has no single page size`);
  return document.replace(SEARCH_PAGE, `first: ${size}, after: $cursor)`);
}

/** The next smaller page size after a timeout, or undefined when the smallest has timed out too. */
export function smallerPage(size: number): number | undefined {
  return TIMEOUT_PAGE_SIZES.find((candidate) => candidate < size);
}
