// The advanced issue-search grammar as GitHub's documentation describes it today, which differs from the strict
// reading in search-advanced.ts for the ownership qualifiers repo:, org: and user:
// (https://docs.github.com/en/issues/tracking-your-work-with-issues/using-issues/filtering-and-searching-issues-and-pull-requests,
// "Using boolean operators" and "Using parentheses for more complicated filters"):
// - "GitHub will treat a space between statements as an AND operator unless you are using an org, repo, or user
//   field to filter by ownership where any spaces will be treated as an OR operator";
// - "It's not currently possible to include the repo, org, or user qualifiers within parentheses."
// So `repo:a repo:b is:pr` is the union of both repositories' pull requests, and `( repo:a OR repo:b ) is:pr` is
// refused. (The "observed" reading differs in one point: see parseDocumentedQuery's `spacesOr`.) The fake reads the ownership qualifiers outside parentheses as one OR-ed scope (an `AND`/`OR` next to one
// joins it to that scope and is dropped) and everything else with the strict grammar. GitHub does not say what it
// answers for a qualifier inside parentheses; the fake answers an error, the most conspicuous reading.
import { parseAdvancedQuery, tokenize, TOO_MANY_OPERATORS, MAX_OPERATORS, type Token } from "./search-advanced.js";
import { termOf, type Predicate, type Query } from "./search.js";

export const OWNERSHIP_IN_PARENTHESES =
  "It's not currently possible to include the repo, org, or user qualifiers within parentheses.";

const OWNERSHIP = /^(repo|org|user):/i;
const isOwnership = (token: Token | undefined): boolean => token?.kind === "term" && OWNERSHIP.test(token.match[0]);

/**
 * `spacesOr`: whether spaces between ownership qualifiers OR them (as documented) or AND them, as users observed
 * on github.com's API (microsoft/vscode#252667, 2025: "spaces between repo: filters ... are now treated as AND
 * operators", fixed by writing `repo:a OR repo:b`). Either way an explicit OR joins them, outside parentheses.
 */
export function parseDocumentedQuery(text: string, spacesOr = true): Query | { error: string } {
  const tokens = tokenize(text);
  if (tokens.filter((t) => t.kind === "and" || t.kind === "or").length > MAX_OPERATORS)
    return { error: TOO_MANY_OPERATORS };
  // Groups of ownership qualifiers joined by OR (or by spaces, when they OR): an item must be in every group.
  const groups: Predicate[][] = [];
  const scopeRepos: string[] = [];
  const scopeOwners: string[] = [];
  const rest: string[] = [];
  let depth = 0;
  let joined = false;
  for (const [i, token] of tokens.entries()) {
    if (token.kind === "open") depth += 1;
    if (token.kind === "close") depth -= 1;
    if (isOwnership(token) && token.kind === "term") {
      if (depth > 0) return { error: OWNERSHIP_IN_PARENTHESES };
      const term = termOf(token.match);
      if ("error" in term) return term;
      if (term.kind !== "scope") continue;
      const previous = groups.at(-1);
      if (previous && (joined || (spacesOr && isOwnership(tokens[i - 1])))) previous.push(term.predicate);
      else groups.push([term.predicate]);
      joined = false;
      if (term.repo !== undefined) scopeRepos.push(term.repo);
      if (term.owner !== undefined) scopeOwners.push(term.owner);
      continue;
    }
    const operator = token.kind === "and" || token.kind === "or";
    if (operator && depth === 0 && (isOwnership(tokens[i - 1]) || isOwnership(tokens[i + 1]))) {
      // An OR between two ownership qualifiers joins them; any other operator next to one is dropped.
      joined = token.kind === "or" && isOwnership(tokens[i - 1]) && isOwnership(tokens[i + 1]);
      continue;
    }
    rest.push(token.kind === "term" ? token.match[0] : { open: "(", close: ")", and: "AND", or: "OR" }[token.kind]);
  }
  const others = parseAdvancedQuery(rest.join(" "));
  if ("error" in others) return others;
  return {
    match: (item) => groups.every((group) => group.some((scope) => scope(item))) && others.match(item),
    sort: others.sort,
    repos: [...scopeRepos, ...others.repos],
    owners: [...scopeOwners, ...others.owners],
  };
}
