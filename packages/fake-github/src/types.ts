// The fake GitHub's in-memory records. They are shaped for the fake's own convenience; the GraphQL and REST layers
// translate them into GitHub's wire shapes, so nothing outside this package should depend on these.

export type AccountType = "User" | "Bot";

export interface Account {
  login: string;
  type: AccountType;
}

/** A git author or committer; `login` is the GitHub account the email resolves to, if any. */
export interface Signature {
  name: string;
  email: string;
  date: string;
  login: string | null;
}

export interface GitCommit {
  sha: string;
  parents: string[];
  tree: string;
  message: string;
  author: Signature;
  committer: Signature;
}

/** A commit as recorded on a dataset PR: not part of any repository's git graph. */
export interface PullCommit {
  sha: string;
  message: string;
  author: Signature;
  /** Co-authored-by trailers, resolved to accounts where the email is known. */
  coAuthors: Signature[];
}

export interface ChangedFile {
  path: string;
  additions: number;
  deletions: number;
  status: "added" | "modified" | "removed";
}

export interface Review {
  id: number;
  author: Account;
  state: "APPROVED" | "COMMENTED" | "CHANGES_REQUESTED" | "DISMISSED" | "PENDING";
  /** When it was submitted; null when the dataset does not say. */
  submittedAt?: string | null;
}

export type StateReason = "COMPLETED" | "NOT_PLANNED" | "DUPLICATE" | "REOPENED";

interface ItemBase {
  id: number;
  repo: string;
  number: number;
  title: string;
  body: string;
  author: Account | null;
  state: "open" | "closed";
  createdAt: string | null;
  updatedAt: string | null;
  closedAt: string | null;
  labels: string[];
  /** Known only from an index (a number with no record): reachable by number, never returned by search. */
  placeholder: boolean;
}

export interface PullRecord extends ItemBase {
  kind: "pull";
  merged: boolean;
  mergedAt: string | null;
  draft: boolean;
  headOwner: string;
  headRef: string;
  baseRef: string;
  /** Dataset PRs carry their files and commits; PRs opened through the API derive them from the git graph. */
  files: ChangedFile[] | null;
  commits: PullCommit[] | null;
  reviews: Review[];
  requestedReviewers: string[];
  closes: { repo: string; number: number }[];
}

export interface IssueRecord extends ItemBase {
  kind: "issue";
  stateReason: StateReason | null;
}

export type Item = PullRecord | IssueRecord;

export type ReactionContent = "+1" | "-1" | "laugh" | "confused" | "heart" | "hooray" | "rocket" | "eyes";

export interface Reaction {
  id: number;
  content: ReactionContent;
  user: Account;
  createdAt: string;
}

export interface Comment {
  id: number;
  repo: string;
  issueNumber: number;
  body: string;
  user: Account;
  createdAt: string;
  updatedAt: string;
  reactions: Reaction[];
}

export type RoleName = "admin" | "maintain" | "write" | "triage" | "read" | "none";

export interface RepoRecord {
  id: number;
  owner: string;
  name: string;
  fullName: string;
  defaultBranch: string;
  private: boolean;
  blobs: Map<string, Buffer>;
  /** Flat trees: every file path mapped to its blob sha. */
  trees: Map<string, Map<string, string>>;
  commits: Map<string, GitCommit>;
  /** "heads/main" -> commit sha. */
  refs: Map<string, string>;
  /** Facts from a dataset index: which numbers are PRs, merge times of PRs with no record, the highest number. */
  index: { pulls: Set<number>; mergedAt: Map<number, string>; maxNumber: number };
}
