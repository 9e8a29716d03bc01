// Publishing's public face: put a draft on its period's branch and PR, idempotently, keeping maintainers' edits.
import { BranchMoved, PublishError } from "./errors.js";
import { defaultBranch, target } from "./git.js";
import { refuseDefaultBranch } from "./ownership.js";
import { publishOnce, type Attempt } from "./publish.js";
import { branchName } from "./text.js";
import type { PublishOutcome, PublishRequest } from "./types.js";

export type { PublishOutcome, PublishRequest, PullRequestLink } from "./types.js";
export { PublishError } from "./errors.js";
export { refreshFooterOnPush, type FooterPushRequest, type FooterPushOutcome } from "./footer-push.js";

export async function publishDraft(request: PublishRequest): Promise<PublishOutcome> {
  const t = target(request.client, request.repo);
  const branch = branchName(request.config, request.draft.report.period, request.repo);
  const attempt: Attempt = {
    t,
    request,
    branch,
    base: await defaultBranch(t),
    style: {
      repositories: request.config.repositories.length > 0 ? request.config.repositories : [request.repo],
      webUrl: request.draft.webUrl,
    },
    log: request.log ?? (() => {}),
  };
  refuseDefaultBranch(request.repo, request.config.publish.branch, branch, attempt.base);
  // Another run (a second trigger, another instance) may write the branch between our read and our write. Reading
  // again and deciding again makes its work ours; a branch that keeps moving is somebody actively pushing.
  try {
    return await publishOnce(attempt);
  } catch (error) {
    if (!(error instanceof BranchMoved)) throw error;
    attempt.log(`${error.message}; reading it again`);
    attempt.afterMove = true;
  }
  try {
    return await publishOnce(attempt);
  } catch (error) {
    if (!(error instanceof BranchMoved)) throw error;
    throw new PublishError(
      `${request.repo}: ${branch} changed twice while the ${request.draft.report.period.id} report was being published; run the draft again`,
      { cause: error },
    );
  }
}
