// Runs nobody asked for in a comment: the weekly GitHub Actions run (`schedule`, `workflow_dispatch`, through
// src/action.ts) and a `repository_dispatch` with event_type "draft-report" sent to the app. They draft the last
// complete period (or the one given) and publish; there is no comment to answer, so failures go to the log with the
// repository and period. A run that repeats, or overlaps a /draft-report, ends in the same single PR because
// publishDraft is idempotent.
import type { Context } from "probot";
import type { GitHubClient } from "../github/client.js";
import { draftReport } from "../draft.js";
import { parsePeriod } from "../period.js";
import { publishDraft } from "../publish/index.js";
import type { PublishOutcome } from "../publish/types.js";
import { loadConfig } from "./config.js";
import type { AppIdentity } from "./identity.js";
import { serialized } from "./serialize.js";

/** The repository_dispatch event_type that asks for a draft. */
export const DISPATCH_EVENT_TYPE = "draft-report";

/**
 * workflow_dispatch fires for every manually started workflow; only the one shipped in docs/ (copied as
 * .github/workflows/weekly-report.yml) asks for a report.
 */
export const WORKFLOW_FILE = /(?:^|\/)weekly-report\.ya?ml$/;

/** What every scheduled trigger has: a repository in the payload and the Probot context around it. */
type RepositoryContext = Pick<Context, "config" | "log"> & {
  octokit: Context["octokit"];
  payload: { repository?: { full_name: string; html_url?: string } | null };
};

export async function onRepositoryDispatch(context: Context<"repository_dispatch">, identity: AppIdentity): Promise<void> {
  // For repository_dispatch, `action` is the sender's event_type.
  if (context.payload.action !== DISPATCH_EVENT_TYPE) return;
  const period = (context.payload.client_payload as { period?: unknown } | null)?.period;
  await runScheduled(context, identity, { period: typeof period === "string" ? period : undefined, origin: "repository_dispatch" });
}

export async function onWorkflowDispatch(context: Context<"workflow_dispatch">, identity: AppIdentity): Promise<void> {
  if (!WORKFLOW_FILE.test(context.payload.workflow)) return;
  const period = (context.payload.inputs as Record<string, unknown> | null)?.period;
  await runScheduled(context, identity, { period: typeof period === "string" ? period : undefined, origin: "workflow_dispatch" });
}

/**
 * `schedule` is a GitHub Actions event that Probot's types do not name; src/index.ts routes every event here from
 * onAny and this picks it out. At run time the event is a full Context (../shared/STACK.md F6).
 */
export async function onAnyEvent(event: unknown, identity: AppIdentity): Promise<void> {
  const context = event as RepositoryContext & { name: string };
  if (context.name === "schedule") await runScheduled(context, identity, { origin: "schedule" });
}

export interface ScheduledOptions {
  /** What was asked for; empty or missing means "last", the last complete period in the configured time zone. */
  period?: string;
  /** Which trigger, for the log. */
  origin: string;
}

export async function runScheduled(context: RepositoryContext, identity: AppIdentity, options: ScheduledOptions): Promise<PublishOutcome | undefined> {
  const repo = context.payload.repository?.full_name;
  const asked = options.period?.trim() || "last";
  if (!repo) {
    context.log.error({ origin: options.origin }, `scheduled draft: the ${options.origin} event names no repository`);
    return undefined;
  }
  const client: GitHubClient = context.octokit;
  let periodId = asked;
  try {
    const config = await loadConfig(context, repo);
    const period = parsePeriod(asked, { kind: config.period, timeZone: config.timeZone });
    periodId = period.id;
    const primary = config.repositories[0]!;
    const log = (line: string) => context.log.info({ repo, period: period.id }, line);
    const webUrl = context.payload.repository?.html_url ? new URL(context.payload.repository.html_url).origin : undefined;
    const draft = await draftReport({ client, config, period, log, webUrl });
    const appLogin = await identity.login();
    const outcome = await serialized(`${primary.toLowerCase()} ${period.id}`, () =>
      publishDraft({ client, repo: primary, draft, config, appLogin, log }),
    );
    context.log.info({ repo, period: period.id, origin: options.origin, status: outcome.status, pr: outcome.pr.url },
      `scheduled draft of ${draft.path}: ${outcome.status} in ${primary}#${outcome.pr.number}`);
    return outcome;
  } catch (error) {
    context.log.error({ err: error, repo, period: periodId, origin: options.origin },
      `scheduled draft failed for ${repo}, period ${periodId}: ${(error as Error).message ?? String(error)}`);
    throw error;
  }
}
