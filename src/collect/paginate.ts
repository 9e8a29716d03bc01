// One search, paged with its cursor, and cut into time slices while it matches more than search can return.

import { graphqlTimeoutOf } from "../github/errors.js";
import type { SearchNode, SearchResponse } from "./queries.js";
import { fitsScope, learnGrammar, readProbe } from "./grammar.js";
import { FRESH, MAX_TIMEOUT_SPLITS, searchDocument, smallerPage, type TimeoutState } from "./timeouts.js";
import {
  advancedScope,
  formatInstant,
  formatWindow,
  legacyScope,
  MAX_SEARCH_RESULTS,
  searchString,
  sliceCount,
  splitWindow,
  type SearchKind,
  type Window,
} from "./search.js";
import type { Session } from "./session.js";

export interface SearchTarget {
  kind: SearchKind;
  /** repo:/org: qualifiers, disjoint (see scopeQualifiers), OR-ed in whichever form the grammar wants. */
  qualifiers: string[];
  /** How the progress log names this search: "pulls merged", "issues closed (scope 2 of 3)". */
  label: string;
}

/** Receives each page's hits as soon as it arrives, so follow-up requests can start while paging goes on. */
export type PageHandler = (nodes: SearchNode[]) => void;

/**
 * Searches one window. The first page tells `issueCount`: up to 1,000 its hits are kept and the rest is paged in
 * order; above 1,000 the window is cut at once into ceil(issueCount / 900) equal, non-overlapping time slices
 * (searched concurrently; a slice that still matches over 1,000 is cut again), and no further page of the
 * oversized window is fetched, since search would stop at 1,000 anyway. Equal lengths, not quantiles of the first
 * page's timestamps: that page comes in search's own order (best match), not as a sample of the window.
 */
export async function searchWindow(
  session: Session,
  target: SearchTarget,
  window: Window,
  onPage: PageHandler,
  state: TimeoutState = FRESH,
): Promise<void> {
  const { qualifiers } = target;
  // One qualifier reads the same under both grammars; several need the grammar, or a probe to learn it.
  const grammar = qualifiers.length === 1 ? "advanced" : session.searchGrammar;
  const scope = grammar === "legacy" ? legacyScope(qualifiers) : advancedScope(qualifiers);
  const searchQuery = searchString(scope, target.kind, window);
  const probeQuery = grammar === null ? searchString(legacyScope(qualifiers), target.kind, window) : null;
  const requestKind =
    target.kind === "pulls" ? "searchPulls" : target.kind === "issues" ? "searchIssues" : "searchActivity";
  const where = `search ${target.label} ${formatWindow(window)}`;
  let pageSize = state.pageSize;
  let cursor: string | null = null;
  let received = 0;
  // Search serves at most 1,000 hits, so a server that keeps saying hasNextPage cannot loop us forever.
  for (let page = 1, asked = 0; asked < MAX_SEARCH_RESULTS; page++) {
    const probe = page === 1 && probeQuery !== null;
    let data: SearchResponse;
    try {
      data = await session.sendAllowingGaps<SearchResponse>(
        requestKind,
        searchDocument(target.kind, pageSize),
        probe ? { searchQuery, cursor, probe, probeQuery } : { searchQuery, cursor },
        // Errors name the repositories the way the config lists them, whichever form the string took.
        {
          action: "search",
          subject: legacyScope(qualifiers),
          where: `${where}, page ${page}`,
          // Only a search that did answer is worth keeping; without it (errors at `search`) the run fails.
          usable: (answer) => answer.search != null && (!probe || answer.probe != null),
          recoverable: (error) => graphqlTimeoutOf(error) !== undefined,
        },
      );
    } catch (error) {
      const timeout = graphqlTimeoutOf(error);
      if (timeout === undefined) throw error;
      const smaller = smallerPage(pageSize);
      if (smaller !== undefined) {
        session.log(
          `${where}: page ${page} timed out on GitHub's side ${pageSize} at a time: asking again ${smaller} at a time`,
        );
        pageSize = smaller;
        page -= 1;
        continue;
      }
      const halves = state.splits < MAX_TIMEOUT_SPLITS ? splitWindow(window, 2) : null;
      if (!halves) {
        const split =
          state.splits === 0 ? "" : ` and the period split ${state.splits === 1 ? "once" : `${state.splits} times`}`;
        throw session.abort(
          new Error(
            `GitHub search for ${legacyScope(qualifiers)} timed out for ${target.kind} in ${formatWindow(window)}, even ` +
              `${pageSize} at a time${split}: ${timeout}`,
            { cause: error },
          ),
        );
      }
      session.log(
        `${where}: page ${page} timed out on GitHub's side ${pageSize} at a time: splitting into ` +
          `${halves.length} windows ${halves.map(formatWindow).join(", ")}`,
      );
      // Hits of pages already answered come again from the halves: collect keeps each item once.
      const halfState = { pageSize, splits: state.splits + 1 };
      await Promise.all(halves.map((half) => searchWindow(session, target, half, onPage, halfState)));
      return;
    }
    asked += pageSize;
    const { issueCount, pageInfo } = data.search;
    const nodes = (data.search.nodes ?? []).filter((node): node is SearchNode => node !== null);

    if (probe) {
      if (!data.probe) throw new Error(`GitHub's answer to the search for ${scope} lacks the probe it was asked for`);
      const verdict = readProbe(data.probe.issueCount, nodes, fitsScope(qualifiers, target.kind, window));
      if (verdict === "advanced" || verdict === "legacy") learnGrammar(session, verdict, where);
      else if (verdict === "legacy, nothing to find") learnGrammar(session, "legacy", where);
      // Under the legacy grammar this answer was to the wrong question: ask again in the legacy form.
      if (verdict === "legacy") return searchWindow(session, target, window, onPage, { ...state, pageSize });
      if (verdict === "legacy, nothing to find") return;
    }

    if (page === 1 && issueCount > MAX_SEARCH_RESULTS) {
      const slices = splitWindow(window, sliceCount(issueCount));
      if (!slices) {
        throw new Error(
          `GitHub search for ${legacyScope(qualifiers)} matches ${issueCount} ${target.kind} in the single second ` +
            `${formatInstant(window.from)}: more than the ${MAX_SEARCH_RESULTS} search can return`,
        );
      }
      session.stats.windowSplits += 1;
      session.log(
        `${where}: ${issueCount} results, over ${MAX_SEARCH_RESULTS}: splitting into ${slices.length} windows ` +
          `${slices.map(formatWindow).join(", ")} ${session.rateNote(data.rateLimit)}`,
      );
      const sliceState = { ...state, pageSize };
      await Promise.all(slices.map((slice) => searchWindow(session, target, slice, onPage, sliceState)));
      return;
    }

    received += nodes.length;
    session.log(`${where}: page ${page}, ${received} of ${issueCount} ${session.rateNote(data.rateLimit)}`);
    onPage(nodes);

    cursor = pageInfo.hasNextPage ? pageInfo.endCursor : null;
    if (!cursor) return;
  }
}
