// One search, paged with its cursor, and cut into time slices while it matches more than search can return.

import { graphqlTimeoutOf } from "../github/errors.js";
import type { SearchNode, SearchResponse } from "./answers.js";
import { fitsScope, isUnion, learnForm, nextForm, probedTotal, readProbe } from "./grammar.js";
import { probedDocument, probeVariables } from "./probe.js";
import { FRESH, MAX_TIMEOUT_SPLITS, searchDocument, smallerPage, type TimeoutState } from "./timeouts.js";
import {
  formatInstant,
  formatWindow,
  MAX_SEARCH_RESULTS,
  scopeString,
  searchString,
  sliceCount,
  spacedScope,
  splitWindow,
  type ScopeForm,
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
 * How one search is sent: the form of its scope; `probe` to carry the counts that tell the form (grammar.ts);
 * `expected`, the size of the union, for a form on trial, checked on its first page.
 */
interface Plan {
  form: ScopeForm;
  probe?: boolean;
  expected?: number;
}

const firstLine = (error: unknown): string =>
  (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";

/** One qualifier reads the same in every form; several take the learned form, or the or-ed one and the probe. */
function planFor(session: Session, qualifiers: string[]): Plan {
  if (qualifiers.length === 1) return { form: "spaced" };
  const learned = session.scopeForm;
  return learned === null ? { form: "or-ed", probe: true } : { form: learned };
}

/** The plan after `plan`'s form turned out not to be the union: the next form on trial, or one search each. */
function afterFailedTrial(session: Session, plan: Plan, where: string): Plan {
  const form = nextForm(plan.form);
  if (form !== "separate") return { form, ...(plan.expected === undefined ? {} : { expected: plan.expected }) };
  learnForm(session, "separate", where);
  return { form };
}

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
  plan: Plan = planFor(session, target.qualifiers),
): Promise<void> {
  const { qualifiers } = target;
  if (plan.form === "separate" && qualifiers.length > 1) {
    const alone = qualifiers.map((qualifier) => ({
      ...target,
      qualifiers: [qualifier],
      label: `${target.label}, ${qualifier}`,
    }));
    await Promise.all(alone.map((one) => searchWindow(session, one, window, onPage, state)));
    return;
  }
  const searchQuery = searchString(scopeString(plan.form, qualifiers), target.kind, window);
  const fits = fitsScope(qualifiers, target.kind, window);
  const requestKind =
    target.kind === "pulls" ? "searchPulls" : target.kind === "issues" ? "searchIssues" : "searchActivity";
  const where = `search ${target.label} ${formatWindow(window)}`;
  let pageSize = state.pageSize;
  let cursor: string | null = null;
  let received = 0;
  // Search serves at most 1,000 hits, so a server that keeps saying hasNextPage cannot loop us forever.
  for (let page = 1, asked = 0; asked < MAX_SEARCH_RESULTS; page++) {
    const probe = page === 1 && plan.probe === true;
    const trial = page === 1 && plan.expected !== undefined;
    let data: SearchResponse;
    try {
      data = await session.sendAllowingGaps<SearchResponse>(
        requestKind,
        probe ? probedDocument(target.kind, pageSize, qualifiers.length) : searchDocument(target.kind, pageSize),
        probe ? { searchQuery, cursor, ...probeVariables(qualifiers, target.kind, window) } : { searchQuery, cursor },
        // Errors name the repositories the way the config lists them, whichever form the string took.
        {
          action: "search",
          subject: spacedScope(qualifiers),
          where: `${where}, page ${page}`,
          // Only a search that did answer is worth keeping; without it (errors at `search`) the run fails.
          usable: (answer) => answer.search != null && (!probe || probedTotal(answer, qualifiers.length) !== undefined),
          // A form on trial may be refused (GitHub's documentation says parentheses cannot hold repo:): the next.
          recoverable: (error) => graphqlTimeoutOf(error) !== undefined || trial,
        },
      );
    } catch (error) {
      const timeout = graphqlTimeoutOf(error);
      if (timeout === undefined && trial) {
        session.log(`${where}: GitHub refused the ${plan.form} form of the scope: ${firstLine(error)}`);
        return searchWindow(session, target, window, onPage, state, afterFailedTrial(session, plan, where));
      }
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
            `GitHub search for ${spacedScope(qualifiers)} timed out for ${target.kind} in ${formatWindow(window)}, even ` +
              `${pageSize} at a time${split}: ${timeout}`,
            { cause: error },
          ),
        );
      }
      session.log(
        `${where}: page ${page} timed out on GitHub's side ${pageSize} at a time: splitting into ` +
          `${halves.length} windows ${halves.map(formatWindow).join(", ")}`,
      );
      // Hits of pages already answered come again from the halves: collect keeps each item once. A form on trial
      // is checked against the whole window's count, so halves start from what the run has learned.
      const halfState = { pageSize, splits: state.splits + 1 };
      await Promise.all(halves.map((half) => searchWindow(session, target, half, onPage, halfState)));
      return;
    }
    asked += pageSize;
    const { issueCount, pageInfo } = data.search;
    const nodes = (data.search.nodes ?? []).filter((node): node is SearchNode => node !== null);

    if (probe) {
      const verdict = readProbe(data, qualifiers.length, { issueCount, nodes }, fits);
      // Nothing in any qualifier: whatever the or-ed form returned is not in the scope.
      if (verdict.kind === "nothing to find") {
        session.log(`${where}: page ${page}, 0 of 0 ${session.rateNote(data.rateLimit)}`);
        return;
      }
      if (verdict.kind === "union") learnForm(session, verdict.form, where);
      else {
        const next = { form: verdict.form, expected: verdict.expected };
        return searchWindow(session, target, window, onPage, { ...state, pageSize }, next);
      }
    }
    if (trial && plan.expected !== undefined) {
      if (!isUnion({ issueCount, nodes }, plan.expected, fits)) {
        const why =
          issueCount === plan.expected ? "returns items outside it" : `counts ${issueCount} of ${plan.expected}`;
        session.log(`${where}: the ${plan.form} form of the scope ${why}: not its union`);
        const next = afterFailedTrial(session, plan, where);
        return searchWindow(session, target, window, onPage, { ...state, pageSize }, next);
      }
      learnForm(session, plan.form, where);
    }

    if (page === 1 && issueCount > MAX_SEARCH_RESULTS) {
      const slices = splitWindow(window, sliceCount(issueCount));
      if (!slices) {
        throw new Error(
          `GitHub search for ${spacedScope(qualifiers)} matches ${issueCount} ${target.kind} in the single second ` +
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
