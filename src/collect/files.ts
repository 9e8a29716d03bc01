// A PR's changed paths, complete: the search page carries the first 100, the rest comes in batched queries that
// each fetch the next page of up to FILE_PAGE_BATCH pull requests.

import { FILE_PAGE_BATCH, pullRequestFilesQuery, pullRequestFilesVariables } from "./queries.js";
import type { FilesConnection, PullRequestFilesResponse } from "./answers.js";
import { graphqlErrorsOf } from "../github/errors.js";
import type { Session } from "./session.js";

interface PullRef {
  repository: { nameWithOwner: string };
  number: number;
  files: FilesConnection | null;
}

/** A PR waiting for file page `page` (2 and up), which starts after `cursor`. */
interface Pending {
  subject: string;
  owner: string;
  repo: string;
  number: number;
  page: number;
  cursor: string;
  collected: string[];
  resolve: (paths: string[]) => void;
  reject: (error: unknown) => void;
}

/** The PRs waiting for the same page number, and the queries for that page not yet answered. */
interface Level {
  queue: Pending[];
  inFlight: number;
}

function paths(connection: FilesConnection): string[] {
  return (connection.nodes ?? []).flatMap((node) => (node ? [node.path] : []));
}

function nextCursor(connection: FilesConnection): string | null {
  return connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
}

/** The PRs a failed query names: those whose alias (`p3`) GitHub's errors point at, else the whole batch. */
function batchSubject(batch: Pending[], error: unknown): string {
  const pointed = new Set<Pending>();
  for (const entry of graphqlErrorsOf(error)) {
    const alias = /^p(\d+)$/.exec(String(entry.path?.[0] ?? ""));
    const pending = alias ? batch[Number(alias[1])] : undefined;
    if (pending) pointed.add(pending);
  }
  const named = pointed.size > 0 ? [...pointed] : batch;
  const shown = named
    .slice(0, 3)
    .map((p) => p.subject)
    .join(", ");
  return named.length > 3 ? `${shown} and ${named.length - 3} more` : shown;
}

/**
 * Completes the file lists of every PR handed to `complete`. PRs are grouped by the page they need next (page 2,
 * page 3, ...): a group sends one query as soon as it holds FILE_PAGE_BATCH PRs, so batches go out while the
 * searches still page; the remainder of page n goes out once no more PRs can need page n (the searches are done
 * and no page n - 1 query is unanswered). Each PR's pages stay in order; a 3,000-file PR takes 29 such rounds,
 * the others drop out as they complete. The requests are thus sum over n of ceil(PRs needing page n / batch),
 * whatever order the answers arrive in. Queries of a round run concurrently, within the session's bound.
 */
export class FilePager {
  private readonly levels = new Map<number, Level>();
  private searching = true;

  constructor(
    private readonly session: Session,
    private readonly batchSize = FILE_PAGE_BATCH,
  ) {
    if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > FILE_PAGE_BATCH) {
      throw new Error(`file pages are batched 1 to ${FILE_PAGE_BATCH} at a time, not ${batchSize}`);
    }
  }

  /** GraphQL pages the connection fully: the 3,000-file cap is REST's. */
  complete(pull: PullRef): Promise<string[]> {
    // GitHub answers null for the files of a PR too large to diff; there is nothing to page then.
    if (!pull.files) return Promise.resolve([]);
    const collected = paths(pull.files);
    const cursor = nextCursor(pull.files);
    if (!cursor) return Promise.resolve(collected);
    const name = pull.repository.nameWithOwner;
    const [owner = "", repo = ""] = name.split("/");
    return new Promise((resolve, reject) => {
      this.enqueue({
        subject: `${name}#${pull.number}`,
        owner,
        repo,
        number: pull.number,
        page: 2,
        cursor,
        collected,
        resolve,
        reject,
      });
      this.flush();
    });
  }

  /** No more PRs will arrive: partial batches may go out now. */
  searchesDone(): void {
    this.searching = false;
    this.flush();
  }

  private level(page: number): Level {
    let level = this.levels.get(page);
    if (!level) {
      level = { queue: [], inFlight: 0 };
      this.levels.set(page, level);
    }
    return level;
  }

  private enqueue(pending: Pending): void {
    const level = this.level(pending.page);
    level.queue.push(pending);
    if (level.queue.length >= this.batchSize) this.send(pending.page, level.queue.splice(0, this.batchSize));
  }

  /** Sends the partial batch of every page no further PR can come to need. */
  private flush(): void {
    if (this.searching) return;
    const last = Math.max(...this.levels.keys());
    for (let page = 2; page <= last; page++) {
      const level = this.levels.get(page);
      if (!level) continue;
      while (level.queue.length > 0) this.send(page, level.queue.splice(0, this.batchSize));
      // Page n + 1 waits until every page n query has answered: one of them may still add to it.
      if (level.inFlight > 0) return;
    }
  }

  private send(page: number, batch: Pending[]): void {
    const level = this.level(page);
    level.inFlight += 1;
    const request = this.session.send<PullRequestFilesResponse>(
      "filePages",
      pullRequestFilesQuery(batch.length),
      pullRequestFilesVariables(batch),
      { action: "query PullRequestFiles", subject: (error) => batchSubject(batch, error) },
    );
    request.then(
      (data) => {
        level.inFlight -= 1;
        this.settle(batch, data);
        this.flush();
      },
      (error: unknown) => {
        level.inFlight -= 1;
        for (const pending of batch) pending.reject(error);
        // What still waits goes out to be refused by the session, so that every PR's promise settles.
        this.flush();
      },
    );
  }

  private settle(batch: Pending[], data: PullRequestFilesResponse): void {
    const notes: string[] = [];
    batch.forEach((pending, i) => {
      const files = data[`p${i}`]?.pullRequest?.files;
      if (!files) {
        pending.reject(
          new Error(
            `GitHub query PullRequestFiles failed for ${pending.subject}: the pull request's files are not visible`,
          ),
        );
        return;
      }
      pending.collected.push(...paths(files));
      notes.push(`${pending.subject} (${pending.collected.length} of ${files.totalCount})`);
      const cursor = nextCursor(files);
      if (cursor) this.enqueue({ ...pending, page: pending.page + 1, cursor });
      else pending.resolve(pending.collected);
    });
    if (notes.length > 0) {
      this.session.log(`files page ${batch[0]?.page} of ${notes.join(", ")} ${this.session.rateNote(data.rateLimit)}`);
    }
  }
}
