// The scheduled run inside GitHub Actions (src/action.ts is its entry). The workflow in docs/ mints an installation
// token for the app (actions/create-github-app-token), so the branch, commits and PR belong to the app exactly as
// when the app server drafts, and a later /draft-report updates the same PR. No webhook is involved: the run reads
// the event GitHub Actions wrote to GITHUB_EVENT_PATH and the repository it runs in.
import { readFileSync } from "node:fs";
import { Context, createProbot, type ProbotOctokit } from "probot";
import { AppOctokit } from "../github/app-octokit.js";
import { appIdentity } from "./identity.js";
import { runScheduled } from "./schedule.js";

export type ActionsEnv = Record<string, string | undefined>;

// `schedule` has no webhook type of its own; with the repository filled in, its payload reads like a
// workflow_dispatch one as far as runScheduled looks.
type ActionsContext = Context<"workflow_dispatch">;
type ContextEvent = ConstructorParameters<typeof Context<"workflow_dispatch">>[0];

interface ActionsPayload {
  repository?: { full_name: string; name: string; owner: { login: string }; html_url?: string };
  inputs?: Record<string, unknown> | null;
  client_payload?: Record<string, unknown> | null;
}

export interface ActionsIO {
  readFile?: (path: string) => string;
  stderr?: (text: string) => void;
  /** Tests pass Probot's Octokit with throttling off; the run itself uses the app's (src/github/app-octokit.ts). */
  Octokit?: typeof ProbotOctokit;
}

/** Returns the process exit code: 0 published (or nothing to do), 1 failed (already logged), 2 misconfigured. */
export async function runInActions(env: ActionsEnv, io: ActionsIO = {}): Promise<number> {
  const { readFile = (path: string) => readFileSync(path, "utf8"), stderr = (text: string) => process.stderr.write(text) } = io;
  const repo = env.GITHUB_REPOSITORY;
  const token = env.DEVREPORT_TOKEN || env.GITHUB_TOKEN;
  const eventName = env.GITHUB_EVENT_NAME || "workflow_dispatch";
  const missing = [!repo && "GITHUB_REPOSITORY", !token && "DEVREPORT_TOKEN (the app's installation token)", !env.APP_SLUG && "APP_SLUG"].filter(Boolean);
  if (missing.length > 0) {
    stderr(`devreport: set ${missing.join(", ")}; see docs/weekly-report.workflow.yml\n`);
    return 2;
  }
  const payload = (env.GITHUB_EVENT_PATH ? JSON.parse(readFile(env.GITHUB_EVENT_PATH)) : {}) as ActionsPayload;
  // `schedule` events carry no repository (probot/adapter-github-actions#43): the run's own repository is meant.
  const [owner, name] = repo!.split("/") as [string, string];
  const serverUrl = env.GITHUB_SERVER_URL || "https://github.com";
  payload.repository ??= { full_name: repo!, name, owner: { login: owner }, html_url: `${serverUrl}/${repo}` };

  // createProbot reads LOG_LEVEL, GHE_HOST and friends from env like `probot run` does; GITHUB_API_URL is how
  // Actions on GitHub Enterprise Server says where the API is.
  const probot = createProbot({
    env,
    overrides: {
      githubToken: token,
      ...(env.GITHUB_API_URL ? { baseUrl: env.GITHUB_API_URL } : {}),
      Octokit: io.Octokit ?? AppOctokit,
    },
  });
  const octokit = await probot.auth();
  const event = { id: env.GITHUB_RUN_ID || "local", name: eventName, payload } as unknown as ContextEvent;
  const context: ActionsContext = new Context<"workflow_dispatch">(event, octokit, probot.log);
  const period = env.DEVREPORT_PERIOD || text(payload.inputs?.period) || text(payload.client_payload?.period);
  try {
    await runScheduled(context, appIdentity(probot, env.APP_SLUG), { period, origin: `GitHub Actions ${eventName}` });
    return 0;
  } catch {
    // runScheduled logged the repository, the period and the reason.
    return 1;
  }
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}
