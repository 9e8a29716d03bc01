// The app's Octokit: Probot's (auth, REST methods, pagination, config) without its throttling and retry plugins,
// with devreport's own retries (retry.ts, as the CLI) and write spacing (write-spacing.ts) instead, and GraphQL
// answers parsed as the CLI parses them (graphql-json.ts).
//
// Why both plugins go (node_modules/probot/lib/octokit/probot-octokit.js builds ProbotOctokit from them):
// - @octokit/plugin-throttling 11 (dist-src/wrap-request.js) puts every POST /graphql, read queries included, in
//   its "write" group (one at a time, 1 s apart) and comment/PR writes in a "notifications" group (3 s apart);
//   and Probot's onSecondaryRateLimit (lib/octokit/get-octokit-throttle-options.js) never retries, so a secondary
//   rate limit failed the draft. retry.ts waits what GitHub's retry-after asks, within a bound.
// - @octokit/plugin-retry 8 (dist-src/error-request.js) repeats any failed request whose status is not in
//   `doNotRetry` (a list of statuses, not methods), so a POST or PATCH answered 5xx is sent again before
//   devreport can read back what the first one did (a duplicate comment; a 422 "already exists" for a PR, whose
//   labels and reviewers were then skipped). Per-request `request: { retries: 0 }` would have to be on every write
//   call. retry.ts never repeats a write of unknown outcome; publish settles it by reading back.
//
// Both are turned off with the function form of defaults(): Probot merges its own throttle options over the object
// form (get-probot-octokit-with-defaults.js), and the function form runs last (../shared/STACK.md, pitfall 5).
import { ProbotOctokit } from "probot";
import { installGraphqlJson } from "./graphql-json.js";
import { installRetries } from "./retry-hook.js";
import type { RetryPolicy } from "./retry.js";
import { createWriteSpacing, type SpacingOptions } from "./write-spacing.js";

export interface AppOctokitOptions {
  /** Overrides of the retry policy (tests pass a virtual clock). */
  retry?: Partial<RetryPolicy>;
  /** Overrides of the write spacing; `false` turns it off (tests that count requests only). */
  spacing?: Partial<SpacingOptions> | false;
}

interface PluginOptions {
  auth?: { installationId?: number | string };
}

type Hooked = Parameters<typeof installRetries>[0] & { log?: { info?: (line: string) => void } };

/** A ProbotOctokit class for `Probot({ Octokit })` / `run(app, { Octokit })`. One spacing lane per installation. */
export function appOctokit(options: AppOctokitOptions = {}): typeof ProbotOctokit {
  const spacing = options.spacing === false ? undefined : createWriteSpacing(options.spacing || {});
  const plugin = (octokit: Hooked, octokitOptions: PluginOptions): Record<string, never> => {
    // Probot's getAuthenticatedOctokit passes the installation as auth.installationId; the app's JWT client has none.
    const key = String(octokitOptions.auth?.installationId ?? "app");
    // Innermost: the spacing and the retries see parsed GraphQL answers.
    installGraphqlJson(octokit);
    if (spacing)
      octokit.hook.wrap("request", (request, requestOptions) =>
        spacing.run(key, requestOptions, async () => request(requestOptions)),
      );
    // Wrapped after the spacing, so outside it: every attempt of a write waits its turn again.
    installRetries(octokit, { log: (line) => octokit.log?.info?.(line), ...options.retry });
    return {};
  };
  const Plugged = ProbotOctokit.plugin(plugin as never);
  return Plugged.defaults((instanceOptions: Record<string, unknown>) => ({
    ...instanceOptions,
    retry: { enabled: false },
    throttle: { ...(instanceOptions.throttle as object | undefined), enabled: false },
  })) as unknown as typeof ProbotOctokit;
}

/** The class the server and the Actions entry run with. */
export const AppOctokit = appOctokit();
