import js from "@eslint/js";
import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";

/**
 * The pure core (DESIGN.md, "Layers"): plain data in, plain data or strings out. It may not reach GitHub, Probot or
 * Node's I/O; the edges (collect, publish, github) call it, never the other way round. test/lint/pure-core.test.ts
 * proves the rule fires.
 */
export const PURE_CORE = ["src/report/**", "src/period.ts", "src/model.ts", "src/config/**", "src/schedule/due.ts"];
const PURE_CORE_MESSAGE =
  "the pure core (src/report, src/config, period.ts, model.ts) does no I/O: move this into an edge (src/collect, src/publish, src/github) and pass the data in";
const pureCoreImports = {
  patterns: [
    {
      group: [
        "**/github/*",
        "**/github",
        "**/collect/*",
        "**/collect",
        "**/publish/*",
        "**/publish",
        "**/triggers/*",
        "**/usecase/*",
        "**/cli/*",
      ],
      message: PURE_CORE_MESSAGE,
    },
    { group: ["@octokit/*", "probot", "probot/*", "@probot/*", "nock"], message: PURE_CORE_MESSAGE },
  ],
  paths: [
    "fs",
    "fs/promises",
    "net",
    "http",
    "https",
    "http2",
    "child_process",
    "node:fs",
    "node:fs/promises",
    "node:net",
    "node:http",
    "node:https",
    "node:http2",
    "node:child_process",
  ].map((name) => ({ name, message: PURE_CORE_MESSAGE })),
};

export default defineConfig(
  { ignores: ["lib/", "dist/", "packages/*/lib/", "coverage/", "node_modules/", ".tmp-build/", "bench/results.json"] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  { files: PURE_CORE, rules: { "no-restricted-imports": ["error", pureCoreImports] } },
  { files: ["test/**/*.ts", "packages/*/test/**/*.ts"], rules: { "@typescript-eslint/no-explicit-any": "off" } },
  { files: ["bin/**/*.js"], languageOptions: { globals: { process: "readonly" } } },
);
