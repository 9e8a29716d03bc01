// `npm run demo`: drafts a week of the built-in sample project (sample/) through exactly the path a real run takes:
// the CLI reads the repository's .github/devreport.yml over the API and collects over GraphQL, here from the fake
// GitHub serving the sample on loopback.
import { fileURLToPath } from "node:url";
import { runCli } from "../src/cli/run.js";
import { startFakeGitHub } from "@devreport/fake-github";

const SAMPLE = fileURLToPath(new URL("../sample", import.meta.url));
const WEEK = "2024-W10";

const fake = await startFakeGitHub({ data: [SAMPLE] });
try {
  process.stderr.write(`devreport demo: sample GitHub at ${fake.url} (see sample/README.md)\n`);
  process.exitCode = await runCli(
    ["draft", "--repo", "acme/tinyos", "--period", WEEK, "--api-url", fake.url, "--token", "demo"],
    {
      stdout: (text) => process.stdout.write(text),
      stderr: (text) => process.stderr.write(text),
      env: process.env,
    },
  );
} finally {
  await fake.close();
}
