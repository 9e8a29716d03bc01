// `npm run bench`: the drafting benchmark (see bench/README.md). Thin: runBench does the work, this prints the table
// and the targets and writes bench/results.json.
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { LATENCY_MS, runBench } from "./run.js";
import { formatTable, formatTargets, targets } from "./table.js";
import { appTargets, benchApp, formatAppTable, type AppRow } from "./app.js";
import { syntheticScenario } from "./scenarios.js";
import { linuxKitFileCounts, writeSyntheticDataset } from "./synthetic.js";

const root = new URL("../../", import.meta.url);
const path = (relative: string): string => fileURLToPath(new URL(relative, root));

const rows = await runBench(
  {
    linuxkit: path("../shared/linuxkit"),
    overlay: path("test/fixtures/linuxkit-overlay"),
    monthlyOverlay: path("test/fixtures/linuxkit-monthly"),
  },
  (line) => process.stdout.write(`${line}\n`),
);
// The app path (tools/bench/app.ts): the Probot server with the app's Octokit; BENCH_APP_BEFORE=1 adds the stock
// ProbotOctokit rows for comparison (slow: it spaces every GraphQL query a second apart).
const linuxkit = path("../shared/linuxkit");
const appRows: AppRow[] = [];
const octokits = process.env.BENCH_APP_BEFORE ? (["probot", "app"] as const) : (["app"] as const);
const synthetic = syntheticScenario(writeSyntheticDataset({ fileCounts: linuxKitFileCounts(linuxkit) }));
for (const octokit of octokits) {
  if (rows.some((row) => row.scenario === "a")) {
    appRows.push(
      await benchApp(
        {
          name: "app-a",
          title: "LinuxKit 2017-W27 (app)",
          data: [linuxkit, path("test/fixtures/linuxkit-overlay")],
          repo: "linuxkit/linuxkit",
          week: "2017-W27",
          octokit,
        },
        LATENCY_MS,
      ),
    );
  }
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
      },
      LATENCY_MS,
    ),
  );
}
const checks = [...targets(rows, LATENCY_MS), ...appTargets(appRows)];
process.stdout.write(`\n${formatTable(rows, LATENCY_MS)}\n\n${formatAppTable(appRows)}\n\n${formatTargets(checks)}\n`);
mkdirSync(path("bench"), { recursive: true });
const results = {
  latencyMs: LATENCY_MS,
  node: process.version,
  date: new Date().toISOString(),
  rows: rows.map(({ markdown: _markdown, ...row }) => row),
  appRows,
  targets: checks,
};
writeFileSync(path("bench/results.json"), `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(`\nwritten ${path("bench/results.json")}\n`);
