// A PR's changed paths, complete: the search page carries the first 100, the rest is paged per pull request.

import { PULL_REQUEST_FILES, type FilesConnection, type PullRequestFilesResponse } from "./queries.js";
import type { Session } from "./session.js";

interface PullRef {
  repository: { nameWithOwner: string };
  number: number;
  files: FilesConnection | null;
}

function paths(connection: FilesConnection): string[] {
  return (connection.nodes ?? []).flatMap((node) => (node ? [node.path] : []));
}

/**
 * The pages of one PR follow each other (each needs the previous cursor); pages of different PRs run
 * concurrently, within the session's bound. GraphQL pages the connection fully: the 3,000-file cap is REST's.
 */
export async function completeFiles(session: Session, pull: PullRef): Promise<string[]> {
  // GitHub answers null for the files of a PR too large to diff; there is nothing to page then.
  if (!pull.files) return [];
  const name = pull.repository.nameWithOwner;
  const [owner, repo] = name.split("/");
  const subject = `${name}#${pull.number}`;
  const collected = paths(pull.files);
  let { pageInfo } = pull.files;
  let page = 1;
  while (pageInfo.hasNextPage && pageInfo.endCursor) {
    page += 1;
    const data = await session.send<PullRequestFilesResponse>(
      "filePages",
      PULL_REQUEST_FILES,
      { owner, repo, number: pull.number, cursor: pageInfo.endCursor },
      { action: "query PullRequestFiles", subject },
    );
    const files = data.repository?.pullRequest?.files;
    if (!files) {
      throw new Error(`GitHub query PullRequestFiles failed for ${subject}: the pull request's files are not visible`);
    }
    collected.push(...paths(files));
    session.log(`files ${subject}: page ${page}, ${collected.length} of ${files.totalCount} ${session.rateNote(data.rateLimit)}`);
    pageInfo = files.pageInfo;
  }
  return collected;
}
