// `npm run bench`: the drafting benchmark (see bench/README.md). Thin: runBench does the work, this prints the table
// and the targets and writes bench/results.json.
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { LATENCY_MS, runBench } from "./run.js";
import { formatTable, formatTargets, targets } from "./table.js";

const root = new URL("../../", import.meta.url);
const path = (relative: string): string => fileURLToPath(new URL(relative, root));

const rows = await runBench({ linuxkit: path("../shared/linuxkit"), overlay: path("test/fixtures/linuxkit-overlay") },
  (line) => process.stdout.write(`${line}\n`));
const checks = targets(rows, LATENCY_MS);
process.stdout.write(`\n${formatTable(rows, LATENCY_MS)}\n\n${formatTargets(checks)}\n`);
mkdirSync(path("bench"), { recursive: true });
const results = { latencyMs: LATENCY_MS, node: process.version, date: new Date().toISOString(),
  rows: rows.map(({ markdown: _markdown, ...row }) => row), targets: checks };
writeFileSync(path("bench/results.json"), `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(`\nwritten ${path("bench/results.json")}\n`);
