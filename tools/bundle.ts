// `npm run bundle`: builds the GitHub Action's entry (src/action.ts) into the committed single file dist/index.js that
// action.yml runs (`runs.using: node24`, `main: dist/index.js`). The runner runs the file as it is in the action's
// repository at the tag a workflow names, without `npm ci`, so every dependency is inside it.
//
// The build is deterministic (same source, same esbuild, same bytes): paths in the output are relative to the
// repository (absWorkingDir), and nothing time- or machine-dependent goes in. test/action/bundle.test.ts rebuilds
// into a temporary directory and compares bytes, so a stale dist/index.js fails the suite.
//
// ESM, because the sources are (top-level await in the entry, ESM-only dependencies such as @octokit/rest). The
// banner gives the bundled CommonJS dependencies the `require` that esbuild's ESM output lacks. The report template
// stays a file: src/draft.ts reads ../templates/report.md.mustache relative to its own module, and dist/ sits beside
// templates/ as src/ does.
import { build, type BuildOptions } from "esbuild";
import { fileURLToPath, pathToFileURL } from "node:url";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const BUNDLE = "dist/index.js";

export function bundleOptions(outfile: string): BuildOptions {
  return {
    absWorkingDir: ROOT,
    entryPoints: ["src/action.ts"],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    // The runner runs it on Node 24 (action.yml); the tests and .ci/run also run it on Node 20.
    target: "node20",
    minify: true,
    // Error classes keep their names in messages and stack traces.
    keepNames: true,
    legalComments: "eof",
    charset: "utf8",
    logLevel: "warning",
    banner: {
      js: [
        "// devreport's GitHub Action, built by `npm run bundle` (tools/bundle.ts) from src/action.ts. Do not edit.",
        'import { createRequire as __devreportCreateRequire } from "node:module";',
        "const require = __devreportCreateRequire(import.meta.url);",
      ].join("\n"),
    },
  };
}

export async function bundle(outfile: string): Promise<void> {
  await build(bundleOptions(outfile));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const outfile = process.argv[2] ?? BUNDLE;
  await bundle(outfile);
  process.stdout.write(`wrote ${outfile}\n`);
}
