// What starting a schedule gives back, whichever way it runs.
import type { DraftJob } from "./find-due.js";

export interface ScheduleHandle {
  mode: "in-process" | "bullmq";
  /** One tick now, as the timer would run it (in BullMQ: this server discovers and enqueues); the jobs found due. */
  tickNow(): Promise<DraftJob[]>;
  /** Stops the timer and the workers; waits for runs in progress on this server. */
  stop(): Promise<void>;
}
