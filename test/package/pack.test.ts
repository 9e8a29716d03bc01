// What `npm pack` ships: the built app and CLI with their templates, schema and manifest, and nothing of the
// development tree (tests, the fake GitHub's sources, the bench data, tools/). `npm pack` runs `prepack`, which
// builds lib/, so this takes a while. It reads nothing from the network.
//
// DEVREPORT_PACK_INSTALL=1 also installs the tarball in an empty folder with `npm ci --offline` and runs the installed
// `devreport`. npm's cache must hold every dependency (it does after `npm ci` here). A lockfile is written for the
// install, because `npm install --offline <tarball>` without one asks for registry metadata that the cache may not hold.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, test } from "@jest/globals";

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const NPM = process.platform === "win32" ? "npm.cmd" : "npm";
const env = {
  ...process.env,
  npm_config_offline: "true",
  npm_config_audit: "false",
  npm_config_fund: "false",
  npm_config_update_notifier: "false",
};

interface PackResult {
  filename: string;
  files: { path: string }[];
}

const pack = async (...args: string[]): Promise<PackResult> => {
  const { stdout } = await run(NPM, ["pack", "--json", ...args], { cwd: ROOT, env, maxBuffer: 16 * 1024 * 1024 });
  return (JSON.parse(stdout) as PackResult[])[0]!;
};

test("npm pack ships lib/, bin/, templates/, schema/, app.yml, README and LICENSE, and no development files", async () => {
  const paths = (await pack("--dry-run")).files.map((file) => file.path).sort();
  for (const shipped of [
    "lib/index.js",
    "lib/cli.js",
    "lib/action.js",
    "bin/devreport.js",
    "templates/report.md.mustache",
    "schema/devreport.schema.json",
    "app.yml",
    "README.md",
    "LICENSE",
    "package.json",
  ]) {
    expect(paths).toContain(shipped);
  }
  const unwanted = paths.filter(
    (path) =>
      /^(test|packages|bench|tools|sample|src|docs|node_modules|\.ci)\//.test(path) || /\.test\.[jt]s$/.test(path),
  );
  expect(unwanted).toEqual([]);
  // Everything else is at the top: only the listed files and the directories named in `files`.
  const top = [...new Set(paths.map((path) => path.split("/")[0]))].sort();
  expect(top).toEqual(["LICENSE", "README.md", "app.yml", "bin", "lib", "package.json", "schema", "templates"]);
}, 300_000);

(process.env.DEVREPORT_PACK_INSTALL === "1" ? describe : describe.skip)(
  "the tarball installed offline (DEVREPORT_PACK_INSTALL=1)",
  () => {
    test("npx devreport --version and --help work", async () => {
      const dir = mkdtempSync(join(tmpdir(), "devreport-pack-"));
      const { filename } = await pack("--pack-destination", dir);
      const app = join(dir, "app");
      mkdirSync(app);
      writeInstallLock(app, `file:../${filename}`);
      await run(NPM, ["ci", "--offline"], { cwd: app, env });
      const version = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;
      expect((await run("npx", ["--offline", "devreport", "--version"], { cwd: app, env })).stdout).toBe(
        `${version}\n`,
      );
      const help = await run("npx", ["--offline", "devreport", "--help"], { cwd: app, env });
      expect(help.stdout).toMatch(/^Usage: devreport \[options\] \[command\]\n/);
      expect(help.stderr).toBe("");
    }, 600_000);
  },
);

/** A package.json depending on the tarball and a lockfile with this repository's locked runtime dependencies. */
function writeInstallLock(app: string, spec: string): void {
  const lock = JSON.parse(readFileSync(join(ROOT, "package-lock.json"), "utf8")) as {
    packages: Record<string, Record<string, unknown>>;
  };
  const root = lock.packages[""]!;
  const packages: Record<string, unknown> = {
    "": { name: "devreport-install-check", dependencies: { devreport: spec } },
    "node_modules/devreport": {
      version: root.version,
      resolved: spec,
      license: root.license,
      dependencies: root.dependencies,
      bin: root.bin,
      engines: root.engines,
    },
  };
  for (const [path, entry] of Object.entries(lock.packages))
    if (path.startsWith("node_modules/") && !entry.dev && !entry.link) packages[path] = entry;
  writeFileSync(
    join(app, "package.json"),
    JSON.stringify({ name: "devreport-install-check", private: true, dependencies: { devreport: spec } }),
  );
  writeFileSync(
    join(app, "package-lock.json"),
    JSON.stringify({ name: "devreport-install-check", lockfileVersion: 3, requires: true, packages }),
  );
}
