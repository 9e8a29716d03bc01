// Search strings: repository qualifiers, date windows, and the splits that keep GitHub's search limits.

import type { Period, RepoName } from "../model.js";

/** GitHub rejects a search string longer than this. */
export const MAX_SEARCH_LENGTH = 256;

/** Search returns at most this many results per query, however large `issueCount` is. */
export const MAX_SEARCH_RESULTS = 1000;

export type SearchKind = "pulls" | "issues" | ActivityKind;

/**
 * The searches for work touched in a period, sent only when the template asks (see src/collect/touched.ts): items
 * opened in it, and items updated in it (whatever their state: open work, PRs closed unmerged, and the comments on
 * what was merged or closed). An item opened in the period but updated after it is only found by the first.
 */
export type ActivityKind = "created" | "updated";
export const ACTIVITY_KINDS: readonly ActivityKind[] = ["created", "updated"];
export const isActivityKind = (kind: SearchKind): kind is ActivityKind =>
  (ACTIVITY_KINDS as readonly string[]).includes(kind);

/**
 * The form several scope qualifiers are joined in (see below): `repo:a repo:b` (spaced), `repo:a OR repo:b`
 * (or-ed), `( repo:a OR repo:b )` (grouped), or one search per qualifier (separate). Which one GitHub reads as the
 * union is learned from its answers (grammar.ts).
 */
export type ScopeForm = "spaced" | "or-ed" | "grouped" | "separate";

/**
 * An inclusive window of whole seconds since the epoch. Search ranges `A..B` are inclusive at both ends, so the
 * half-open period [start, end) becomes [start, end - 1s], and slices [a, m] and [m + 1, b] never share a second.
 */
export interface Window {
  from: number;
  to: number;
}

export function periodWindow(period: Pick<Period, "start" | "end">): Window {
  const start = Date.parse(period.start);
  const end = Date.parse(period.end);
  if (Number.isNaN(start) || Number.isNaN(end)) {
    throw new Error(`invalid period ${period.start}..${period.end}: not ISO-8601 instants`);
  }
  // Round inward so that no instant outside [start, end) is searched, should a period carry milliseconds.
  const window = { from: Math.ceil(start / 1000), to: Math.ceil(end / 1000) - 1 };
  if (window.to < window.from) throw new Error(`empty period ${period.start}..${period.end}`);
  return window;
}

/** `2017-07-03T00:00:00Z`: the form search qualifiers take. */
export function formatInstant(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
}

export function formatWindow(window: Window): string {
  return `${formatInstant(window.from)}..${formatInstant(window.to)}`;
}

/** The most items a slice is planned to hold: 10% under search's cap, so an unlucky slice rarely needs a second split. */
export const SLICE_TARGET = 900;

/** How many slices a window matching `issueCount` items is cut into: ceil(issueCount / 900), at least 2. */
export function sliceCount(issueCount: number): number {
  return Math.max(2, Math.ceil(issueCount / SLICE_TARGET));
}

/**
 * `parts` adjacent, non-overlapping slices of equal length (to the second), covering the window: [a, m] and
 * [m + 1, b]. Fewer when the window has fewer seconds than `parts`; null for a one-second window, which cannot be
 * split further.
 */
export function splitWindow(window: Window, parts = 2): Window[] | null {
  const seconds = window.to - window.from + 1;
  if (seconds < 2) return null;
  const count = Math.min(Math.max(2, Math.floor(parts)), seconds);
  const start = (i: number): number => window.from + Math.floor((i * seconds) / count);
  return Array.from({ length: count }, (_, i) => ({ from: start(i), to: start(i + 1) - 1 }));
}

/** `owner/*` stands for every repository of the organisation. */
export function isOrgEntry(entry: RepoName): boolean {
  return entry.endsWith("/*");
}

export function scopeQualifier(entry: RepoName): string {
  if (isOrgEntry(entry)) return `org:${entry.slice(0, -2)}`;
  if (!/^[^/\s]+\/[^/\s]+$/.test(entry)) {
    throw new Error(`invalid repository "${entry}": expected "owner/name" or "owner/*"`);
  }
  return `repo:${entry}`;
}

export function kindQualifiers(kind: SearchKind, window: Window): string {
  switch (kind) {
    case "pulls":
      return `is:pr is:merged merged:${formatWindow(window)}`;
    case "issues":
      return `is:issue is:closed closed:${formatWindow(window)}`;
    case "created":
      return `created:${formatWindow(window)}`;
    case "updated":
      return `updated:${formatWindow(window)}`;
  }
}

export function searchString(scope: string, kind: SearchKind, window: Window): string {
  return `${scope} ${kindQualifiers(kind, window)}`;
}

/*
 * How GitHub reads several scope qualifiers depends on its search grammar, and its own descriptions disagree:
 * - legacy (github.com until 4 September 2025, GitHub Enterprise Server before advanced search): `repo:a repo:b`
 *   OR-s them, and `OR` and parentheses are words to match, not operators;
 * - advanced, read strictly (https://github.blog/changelog/2025-03-06-github-issues-projects-api-support-for-issues-advanced-search-and-more/):
 *   spaces AND every term, so `repo:a repo:b` matches nothing and `( repo:a OR repo:b )` is the union;
 * - advanced as GitHub's documentation describes it today
 *   (https://docs.github.com/en/issues/tracking-your-work-with-issues/using-issues/filtering-and-searching-issues-and-pull-requests):
 *   spaces between repo:, org: and user: qualifiers OR them, and "It's not currently possible to include the repo,
 *   org, or user qualifiers within parentheses";
 * - advanced as users observed it on the API (microsoft/vscode#252667, 2025-26): spaces AND `repo:` qualifiers too,
 *   and `repo:a OR repo:b`, without parentheses, is their union.
 * No one form is the union under all four, so collect learns the form from GitHub's answers (grammar.ts). A scope
 * of one qualifier reads the same under all. Limits of one search string, from GitHub's documentation: at most 256
 * characters and at most five AND, OR or NOT operators
 * (https://docs.github.com/en/search-github/getting-started-with-searching-on-github/troubleshooting-search-queries),
 * parentheses nested five levels deep at most (the page above): a scope is therefore at most 6 qualifiers (5 ORs)
 * in one group (1 level).
 */
export const MAX_BOOLEAN_OPERATORS = 5;
export const MAX_SCOPE_QUALIFIERS = MAX_BOOLEAN_OPERATORS + 1;

/** `repo:a repo:b`: the union under the legacy grammar and under advanced search as documented. */
export function spacedScope(qualifiers: string[]): string {
  return qualifiers.join(" ");
}

/** `repo:a OR repo:b`: the union wherever OR joins qualifiers outside parentheses. */
export function oredScope(qualifiers: string[]): string {
  return qualifiers.join(" OR ");
}

/**
 * `( repo:a OR repo:b )`: the union under advanced search read strictly. The parentheses stand apart (as the GitHub
 * CLI writes its groups) so that the legacy grammar still reads `repo:a/b` rather than `(repo:a/b`.
 */
export function groupedScope(qualifiers: string[]): string {
  const [only] = qualifiers;
  return qualifiers.length === 1 && only !== undefined ? only : `( ${qualifiers.join(" OR ")} )`;
}

/** The scope string of `form` (a separate form sends each qualifier alone, so only one-qualifier scopes). */
export function scopeString(form: ScopeForm, qualifiers: string[]): string {
  switch (form) {
    case "spaced":
      return spacedScope(qualifiers);
    case "or-ed":
      return oredScope(qualifiers);
    case "grouped":
      return groupedScope(qualifiers);
    case "separate":
      if (qualifiers.length !== 1) throw new Error(`a separate search takes one qualifier, not ${qualifiers.length}`);
      return spacedScope(qualifiers);
  }
}

/**
 * The distinct qualifiers of a repository list, in config order: each once (case-insensitively), and no repo:o/x
 * beside org:o, which already covers it. Disjoint qualifiers are what makes grammar.ts's probe sound: the counts of
 * the qualifiers on their own add up to the count of their union.
 */
export function scopeQualifiers(repositories: RepoName[]): string[] {
  const orgs = new Set(repositories.filter(isOrgEntry).map((entry) => entry.slice(0, -2).toLowerCase()));
  const seen = new Set<string>();
  const qualifiers: string[] = [];
  for (const entry of repositories) {
    const qualifier = scopeQualifier(entry);
    if (!isOrgEntry(entry) && orgs.has((entry.split("/")[0] ?? "").toLowerCase())) continue;
    if (seen.has(qualifier.toLowerCase())) continue;
    seen.add(qualifier.toLowerCase());
    qualifiers.push(qualifier);
  }
  return qualifiers;
}

/**
 * Groups the repository qualifiers into as few scopes as keep every search string, in either grammar's form, within
 * 256 characters and five operators. First fit in config order: each qualifier joins the first scope with room, so
 * the order within a scope is still config order. The grouped form is the longest one, and the longest suffix (both
 * kinds have the same length, as every window's timestamps do) is what the budget is measured against, so a scope
 * fits every query built from it. GitHub's documentation says qualifiers do not count towards the length limit;
 * counting them is the safe reading.
 */
export function searchScopes(
  repositories: RepoName[],
  sampleWindow: Window,
  kinds: readonly SearchKind[] = ["pulls", "issues"],
): string[][] {
  const suffix = Math.max(...kinds.map((kind) => kindQualifiers(kind, sampleWindow).length));
  const budget = MAX_SEARCH_LENGTH - suffix - 1;
  const scopes: string[][] = [];
  for (const qualifier of scopeQualifiers(repositories)) {
    if (qualifier.length > budget) {
      throw new Error(`repository qualifier ${qualifier} is too long for a GitHub search (max ${MAX_SEARCH_LENGTH})`);
    }
    const fits = (scope: string[]) =>
      scope.length < MAX_SCOPE_QUALIFIERS && groupedScope([...scope, qualifier]).length <= budget;
    const scope = scopes.find(fits);
    if (scope) scope.push(qualifier);
    else scopes.push([qualifier]);
  }
  return scopes;
}
