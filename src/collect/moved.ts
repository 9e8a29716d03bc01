// A search that finds nothing while the repositories' default branches moved is suspicious (a search string GitHub
// reads otherwise than meant, a token that cannot see the repositories): one cheap query, sent only then, counts
// each repository's default-branch commits in the period, and a warning says so. `owner/*` entries are not
// counted: listing an organisation's repositories would cost more than the check is worth.
import type { Period, RepoName } from "../model.js";
import type { RateLimitNode } from "./answers.js";
import { formatInstant, isOrgEntry, type Window } from "./search.js";
import type { Session } from "./session.js";

/** Repositories per query: `history(first: 1)` each, so 100 of them cost GitHub's minimum of 1 point. */
export const BRANCH_HISTORY_BATCH = 100;

/** `r0` ... `r<size - 1>`: each repository's default-branch commits between `$since` and `$until`. */
export function branchHistoryQuery(size: number): string {
  const indexes = Array.from({ length: size }, (_, i) => i);
  const parameters = indexes.map((i) => `$owner${i}: String!, $name${i}: String!`).join(", ");
  const selections = indexes
    .map(
      (i) => /* GraphQL */ `
    r${i}: repository(owner: $owner${i}, name: $name${i}) {
      nameWithOwner
      defaultBranchRef {
        target {
          ... on Commit {
            history(first: 1, since: $since, until: $until) {
              totalCount
            }
          }
        }
      }
    }`,
    )
    .join("");
  return /* GraphQL */ `
  query DefaultBranchHistory($since: GitTimestamp!, $until: GitTimestamp!, ${parameters}) {${selections}
    rateLimit {
      cost
      remaining
      resetAt
    }
  }
`;
}

interface RepositoryHistory {
  nameWithOwner: string;
  defaultBranchRef: { target: { history?: { totalCount: number } } | null } | null;
}

type BranchHistoryResponse = { rateLimit: RateLimitNode | null } & Record<string, RepositoryHistory | null>;

const commits = (n: number): string => `${n} commit${n === 1 ? "" : "s"}`;

/** The warning for an empty result while default branches moved, or null when none did. */
export async function movedBranchesWarning(
  session: Session,
  repositories: RepoName[],
  period: Period,
  window: Window,
): Promise<string | null> {
  const repos = [...new Map(repositories.filter((r) => !isOrgEntry(r)).map((r) => [r.toLowerCase(), r])).values()];
  const moved: string[] = [];
  for (let start = 0; start < repos.length; start += BRANCH_HISTORY_BATCH) {
    const batch = repos.slice(start, start + BRANCH_HISTORY_BATCH);
    const variables: Record<string, unknown> = { since: formatInstant(window.from), until: formatInstant(window.to) };
    batch.forEach((repo, i) => {
      [variables[`owner${i}`], variables[`name${i}`]] = repo.split("/");
    });
    const data = await session.send<BranchHistoryResponse>(
      "branchHistory",
      branchHistoryQuery(batch.length),
      variables,
      { action: "default-branch check", subject: batch.join(", ") },
    );
    batch.forEach((repo, i) => {
      const count = data[`r${i}`]?.defaultBranchRef?.target?.history?.totalCount ?? 0;
      if (count > 0) moved.push(`${data[`r${i}`]?.nameWithOwner ?? repo} (${commits(count)})`);
    });
  }
  session.log(
    `default branches in ${formatInstant(window.from)}..${formatInstant(window.to)}: ${moved.length > 0 ? moved.join(", ") : "no commits"}`,
  );
  if (moved.length === 0) return null;
  return (
    `search found no merged pull requests and no closed issues in ${period.id}, yet the default branch of ` +
    `${moved.join(", ")} moved in that period: check the repositories and the token's access before trusting this report`
  );
}
