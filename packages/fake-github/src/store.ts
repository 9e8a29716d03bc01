// The fake's mutable state. Datasets fill it, the GraphQL and REST layers read and change it, and tests poke it
// directly (add a token, set a permission, look at the comments the app posted).
import { putBlob, putCommit, putTree, resolveRevision, signature, treeOfCommit } from "./git.js";
import { RateLimits } from "./rate-limit.js";
import type {
  Account,
  Comment,
  GitCommit,
  IssueRecord,
  Item,
  PullRecord,
  ReactionContent,
  RepoRecord,
  RoleName,
} from "./types.js";

export interface StoreOptions {
  /** The clock for everything the API creates; fix it for reproducible output. */
  now?: () => Date;
}

const key = (repo: string, number: number): string => `${repo.toLowerCase()}#${number}`;

export class FakeStore {
  readonly repos = new Map<string, RepoRecord>();
  readonly items = new Map<string, Item>();
  readonly comments = new Map<number, Comment>();
  /** Keyed "owner/repo:login" or "*:login" (every repository), lower-cased. */
  readonly permissions = new Map<string, RoleName>();
  readonly tokens = new Map<string, Account>();
  /** Commit email (lower-cased) -> login. */
  readonly emails = new Map<string, string>();
  readonly bots = new Set<string>();
  /** Issues named by closing keywords of merged dataset PRs: when an index-only issue was closed. */
  readonly closedByPull = new Map<string, string>();
  /** The app's own identity: installation tokens act as it. */
  readonly app: Account = { login: "devreport[bot]", type: "Bot" };
  readonly rateLimits = new RateLimits();
  private lastId = 1000;
  private readonly clock: () => Date;

  constructor(options: StoreOptions = {}) {
    this.clock = options.now ?? (() => new Date());
  }

  /** Now, to the second, as GitHub prints timestamps. */
  now(): string {
    return this.clock()
      .toISOString()
      .replace(/\.\d{3}Z$/, "Z");
  }

  nowMs(): number {
    return this.clock().getTime();
  }

  nextId(): number {
    return ++this.lastId;
  }

  getRepo(fullName: string): RepoRecord | undefined {
    return this.repos.get(fullName.toLowerCase());
  }

  ensureRepo(fullName: string, defaultBranch?: string): RepoRecord {
    const existing = this.getRepo(fullName);
    if (existing) {
      if (defaultBranch && defaultBranch !== existing.defaultBranch) this.renameDefaultBranch(existing, defaultBranch);
      return existing;
    }
    const [owner, name] = fullName.split("/");
    if (!owner || !name) throw new Error(`not an owner/name repository: ${fullName}`);
    const repo: RepoRecord = {
      id: this.nextId(),
      owner,
      name,
      fullName,
      defaultBranch: defaultBranch ?? "master",
      private: false,
      blobs: new Map(),
      trees: new Map(),
      commits: new Map(),
      refs: new Map(),
      index: { pulls: new Set(), mergedAt: new Map(), maxNumber: 0 },
    };
    this.repos.set(fullName.toLowerCase(), repo);
    // Every repository has a default branch with one root commit, so refs, contents and PR bases always resolve.
    const root = putCommit(repo, {
      tree: putTree(repo, new Map()),
      parents: [],
      message: "Initial commit",
      author: this.signatureFor(null),
      committer: this.signatureFor(null),
    });
    repo.refs.set(`heads/${repo.defaultBranch}`, root.sha);
    return repo;
  }

  private renameDefaultBranch(repo: RepoRecord, branch: string): void {
    const sha = repo.refs.get(`heads/${repo.defaultBranch}`);
    repo.refs.delete(`heads/${repo.defaultBranch}`);
    if (sha) repo.refs.set(`heads/${branch}`, sha);
    repo.defaultBranch = branch;
  }

  /** Commits file changes on a branch (null content deletes), as `who`. Returns the new commit. */
  commitFiles(
    repoName: string,
    branch: string,
    changes: Record<string, Buffer | string | null>,
    message: string,
    who: Account | null,
    author?: { name: string; email: string },
  ): GitCommit {
    const repo = this.ensureRepo(repoName);
    const parent = resolveRevision(repo, branch);
    const tree = new Map(parent ? treeOfCommit(repo, parent) : []);
    for (const [path, content] of Object.entries(changes)) {
      if (content === null) tree.delete(path);
      else tree.set(path, putBlob(repo, typeof content === "string" ? Buffer.from(content) : content));
    }
    const commit = putCommit(repo, {
      tree: putTree(repo, tree),
      parents: parent ? [parent] : [],
      message,
      author: this.signatureFor(who, author),
      committer: this.signatureFor(who),
    });
    repo.refs.set(`heads/${branch}`, commit.sha);
    return commit;
  }

  /** `who` null is the fake itself (dataset files). */
  signatureFor(who: Account | null, as?: { name: string; email: string; date?: string }): GitCommit["author"] {
    if (!who) return signature("Fake GitHub", "fake-github@example.invalid", as?.date ?? "2016-01-01T00:00:00Z", null);
    const email = as?.email ?? `${this.userId(who.login)}+${who.login}@users.noreply.github.com`;
    return signature(as?.name ?? who.login, email, as?.date ?? this.now(), who.login);
  }

  /** A stable numeric id per login, for REST `user.id` and noreply emails. */
  userId(login: string): number {
    let hash = 0;
    for (const ch of login.toLowerCase()) hash = (hash * 31 + ch.charCodeAt(0)) % 90_000_000;
    return hash + 10_000_000;
  }

  account(login: string, type?: Account["type"]): Account {
    return { login, type: type ?? (this.bots.has(login) || login.endsWith("[bot]") ? "Bot" : "User") };
  }

  /** The login a commit email belongs to: users.json mappings, then GitHub's noreply addresses. */
  loginForEmail(email: string): string | null {
    const mapped = this.emails.get(email.toLowerCase());
    if (mapped) return mapped;
    const noreply = /^(?:\d+\+)?([^@+]+)@users\.noreply\.github\.com$/i.exec(email);
    return noreply?.[1] ?? null;
  }

  addItem(item: Item): void {
    const repo = this.ensureRepo(item.repo);
    repo.index.maxNumber = Math.max(repo.index.maxNumber, item.number);
    this.items.set(key(repo.fullName, item.number), item);
  }

  /** An issue or PR by number; numbers known only from an index materialize as placeholders on first use. */
  get(repoName: string, number: number): Item | undefined {
    const found = this.items.get(key(repoName, number));
    if (found) return found;
    const repo = this.getRepo(repoName);
    if (!repo || !Number.isInteger(number) || number < 1 || number > repo.index.maxNumber) return undefined;
    const placeholder = repo.index.pulls.has(number)
      ? this.placeholderPull(repo, number)
      : this.placeholderIssue(repo, number);
    this.items.set(key(repo.fullName, number), placeholder);
    return placeholder;
  }

  private placeholderPull(repo: RepoRecord, number: number): PullRecord {
    const mergedAt = repo.index.mergedAt.get(number) ?? null;
    return {
      kind: "pull",
      id: this.nextId(),
      repo: repo.fullName,
      number,
      title: `Pull request #${number}`,
      body: "",
      author: null,
      state: "closed",
      createdAt: mergedAt,
      updatedAt: mergedAt,
      closedAt: mergedAt,
      labels: [],
      placeholder: true,
      merged: mergedAt !== null,
      mergedAt,
      draft: false,
      headOwner: repo.owner,
      headRef: `pull-${number}`,
      baseRef: repo.defaultBranch,
      files: [],
      commits: [],
      reviews: [],
      requestedReviewers: [],
      closes: [],
    };
  }

  private placeholderIssue(repo: RepoRecord, number: number): IssueRecord {
    const closedAt = this.closedByPull.get(key(repo.fullName, number)) ?? null;
    return {
      kind: "issue",
      id: this.nextId(),
      repo: repo.fullName,
      number,
      title: `Issue #${number}`,
      body: "",
      author: null,
      state: closedAt ? "closed" : "open",
      createdAt: null,
      updatedAt: closedAt,
      closedAt,
      labels: [],
      placeholder: true,
      stateReason: closedAt ? "COMPLETED" : null,
    };
  }

  /** Everything search can return: records from datasets and the API, not index-only placeholders. */
  searchable(): Item[] {
    return [...this.items.values()].filter((item) => !item.placeholder);
  }

  pullsOf(repoName: string): PullRecord[] {
    const prefix = `${repoName.toLowerCase()}#`;
    return [...this.items.entries()]
      .filter(([k, item]) => k.startsWith(prefix) && item.kind === "pull" && !item.placeholder)
      .map(([, item]) => item as PullRecord);
  }

  /** Issues and PRs share one sequence per repository. */
  nextNumber(repoName: string): number {
    return this.ensureRepo(repoName).index.maxNumber + 1;
  }

  addComment(repo: string, issueNumber: number, body: string, user: Account): Comment {
    const now = this.now();
    const comment: Comment = {
      id: this.nextId(),
      repo,
      issueNumber,
      body,
      user,
      createdAt: now,
      updatedAt: now,
      reactions: [],
    };
    this.comments.set(comment.id, comment);
    return comment;
  }

  commentsOn(repo: string, issueNumber: number): Comment[] {
    return [...this.comments.values()].filter(
      (c) => c.repo.toLowerCase() === repo.toLowerCase() && c.issueNumber === issueNumber,
    );
  }

  addReaction(comment: Comment, content: ReactionContent, user: Account): { created: boolean; id: number } {
    const existing = comment.reactions.find((r) => r.content === content && r.user.login === user.login);
    if (existing) return { created: false, id: existing.id };
    const reaction = { id: this.nextId(), content, user, createdAt: this.now() };
    comment.reactions.push(reaction);
    return { created: true, id: reaction.id };
  }

  /** `repo` "*" sets the role on every repository. */
  setPermission(repo: string, login: string, role: RoleName): void {
    this.permissions.set(`${repo.toLowerCase()}:${login.toLowerCase()}`, role);
  }

  permission(repo: string, login: string): RoleName {
    return (
      this.permissions.get(`${repo.toLowerCase()}:${login.toLowerCase()}`) ??
      this.permissions.get(`*:${login.toLowerCase()}`) ??
      "read"
    );
  }

  registerToken(token: string, who: Account): void {
    this.tokens.set(token, who);
  }

  issueInstallationToken(): string {
    const token = `ghs_${this.nextId().toString(36)}${Math.random().toString(36).slice(2, 12)}`;
    this.tokens.set(token, this.app);
    return token;
  }

  counts(): { repositories: number; pulls: number; issues: number } {
    const items = this.searchable();
    return {
      repositories: this.repos.size,
      pulls: items.filter((i) => i.kind === "pull").length,
      issues: items.filter((i) => i.kind === "issue").length,
    };
  }
}
