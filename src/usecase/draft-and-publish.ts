// The one sequence every trigger runs (the /draft-report comment, the dispatches, the Actions run, the CLI): read the
// config, resolve the period, check the primary repository, draft, and (unless only a draft or a preview is wanted)
// publish one run at a time per repository and period. Triggers parse their input, authorise, call this and turn
// the outcome into a reply, a log line or an exit code; none of them repeats a step of it.
import type { Config } from "../config/index.js";
import { draftReport, type Draft } from "../draft.js";
import type { GitHubClient, ProgressLog } from "../github/client.js";
import type { Period, RepoName } from "../model.js";
import { parsePeriod } from "../period.js";
import { publishDraft, type PublishOutcome } from "../publish/index.js";
import { branchName } from "../publish/text.js";
import { reportPath } from "../report/naming.js";
import { serialized } from "./serialize.js";

export type DraftMode = "publish" | "draft";

export interface DraftRequest {
  client: GitHubClient;
  /** The repository the trigger came from; its config decides what is drafted and where it goes. */
  repo: RepoName;
  /** What was asked for ("2017-W27", "2018-01", "last", a date, a range); empty or missing means "last". */
  period?: string;
  /** Reads the repository's config: through Probot's context.config in the app, the API or a file in the CLI. */
  readConfig: () => Promise<Config>;
  /** "publish": branch, commit, PR. "draft": the draft only (a preview comment, the CLI's stdout). */
  mode: DraftMode;
  /** The app's login ("devreport[bot]"); asked only when publishing. */
  appLogin?: () => Promise<string>;
  /**
   * Whoever asked must also be allowed to write to the primary repository when it is not `repo` (a comment in one
   * repository must not open PRs in another it cannot write to).
   */
  mayWrite?: (primary: RepoName) => Promise<boolean>;
  /** Web host for links, for GitHub Enterprise Server ("https://github.example.com"). */
  webUrl?: string;
  log?: ProgressLog;
  /** The clock "last" and "this" are read from. */
  now?: Date;
}

interface Drafted {
  period: Period;
  /** The config's primary repository: where the report and its PR live. */
  primary: RepoName;
  draft: Draft;
}

export type DraftOutcome =
  | (PublishOutcome & Drafted)
  | ({ status: "drafted" } & Drafted)
  | { status: "refused"; period: Period; primary: RepoName }
  /** `period` is the resolved id when the period was understood, else what was asked. */
  | { status: "failed"; period: string; error: unknown };

export async function draftAndPublish(request: DraftRequest): Promise<DraftOutcome> {
  const { client, log = () => {}, now } = request;
  const asked = request.period?.trim() || "last";
  let periodId = asked;
  try {
    // A malformed period is known before any config is read.
    parsePeriod(asked, { now });
    const config = await request.readConfig();
    const period = parsePeriod(asked, { kind: config.period, timeZone: config.timeZone, now });
    periodId = period.id;
    const primary = primaryRepository(config);
    if (request.mayWrite && !sameRepo(primary, request.repo) && !(await request.mayWrite(primary))) {
      return { status: "refused", period, primary };
    }
    log(
      `period ${period.id}: ${period.start} .. ${period.end} (${period.timeZone}), repositories ${config.repositories.join(", ")}`,
    );
    const publishing = request.mode === "publish";
    // A path or branch name that must be refused is a config mistake: say so before a single search is spent.
    reportPath(config, period);
    if (publishing) branchName(config, period, primary);
    const draft = await draftReport({ client, config, period, log, webUrl: request.webUrl });
    if (!publishing) return { status: "drafted", period, primary, draft };
    if (!request.appLogin) throw new Error("draftAndPublish: publishing needs the app's login");
    const appLogin = await request.appLogin();
    const outcome = await serialized(`${primary.toLowerCase()} ${period.id}`, () =>
      publishDraft({ client, repo: primary, draft, config, appLogin, log }),
    );
    return { ...outcome, period, primary, draft };
  } catch (error) {
    return { status: "failed", period: periodId, error };
  }
}

/** The repository the report and its PR belong to; config resolution guarantees a plain "owner/name" first. */
export function primaryRepository(config: Pick<Config, "repositories">): RepoName {
  const [primary] = config.repositories;
  if (primary === undefined) throw new Error("config has no repositories");
  return primary;
}

function sameRepo(a: RepoName, b: RepoName): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
