// The benchmark's scenarios and the one function that drafts one of them the way the CLI does. Used by the
// benchmark's child process and, with latency 0, by test/bench (request counts only).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCli } from "../../src/cli/run.js";
import { collectActivity } from "../../src/collect/index.js";
import { parseConfigText, type Config } from "../../src/config/index.js";
import { linuxkitMonthly } from "../../src/config/presets/linuxkit-monthly.js";
import { defaultTemplate } from "../../src/draft.js";
import { createClient, webUrlFor } from "../../src/github/octokit.js";
import type { Activity, Period, RepoName } from "../../src/model.js";
import { parsePeriod } from "../../src/period.js";
import { composeReport } from "../../src/report/compose.js";
import { render } from "../../src/report/render.js";

export type ScenarioName = "a" | "b" | "c" | "d";

export interface Scenario {
  name: ScenarioName;
  title: string;
  /** Dataset directories for the fake GitHub. */
  data: string[];
  repositories: RepoName[];
  period: Period;
  /** The config text and the repository it belongs to (what --repo would read). */
  configText: string;
  self?: RepoName;
  /** runCli with these arguments (plus --api-url/--token). */
  via: { kind: "cli"; args: string[] };
}

export const LINUXKIT_REPOSITORIES = ["linuxkit/linuxkit", "linuxkit/linuxkit-ci", "linuxkit/rtf", "linuxkit/virtsock"];

/** 2017 as one window: a range of days, which the CLI's --week accepts. */
const YEAR_2017 = "2017-01-01..2017-12-31";

export function linuxKitScenarios(linuxkit: string, overlay: string): [Scenario, Scenario] {
  const common = {
    data: [linuxkit, overlay],
    repositories: LINUXKIT_REPOSITORIES,
    configText: "preset: linuxkit\n",
    self: "linuxkit/linuxkit",
  };
  return [
    {
      ...common,
      name: "a",
      title: "LinuxKit 2017-W27 (CLI)",
      period: parsePeriod("2017-W27"),
      via: { kind: "cli", args: ["draft", "--repo", "linuxkit/linuxkit", "--week", "2017-W27", "--quiet"] },
    },
    {
      ...common,
      name: "b",
      title: "LinuxKit 2017, one window (CLI)",
      period: parsePeriod(YEAR_2017),
      via: { kind: "cli", args: ["draft", "--repo", "linuxkit/linuxkit", "--week", YEAR_2017, "--quiet"] },
    },
  ];
}

/**
 * (d): LinuxKit's March 2018 in the monthly format (preset linuxkit-monthly, test/fixtures/linuxkit-monthly): the
 * searches of merged PRs and closed issues plus those of work opened and updated in the month.
 */
export function monthlyScenario(linuxkit: string, monthlyOverlay: string): Scenario {
  const configText = "preset: linuxkit-monthly\n";
  return {
    name: "d",
    title: "LinuxKit 2018-03, monthly format (CLI)",
    data: [linuxkit, monthlyOverlay],
    self: "linuxkit/linuxkit",
    // As the fixture's .github/devreport.yml lists them: the preset's seven, and linuxkit/linuxkit-ci.
    repositories: [...(linuxkitMonthly.repositories ?? []), "linuxkit/linuxkit-ci"],
    period: parsePeriod("2018-03", { kind: "month" }),
    configText,
    via: { kind: "cli", args: ["draft", "--repo", "linuxkit/linuxkit", "--period", "2018-03", "--quiet"] },
  };
}

/** (c): the synthetic organisation in `dir` (see synthetic.ts); its config file is written beside the dataset. */
export function syntheticScenario(dir: string, week = "2024-W10"): Scenario {
  // The config schema wants a primary repository (where the report lives) ahead of `owner/*`.
  const configText = 'repositories: ["synth/repo-001", "synth/*"]\n';
  const configFile = join(dir, "devreport.yml");
  writeFileSync(configFile, configText);
  return {
    name: "c",
    title: `synthetic org, ${week} (CLI)`,
    data: [dir],
    repositories: ["synth/repo-001", "synth/*"],
    period: parsePeriod(week),
    configText,
    via: { kind: "cli", args: ["draft", "--config", configFile, "--week", week, "--quiet"] },
  };
}

export function scenarioConfig(scenario: Scenario): Config {
  return parseConfigText(scenario.configText, { source: `bench ${scenario.name}`, self: scenario.self });
}

export interface DraftRun {
  markdown: string;
  /** 0 for success; the CLI's exit code. */
  code: number;
  /** The CLI's last progress line or error, or the draft's stats rendered the same way. */
  summary: string;
  cost?: number;
  remaining?: number | null;
}

/** Drafts a scenario through the CLI, which builds its own client with the default retry policy. */
export async function draftScenario(scenario: Scenario, apiUrl: string): Promise<DraftRun> {
  let stdout = "";
  let stderr = "";
  // Progress stays on so the summary line (cost, remaining) can be read; --quiet is dropped for that.
  const args = [...scenario.via.args.filter((a) => a !== "--quiet"), "--api-url", apiUrl, "--token", "bench"];
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: {} });
  const lines = stderr.trim().split("\n");
  const summary = lines[lines.length - 1] ?? "";
  const match = /rate-limit cost (\d+)(?:, (\d+) remaining)?/.exec(summary);
  return {
    markdown: stdout,
    code,
    summary,
    cost: match ? Number(match[1]) : undefined,
    remaining: match?.[2] === undefined ? null : Number(match[2]),
  };
}

export interface RenderTiming {
  items: number;
  /** Median of `rounds` runs of compose + render over the same activity. */
  ms: number;
  /** The same over exactly 5,000 of the items (PRs first), when there are more: the brief's target size. */
  ms5000?: number;
  markdown: string;
}

const TARGET_ITEMS = 5000;

/**
 * Collects once (not timed), then times composeReport + render, the pure part of draftReport. The title is the
 * config's: draftReport may pick another for a period that does not fit it, which costs nothing measurable.
 */
export async function timeRendering(scenario: Scenario, apiUrl: string, rounds = 5): Promise<RenderTiming> {
  const client = createClient({ token: "bench", apiUrl });
  const config = scenarioConfig(scenario);
  const { activity } = await collectActivity(client, { repositories: config.repositories, period: scenario.period });
  const template = defaultTemplate();
  const time = (input: Activity): { ms: number; markdown: string } => {
    const times: number[] = [];
    let markdown = "";
    for (let round = 0; round < rounds; round++) {
      const started = performance.now();
      const report = composeReport(input, config);
      // Links as the timed run made them (its API URL has no /api/v3, so they point at github.com).
      markdown = render(report, {
        template,
        title: config.title,
        intro: config.intro,
        outro: config.outro,
        webUrl: webUrlFor(undefined),
      });
      times.push(performance.now() - started);
    }
    times.sort((x, y) => x - y);
    return { ms: times[Math.floor(rounds / 2)] ?? 0, markdown };
  };
  const all = time(activity);
  const items = activity.pulls.length + activity.issues.length;
  let ms5000: number | undefined;
  if (items > TARGET_ITEMS) {
    const pulls = activity.pulls.slice(0, TARGET_ITEMS);
    ms5000 = time({ ...activity, pulls, issues: activity.issues.slice(0, TARGET_ITEMS - pulls.length) }).ms;
  }
  return { items, ms: all.ms, ms5000, markdown: all.markdown };
}
