// The GitHub Action's entry (action.yml runs dist/index.js, built from this file by `npm run bundle`). Everything
// happens in triggers/actions.ts, which the tests drive; this file only connects it to the process.
import { runAction } from "./triggers/actions.js";

process.exitCode = await runAction(process.env);
