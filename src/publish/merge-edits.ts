// A draft branch maintainers have edited: the new draft merged into their text, or a conflict said in the PR.
import { draftLinesIn, mergeDrafts } from "../report/merge.js";
import { PublishError } from "./errors.js";
import { commitFile, commitTree, moveBranch, readFileAt } from "./git.js";
import { latestDraft, type BranchCommit } from "./history.js";
import { refuseProtected } from "./ownership.js";
import { commentOnce } from "./pull-request.js";
import { referenceKinds } from "./reference-kinds.js";
import { conflictComment, conflictMarker, draftHash, messages } from "./text.js";
import type { PullRequestLink } from "./types.js";
import { ensurePull, periodId, treeAt, type Attempt, type Step } from "./attempt.js";

/**
 * Maintainers have edited the branch: merge the new draft into their text, with the app's last draft as the base.
 * The regenerated draft is committed beside the edits (on the last draft commit) and merged with a real two-parent
 * merge, so the next run finds this draft as its base and the PR shows what the draft changed.
 */
export async function mergeIntoEdits(
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
