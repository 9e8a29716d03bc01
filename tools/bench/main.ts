// `npm run bench`: the drafting benchmark (see bench/README.md). Thin: runBench does the work, this prints the table
// and the targets and writes bench/results.json.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { DEFAULT_SEARCH_GRAMMAR, SEARCH_GRAMMARS, type SearchGrammar } from "@devreport/fake-github";
import { LATENCY_MS, runBench } from "./run.js";
import { formatTable, formatTargets, targets } from "./table.js";
import { appTargets, benchApp, formatAppTable, type AppRow } from "./app.js";
import { syntheticScenario } from "./scenarios.js";
import { linuxKitFileCounts, writeSyntheticDataset } from "./synthetic.js";

const root = new URL("../../", import.meta.url);
const path = (relative: string): string => fileURLToPath(new URL(relative, root));

// `--only app-c,c` runs just those rows (a, b, c, d, faults, app-a, app-c); `--search-grammar legacy` has the fake
// read multi-repository searches another way (see packages/fake-github). Either leaves results.json as it was.
const { values } = parseArgs({ options: { only: { type: "string" }, "search-grammar": { type: "string" } } });
const only = values.only?.split(",").map((name) => name.trim());
const include = (name: string): boolean => !only || only.includes(name);
const grammarOption = values["search-grammar"];
if (grammarOption !== undefined && !(SEARCH_GRAMMARS as readonly string[]).includes(grammarOption)) {
  process.stderr.write(
    `bench: --search-grammar must be one of ${SEARCH_GRAMMARS.join(", ")}, not "${grammarOption}"\n`,
  );
  process.exit(2);
}
const searchGrammar = grammarOption as SearchGrammar | undefined;
process.stdout.write(`search grammar: ${searchGrammar ?? DEFAULT_SEARCH_GRAMMAR}\n`);

const rows = await runBench(
  {
    linuxkit: path("../shared/linuxkit"),
    overlay: path("test/fixtures/linuxkit-overlay"),
    monthlyOverlay: path("test/fixtures/linuxkit-monthly"),
  },
  (line) => process.stdout.write(`${line}\n`),
  include,
  searchGrammar,
);
// The app path (tools/bench/app.ts): the Probot server with the app's Octokit; BENCH_APP_BEFORE=1 adds the stock
// ProbotOctokit rows for comparison (slow: it spaces every GraphQL query a second apart).
const linuxkit = path("../shared/linuxkit");
const appRows: AppRow[] = [];
const octokits = process.env.BENCH_APP_BEFORE ? (["probot", "app"] as const) : (["app"] as const);
const synthetic = include("app-c")
  ? syntheticScenario(writeSyntheticDataset({ fileCounts: linuxKitFileCounts(linuxkit) }))
  : undefined;
for (const octokit of octokits) {
  if (include("app-a") && existsSync(`${linuxkit}/prs`)) {
    appRows.push(
      await benchApp(
        {
          name: "app-a",
          title: "LinuxKit 2017-W27 (app)",
          data: [linuxkit, path("test/fixtures/linuxkit-overlay")],
          repo: "linuxkit/linuxkit",
          week: "2017-W27",
          octokit,
          ...(searchGrammar ? { searchGrammar } : {}),
        },
        LATENCY_MS,
      ),
    );
  }
  if (synthetic)
    appRows.push(
      await benchApp(
        {
          name: "app-c",
          title: "synthetic org, 2024-W10 (app)",
          data: synthetic.data,
          repo: "synth/repo-001",
          week: "2024-W10",
          configText: synthetic.configText,
          octokit,
          ...(searchGrammar ? { searchGrammar } : {}),
        },
        LATENCY_MS,
      ),
    );
}
const checks = [...targets(rows, LATENCY_MS), ...appTargets(appRows)];
process.stdout.write(`\n${formatTable(rows, LATENCY_MS)}\n\n${formatAppTable(appRows)}\n\n${formatTargets(checks)}\n`);
for (const row of appRows) {
  const { idleMs, meanInFlight, gaps } = row.timeline;
  process.stdout.write(
    `\n(${row.scenario}) no request in flight ${(idleMs / 1000).toFixed(2)} s; ${meanInFlight.toFixed(1)} in flight on ` +
      `average while any; CPU: bench process ${(row.cpuMs / 1000).toFixed(2)} s, server ` +
      `${row.serverCpuMs === undefined ? "(in it)" : `${(row.serverCpuMs / 1000).toFixed(2)} s`}; longest gaps:\n` +
      gaps.map((g) => `  ${g.ms.toFixed(0)} ms at ${g.fromMs.toFixed(0)} ms, ${g.after} -> ${g.before}\n`).join(""),
  );
}
// BENCH_APP_DRAFTS=dir: each app row's reply and PR as <dir>/<scenario>.md, to diff drafts across changes.
const drafts = process.env.BENCH_APP_DRAFTS;
if (drafts) {
  mkdirSync(drafts, { recursive: true });
  for (const row of appRows) {
    writeFileSync(`${drafts}/${row.scenario}.md`, `${row.reply}\n\n${row.published}\n`);
    writeFileSync(`${drafts}/${row.scenario}.spans.json`, `${JSON.stringify(row.spans, null, 1)}\n`);
  }
}
if (only || searchGrammar) process.exit(0);
mkdirSync(path("bench"), { recursive: true });
const results = {
  latencyMs: LATENCY_MS,
  node: process.version,
  date: new Date().toISOString(),
  rows: rows.map(({ markdown: _markdown, ...row }) => row),
  appRows: appRows.map(({ published: _published, spans: _spans, ...row }) => row),
  targets: checks,
};
writeFileSync(path("bench/results.json"), `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(`\nwritten ${path("bench/results.json")}\n`);
