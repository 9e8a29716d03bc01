// The Probot entry (`probot run ./lib/index.js`, and src/action.ts in GitHub Actions). It only connects events to
// src/triggers/*, where the work and its tests live.
import type { ApplicationFunctionOptions, Probot } from "probot";
import { onIssueComment } from "./triggers/command.js";
import { appIdentity } from "./triggers/identity.js";
import { startSchedule } from "./schedule/start.js";
import { onPush } from "./triggers/push.js";
import { onAnyEvent, onRepositoryDispatch, onWorkflowDispatch } from "./triggers/schedule.js";

export default (app: Probot, options?: ApplicationFunctionOptions): void => {
  // src/action.ts passes the slug it got from actions/create-github-app-token; the server asks GitHub once.
  const identity = appIdentity(app, typeof options?.appSlug === "string" ? options.appSlug : undefined);
  app.on("issue_comment.created", (context) => onIssueComment(context, identity));
  app.on("push", (context) => onPush(context, identity));
  app.on("repository_dispatch", (context) => onRepositoryDispatch(context, identity));
  app.on("workflow_dispatch", (context) => onWorkflowDispatch(context, identity));
  // `schedule` (GitHub Actions only, replayed by src/action.ts) is not in Probot's typed event names.
  app.onAny((event) => onAnyEvent(event, identity));
  // The hosted schedule: off unless DEVREPORT_SCHEDULE=on or DEVREPORT_CRON is set (docs/install.md); BullMQ when
  // REDIS_URL is set. Bad settings throw here, so the server does not start with them.
  startSchedule(app, process.env, identity).catch((error: unknown) => app.log.error({ err: error }, "schedule: could not start"));
};
