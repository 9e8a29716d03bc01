// devreport as a GitHub Action (action.yml; src/action.ts is the entry, bundled into dist/index.js). The runner
// gives the inputs as INPUT_* variables and the repository as GITHUB_REPOSITORY; the run reads the config through
// the API, drafts, publishes as whoever the token is, and writes `path`, `pull-request-url` and `status` to
// GITHUB_OUTPUT. No webhook and no Probot: the one use case with a plain client.
import { CONFIG_PATH, type Config } from "../config/index.js";
import { loadConfig } from "../cli/config-source.js";
import { createClient, webUrlFor, type ClientOptions } from "../github/octokit.js";
import type { GitHubClient } from "../github/client.js";
import { gitHubError } from "../github/errors.js";
import { draftAndPublish, type DraftOutcome } from "../usecase/draft-and-publish.js";
import { explainFailure } from "./action-errors.js";
import {
  booleanInput,
  errorCommand,
  input,
  InputError,
  verbatim,
  warningCommand,
  writeOutputs,
  type RunnerEnv,
} from "./action-io.js";
import { botLogin } from "./identity.js";

export interface ActionIO {
  stdout?: (text: string) => void;
  /** The clock "last" is read from. */
  now?: Date;
  /** The client's retry policy (tests turn the waits down). */
  retry?: ClientOptions["retry"];
}

export interface ActionInputs {
  token: string;
  period: string;
  config: string;
  dryRun: boolean;
  /** The app's slug when the token is an app's (actions/create-github-app-token's `app-slug` output). */
  appSlug?: string;
}

export function readInputs(env: RunnerEnv): ActionInputs {
  const token = input(env, "token");
  if (!token)
    throw new InputError(
      "input token is empty: pass `token: ${{ github.token }}` (the default) or an app installation token",
    );
  return {
    token,
    period: input(env, "period") ?? "last",
    config: input(env, "config") ?? CONFIG_PATH,
    dryRun: booleanInput(env, "dry-run", false),
    appSlug: input(env, "app-slug"),
  };
}

/** Returns the process exit code: 0 drafted or published, 1 the run failed (said in one line), 2 no inputs. */
export async function runAction(env: RunnerEnv, io: ActionIO = {}): Promise<number> {
  const stdout = io.stdout ?? ((text: string) => process.stdout.write(text));
  const log = (line: string) => stdout(`devreport: ${line}\n`);
  const repo = env.GITHUB_REPOSITORY;
  let inputs: ActionInputs;
  try {
    if (!repo) throw new InputError("GITHUB_REPOSITORY is unset: run devreport as a step of a GitHub Actions job");
    inputs = readInputs(env);
  } catch (error) {
    stdout(errorCommand(`devreport: ${(error as Error).message}`));
    return 2;
  }
  const client = createClient({ token: inputs.token, apiUrl: env.GITHUB_API_URL, retry: io.retry });
  let config: Config | undefined;
  const outcome = await draftAndPublish({
    client,
    repo,
    period: inputs.period,
    readConfig: async () => (config = await loadConfig({ repo, path: inputs.config, client, log })),
    mode: inputs.dryRun ? "draft" : "publish",
    appLogin: () => tokenLogin(client, inputs.token, inputs.appSlug),
    webUrl: env.GITHUB_SERVER_URL || webUrlFor(env.GITHUB_API_URL),
    log,
    now: io.now,
  });
  if (outcome.status === "failed") {
    stdout(
      errorCommand(
        `devreport: ${await explainFailure(outcome.error, { client, repo, config, configPath: inputs.config })}`,
      ),
    );
    return 1;
  }
  // Only a trigger that passes mayWrite (a comment) can be refused; the token's own rights decide here.
  if (outcome.status === "refused") return 1;
  report(outcome, env, stdout, log);
  return 0;
}

type Done = Exclude<DraftOutcome, { status: "failed" | "refused" }>;

function report(outcome: Done, env: RunnerEnv, stdout: (text: string) => void, log: (line: string) => void): void {
  const { draft } = outcome;
  const url = "pr" in outcome ? outcome.pr.url : "";
  const outputs = { path: draft.path, "pull-request-url": url, status: outcome.status };
  if (outcome.status === "drafted") {
    log(`dry run: drafted ${draft.path} for ${outcome.period.id} in ${outcome.primary}; nothing was written`);
    stdout(verbatim(draft.markdown));
  } else {
    log(`${outcome.status}: ${draft.path} in ${outcome.primary}, ${url}`);
    if (outcome.status === "conflict") {
      stdout(
        warningCommand(
          `devreport: the new draft conflicts with the edits on ${outcome.branch}; the new items are in ${outcome.commentUrl}`,
        ),
      );
    }
  }
  if (writeOutputs(env, outputs))
    log(
      `outputs: ${Object.entries(outputs)
        .map(([k, v]) => `${k}=${v}`)
        .join(" ")}`,
    );
}

/**
 * Who the token acts as: publish tells the run's own commits from human edits by this login (publish/history.ts).
 * An app's installation token cannot ask GET /app (that needs the app's JWT) nor GET /user, so the slug comes as an
 * input when the workflow has it; otherwise GraphQL's `viewer` answers for every kind of token. Installation tokens
 * (`ghs_`: GITHUB_TOKEN, which is the github-actions app's, and any app's) act as the app's bot, whose login on
 * commits is `<slug>[bot]` whether or not `viewer` spells the suffix; other tokens act as their user.
 */
export async function tokenLogin(client: GitHubClient, token: string, appSlug: string | undefined): Promise<string> {
  if (appSlug) return botLogin(appSlug);
  let login: string;
  try {
    ({
      viewer: { login },
    } = await client.graphql<{ viewer: { login: string } }>("query DevreportViewer { viewer { login } }"));
  } catch (error) {
    throw gitHubError("query DevreportViewer", "the token's login", error);
  }
  return token.startsWith("ghs_") ? botLogin(login) : login;
}
