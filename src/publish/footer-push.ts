// After a maintainer pushes an edit of the report, the reference footer is brought up to date: links for the
// references the edit added, none for those it removed. The app's own pushes are ignored, or it would answer itself.
import type { GitHubClient } from "../github/client.js";
import type { RepoName } from "../model.js";
import { updateFooter } from "../report/footer-update.js";
import type { ReferenceStyle } from "../report/references.js";
import { referenceKinds } from "./reference-kinds.js";
import { BranchMoved } from "./errors.js";
import { commitFile, moveBranch, readFileAt, target, treeOf } from "./git.js";
import { messages } from "./text.js";

export interface FooterPushRequest {
  client: GitHubClient;
  /** The repository holding the report branch. */
  repo: RepoName;
  branch: string;
  /** The pushed commit (the push event's `after`). */
  headSha: string;
  path: string;
  appLogin: string;
  /** Login of whoever pushed (the event's sender). */
  pusher: string;
  /** How references are written: the config's repositories and the web host the links point at. */
  style: ReferenceStyle;
}

export type FooterPushOutcome =
  | { status: "ignored"; reason: string }
  | { status: "unchanged" }
  | { status: "updated"; commit: string }
  /** Somebody pushed again before our commit landed; that push's own event refreshes the footer. */
  | { status: "superseded" };

export async function refreshFooterOnPush(request: FooterPushRequest): Promise<FooterPushOutcome> {
  const { client, repo, branch, headSha, path, appLogin, pusher } = request;
  if (pusher.toLowerCase() === appLogin.toLowerCase()) return { status: "ignored", reason: `pushed by ${appLogin}` };
  const t = target(client, repo);
  const text = await readFileAt(t, path, headSha);
  if (text === undefined) return { status: "ignored", reason: `${path} is not on ${branch}` };

  const { style } = request;
  const updated = updateFooter(text, style, await referenceKinds(client, style, [text]));
  if (updated === text) return { status: "unchanged" };

  const commit = await commitFile(t, {
    path,
    text: updated,
    message: messages.footer,
    parents: [headSha],
    baseTree: await treeOf(t, headSha),
  });
  try {
    await moveBranch(t, branch, commit, headSha);
  } catch (error) {
    if (error instanceof BranchMoved) return { status: "superseded" };
    throw error;
  }
  return { status: "updated", commit };
}
