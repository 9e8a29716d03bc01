// GitHub's issue search (`search(type: ISSUE)`, `GET /search/issues`) over plain records, as a pure function.
// Three readings (see SearchGrammar; the advanced ones are in search-advanced.ts and search-documented.ts). Under
// the legacy one scope qualifiers (repo:, org:, user:) are OR-ed, every other qualifier is AND-ed; under all
// `label:a,b` is an OR inside one qualifier, date ranges are inclusive, and only the first 1,000 results are
// reachable while `issueCount` still reports every match.
import { parseAdvancedQuery } from "./search-advanced.js";
import { parseDocumentedQuery } from "./search-documented.js";
import type { Item } from "./types.js";

export const SEARCH_CAP = 1000;

export interface SearchResult {
  /** Every match, as GitHub's `issueCount` / `total_count` reports it. */
  issueCount: number;
  /** The matches that can be paged through: at most SEARCH_CAP, in the requested order. */
  items: Item[];
}

export type SearchOutcome = SearchResult | { error: string; type?: "INVALID" };

export type Predicate = (item: Item) => boolean;
export interface Query {
  /** Whether an item matches the whole query. */
  match: Predicate;
  sort: (a: Item, b: Item) => number;
  /** Names in repo: qualifiers and owners in org:/user: qualifiers, checked for existence by the caller. */
  repos: string[];
  owners: string[];
}

/**
 * How a search string is read. "advanced" is github.com's issue search since 4 September 2025 in its strict reading:
 * spaces AND every term (so `repo:a repo:b` matches nothing), `OR`/`AND` and parentheses group. "documented" is the
 * same grammar as GitHub's documentation describes it today: spaces between repo:/org:/user: qualifiers OR them,
 * and those qualifiers cannot stand inside parentheses (search-documented.ts). "observed" is the documented one
 * but with spaces AND-ing those qualifiers too, as users reported of github.com's API: only `repo:a OR repo:b`
 * (no parentheses) is their union. "legacy" is the search before it:
 * several repo:/org:/user: qualifiers are OR-ed, everything else AND-ed, and there are no operators.
 */
export const SEARCH_GRAMMARS = ["advanced", "documented", "observed", "legacy"] as const;
export type SearchGrammar = (typeof SEARCH_GRAMMARS)[number];
/**
 * What the fake reads search strings with unless told: github.com's advanced grammar with spaces AND-ing every term
 * (the strict reading) and GitHub's documented rule that repo:, org: and user: stay outside parentheses, which is
 * also what users reported of github.com's API.
 */
export const DEFAULT_SEARCH_GRAMMAR: SearchGrammar = "observed";

export interface SearchScope {
  /** GitHub rejects a search naming a repository or owner it cannot see; without these, every name is accepted. */
  repoExists?: (fullName: string) => boolean;
  ownerExists?: (login: string) => boolean;
}

export const UNSEARCHABLE =
  "The listed users and repositories cannot be searched either because the resources do not " +
  "exist or you do not have permission to view them.";

const DAY = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;

/** A point in time as a half-open span: a whole UTC day, or one millisecond for a date-time. */
function span(text: string): { start: number; end: number } | undefined {
  if (DATE.test(text)) {
    const start = Date.parse(`${text}T00:00:00Z`);
    return Number.isNaN(start) ? undefined : { start, end: start + DAY };
  }
  const at = DATETIME.test(text) ? Date.parse(text) : NaN;
  return Number.isNaN(at) ? undefined : { start: at, end: at + 1 };
}

/** `A..B`, `A..*`, `*..B`, `>=A`, `>A`, `<=A`, `<A` or `A` -> [lo, hi) in epoch ms. */
export function parseDateRange(text: string): { lo: number; hi: number } | undefined {
  const range = /^(.+?)\.\.(.+)$/.exec(text);
  if (range) {
    const lo = range[1] === "*" ? { start: -Infinity } : span(range[1]!);
    const hi = range[2] === "*" ? { end: Infinity } : span(range[2]!);
    return lo && hi ? { lo: lo.start, hi: hi.end } : undefined;
  }
  const op = /^(>=|<=|>|<)?(.+)$/.exec(text)!;
  const at = span(op[2]!);
  if (!at) return undefined;
  switch (op[1]) {
    case ">=":
      return { lo: at.start, hi: Infinity };
    case ">":
      return { lo: at.end, hi: Infinity };
    case "<=":
      return { lo: -Infinity, hi: at.end };
    case "<":
      return { lo: -Infinity, hi: at.start };
    default:
      return { lo: at.start, hi: at.end };
  }
}

const inRange = (value: string | null, range: { lo: number; hi: number }): boolean => {
  if (!value) return false;
  const t = Date.parse(value);
  return t >= range.lo && t < range.hi;
};

/** GitHub search accepts bots as `app/renovate` or `renovate[bot]`. */
const sameLogin = (login: string | undefined, wanted: string): boolean => {
  if (!login) return false;
  const normalized = wanted
    .replace(/^app\//i, "")
    .replace(/\[bot\]$/i, "")
    .toLowerCase();
  return login.replace(/\[bot\]$/i, "").toLowerCase() === normalized;
};

const createdKey = (item: Item): string =>
  item.createdAt ?? (item.kind === "pull" ? item.mergedAt : null) ?? item.closedAt ?? "";
const updatedKey = (item: Item): string => item.updatedAt ?? createdKey(item);

function sorter(by: "created" | "updated", direction: "asc" | "desc"): Query["sort"] {
  const field = by === "created" ? createdKey : updatedKey;
  const sign = direction === "asc" ? 1 : -1;
  // Ties (same second, other repositories) are broken by repository then number so pages are deterministic.
  return (a, b) => {
    const ka = field(a);
    const kb = field(b);
    if (ka !== kb) return ka < kb ? -sign : sign;
    if (a.repo !== b.repo) return a.repo.toLowerCase() < b.repo.toLowerCase() ? -1 : 1;
    return (a.number - b.number) * sign;
  };
}

const IS: Record<string, Predicate> = {
  pr: (i) => i.kind === "pull",
  "pull-request": (i) => i.kind === "pull",
  issue: (i) => i.kind === "issue",
  open: (i) => i.state === "open",
  closed: (i) => i.state === "closed",
  merged: (i) => i.kind === "pull" && i.merged,
  unmerged: (i) => i.kind === "pull" && !i.merged,
  draft: (i) => i.kind === "pull" && i.draft,
  public: () => true,
};
const REASONS: Record<string, string> = {
  completed: "COMPLETED",
  "not planned": "NOT_PLANNED",
  not_planned: "NOT_PLANNED",
  duplicate: "DUPLICATE",
  reopened: "REOPENED",
};

function qualifier(name: string, value: string): Predicate | string {
  const v = value.toLowerCase();
  const dateField = (get: (i: Item) => string | null): Predicate | string => {
    const range = parseDateRange(value);
    return range ? (i) => inRange(get(i), range) : `Invalid date "${value}" for the \`${name}:\` qualifier.`;
  };
  switch (name) {
    case "is":
    case "type":
    case "state":
      return IS[v === "pull" ? "pr" : v] ?? `Unsupported value "${value}" for the \`${name}:\` qualifier.`;
    case "merged":
      return dateField((i) => (i.kind === "pull" ? i.mergedAt : null));
    case "closed":
      return dateField((i) => i.closedAt);
    case "created":
      return dateField(createdKey);
    case "updated":
      return dateField(updatedKey);
    case "label": {
      const wanted = v.split(",");
      return (i) => i.labels.some((l) => wanted.includes(l.toLowerCase()));
    }
    case "no":
      return v === "label" ? (i) => i.labels.length === 0 : `Unsupported value "${value}" for the \`no:\` qualifier.`;
    case "author":
      return (i) => sameLogin(i.author?.login, value);
    case "reason": {
      const reason = REASONS[v];
      return reason
        ? (i) => i.kind === "issue" && i.stateReason === reason
        : `Unsupported value "${value}" for the \`reason:\` qualifier.`;
    }
    case "base":
      return (i) => i.kind === "pull" && i.baseRef === value;
    case "head":
      return (i) => i.kind === "pull" && i.headRef === value;
    case "archived":
      return () => v === "false";
    case "in":
      return () => true;
    default:
      return (
        `The fake GitHub does not support the \`${name}:\` search qualifier (query rejected, as GitHub ` +
        "would not match it either)."
      );
  }
}

const TOKEN = /(-?)([A-Za-z_-]+):(?:"([^"]*)"|(\S+))|(-?)"([^"]*)"|(\S+)/g;

/** One search term: a scope qualifier (repo:/org:/user:), another filter, or `sort:`. */
export type Term =
  | { kind: "scope"; predicate: Predicate; repo?: string; owner?: string }
  | { kind: "filter"; predicate: Predicate; repo?: string; owner?: string }
  | { kind: "sort"; sort: Query["sort"] };

/** Reads one TOKEN-shaped match (groups 1-7, as both grammars' tokenizers capture them). */
export function termOf(m: RegExpMatchArray): Term | { error: string } {
  if (m[2] === undefined) {
    const word = (m[6] ?? m[7] ?? "").toLowerCase();
    const matches: Predicate = (i) => i.title.toLowerCase().includes(word) || i.body.toLowerCase().includes(word);
    return { kind: "filter", predicate: m[5] ? (i) => !matches(i) : matches };
  }
  const negate = m[1] === "-";
  const name = m[2].toLowerCase();
  const value = m[3] ?? m[4] ?? "";
  if (name === "repo" || name === "org" || name === "user") {
    const v = value.toLowerCase();
    const scope: Predicate =
      name === "repo" ? (i) => i.repo.toLowerCase() === v : (i) => i.repo.toLowerCase().startsWith(`${v}/`);
    const named = name === "repo" ? { repo: value } : { owner: value };
    return negate
      ? { kind: "filter", predicate: (i) => !scope(i), ...named }
      : { kind: "scope", predicate: scope, ...named };
  }
  if (name === "sort") {
    const s = /^(created|updated)(?:-(asc|desc))?$/.exec(value.toLowerCase());
    if (!s) return { error: `Unsupported value "${value}" for the \`sort:\` qualifier.` };
    return { kind: "sort", sort: sorter(s[1] as "created" | "updated", (s[2] ?? "desc") as "asc" | "desc") };
  }
  const predicate = qualifier(name, value);
  if (typeof predicate === "string") return { error: predicate };
  return { kind: "filter", predicate: negate ? (i) => !predicate(i) : predicate };
}

export const defaultSort = (): Query["sort"] => sorter("created", "desc");

/** The legacy grammar: scope qualifiers OR-ed, every other term AND-ed; `OR`, `AND` and parentheses are words. */
export function parseSearchQuery(text: string): Query | { error: string } {
  const scopes: Predicate[] = [];
  const filters: Predicate[] = [];
  const query: Query = { match: () => true, sort: defaultSort(), repos: [], owners: [] };
  for (const m of text.matchAll(TOKEN)) {
    const term = termOf(m);
    if ("error" in term) return term;
    if (term.kind === "sort") {
      query.sort = term.sort;
      continue;
    }
    if (term.repo !== undefined) query.repos.push(term.repo);
    if (term.owner !== undefined) query.owners.push(term.owner);
    (term.kind === "scope" ? scopes : filters).push(term.predicate);
  }
  query.match = (item) => (scopes.length === 0 || scopes.some((scope) => scope(item))) && filters.every((f) => f(item));
  return query;
}

/** Runs an issue search over `items` (index-only placeholders should already be left out). */
export function searchIssues(
  items: Iterable<Item>,
  text: string,
  scope: SearchScope = {},
  grammar: SearchGrammar = DEFAULT_SEARCH_GRAMMAR,
): SearchOutcome {
  const query =
    grammar === "legacy"
      ? parseSearchQuery(text)
      : grammar === "documented" || grammar === "observed"
        ? parseDocumentedQuery(text, grammar === "documented")
        : parseAdvancedQuery(text);
  if ("error" in query) return query;
  if (
    query.repos.some((r) => scope.repoExists && !scope.repoExists(r)) ||
    query.owners.some((o) => scope.ownerExists && !scope.ownerExists(o))
  )
    return { error: UNSEARCHABLE, type: "INVALID" };
  const matches: Item[] = [];
  for (const item of items) if (query.match(item)) matches.push(item);
  matches.sort(query.sort);
  return { issueCount: matches.length, items: matches.slice(0, SEARCH_CAP) };
}
