// npm's `prepare` (run by `npm ci`/`npm install` in a checkout, and by `npm pack`): build lib/ when the compiler is
// installed, so `npm ci && npm start` just works. `npm ci --omit=dev` installs no TypeScript: there is nothing to
// build with, so this says so and succeeds, and lib/ must come from a build elsewhere (the Dockerfile's build stage,
// or `npm ci && npm prune --omit=dev`; see docs/deploy.md). A failing build fails the install, as `npm run build` would.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import process from "node:process";

const require = createRequire(import.meta.url);
try {
  require.resolve("typescript");
} catch {
  process.stdout.write("devreport: TypeScript is not installed (npm ci --omit=dev?); not building lib/.\n");
  process.exit(0);
}
// The build script itself, so it is defined in one place (package.json); npm puts node_modules/.bin on PATH.
const { status, signal } = spawnSync("npm run build", { shell: true, stdio: "inherit" });
process.exit(status ?? (signal ? 1 : 0));
