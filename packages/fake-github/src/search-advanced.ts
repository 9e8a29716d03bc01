// The advanced issue-search grammar, github.com's only one for issues and pull requests since 4 September 2025
// (https://github.blog/changelog/2025-03-06-github-issues-projects-api-support-for-issues-advanced-search-and-more/):
// terms separated by spaces are AND-ed, repo:/org:/user: included, so `repo:a repo:b` matches nothing; `AND` and
// `OR` (upper case) combine terms, AND binding tighter; parentheses group.
//
// Limits, as GitHub documents them:
// - "You can nest filters using parentheses up to five levels deep."
//   https://docs.github.com/en/issues/tracking-your-work-with-issues/using-issues/filtering-and-searching-issues-and-pull-requests
// - "You can't construct a query using more than five AND, OR, or NOT operators" (and 256 characters at most, which
//   the fake does not enforce: the app's own tests check its lengths).
//   https://docs.github.com/en/search-github/getting-started-with-searching-on-github/troubleshooting-search-queries
// Beyond the operator limit GitHub answers "More than five AND / OR / NOT operators were used." (seen in REST 422
// answers). GitHub documents no `NOT` keyword for issues (negation is `-qualifier`), so the fake reads NOT as a word.
import { defaultSort, termOf, type Predicate, type Query } from "./search.js";

export const MAX_NESTING = 5;
export const MAX_OPERATORS = 5;

export const TOO_MANY_OPERATORS = "More than five AND / OR / NOT operators were used.";
export const TOO_DEEP = `Parentheses are nested more than ${MAX_NESTING} levels deep.`;

// TOKEN of search.ts with `(` and `)` as tokens of their own, never part of an unquoted word or value.
const TOKEN = /[()]|(-?)([A-Za-z_-]+):(?:"([^"]*)"|([^\s()]+))|(-?)"([^"]*)"|([^\s()]+)/g;

export type Token = { kind: "open" | "close" | "and" | "or" } | { kind: "term"; match: RegExpMatchArray };

export function tokenize(text: string): Token[] {
  return [...text.matchAll(TOKEN)].map((m): Token => {
    if (m[0] === "(") return { kind: "open" };
    if (m[0] === ")") return { kind: "close" };
    if (m[7] === "AND") return { kind: "and" };
    if (m[7] === "OR") return { kind: "or" };
    return { kind: "term", match: m };
  });
}

class Invalid extends Error {}

/** expr := and (OR and)*; and := unit ([AND] unit)*; unit := "(" expr ")" | term. */
export function parseAdvancedQuery(text: string): Query | { error: string } {
  const tokens = tokenize(text);
  if (tokens.filter((t) => t.kind === "and" || t.kind === "or").length > MAX_OPERATORS)
    return { error: TOO_MANY_OPERATORS };
  const query: Query = { match: () => true, sort: defaultSort(), repos: [], owners: [] };
  let at = 0;
  const peek = (): Token | undefined => tokens[at];

  const unit = (depth: number): Predicate | null => {
    const token = tokens[at++];
    if (token === undefined) throw new Invalid("The search query ends where a term was expected.");
    if (token.kind === "open") {
      if (depth + 1 > MAX_NESTING) throw new Invalid(TOO_DEEP);
      const inner = expr(depth + 1);
      if (peek()?.kind !== "close") throw new Invalid("Unbalanced parentheses in the search query.");
      at++;
      return inner;
    }
    if (token.kind !== "term") throw new Invalid(`Unexpected \`${token.kind.toUpperCase()}\` in the search query.`);
    const term = termOf(token.match);
    if ("error" in term) throw new Invalid(term.error);
    if (term.kind === "sort") {
      query.sort = term.sort;
      return null; // sort: is no condition
    }
    if (term.repo !== undefined) query.repos.push(term.repo);
    if (term.owner !== undefined) query.owners.push(term.owner);
    return term.predicate;
  };
  const conjunction = (depth: number): Predicate => {
    const parts: Predicate[] = [];
    for (;;) {
      const next = peek();
      if (!next || next.kind === "close" || next.kind === "or") break;
      if (next.kind === "and") {
        at++;
        const after = peek();
        if (parts.length === 0 || !after || after.kind === "close" || after.kind === "or" || after.kind === "and") {
          throw new Invalid("`AND` needs a term on either side.");
        }
        continue;
      }
      const part = unit(depth);
      if (part) parts.push(part);
    }
    return (item) => parts.every((p) => p(item));
  };
  const expr = (depth: number): Predicate => {
    const start = at;
    const alternatives = [conjunction(depth)];
    while (peek()?.kind === "or") {
      if (at === start) throw new Invalid("`OR` needs a term on either side.");
      at++;
      const before = at;
      alternatives.push(conjunction(depth));
      if (at === before) throw new Invalid("`OR` needs a term on either side.");
    }
    return (item) => alternatives.some((a) => a(item));
  };

  try {
    const match = expr(0);
    if (at < tokens.length) throw new Invalid("Unbalanced parentheses in the search query.");
    query.match = match;
  } catch (error) {
    if (error instanceof Invalid) return { error: error.message };
    throw error;
  }
  return query;
}
