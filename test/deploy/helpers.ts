// Starts Probot's own CLI (`probot run ...`, the command `npm start` and the Dockerfile run) as a child process on
// loopback, in a directory of its own: Probot reads `.env`, app.yml and package.json from its working directory and
// lets `.env` override the environment, so running in the checkout would let a developer's `.env` change the test.
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { freePort } from "../support/net.js";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

export const packageJson = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  name: string;
  description: string;
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/**
 * A directory laid out like an installed copy of the app: `files` copied from the checkout (what a deployment
 * ships), node_modules linked (what `npm ci` would install).
 */
export function installDir(files: string[]): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), "devreport-deploy-"));
  for (const file of files) cpSync(join(ROOT, file), join(dir, file), { recursive: true });
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface RunningProbot {
  baseUrl: string;
  output(): string;
  stop(): Promise<void>;
}

/**
 * Runs `command` (`node lib/server.js`, or `probot run ./lib/index.js` with a bin of node_modules/.bin) in `cwd` with only
 * `env` (plus PATH), listening on 127.0.0.1 at a free port, and resolves once `GET /ping` answers PONG.
 */
export async function startProbot(command: string, cwd: string, env: Record<string, string>): Promise<RunningProbot> {
  const [bin, ...args] = command.split(/\s+/);
  if (bin !== "probot" && bin !== "node") throw new Error(`expected a node or probot command, got ${command}`);
  const port = await freePort();
  // Probot's bin through node, as node_modules/.bin/probot would run it, without a shell in between.
  const argv = bin === "node" ? args : [join(ROOT, "node_modules/probot/bin/probot.js"), ...args];
  const child: ChildProcess = spawn(process.execPath, argv, {
    cwd,
    // A minimal environment: nothing from the developer's shell (APP_ID, WEBHOOK_PROXY_URL, GHE_HOST...) leaks in.
    // NO_SMEE_SETUP keeps setup mode from creating a smee.io channel, i.e. from reaching the network.
    env: { PATH: process.env.PATH ?? "", NO_SMEE_SETUP: "true", HOST: "127.0.0.1", PORT: String(port), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let exitedEarly = false;
  void exited.then(() => (exitedEarly = true));

  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill();
    await exited;
  };
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (exitedEarly) throw new Error(`${command} exited before answering /ping:\n${output}`);
    try {
      const response = await fetch(`${baseUrl}/ping`);
      if (response.status === 200 && (await response.text()) === "PONG") break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${command} did not answer /ping within 20 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { baseUrl, output: () => output, stop };
}
