// Probot for the tests (../shared/STACK.md §4): a throwaway app key, Probot's Octokit with retries and throttling off,
// real example payloads from @octokit/webhooks-examples, and a Probot instance built from them.
import { generateKeyPairSync } from "node:crypto";
import { Probot, ProbotOctokit } from "probot";
import type { WebhookDefinition } from "@octokit/webhooks-examples";
import examples from "@octokit/webhooks-examples" with { type: "json" };

export const { privateKey } = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  privateKeyEncoding: { type: "pkcs1", format: "pem" },
  publicKeyEncoding: { type: "spki", format: "pem" },
});

// The function form: Probot 14 overrides the object form's `throttle` (STACK.md pitfall 5).
export const TestOctokit = ProbotOctokit.defaults((options: any) => ({
  ...options,
  retry: { enabled: false },
  throttle: { ...options.throttle, enabled: false },
}));

/** A quiet Probot with the test key and Octokit: app 123 on api.github.com unless `options` say otherwise. */
export function testProbot(options: { appId?: number; baseUrl?: string } = {}): Probot {
  return new Probot({ appId: 123, privateKey, logLevel: "fatal", Octokit: TestOctokit, ...options });
}

const webhooks = examples as unknown as WebhookDefinition[];

/** A deep copy of the first example of `name` (with `action`, when given). */
export function example(name: string, action?: string): any {
  const definition = webhooks.find((d) => d.name === name);
  const found = definition?.examples.find((e: any) => action === undefined || e.action === action);
  if (!found) throw new Error(`no ${name}${action ? `.${action}` : ""} example in @octokit/webhooks-examples`);
  return structuredClone(found);
}

/** An issue_comment payload on Codertocat/Hello-World#1, comment 492700400, installation 2. */
export function commentPayload(
  body: string,
  options: { action?: string; userType?: string; login?: string } = {},
): any {
  const payload = example("issue_comment", options.action ?? "created");
  payload.comment.body = body;
  payload.comment.user.type = options.userType ?? "User";
  if (options.login) payload.comment.user.login = options.login;
  payload.installation = { id: 2 };
  return payload;
}
