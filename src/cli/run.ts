// `devreport draft`: the use case the app runs (src/usecase/), drafting only, with the report on stdout (or --out)
// and progress on stderr. Exit 0 on success, 2 for usage and config mistakes, 1 when GitHub or the run fails; always one line.
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { Command, CommanderError, Option } from "commander";
import { ConfigError } from "../config/index.js";
import { messageInOneLine } from "../github/errors.js";
import { createClient, webUrlFor } from "../github/octokit.js";
import type { Period } from "../model.js";
import { PeriodError, PERIOD_FORMS } from "../period.js";
import { draftAndPublish } from "../usecase/draft-and-publish.js";
import { loadConfig } from "./config-source.js";
import { UsageError } from "./errors.js";

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  now?: Date;
}

interface DraftFlags {
  period: string;
  config?: string;
  repo?: string;
  out?: string;
  apiUrl?: string;
  webUrl?: string;
  token?: string;
  quiet?: boolean;
}

/** package.json's version; src/cli/ and lib/cli/ are both two levels below it. */
export const VERSION = (
  JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }
).version;

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  let exitCode = 0;
  const program = new Command("devreport")
    .description("Draft a project's periodic development report from GitHub activity.")
    .version(VERSION, "-V, --version", "print the version")
    .helpOption("-h, --help", "print this help")
    .addHelpText("after", '\nRun "devreport draft --help" for the draft command\'s options.')
    .exitOverride()
    // A fixed width and no colours: help reads the same in a terminal, a pipe and a test.
    .configureOutput({
      writeOut: io.stdout,
      writeErr: io.stderr,
      outputError: () => {},
      getOutHelpWidth: () => 100,
      getErrHelpWidth: () => 100,
      getOutHasColors: () => false,
      getErrHasColors: () => false,
    });

  const draftCommand = program
    .command("draft")
    .description("draft the report for one period and print it")
    .requiredOption(
      "-p, --period <period>",
      `the week, month or range of days to report on: ${PERIOD_FORMS} (alias: -w, --week)`,
    )
    .addOption(new Option("-w, --week <period>").hideHelp())
    .option("-c, --config <file>", "a local devreport.yml")
    .option("-r, --repo <owner/name>", "read the config from this repository's .github/devreport.yml")
    .option("-o, --out <file>", "write the report to this file instead of stdout")
    .addOption(
      new Option("--api-url <url>", "GitHub API base URL (GitHub Enterprise Server: https://HOST/api/v3)").env(
        "GITHUB_API_URL",
      ),
    )
    .option(
      "--web-url <url>",
      "web host for links in the report (default: derived from --api-url, else https://github.com)",
    )
    .option("-t, --token <token>", "GitHub token (default: $GH_TOKEN, else $GITHUB_TOKEN)")
    .option("-q, --quiet", "no progress on stderr")
    .addHelpText(
      "after",
      "\nExamples:\n  devreport draft --repo linuxkit/linuxkit --period last\n  devreport draft --config devreport.yml --period 2024-03 --out report.md",
    )
    .action(async (flags: DraftFlags) => {
      exitCode = await draft(flags, io, io.now ?? new Date());
    });
  // --week (the old name) fills --period before commander checks that it was given.
  draftCommand.on("option:week", (value: string) => draftCommand.setOptionValueWithSource("period", value, "cli"));

  if (argv.length === 0) {
    program.outputHelp();
    return 0;
  }
  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return 0; // --help, --version
      io.stderr(`devreport: ${error.message.replace(/^error: /, "")}\n`);
      return 2;
    }
    throw error;
  }
  return exitCode;
}

async function draft(flags: DraftFlags, io: CliIO, now: Date): Promise<number> {
  const log = flags.quiet ? () => {} : (line: string) => io.stderr(`devreport: ${line}\n`);
  try {
    // As gh does: GH_TOKEN first, then GITHUB_TOKEN (what Actions sets); an empty variable counts as unset.
    const token = flags.token || io.env.GH_TOKEN || io.env.GITHUB_TOKEN;
    if (!token) throw new UsageError("no GitHub token: pass --token or set GITHUB_TOKEN");
    const client = createClient({ token, apiUrl: flags.apiUrl });
    const outcome = await draftAndPublish({
      client,
      repo: flags.repo ?? "",
      period: flags.period,
      readConfig: () => loadConfig({ config: flags.config, repo: flags.repo, client, log }),
      mode: "draft",
      webUrl: flags.webUrl ?? webUrlFor(flags.apiUrl),
      log,
      now,
    });
    if (outcome.status === "failed") throw outcome.error;
    if (outcome.status !== "drafted") throw new Error(`devreport draft: unexpected outcome "${outcome.status}"`);
    const result = outcome.draft;
    const { stats } = result;
    log(
      `drafted ${result.path}: ${result.report.sections.reduce((n, s) => n + s.items.length, 0)} items in ${result.report.sections.length} sections, ` +
        `${stats.requests.total} requests, rate-limit cost ${stats.cost}${stats.remaining === null ? "" : `, ${stats.remaining} remaining`}`,
    );
    // Even with --quiet: a warning is about the report itself.
    for (const warning of stats.warnings) io.stderr(`devreport: warning: ${warning}\n`);
    const items = result.report.sections.reduce((n, s) => n + s.items.length, 0);
    if (items === 0) {
      const warning = notOverYet(outcome.period, now);
      if (warning) io.stderr(`devreport: warning: ${warning}\n`);
    }
    if (flags.out) writeAtomically(flags.out, result.markdown);
    else io.stdout(result.markdown);
    return 0;
  } catch (error) {
    const usage = error instanceof UsageError || error instanceof ConfigError || error instanceof PeriodError;
    io.stderr(`devreport: ${messageInOneLine(error)}\n`);
    return usage ? 2 : 1;
  }
}

/** Why an empty report may be no news: the period is still going on, or has not begun. */
function notOverYet(period: Period, now: Date): string | undefined {
  if (Date.parse(period.start) > now.getTime()) return `${period.id} has not started yet: the report is empty`;
  if (Date.parse(period.end) > now.getTime()) return `${period.id} has not ended yet: the report is empty so far`;
  return undefined;
}

/** A crash half-way must never leave a truncated report where a good one was expected. */
function writeAtomically(path: string, text: string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}
