// A maintainer pushed to a report branch (edited the draft): let publish refresh the reference footer so links the
// edit added or removed stay defined. Never for the app's own pushes, which would answer themselves forever.
import type { Context } from "probot";
import type { GitHubClient } from "../github/client.js";
import { parsePeriod } from "../period.js";
import { refreshFooterOnPush } from "../publish/footer-push.js";
import { reportPath } from "../report/naming.js";
import { periodOfBranch } from "./branch.js";
import { loadConfig } from "./config.js";
import type { AppIdentity } from "./identity.js";

export async function onPush(context: Context<"push">, identity: AppIdentity): Promise<void> {
  const { ref, deleted, after, sender, repository } = context.payload;
  // Cheap filters first: every push to the repository arrives here, and only a few are edits of a report branch.
  if (!ref.startsWith("refs/heads/") || deleted) return;
  if (sender?.type === "Bot") return;
  const appLogin = await identity.login();
  if (sender?.login === appLogin) return;

  const repo = repository.full_name;
  const branch = ref.slice("refs/heads/".length);
  const config = await loadConfig(context, repo);
  // Report PRs live in the primary repository; a branch of the same name elsewhere is someone else's.
  if (config.repositories[0]!.toLowerCase() !== repo.toLowerCase()) return;
  const periodText = periodOfBranch(config.publish.branch, branch);
  if (periodText === null) return;

  let path: string;
  try {
    const period = parsePeriod(periodText, { kind: config.period, timeZone: config.timeZone });
    path = reportPath(config, period);
  } catch {
    // "devreport/notes" matches "devreport/{{id}}" but names no period: not a report branch.
    return;
  }
  const client: GitHubClient = context.octokit;
  context.log.info(
    { repo, branch, pusher: sender?.login },
    `push to report branch ${branch}: refreshing the footer of ${path}`,
  );
  const outcome = await refreshFooterOnPush({
    client,
    repo,
    branch,
    headSha: after,
    path,
    appLogin,
    pusher: sender?.login ?? context.payload.pusher.name,
    // The links point at the host the repository lives on (GitHub Enterprise Server included).
    style: { repositories: config.repositories, webUrl: new URL(repository.html_url).origin },
  });
  context.log.info({ repo, branch, ...outcome }, `footer of ${path} on ${branch}: ${outcome.status}`);
}
