// The hosted app's own schedule: src/index.ts calls this once. Nothing starts unless DEVREPORT_SCHEDULE=on or
// DEVREPORT_CRON is set (settings.ts); with REDIS_URL it runs on BullMQ, shared by every server, else in this process.
import type { Probot } from "probot";
import type { AppIdentity } from "../triggers/identity.js";
import { startBullMqSchedule } from "./bullmq.js";
import type { ScheduleHandle } from "./handle.js";
import { startInProcessSchedule } from "./in-process.js";
import { scheduleSettings, type ScheduleEnv, type ScheduleSettings } from "./settings.js";

export type { ScheduleHandle } from "./handle.js";

/** Throws at once for bad settings; resolves to undefined when the schedule is off. */
export function startSchedule(
  app: Probot,
  env: ScheduleEnv,
  identity: AppIdentity,
  overrides: Partial<ScheduleSettings> = {},
): Promise<ScheduleHandle | undefined> {
  const settings = scheduleSettings(env, overrides);
  if (!settings) return Promise.resolve(undefined);
  const log = app.log.child({ name: "schedule" });
  log.info(
    `schedule: ticking "${settings.tick}" (UTC) ${settings.redisUrl ? "on BullMQ over REDIS_URL" : "in this process (no REDIS_URL)"}`,
  );
  return settings.redisUrl
    ? startBullMqSchedule(app, identity, settings, log)
    : Promise.resolve(startInProcessSchedule(app, identity, settings, log));
}
