import js from "@eslint/js";
import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";

export default defineConfig(
  { ignores: ["lib/", "packages/*/lib/", "coverage/", "node_modules/", ".tmp-build/", "bench/results.json"] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  { files: ["test/**/*.ts", "packages/*/test/**/*.ts"], rules: { "@typescript-eslint/no-explicit-any": "off" } },
  { files: ["bin/**/*.js"], languageOptions: { globals: { process: "readonly" } } },
);
