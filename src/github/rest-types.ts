// The REST answers devreport reads, as the fields it reads of them. Each is derived from @octokit/openapi-types, the
// TypeScript that Octokit generates from GitHub's OpenAPI description (github/rest-api-description), by operation id
// (docs.github.com names the same operations), so a field GitHub renames or makes nullable shows up at `tsc`.
// Type-only: every import of this file is `import type`, erased from the build (no runtime dependency).
import type { components, operations } from "@octokit/openapi-types";

/** The `application/json` body of an operation's answer with `status` (200 unless said). */
export type RestAnswer<Op extends keyof operations, Status extends number = 200> = operations[Op]["responses"] extends {
  [S in Status]: { content: { "application/json": infer Body } };
}
  ? Body
  : never;

/** GET /repos/{owner}/{repo} ("repos/get"). */
export type Repository = Pick<RestAnswer<"repos/get">, "default_branch">;

/** GET /repos/{owner}/{repo}/branches/{branch} ("repos/get-branch"). */
export type Branch = Pick<RestAnswer<"repos/get-branch">, "protected">;

/** GET /repos/{owner}/{repo}/git/ref/{ref} ("git/get-ref"). */
export type GitRef = Pick<RestAnswer<"git/get-ref">, "object">;

/** GET /repos/{owner}/{repo}/git/commits/{commit_sha} ("git/get-commit"). */
export type GitCommit = Pick<RestAnswer<"git/get-commit">, "tree">;

/** POST /repos/{owner}/{repo}/git/trees ("git/create-tree"): 201. */
export type CreatedTree = Pick<RestAnswer<"git/create-tree", 201>, "sha">;

/** POST /repos/{owner}/{repo}/git/commits ("git/create-commit"): 201. */
export type CreatedCommit = Pick<RestAnswer<"git/create-commit", 201>, "sha">;

/** PUT /repos/{owner}/{repo}/contents/{path} ("repos/create-or-update-file-contents"): 201 for a new file. */
export type WrittenFile = Pick<RestAnswer<"repos/create-or-update-file-contents", 201>, "commit">;

/** GET /repos/{owner}/{repo}/contents/{path} ("repos/get-content"): a directory (an array), file, symlink or submodule. */
export type Content = RestAnswer<"repos/get-content">;

/** GET /repos/{owner}/{repo}/compare/{basehead} ("repos/compare-commits"). */
export type Comparison = Pick<RestAnswer<"repos/compare-commits">, "total_commits"> & { commits: ComparedCommit[] };
export type ComparedCommit = Pick<
  RestAnswer<"repos/compare-commits">["commits"][number],
  "sha" | "commit" | "parents" | "author" | "committer"
>;

/** GET /repos/{owner}/{repo}/pulls ("pulls/list"): one of the list. */
export type ListedPull = Pick<RestAnswer<"pulls/list">[number], "number" | "html_url" | "merged_at">;

/** POST /repos/{owner}/{repo}/pulls ("pulls/create"): 201. */
export type CreatedPull = Pick<RestAnswer<"pulls/create", 201>, "number" | "html_url">;

/** GET /repos/{owner}/{repo}/issues/{issue_number}/comments ("issues/list-comments"): one of the list. */
export type IssueComment = Pick<
  RestAnswer<"issues/list-comments">[number],
  "body" | "html_url" | "user" | "created_at"
>;

/** POST /repos/{owner}/{repo}/issues/{issue_number}/comments ("issues/create-comment"): 201. */
export type CreatedComment = Pick<RestAnswer<"issues/create-comment", 201>, "html_url">;

/**
 * GET /repos/{owner}/{repo}/collaborators/{username}/permission ("repos/get-collaborator-permission-level").
 * `permission` is the legacy base permission: admin, write, read or none (maintain reads as write, triage as read);
 * `role_name` the role itself: admin, maintain, write, triage, read, or a custom role's name. Both optional: older
 * GitHub Enterprise Server answers without `role_name`.
 */
export type CollaboratorPermission = Partial<
  Pick<RestAnswer<"repos/get-collaborator-permission-level">, "permission" | "role_name">
>;

/** The body of a 422 ("Validation Failed"), the fields an error's wording is matched on; maybe absent in a thrown error. */
export type ValidationFailure = Partial<Pick<components["schemas"]["validation-error"], "message" | "errors">>;
