// Shared by the trigger tests: a throwaway app key, Probot's Octokit with retries and throttling off, and real
// example payloads from @octokit/webhooks-examples (../shared/STACK.md §4).
import { generateKeyPairSync } from "node:crypto";
import { ProbotOctokit } from "probot";
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

const webhooks = examples as unknown as WebhookDefinition[];

/** A deep copy of the first example of `name` (with `action`, when given). */
export function example(name: string, action?: string): any {
  const definition = webhooks.find((d) => d.name === name);
  const found = definition?.examples.find((e: any) => action === undefined || e.action === action);
  if (!found) throw new Error(`no ${name}${action ? `.${action}` : ""} example in @octokit/webhooks-examples`);
  return structuredClone(found);
}

/** An issue_comment payload on Codertocat/Hello-World#1, comment 492700400, installation 2. */
export function commentPayload(body: string, options: { action?: string; userType?: string; login?: string } = {}): any {
  const payload = example("issue_comment", options.action ?? "created");
  payload.comment.body = body;
  payload.comment.user.type = options.userType ?? "User";
  if (options.login) payload.comment.user.login = options.login;
  payload.installation = { id: 2 };
  return payload;
}

