// The GitHub Actions entry (`node lib/action.js`, run by docs/weekly-report.workflow.yml). Everything happens in
// triggers/actions.ts, which the tests drive; this file only connects it to the process.
import { runInActions } from "./triggers/actions.js";

process.exitCode = await runInActions(process.env);
