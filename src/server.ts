// The server entry (`npm start`): `probot run ./lib/index.js` takes no Octokit class (it reads only argv and env:
// node_modules/probot/lib/run.js passes `additionalOptions.Octokit`, which only the function form can give), so
// the server starts through run() with the app's Octokit (src/github/app-octokit.ts).
import { run } from "probot";
import { AppOctokit } from "./github/app-octokit.js";
import app from "./index.js";

await run(app, { Octokit: AppOctokit });
