// npm's `prepare` (run by `npm ci`/`npm install` in a checkout, and by `npm pack`): build lib/, so that
// `npm ci && npm start` and `npm ci --omit=dev && npm start` both just work on a fresh clone. TypeScript is a
// production dependency for this reason alone. A production install has no type packages (@types/*), so there it
// emits without type-checking (tsconfig.prod.json: `noCheck`, TypeScript >= 5.6): `npm run typecheck` in CI is the type gate, and the
// emitted JavaScript is the same either way (isolatedModules). A failing build fails the install.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import process from "node:process";

const require = createRequire(import.meta.url);
const hasTypes = (() => {
  try {
    require.resolve("@types/node/package.json");
    return true;
  } catch {
    return false;
  }
})();
// npm puts node_modules/.bin on PATH; the full build is package.json's `build`, defined there once.
const tsc = JSON.stringify(require.resolve("typescript/bin/tsc"));
const command = hasTypes ? "npm run build" : `node ${tsc} -p tsconfig.prod.json`;
if (!hasTypes) process.stdout.write("devreport: production install, building lib/ without type-checking\n");
const { status, signal } = spawnSync(command, { shell: true, stdio: "inherit" });
process.exit(status ?? (signal ? 1 : 0));
