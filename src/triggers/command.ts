// `/draft-report` in an issue or pull request comment: acknowledge, check the commenter may run it, run the use case
// (publish, or draft only for a preview), reply, and mark the outcome with a reaction. Every failure ends in a
// one-line reply saying what to fix.
import type { Context } from "probot";
import type { GitHubClient } from "../github/client.js";
import { target } from "../publish/git.js";
import { allComments, postSettled } from "../publish/pull-request.js";
import { draftAndPublish } from "../usecase/draft-and-publish.js";
import { loadConfig } from "./config.js";
import type { AppIdentity } from "./identity.js";
import { parseCommand } from "./parse.js";
import { canDraft } from "./permission.js";
import { failure, preview, published, refusal, usage } from "./replies.js";

type CommentContext = Context<"issue_comment.created">;
type Reaction = "eyes" | "+1" | "hooray" | "confused";

export async function onIssueComment(context: CommentContext, identity: AppIdentity): Promise<void> {
  const { comment, repository } = context.payload;
  // The app's own replies (and other bots) quote commands; answering them could loop.
  if (comment.user?.type === "Bot") return;
  const command = parseCommand(comment.body ?? "");
  if (!command) return;

  const repo = repository.full_name;
  const login = comment.user?.login ?? "";
  const client: GitHubClient = context.octokit;
  try {
    await react(context, "eyes");
    if (!(await canDraft(client, repo, login))) {
      // A refusal and nothing else: no reaction, no config read, no draft.
      await reply(context, refusal(repo));
      return;
    }
    if (command.kind === "usage") {
      await reply(context, usage(command.problem));
      await react(context, "confused");
      return;
    }
    const outcome = await draftAndPublish({
      client,
      repo,
      period: command.period,
      readConfig: () => loadConfig(context, repo),
      mode: command.preview ? "draft" : "publish",
      appLogin: () => identity.login(),
      // The PR goes to the config's primary repository, which may not be this one: the commenter must be able to
      // write there too.
      mayWrite: (primary) => canDraft(client, primary, login),
      webUrl: new URL(repository.html_url).origin,
      log: (line) => context.log.info({ repo, comment: comment.id }, line),
    });
    switch (outcome.status) {
      case "failed":
        throw outcome.error;
      case "refused":
        await reply(context, refusal(outcome.primary));
        return;
      case "drafted":
        await reply(context, preview(outcome.period.id, outcome.draft.markdown));
        await react(context, "+1");
        return;
      default:
        context.log.info(
          { repo, comment: comment.id },
          `${outcome.status}: ${outcome.draft.path} in ${outcome.primary}#${outcome.pr.number}`,
        );
        await reply(context, published(outcome, outcome.draft.path, outcome.primary, repo));
        await react(
          context,
          outcome.status === "conflict" ? "confused" : outcome.status === "created" ? "hooray" : "+1",
        );
    }
  } catch (error) {
    context.log.error({ err: error, repo, comment: comment.id }, "/draft-report failed");
    try {
      await reply(context, failure(error, repo));
      await react(context, "confused");
    } catch (replyError) {
      // Nobody can be told (the app may lack issues: write); the log is all there is.
      context.log.error({ err: replyError, repo }, "could not reply to /draft-report");
    }
  }
}

async function react(context: CommentContext, content: Reaction): Promise<void> {
  await context.octokit.rest.reactions.createForIssueComment(
    context.repo({ comment_id: context.payload.comment.id, content }),
  );
}

/**
 * The reply is a POST GitHub may have acted on without saying so (a 5xx, a lost answer): it is settled by looking
 * for the app's comment with this body from the last minute, and posted once more only when there is none.
 */
async function reply(context: CommentContext, body: string): Promise<void> {
  const t = target(context.octokit, context.payload.repository.full_name);
  const number = context.payload.issue.number;
  const since = Date.now() - 60_000;
  await postSettled(
    t,
    number,
    body,
    async () =>
      (await allComments(t, number)).find(
        (c) => c.body === body && c.user?.type === "Bot" && Date.parse(c.created_at ?? "") >= since,
      )?.html_url,
  );
}
