// Who may run /draft-report: people who could push the report branch themselves (write, maintain, admin).
// Anyone else could otherwise make the app open pull requests and spend the installation's rate limit.
import type { GitHubClient } from "../github/client.js";
import { isNotFound } from "../github/errors.js";
import type { CollaboratorPermission } from "../github/rest-types.js";

const ALLOWED_ROLES = new Set(["admin", "maintain", "write"]);
const BUILT_IN_ROLES = new Set(["admin", "maintain", "write", "triage", "read", "none"]);

/** Pure: the decision for one permission answer. */
export function mayDraft(answer: CollaboratorPermission): boolean {
  // role_name is the precise answer for built-in roles. A custom role's name says nothing by itself; its base
  // permission (which GitHub reports in `permission`) decides.
  if (answer.role_name && BUILT_IN_ROLES.has(answer.role_name)) return ALLOWED_ROLES.has(answer.role_name);
  return answer.permission === "admin" || answer.permission === "write";
}

/** Asks GitHub. A 404 (no such user, or not visible to the app) is a "no", not a failure. */
export async function canDraft(client: GitHubClient, repo: string, login: string): Promise<boolean> {
  const [owner, name] = repo.split("/");
  try {
    const { data } = await client.request<CollaboratorPermission>(
      "GET /repos/{owner}/{repo}/collaborators/{username}/permission",
      {
        owner,
        repo: name,
        username: login,
      },
    );
    return mayDraft(data);
  } catch (error) {
    if (isNotFound(error)) return false;
    throw error;
  }
}
