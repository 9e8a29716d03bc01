// Jest setup (setupFilesAfterEnv): after every suite that talks REST to the fake GitHub end to end, every exchange
// recorded by the fakes it started is checked against GitHub's OpenAPI descriptions (test/support/contract.ts).
import { afterAll, expect } from "@jest/globals";
import { startedFakes } from "@devreport/fake-github";
import { checkContract } from "./contract.js";

const CHECKED = [
  /\/test\/e2e\//,
  /\/test\/action\//,
  /\/test\/publish\/fake-github\.test\.ts$/,
  /\/test\/usecase\//,
  /\/test\/contract\//,
];

afterAll(() => {
  const file = (expect.getState().testPath ?? "").replace(/\\/g, "/");
  const entries = startedFakes.splice(0).flatMap((log) => log.entries);
  if (!CHECKED.some((re) => re.test(file)) || entries.length === 0) return;
  const violations = checkContract(entries);
  if (violations.length) {
    throw new Error(
      `${violations.length} REST exchange(s) break GitHub's OpenAPI description:\n${violations.join("\n")}`,
    );
  }
});
