// The real CLI, run in-process.
import type { FakeGitHub } from "@devreport/fake-github";
import { runCli } from "../../src/cli/run.js";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI in-process, capturing what it would print. */
export async function cli(args: string[], env: Record<string, string | undefined> = {}): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env });
  return { code, stdout, stderr };
}

/** What `devreport draft` prints for `repo`'s `week` against the fake; throws, with its stderr, if it fails. */
export async function cliDraft(fake: FakeGitHub, repo: string, week: string): Promise<string> {
  const result = await cli([
    "draft",
    "--repo",
    repo,
    "--week",
    week,
    "--api-url",
    fake.apiUrl,
    "--web-url",
    "https://github.com",
    "--token",
    "x",
    "--quiet",
  ]);
  if (result.code !== 0) throw new Error(`devreport draft failed (${result.code}): ${result.stderr}`);
  return result.stdout;
}
