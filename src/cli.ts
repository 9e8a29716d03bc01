// The `devreport` command line. Everything happens in cli/run.ts, which the tests drive; this file only connects it
// to the process.
import { runCli } from "./cli/run.js";

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
});
