// The production start: what `npm ci --omit=dev && npm start` and the Dockerfile's runtime stage run must need
// neither the compiler nor anything else a production install leaves out. No Docker here: the test lays out a
// directory with what the runtime stage copies, runs the image's command in it and asks Probot's /ping.
import { spawnSync } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { builtinModules } from "node:module";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { installDir, packageJson, ROOT, startProbot, type RunningProbot } from "./helpers.js";

const START = packageJson.scripts.start;

function files(dir: string, ext: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((f) => join(dir, f))
    .filter((f) => f.endsWith(ext) && statSync(f).isFile());
}

/** lib/ as `npm run build` makes it from the current src/ (built here only when absent or older than src/). */
function ensureBuilt(): void {
  const lib = join(ROOT, "lib/index.js");
  const newestSource = Math.max(...files(join(ROOT, "src"), ".ts").map((f) => statSync(f).mtimeMs));
  if (existsSync(lib) && statSync(lib).mtimeMs >= newestSource) return;
  const tsc = spawnSync(
    process.execPath,
    [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json"],
    {
      cwd: ROOT,
      encoding: "utf8",
    },
  );
  if (tsc.status !== 0) throw new Error(`npm run build failed:\n${tsc.stdout}${tsc.stderr}`);
}

/** The Dockerfile's instructions, line continuations joined, with the stage each belongs to. */
function dockerfile(): { stage: number; instruction: string; args: string }[] {
  const text = readFileSync(join(ROOT, "Dockerfile"), "utf8").replace(/\\\n/g, " ");
  let stage = -1;
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#"))
    .map((line) => {
      const [, instruction = "", args = ""] = /^(\S+)\s+(.*)$/.exec(line)!;
      if (instruction.toUpperCase() === "FROM") stage++;
      return { stage, instruction: instruction.toUpperCase(), args: args.trim() };
    });
}

const instructions = dockerfile();
const lastStage = Math.max(...instructions.map((i) => i.stage));
const runtime = instructions.filter((i) => i.stage === lastStage);
const last = (name: string) => runtime.filter((i) => i.instruction === name).at(-1);
/** What the runtime stage copies into the image (from the context or the build stage), as paths of the checkout. */
const shipped = runtime
  .filter((i) => i.instruction === "COPY")
  .flatMap((i) =>
    i.args
      .split(/\s+/)
      .filter((word) => !word.startsWith("--"))
      .slice(0, -1),
  )
  .map((path) => path.replace(/^\/app\//, "").replace(/\/$/, ""));
/** The runtime image's command, as an npm script would spell it. */
const command = (JSON.parse(last("CMD")!.args) as string[])
  .map((word) => word.replace(/^node_modules\/\.bin\//, ""))
  .join(" ");

describe("the start command", () => {
  test("is Probot's run() on the built app (src/server.ts: with the app's Octokit), and builds nothing", () => {
    expect(START).toBe("node lib/server.js");
    expect(packageJson.scripts).not.toHaveProperty("prestart");
    expect(packageJson.scripts.prepare).toBe("node scripts/prepare.mjs");
  });

  test("the Dockerfile runs the same command, as a non-root user, on a production-only install", () => {
    expect(command).toBe(START);
    expect(last("USER")?.args).toBe("node");
    expect(runtime.some((i) => i.instruction === "ENV" && /\bNODE_ENV=production\b/.test(i.args))).toBe(true);
    expect(runtime.some((i) => i.instruction === "ENV" && /\bHOST=0\.0\.0\.0\b/.test(i.args))).toBe(true);
    const installs = runtime.filter((i) => i.instruction === "RUN" && /\bnpm (ci|install)\b/.test(i.args));
    expect(installs).toHaveLength(1);
    expect(installs[0]!.args).toMatch(/\bnpm ci --omit=dev\b/);
    // The runtime stage gets no workspace (packages/), so npm cannot link the fake GitHub into it.
    expect(shipped.some((path) => path.startsWith("packages"))).toBe(false);
    expect(instructions[0]!.args).toMatch(/^node:24-slim\b/);
    expect(runtime[0]!.args).toMatch(/^node:24-slim$/);
  });
});

describe("lib/, as the production image ships it", () => {
  beforeAll(ensureBuilt, 60_000);

  test("imports only Node's modules, its own files and production dependencies", () => {
    const allowed = new Set([...builtinModules, ...Object.keys(packageJson.dependencies)]);
    const imported = new Map<string, string>();
    for (const file of files(join(ROOT, "lib"), ".js")) {
      const source = readFileSync(file, "utf8");
      for (const [, specifier = ""] of source.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*["']([^"']+)["']/g)) {
        if (specifier.startsWith(".") || specifier.startsWith("node:")) continue;
        const name = specifier.startsWith("@")
          ? specifier.split("/").slice(0, 2).join("/")
          : (specifier.split("/")[0] ?? specifier);
        if (!allowed.has(name)) imported.set(name, file);
      }
    }
    // e.g. @devreport/fake-github or typescript, which `npm ci --omit=dev` does not install.
    expect(Object.fromEntries(imported)).toEqual({});
  });

  describe("started with the image's command where only the runtime stage's files are", () => {
    let install: ReturnType<typeof installDir>;
    let probot: RunningProbot;

    beforeAll(async () => {
      ensureBuilt();
      expect(shipped).toEqual(expect.arrayContaining(["package.json", "lib", "templates", "app.yml"]));
      install = installDir(shipped);
      const { privateKey } = generateKeyPairSync("rsa", {
        modulusLength: 2048,
        privateKeyEncoding: { type: "pkcs1", format: "pem" },
        publicKeyEncoding: { type: "spki", format: "pem" },
      });
      probot = await startProbot(command, install.dir, {
        NODE_ENV: "production",
        APP_ID: "12345",
        PRIVATE_KEY: privateKey,
        WEBHOOK_SECRET: "production-test",
        LOG_LEVEL: "warn",
      });
    }, 60_000);

    afterAll(async () => {
      await probot?.stop();
      install?.remove();
    });

    test("answers /ping, and the Dockerfile's HEALTHCHECK says healthy", () => {
      // startProbot resolved on PONG; the health check is the image's own script, run as Docker would.
      const check = last("HEALTHCHECK")!.args.replace(/^.*?\bCMD\s+/, "");
      const [node, ...args] = JSON.parse(check) as string[];
      expect(node).toBe("node");
      const port = new URL(probot.baseUrl).port;
      const result = spawnSync(process.execPath, args, { env: { PORT: port }, encoding: "utf8", timeout: 10_000 });
      expect(result.status).toBe(0);
    });

    test("serves the app's webhooks at /api/github/webhooks, refusing unsigned deliveries", async () => {
      const response = await fetch(`${probot.baseUrl}/api/github/webhooks`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-github-event": "push",
          "x-github-delivery": "production-test",
          "x-hub-signature-256": `sha256=${"0".repeat(64)}`,
        },
        body: "{}",
      });
      expect(response.status).toBe(400);
      // The server logs the refusal around the time it answers; a loaded machine may flush the line a little later.
      for (let waited = 0; waited < 5000 && !/signature does not match/.test(probot.output()); waited += 50) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(probot.output()).toMatch(/signature does not match/);
    });
  });
});
