// One scenario's draft in a process of its own, so its wall time and peak RSS are the CLI's alone (the fake GitHub
// runs in the parent). Reads a ChildJob as JSON from argv[2]; answers with a ChildResult over the IPC channel.
import { draftScenario, timeRendering, type Scenario } from "./scenarios.js";

export interface ChildJob {
  scenario: Scenario;
  apiUrl: string;
  /** The same fake under its GHE prefix (/api/v3): the parent tells the untimed rendering run's requests apart. */
  renderApiUrl: string;
  /** Skip the rendering measurement (fault runs measure the draft only). */
  skipRendering?: boolean;
}

export interface ChildResult {
  code: number;
  summary: string;
  markdown: string;
  wallMs: number;
  peakRssMb: number;
  cost?: number;
  remaining?: number | null;
  renderMs?: number;
  renderItems?: number;
  /** Compose + render over exactly 5,000 of the items, when there are more. */
  render5000Ms?: number;
}

const job = JSON.parse(process.argv[2] ?? "{}") as ChildJob;
const started = performance.now();
const run = await draftScenario(job.scenario, job.apiUrl);
const wallMs = performance.now() - started;
// maxRSS is a high-water mark in KiB: read it before the rendering measurement adds a second copy of the activity.
const peakRssMb = process.resourceUsage().maxRSS / 1024;
const result: ChildResult = {
  code: run.code,
  summary: run.summary,
  markdown: run.markdown,
  wallMs,
  peakRssMb,
  cost: run.cost,
  remaining: run.remaining,
};
if (!job.skipRendering && run.code === 0) {
  const timing = await timeRendering(job.scenario, job.renderApiUrl);
  Object.assign(result, { renderMs: timing.ms, renderItems: timing.items, render5000Ms: timing.ms5000 });
}
process.send!(result, () => process.exit(0));
