// One publishing attempt: read the branch and its PR, decide what the new draft means for them, write.
// Every write that can race (creating or moving the branch) throws BranchMoved, and the caller decides again.
import { reasonOf } from "../github/errors.js";
import { BranchMoved, PublishError, Unverified } from "./errors.js";
import { addFile, branchHead, commitFile, createBranch, deleteOwnBranch, moveBranch, readFileAt } from "./git.js";
import { branchCommits, isHuman, type BranchCommit } from "./history.js";
import { refuseForeignBranch, refuseProtected } from "./ownership.js";
import { findPull } from "./pull-request.js";
import { messages } from "./text.js";
import type { PublishOutcome } from "./types.js";
import { ensurePull, openAndDecorate, periodId, treeAt, type Attempt, type Step } from "./attempt.js";
import { mergeIntoEdits } from "./merge-edits.js";

export type { Attempt } from "./attempt.js";

export async function publishOnce(a: Attempt): Promise<PublishOutcome> {
  const head = await branchHead(a.t, a.branch);
  return head === undefined ? createDraftBranch(a) : updateDraftBranch(a, head);
}

/**
 * The first draft of a period: the branch at the default branch's head, then the report added on it in one write
 * (git.ts addFile), then the PR: three writes where blob, tree, commit and ref took four. The branch never stays
 * without the whole draft: a failed addFile takes the branch back.
 */
async function createDraftBranch(a: Attempt): Promise<PublishOutcome> {
  const { t, request, branch } = a;
  const { draft } = request;
  const start = await branchHead(t, a.base);
  if (start === undefined)
    throw new PublishError(`${t.repo}: the default branch ${a.base} has no commits; push one before drafting reports`);
  // A merged report has lost its branch; drafting it again would offer to overwrite the maintainers' final text.
  if ((await readFileAt(t, draft.path, start)) !== undefined) {
    throw new PublishError(
      `${t.repo}: ${draft.path} is already on ${a.base}, so the ${periodId(a)} report was published; edit it there, or delete it to draft again`,
    );
  }
  try {
    await createBranch(t, branch, start);
  } catch (error) {
    if (error instanceof BranchMoved) throw error;
    if (error instanceof Unverified) {
      throw new PublishError(
        `${t.repo}: creating ${branch} failed (${reasonOf(error)}); if ${branch} is there without a PR, delete it or re-run`,
        { cause: error },
      );
    }
    throw new PublishError(
      `${t.repo}: creating ${branch} failed (${reasonOf(error)}); nothing was changed, run again`,
      { cause: error },
    );
  }
  let commit: string;
  try {
    commit = await addFile(
      t,
      { branch, path: draft.path, text: draft.markdown, message: messages.draft(periodId(a)) },
      start,
    );
  } catch (failure) {
    if (failure instanceof BranchMoved) throw failure;
    const reason = reasonOf(failure);
    try {
      await deleteOwnBranch(t, branch, start);
    } catch (cleanup) {
      throw new PublishError(
        `${t.repo}: writing the ${periodId(a)} draft commit for ${branch} failed (${reason}) and deleting the branch failed too (${reasonOf(cleanup)}); ${branch} is left without a draft, which a re-run will not take over: delete it, then run again`,
        { cause: failure },
      );
    }
    throw new PublishError(
      `${t.repo}: writing the ${periodId(a)} draft commit for ${branch} failed (${reason}); nothing was changed, run again`,
      { cause: failure },
    );
  }
  a.log(`${t.repo}: created ${branch} with ${draft.path}`);
  try {
    const pr = await ensurePull(a);
    return { status: "created", branch, pr };
  } catch (error) {
    if (error instanceof Unverified) {
      // The PR may be there: deleting its branch would close it, so the branch stays for a re-run to settle.
      throw new PublishError(
        `${t.repo}: opening the PR for ${branch} failed (${reasonOf(error)}); if ${branch} has no PR, delete it or re-run`,
        { cause: error },
      );
    }
    // No PR was opened. No branch without its PR: this run made the branch, so it takes it back.
    const reason = reasonOf(error);
    try {
      await deleteOwnBranch(t, branch, commit);
    } catch (cleanup) {
      throw new PublishError(
        `${t.repo}: opening the PR for ${branch} failed (${reason}) and deleting the branch failed too (${reasonOf(cleanup)}); left branch ${branch} without a PR: delete it or re-run`,
        { cause: error },
      );
    }
    throw new PublishError(
      `${t.repo}: opening the PR for ${branch} failed (${reason}); ${branch} was deleted so the next run starts clean`,
      { cause: error },
    );
  }
}

async function updateDraftBranch(a: Attempt, head: string): Promise<PublishOutcome> {
  const { t, request, branch } = a;
  const open = await findPull(t, branch, "open");
  const existing = open && { number: open.number, url: open.url };
  if (!existing) {
    const closed = await findPull(t, branch, "closed");
    if (closed) {
      throw new PublishError(
        `${t.repo}: the ${periodId(a)} report PR #${closed.number} on ${branch} was ${closed.merged ? "merged" : "closed"}; reopen it, or delete ${branch} to draft again`,
      );
    }
  }
  const commits = await branchCommits(t, a.base, head, branch);
  refuseForeignBranch(t, branch, a.base, commits, request.appLogin);
  const edited = commits.some((c) => isHuman(c, request.appLogin));
  const step = edited ? await mergeIntoEdits(a, head, commits, existing) : await replaceDraft(a, head, commits);
  // A branch left without its PR (a run that died between the two) gets one now that its commit is there.
  if (step.status === "conflict") return { ...step, branch };
  if (existing) return { ...step, branch, pr: existing };
  const { link, opened } = await openAndDecorate(a).catch((error: unknown) => {
    if (error instanceof PublishError) throw error;
    throw new PublishError(
      `${t.repo}: opening the PR for ${branch} failed (${reasonOf(error)}); ${branch} holds the draft but may have no PR yet: re-run to open it`,
      { cause: error },
    );
  });
  // Said in the reply: the branch an earlier run left without its PR has one now.
  return { ...step, branch, pr: link, ...(opened && !a.afterMove ? { openedPull: true as const } : {}) };
}

/** Only the app has written the branch: the new draft simply goes on top. */
async function replaceDraft(a: Attempt, head: string, commits: BranchCommit[]): Promise<Step> {
  const { t, request } = a;
  const current = await readFileAt(t, request.draft.path, head);
  if (current === request.draft.markdown) return { status: "unchanged" };
  await refuseProtected(t, a.branch);
  const commit = await commitFile(t, {
    path: request.draft.path,
    text: request.draft.markdown,
    message: messages.regenerate(periodId(a)),
    parents: [head],
    baseTree: await treeAt(a, head, commits),
  });
  await moveBranch(t, a.branch, commit, head);
  a.log(`${t.repo}: committed the regenerated ${request.draft.path} on ${a.branch}`);
  return { status: "updated" };
}
