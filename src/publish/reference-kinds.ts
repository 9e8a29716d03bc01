// Whether a number a report's text uses is a PR (`/pull/N`) or an issue (`/issues/N`): first what the draft itself
// knows, then what existing footers link, and only for the rest one aliased GraphQL query. This is the GitHub side
// of the footer; src/report/footer-update.ts rebuilds the footer from the answers without any I/O.
import type { GitHubClient } from "../github/client.js";
import { describeGitHubError, partialDataOf } from "../github/errors.js";
import type { RepoName, Report } from "../model.js";
import { definedKinds, splitFooter, unknownNumbers, type KindLookup } from "../report/footer-update.js";
import { key, reportKinds, type ReferenceKind, type ReferenceStyle } from "../report/references.js";

interface NumberRef {
  repo: RepoName;
  number: number;
}

/** The kinds a draft and the texts around it tell, completed by asking GitHub about the numbers none of them does. */
export async function referenceKinds(
  client: GitHubClient,
  style: ReferenceStyle,
  texts: string[],
  report?: Report,
): Promise<KindLookup> {
  const kinds = report ? reportKinds(report) : new Map<string, ReferenceKind>();
  for (const text of texts) {
    for (const [id, kind] of definedKinds(splitFooter(text).definitions, style))
      if (!kinds.has(id)) kinds.set(id, kind);
  }
  const known: KindLookup = (repo, number) => kinds.get(key({ type: "number", repo, number }));
  const unknown = texts.flatMap((text) => unknownNumbers(text, style, known));
  if (unknown.length > 0) for (const [id, kind] of await lookupKinds(client, unknown)) kinds.set(id, kind);
  return known;
}

/**
 * Asks GitHub in one GraphQL request whether each number is a PR or an issue. Numbers GitHub does not know (or
 * that the token cannot see) are left out of the answer.
 */
export async function lookupKinds(client: GitHubClient, refs: NumberRef[]): Promise<Map<string, ReferenceKind>> {
  const kinds = new Map<string, ReferenceKind>();
  // GitHub caps a query's complexity; a week's report references far fewer than this, so one request is the norm.
  for (let start = 0; start < refs.length; start += LOOKUP_CHUNK) {
    const chunk = refs.slice(start, start + LOOKUP_CHUNK);
    const { query, variables, aliases } = kindsQuery(chunk);
    let data: Record<string, Record<string, { __typename?: string } | null> | null> | undefined;
    try {
      data = await client.graphql(query, variables);
    } catch (error) {
      // A missing repository or number is an error entry beside partial data; the rest of the answer still counts.
      data = partialDataOf<NonNullable<typeof data>>(error);
      if (!data)
        throw new Error(
          `references: asking GitHub whether ${describe(chunk)} are PRs or issues failed (${describeGitHubError(error)})`,
          { cause: error },
        );
    }
    for (const { repoAlias, numberAlias, ref } of aliases) {
      const typename = data?.[repoAlias]?.[numberAlias]?.__typename;
      if (typename === "PullRequest") kinds.set(key({ type: "number", ...ref }), "pull");
      if (typename === "Issue") kinds.set(key({ type: "number", ...ref }), "issue");
    }
  }
  return kinds;
}

const LOOKUP_CHUNK = 100;

/**
 * `query ReferenceKinds($o0: String!, $r0: String!, $n0_0: Int!) { r0: repository(owner: $o0, name: $r0) { n0:
 * issueOrPullRequest(number: $n0_0) { __typename } } }`: the shape depends on how many repositories and numbers
 * there are, but every value travels as a variable, as in src/collect/queries.ts.
 */
export function kindsQuery(refs: NumberRef[]) {
  const byRepo = new Map<string, { repo: RepoName; numbers: number[] }>();
  for (const ref of refs) {
    const id = ref.repo.toLowerCase();
    const entry = byRepo.get(id) ?? { repo: ref.repo, numbers: [] };
    byRepo.set(id, entry);
    if (!entry.numbers.includes(ref.number)) entry.numbers.push(ref.number);
  }
  const aliases: { repoAlias: string; numberAlias: string; ref: NumberRef }[] = [];
  const variables: Record<string, string | number> = {};
  const declarations: string[] = [];
  const blocks = [...byRepo.values()].map(({ repo, numbers }, r) => {
    const [owner = "", name = ""] = repo.split("/");
    variables[`o${r}`] = owner;
    variables[`r${r}`] = name;
    declarations.push(`$o${r}: String!`, `$r${r}: String!`);
    const fields = numbers.map((number, n) => {
      aliases.push({ repoAlias: `r${r}`, numberAlias: `n${n}`, ref: { repo, number } });
      variables[`n${r}_${n}`] = number;
      declarations.push(`$n${r}_${n}: Int!`);
      return `    n${n}: issueOrPullRequest(number: $n${r}_${n}) { __typename }`;
    });
    return `  r${r}: repository(owner: $o${r}, name: $r${r}) {\n${fields.join("\n")}\n  }`;
  });
  return { query: `query ReferenceKinds(${declarations.join(", ")}) {\n${blocks.join("\n")}\n}`, variables, aliases };
}

function describe(refs: NumberRef[]): string {
  const shown = refs
    .slice(0, 3)
    .map((r) => `${r.repo}#${r.number}`)
    .join(", ");
  return refs.length > 3 ? `${shown} and ${refs.length - 3} more` : shown;
}
