// The Probot app (`npm start` runs it through src/server.ts). It only connects events to src/triggers/* and starts
// the hosted schedule (src/schedule/). No workflow_dispatch handler: those runs are the devreport Action's.
import type { ApplicationFunctionOptions, Probot } from "probot";
import { onIssueComment } from "./triggers/command.js";
import { oncePerDelivery, RecentDeliveries } from "./triggers/deliveries.js";
import { appIdentity } from "./triggers/identity.js";
import { startSchedule } from "./schedule/start.js";
import { onPush } from "./triggers/push.js";
import { onRepositoryDispatch } from "./triggers/schedule.js";

export default (app: Probot, options?: ApplicationFunctionOptions): void => {
  // The server asks GitHub for its slug once (GET /app); a caller that knows it may pass `appSlug`.
  const identity = appIdentity(app, typeof options?.appSlug === "string" ? options.appSlug : undefined);
  // A redelivered (or replayed) webhook must not draft, reply or comment a second time.
  const deliveries = new RecentDeliveries();
  app.on(
    "issue_comment.created",
    oncePerDelivery(deliveries, (context) => onIssueComment(context, identity)),
  );
  app.on(
    "push",
    oncePerDelivery(deliveries, (context) => onPush(context, identity)),
  );
  app.on(
    "repository_dispatch",
    oncePerDelivery(deliveries, (context) => onRepositoryDispatch(context, identity)),
  );
  // The hosted schedule: off unless DEVREPORT_SCHEDULE=on or DEVREPORT_CRON is set (docs/install.md); BullMQ when
  // REDIS_URL is set. Bad settings throw here, so the server does not start with them.
  startSchedule(app, process.env, identity).catch((error: unknown) =>
    app.log.error({ err: error }, "schedule: could not start"),
  );
};
