// One scheduled run: the use case every trigger calls, publishing the last complete period as of the time the
// schedule fired, as the installation. A failure is thrown so the queue retries it (see backoff.ts).
import type { Logger, Probot } from "probot";
import { messageInOneLine } from "../github/errors.js";
import type { AppIdentity } from "../triggers/identity.js";
import { loadConfig } from "../triggers/config.js";
import { draftAndPublish, type DraftOutcome } from "../usecase/draft-and-publish.js";
import type { DraftJob } from "./find-due.js";

export type PublishedOutcome = Extract<DraftOutcome, { pr: unknown }>;

export async function runDraftJob(
  app: Probot,
  identity: AppIdentity,
  job: DraftJob,
  log: Logger,
): Promise<PublishedOutcome> {
  const octokit = await app.auth(job.installationId);
  const fields = { repo: job.repo, period: job.periodId, job: job.id, origin: "schedule" };
  const outcome = await draftAndPublish({
    client: octokit,
    repo: job.repo,
    period: "last",
    now: new Date(job.due),
    readConfig: () => loadConfig({ octokit }, job.repo),
    mode: "publish",
    appLogin: () => identity.login(),
    webUrl: job.webUrl,
    log: (line) => log.info(fields, line),
  });
  if (outcome.status === "failed") {
    log.error(
      { ...fields, err: outcome.error },
      `scheduled draft failed for ${job.repo}, period ${outcome.period}: ${messageInOneLine(outcome.error)}`,
    );
    throw outcome.error;
  }
  if (outcome.status === "refused" || outcome.status === "drafted") {
    // Publishing runs are neither refused (no mayWrite) nor draft-only.
    throw new Error(`scheduled draft of ${job.repo}: unexpected outcome ${outcome.status}`);
  }
  log.info(
    { ...fields, status: outcome.status, pr: outcome.pr.url },
    `scheduled draft of ${outcome.draft.path}: ${outcome.status} in ${outcome.primary}#${outcome.pr.number}`,
  );
  return outcome;
}
