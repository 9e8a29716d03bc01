/** ts-jest in ESM mode; see ../shared/STACK.md §3. ts-jest only transpiles: `npm run typecheck` is the type gate. */
export default {
  testEnvironment: "node",
  extensionsToTreatAsEsm: [".ts"],
  moduleNameMapper: {
    "^(\\.{1,2}/.*)\\.js$": "$1",
    // The workspace package from its source, as the "development" export condition does for the demo and the bench.
    "^@devreport/fake-github$": "<rootDir>/packages/fake-github/src/index.ts",
  },
  transform: { "^.+\\.ts$": ["ts-jest", { useESM: true, tsconfig: "tsconfig.json" }] },
  testMatch: ["<rootDir>/test/**/*.test.ts", "<rootDir>/packages/*/test/**/*.test.ts"],
  testTimeout: 30000,
  // Checks the REST exchanges of the end-to-end suites against GitHub's OpenAPI descriptions (issue 8).
  setupFilesAfterEnv: ["<rootDir>/test/support/contract-setup.ts"],
};
