// Every sentence the app says in a comment, in one place. GitHub notifies `@name` in comments, so every reply goes
// through withoutMentions(): a report draft or an error message quoting a title must never ping anyone.
import { ConfigError } from "../config/index.js";
import { isForbidden, reasonForReader, statusOf } from "../github/errors.js";
import { PeriodError } from "../period.js";
import { PublishError, type PublishOutcome } from "../publish/index.js";
import { escapeText, withoutMentions } from "../report/markdown.js";
import { USAGE } from "./parse.js";

/** GitHub rejects comment bodies over 65,536 characters; leave room for the wrapper. */
const MAX_PREVIEW = 60_000;

export const refusal = (repo: string): string =>
  safe(`Sorry, only people with write access to ${repo} can run \`/draft-report\`.`);

/** `problem` is plain text that may quote what someone typed (a period, arguments): it is shown as literal text. */
export const usage = (problem: string): string => safe(`${escapeText(problem)}. ${USAGE}`);

/** A pull request reference GitHub links: "#12" in the same repository, "owner/repo#12" elsewhere. */
function prRef(number: number, prRepo: string, commentRepo: string): string {
  return prRepo.toLowerCase() === commentRepo.toLowerCase() ? `#${number}` : `${prRepo}#${number}`;
}

export function published(outcome: PublishOutcome, path: string, prRepo: string, commentRepo: string): string {
  const said = publishedLine(outcome, path, prRepo, commentRepo);
  if (outcome.status === "conflict" || outcome.status === "created" || !outcome.openedPull) return said;
  return safe(
    `${said}; ${outcome.branch} had no PR (an earlier run could not open it), so ${prRef(outcome.pr.number, prRepo, commentRepo)} was opened for it now`,
  );
}

function publishedLine(outcome: PublishOutcome, path: string, prRepo: string, commentRepo: string): string {
  const pr = prRef(outcome.pr.number, prRepo, commentRepo);
  switch (outcome.status) {
    case "created":
      return safe(`Drafted ${path} in ${pr}`);
    case "updated":
      return safe(`Drafted ${path} in ${pr} (updated)`);
    case "unchanged":
      return safe(`Drafted ${path} in ${pr} (unchanged: the branch already holds this draft)`);
    case "merged":
      return safe(`Drafted ${path} in ${pr} (merged into the maintainers' edits)`);
    case "conflict":
      return safe(
        `The new draft of ${path} conflicts with the edits on ${outcome.branch}, so the branch was left as it was; ` +
          `the new items are in ${outcome.commentUrl}`,
      );
  }
}

export function preview(periodId: string, markdown: string): string {
  const body =
    markdown.length > MAX_PREVIEW
      ? `${markdown.slice(0, MAX_PREVIEW)}\n\n… (cut: the draft is longer than a comment may be)`
      : markdown;
  return withoutMentions(`<details><summary>Draft for ${periodId}</summary>\n\n${body.trimEnd()}\n\n</details>\n`);
}

/** One line a maintainer can act on: what failed and what to fix. */
export function failure(error: unknown, repo: string): string {
  if (error instanceof ConfigError) return safe(`Could not draft the report: ${error.message}`);
  if (error instanceof PeriodError) return usage(error.message.replace(/\.$/, ""));
  // Publish's errors already name the repository and branch and say what to do.
  if (error instanceof PublishError) return safe(`Could not publish the draft: ${error.message}`);
  // GitHub's git data API answers 409 "Git Repository is empty." for a repository without a first commit: no wait
  // helps, a first commit does.
  if (isEmptyRepository(error)) {
    return safe(
      `Could not publish the draft: the repository has no commit yet (GitHub: ${detail(error)}). ` +
        "Push a first commit to its default branch, then ask again.",
    );
  }
  if (isForbidden(error)) {
    return safe(
      `GitHub refused the app (403: ${detail(error)}). Check that the devreport app is installed on ${repo} and every ` +
        "configured repository, with read and write access to contents, pull requests and issues.",
    );
  }
  return safe(
    `Could not draft the report: ${detail(error)}. Try again later; if it keeps failing, the app's log has the details.`,
  );
}

const isEmptyRepository = (error: unknown): boolean =>
  statusOf(error) === 409 && /repository is empty/i.test(reasonForReader(error));

function detail(error: unknown): string {
  return reasonForReader(error).replace(/\.$/, "");
}

function safe(line: string): string {
  return withoutMentions(line.replace(/\s+/g, " ").trim());
}
