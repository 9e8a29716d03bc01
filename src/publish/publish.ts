// One publishing attempt: read the branch and its PR, decide what the new draft means for them, write.
// Every write that can race (creating or moving the branch) throws BranchMoved, and the caller decides again.
import type { ProgressLog } from "../github/client.js";
import { draftLinesIn, mergeDrafts } from "../report/merge.js";
import type { ReferenceStyle } from "../report/references.js";
import { reasonOf } from "../github/errors.js";
import { BranchMoved, PublishError, Unverified } from "./errors.js";
import {
  addFile,
  branchHead,
  commitFile,
  commitTree,
  createBranch,
  deleteOwnBranch,
  moveBranch,
  readFileAt,
  treeOf,
  type RepoTarget,
} from "./git.js";
import { referenceKinds } from "./reference-kinds.js";
import { branchCommits, isHuman, latestDraft, type BranchCommit } from "./history.js";
import { refuseForeignBranch, refuseProtected } from "./ownership.js";
import { commentOnce, decoratePull, findPull, openPull } from "./pull-request.js";
import { conflictComment, conflictMarker, draftHash, messages, pullBody, pullTitle } from "./text.js";
import type { PublishOutcome, PublishRequest, PullRequestLink } from "./types.js";

export interface Attempt {
  t: RepoTarget;
  request: PublishRequest;
  base: string;
  branch: string;
  style: ReferenceStyle;
  log: ProgressLog;
  /** A second try after another run wrote the branch: a PR missing then is that run's to open, not a leftover. */
  afterMove?: boolean;
}

/** What happened to the branch's content; the PR is settled separately. */
type Step =
  { status: "updated" | "unchanged" | "merged" } | { status: "conflict"; commentUrl: string; pr: PullRequestLink };

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

/**
 * Maintainers have edited the branch: merge the new draft into their text, with the app's last draft as the base.
 * The regenerated draft is committed beside the edits (on the last draft commit) and merged with a real two-parent
 * merge, so the next run finds this draft as its base and the PR shows what the draft changed.
 */
async function mergeIntoEdits(
  a: Attempt,
  head: string,
  commits: BranchCommit[],
  pr: PullRequestLink | undefined,
): Promise<Step> {
  const { t, request, branch } = a;
  const { draft } = request;
  const last = latestDraft(commits, request.appLogin);
  if (!last) {
    throw new PublishError(
      `${t.repo}: ${branch} has no draft commit by ${request.appLogin}, so its edits cannot be merged; rename or delete the branch to draft ${periodId(a)}`,
    );
  }
  const base = await readFileAt(t, draft.path, last.sha);
  const ours = await readFileAt(t, draft.path, head);
  if (base === undefined || ours === undefined) {
    throw new PublishError(
      `${t.repo}: ${draft.path} is missing on ${branch}; restore it, or delete ${branch} to draft ${periodId(a)} again`,
    );
  }
  if (base === draft.markdown) return { status: "unchanged" };

  const kindOf = await referenceKinds(a.t.client, a.style, [ours, base, draft.markdown], draft.report);
  const result = mergeDrafts({ base, ours, theirs: draft.markdown, style: a.style, kindOf });
  // The maintainers' text already holds the new draft (a conflict resolved by hand): the draft becomes the base.
  if (result.clean ? result.text === ours : draftLinesIn(result.conflicts, ours))
    return recordAsBase(a, head, commits, last);
  if (!result.clean) {
    const hash = draftHash(draft.markdown);
    const body = conflictComment({
      id: periodId(a),
      branch,
      path: draft.path,
      hash,
      head,
      conflicts: result.conflicts,
      newItems: result.newItems,
    });
    const target = pr ?? (await ensurePull(a));
    const commentUrl = await commentOnce(t, target.number, conflictMarker(periodId(a), hash, head), body);
    a.log(
      `${t.repo}: the new ${draft.path} conflicts with the edits on ${branch} (${result.conflicts.length} places); commented on #${target.number}`,
    );
    return { status: "conflict", commentUrl, pr: target };
  }

  await refuseProtected(t, branch);
  const regenerated = await commitRegenerated(a, last);
  const merge = await commitFile(t, {
    path: draft.path,
    text: result.text,
    message: messages.merge(periodId(a)),
    parents: [head, regenerated],
    baseTree: await treeAt(a, head, commits),
  });
  await moveBranch(t, branch, merge, head);
  a.log(`${t.repo}: merged the regenerated ${draft.path} into the edits on ${branch}`);
  return { status: "merged" };
}

/** The regenerated draft beside the edits, on the last draft commit: the base the next merge starts from. */
function commitRegenerated(a: Attempt, last: BranchCommit): Promise<string> {
  const { draft } = a.request;
  return commitFile(a.t, {
    path: draft.path,
    text: draft.markdown,
    message: messages.regenerate(periodId(a)),
    parents: [last.sha],
    baseTree: last.tree,
  });
}

/**
 * The edits already hold the new draft: their text stays as it is, and a merge commit that changes nothing (the
 * head's tree, the regenerated draft as second parent, as a real merge records it) makes this draft the next base,
 * so what was resolved once does not conflict again.
 */
async function recordAsBase(a: Attempt, head: string, commits: BranchCommit[], last: BranchCommit): Promise<Step> {
  const { t, branch } = a;
  await refuseProtected(t, branch);
  const regenerated = await commitRegenerated(a, last);
  const record = await commitTree(t, {
    message: messages.taken(periodId(a)),
    tree: await treeAt(a, head, commits),
    parents: [head, regenerated],
  });
  await moveBranch(t, branch, record, head);
  a.log(
    `${t.repo}: the edits on ${branch} already hold the regenerated ${a.request.draft.path}; recorded it as the merge base`,
  );
  return { status: "unchanged" };
}

/** PR-or-issue for every number the texts use: the report knows its own, the footers theirs, GitHub the rest. */
async function ensurePull(a: Attempt): Promise<PullRequestLink> {
  return (await openAndDecorate(a)).link;
}

async function openAndDecorate(a: Attempt): Promise<{ link: PullRequestLink; opened: boolean }> {
  const { request } = a;
  const { link, opened } = await openPull(
    a.t,
    {
      branch: a.branch,
      base: a.base,
      title: pullTitle(request.draft.markdown, request.draft.report),
      body: pullBody(request.draft.report, request.draft.path),
    },
    request.sleep,
  );
  if (opened) await decoratePull(a.t, link.number, request.config.publish, a.log);
  a.log(`${a.t.repo}: ${opened ? "opened" : "found"} #${link.number} for ${a.branch}`);
  return { link, opened };
}

async function treeAt(a: Attempt, sha: string, commits: BranchCommit[]): Promise<string> {
  return commits.find((c) => c.sha === sha)?.tree ?? treeOf(a.t, sha);
}

function periodId(a: Attempt): string {
  return a.request.draft.report.period.id;
}
