// One tick's discovery: the drafts that fell due in the tick's window, one per repository whose config asks for
// it. A repository that cannot be read, or whose config is wrong, is logged and skipped; the others go on.
import pLimit from "p-limit";
import type { Logger, Probot } from "probot";
import { messageInOneLine } from "../github/errors.js";
import { primaryRepository } from "../usecase/draft-and-publish.js";
import { draftJobId, dueDraft, type TickWindow } from "./due.js";
import { installedRepositories, readScheduledConfig, type InstalledRepository } from "./discover.js";

/** What a scheduled run needs, as plain JSON (it is a BullMQ job's data). */
export interface DraftJob {
  /**
   * draftJobId(primary, periodId), the same for every server, restart and retry. Keyed by the config's primary
   * repository (where the report lives): repositories sharing one config (the owner's `.github`) make one job.
   */
  id: string;
  installationId: number;
  /** The repository whose config asked; the run reads it again from there. */
  repo: string;
  periodId: string;
  /** ISO time the schedule fired; the run reads "last" from it. */
  due: string;
  webUrl?: string;
}

/** Config reads in flight per tick: discovery is a small burst every quarter hour, not a flood. */
const READS_IN_FLIGHT = 4;

export async function findDueDrafts(app: Probot, window: TickWindow, log: Logger): Promise<DraftJob[]> {
  const repositories = await installedRepositories(app);
  const limit = pLimit(READS_IN_FLIGHT);
  const tokens = new Map<number, ReturnType<Probot["auth"]>>();
  const octokitOf = (installationId: number) => {
    let octokit = tokens.get(installationId);
    if (!octokit) tokens.set(installationId, (octokit = app.auth(installationId)));
    return octokit;
  };
  // The owner's `.github` repository holds shared config, not a project to report on.
  const projects = repositories.filter((target) => target.repo.split("/")[1]?.toLowerCase() !== ".github");
  const jobs = await Promise.all(projects.map((target) => limit(() => dueFor(target))));
  const unique = new Map<string, DraftJob>();
  for (const job of jobs) if (job && !unique.has(job.id)) unique.set(job.id, job);
  return [...unique.values()];

  async function dueFor(target: InstalledRepository): Promise<DraftJob | undefined> {
    try {
      const read = await readScheduledConfig(await octokitOf(target.installationId), target);
      if (read.status === "none") return undefined;
      if (read.status === "error") {
        log.warn({ repo: target.repo }, `schedule: skipping ${target.repo}: ${read.message}`);
        return undefined;
      }
      const due = dueDraft(read.config, window);
      if (!due) return undefined;
      return {
        id: draftJobId(primaryRepository(read.config), due.period.id),
        installationId: target.installationId,
        repo: target.repo,
        periodId: due.period.id,
        due: due.due.toISOString(),
        ...(target.webUrl ? { webUrl: target.webUrl } : {}),
      };
    } catch (error) {
      log.warn({ err: error, repo: target.repo }, `schedule: skipping ${target.repo}: ${messageInOneLine(error)}`);
      return undefined;
    }
  }
}
