// Branch protection as GET /repos/{owner}/{repo}/branches/{branch} reports it (`protected`): a set of branch names
// per repository, set by tests with protectBranch. Nothing else of protection (required reviews, checks) is served.
import type { RepoRecord } from "./types.js";

const protectedBranches = new WeakMap<RepoRecord, Set<string>>();

export function protectBranch(repo: RepoRecord, branch: string): void {
  const names = protectedBranches.get(repo) ?? new Set<string>();
  names.add(branch);
  protectedBranches.set(repo, names);
}

export function isProtectedBranch(repo: RepoRecord, branch: string): boolean {
  return protectedBranches.get(repo)?.has(branch) ?? false;
}
