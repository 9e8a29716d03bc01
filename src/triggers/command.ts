// `/draft-report` in an issue or pull request comment: acknowledge, check the commenter may run it, draft, publish
// (or preview), reply, and mark the outcome with a reaction. Every failure ends in a one-line reply saying what to fix.
import type { Context } from "probot";
import type { GitHubClient } from "../github/client.js";
import { draftReport } from "../draft.js";
import { parsePeriod } from "../period.js";
import { publishDraft } from "../publish/index.js";
import { loadConfig } from "./config.js";
import type { AppIdentity } from "./identity.js";
import { parseCommand } from "./parse.js";
import { canDraft } from "./permission.js";
import { failure, preview, published, refusal, usage } from "./replies.js";
import { serialized } from "./serialize.js";

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
  const log = (line: string) => context.log.info({ repo, comment: comment.id }, line);
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
    // A malformed period is known before any config is read.
    parsePeriod(command.period);
    const config = await loadConfig(context, repo);
    const period = parsePeriod(command.period, { kind: config.period, timeZone: config.timeZone });
    const primary = config.repositories[0]!;
    // The PR goes to the config's primary repository, which may not be this one: the commenter must be able to
    // write there too.
    if (primary.toLowerCase() !== repo.toLowerCase() && !(await canDraft(client, primary, login))) {
      await reply(context, refusal(primary));
      return;
    }
    const webUrl = new URL(repository.html_url).origin;
    const draft = await draftReport({ client, config, period, log, webUrl });
    if (command.preview) {
      await reply(context, preview(period.id, draft.markdown));
      await react(context, "+1");
      return;
    }
    const appLogin = await identity.login();
    const outcome = await serialized(`${primary.toLowerCase()} ${period.id}`, () =>
      publishDraft({ client, repo: primary, draft, config, appLogin, log }),
    );
    log(`${outcome.status}: ${draft.path} in ${primary}#${outcome.pr.number}`);
    await reply(context, published(outcome, draft.path, primary, repo));
    await react(context, outcome.status === "conflict" ? "confused" : outcome.status === "created" ? "hooray" : "+1");
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
  await context.octokit.rest.reactions.createForIssueComment(context.repo({ comment_id: context.payload.comment.id, content }));
}

async function reply(context: CommentContext, body: string): Promise<void> {
  await context.octokit.rest.issues.createComment(context.issue({ body }));
}
