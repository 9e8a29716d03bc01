// Runs nobody asked for in a comment, on the app server: a `repository_dispatch` with event_type "draft-report"
// (from a script or another workflow holding a token). It drafts the last complete period (or the one given) and
// publishes; there is no comment to answer, so failures go to the log with the repository and period. A run that
// repeats, or overlaps a /draft-report, ends in the same single PR because publishDraft is idempotent.
//
// The server does not answer `workflow_dispatch`: a manual "Run workflow" of the shipped workflow already drafts
// in the workflow itself (the devreport Action, action.yml), and the app acting on the same event drafted the
// report a second time at once (issue 8). `schedule` never reaches an app at all; it exists only inside Actions.
import type { Context } from "probot";
import type { PublishOutcome } from "../publish/types.js";
import { draftAndPublish } from "../usecase/draft-and-publish.js";
import { messageInOneLine } from "../github/errors.js";
import { loadConfig } from "./config.js";
import type { AppIdentity } from "./identity.js";

/** The repository_dispatch event_type that asks for a draft. */
export const DISPATCH_EVENT_TYPE = "draft-report";

/** What every scheduled trigger has: a repository in the payload and the Probot context around it. */
type RepositoryContext = Pick<Context, "config" | "log"> & {
  octokit: Context["octokit"];
  payload: { repository?: { full_name: string; html_url?: string } | null };
};

export async function onRepositoryDispatch(
  context: Context<"repository_dispatch">,
  identity: AppIdentity,
): Promise<void> {
  // For repository_dispatch, `action` is the sender's event_type.
  if (context.payload.action !== DISPATCH_EVENT_TYPE) return;
  const period = (context.payload.client_payload as { period?: unknown } | null)?.period;
  await runScheduled(context, identity, {
    period: typeof period === "string" ? period : undefined,
    origin: "repository_dispatch",
  });
}

export interface ScheduledOptions {
  /** What was asked for; empty or missing means "last", the last complete period in the configured time zone. */
  period?: string;
  /** Which trigger, for the log. */
  origin: string;
}

export async function runScheduled(
  context: RepositoryContext,
  identity: AppIdentity,
  options: ScheduledOptions,
): Promise<PublishOutcome | undefined> {
  const repo = context.payload.repository?.full_name;
  if (!repo) {
    context.log.error({ origin: options.origin }, `scheduled draft: the ${options.origin} event names no repository`);
    return undefined;
  }
  const html = context.payload.repository?.html_url;
  const outcome = await draftAndPublish({
    client: context.octokit,
    repo,
    period: options.period,
    readConfig: () => loadConfig(context, repo),
    mode: "publish",
    appLogin: () => identity.login(),
    webUrl: html ? new URL(html).origin : undefined,
    log: (line) => context.log.info({ repo, origin: options.origin }, line),
  });
  if (outcome.status === "failed") {
    const { error, period } = outcome;
    context.log.error(
      { err: error, repo, period, origin: options.origin },
      `scheduled draft failed for ${repo}, period ${period}: ${messageInOneLine(error)}`,
    );
    throw error;
  }
  // Publishing runs are never refused (nobody to authorise) nor draft-only.
  if (outcome.status === "refused" || outcome.status === "drafted") return undefined;
  context.log.info(
    { repo, period: outcome.period.id, origin: options.origin, status: outcome.status, pr: outcome.pr.url },
    `scheduled draft of ${outcome.draft.path}: ${outcome.status} in ${outcome.primary}#${outcome.pr.number}`,
  );
  return outcome;
}
