// The app's own login ("devreport[bot]"): publish uses it to tell the app's commits from human edits, and the push
// trigger uses it to ignore the app's own pushes. GitHub only tells an app its slug through GET /app, which needs
// the app's JWT, so the answer is fetched once per process and kept.
import type { Probot } from "probot";

export interface AppIdentity {
  login(): Promise<string>;
}

/**
 * `known` short-cuts the lookup where no JWT exists: the Actions entry runs on an installation token and learns the
 * slug from actions/create-github-app-token's `app-slug` output.
 */
export function appIdentity(app: Probot, known?: string): AppIdentity {
  let pending: Promise<string> | undefined = known ? Promise.resolve(botLogin(known)) : undefined;
  return {
    login() {
      pending ??= lookup(app).catch((error: unknown) => {
        // A failed lookup must not stick: the next event asks again.
        pending = undefined;
        throw error;
      });
      return pending;
    },
  };
}

async function lookup(app: Probot): Promise<string> {
  // app.auth() without an installation id authenticates as the app itself (JWT).
  const octokit = await app.auth();
  const { data } = await octokit.rest.apps.getAuthenticated();
  if (!data?.slug) throw new Error("GET /app returned no slug: is APP_ID set to a GitHub App's id?");
  return botLogin(data.slug);
}

/** "devreport" and "devreport[bot]" both name the app's bot account. */
export function botLogin(slugOrLogin: string): string {
  return slugOrLogin.endsWith("[bot]") ? slugOrLogin : `${slugOrLogin}[bot]`;
}
