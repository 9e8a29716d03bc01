// Running the devreport Action the way the runner does: INPUT_* variables (hyphens kept: INPUT_DRY-RUN), the
// repository and the API URL from the runner's defaults, and a GITHUB_OUTPUT file to read the outputs back from.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FakeGitHub } from "@devreport/fake-github";
import type { GitHubClient } from "../../src/github/client.js";
import { createClient } from "../../src/github/octokit.js";

const dir = mkdtempSync(join(tmpdir(), "devreport-action-"));
let files = 0;

export interface Inputs {
  token?: string;
  period?: string;
  config?: string;
  "dry-run"?: string;
  "app-slug"?: string;
}

/** What the runner sets for a step `uses: OWNER/devreport@v1` with these inputs: action.yml's defaults filled in. */
export function runnerEnv(fake: FakeGitHub, repo: string, inputs: Inputs): Record<string, string> {
  const output = join(dir, `output-${++files}`);
  writeFileSync(output, "");
  const withDefaults: Record<string, string> = {
    period: "last",
    config: ".github/devreport.yml",
    "dry-run": "false",
    "app-slug": "",
    ...inputs,
  };
  const env: Record<string, string> = {
    GITHUB_REPOSITORY: repo,
    GITHUB_API_URL: fake.apiUrl,
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_OUTPUT: output,
  };
  for (const [name, value] of Object.entries(withDefaults)) env[`INPUT_${name.toUpperCase()}`] = value;
  return env;
}

/** GITHUB_OUTPUT read back as the runner reads it: `name=value` lines and `name<<DELIMITER` blocks. */
export function readOutputs(env: Record<string, string>): Record<string, string> {
  const lines = readFileSync(env.GITHUB_OUTPUT!, "utf8").split("\n");
  const outputs: Record<string, string> = {};
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === "") continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2]!, i + 1);
      if (end < 0) throw new Error(`GITHUB_OUTPUT: ${heredoc[1]} is never closed`);
      outputs[heredoc[1]!] = lines.slice(i + 1, end).join("\n");
      i = end;
      continue;
    }
    const eq = line.indexOf("=");
    if (eq < 0) throw new Error(`GITHUB_OUTPUT: not an output line: ${line}`);
    outputs[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return outputs;
}

/** A reader of the fake through its public API. */
export const observer = (fake: FakeGitHub): GitHubClient =>
  createClient({ token: "observer", apiUrl: fake.apiUrl, retry: false });

/** The login of every commit on `branch` beyond the default branch. */
export async function branchAuthors(
  client: GitHubClient,
  repo: string,
  base: string,
  branch: string,
): Promise<string[]> {
  const [owner, name] = repo.split("/");
  const { data } = await client.request("GET /repos/{owner}/{repo}/compare/{basehead}", {
    owner,
    repo: name,
    basehead: `${base}...${branch}`,
  });
  return data.commits.map((c: { author?: { login?: string } | null }) => c.author?.login ?? "?");
}

/** Puts a file on the default branch, as a maintainer committing it would. */
export async function commitFile(client: GitHubClient, repo: string, path: string, text: string): Promise<void> {
  const [owner, name] = repo.split("/");
  await client.request("PUT /repos/{owner}/{repo}/contents/{path}", {
    owner,
    repo: name,
    path,
    message: `add ${path}`,
    content: Buffer.from(text).toString("base64"),
  });
}
