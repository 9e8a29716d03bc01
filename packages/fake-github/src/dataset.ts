// Loads dataset directories (the layout of ../shared/linuxkit plus optional extras) into a FakeStore. Later
// directories overlay earlier ones: a PR or issue with the same repo and number replaces the earlier record.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { FakeStore, type StoreOptions } from "./store.js";
import type { Account, ChangedFile, IssueRecord, Item, PullCommit, PullRecord, Review, StateReason } from "./types.js";

interface DatasetCommit {
  sha: string;
  authorName: string;
  authorEmail: string;
  authorDate: string;
  subject: string;
  body?: string;
  coAuthors?: { name: string; email: string }[];
}
interface DatasetPull {
  repo: string;
  number: number;
  title: string;
  author: string | null;
  head?: string;
  mergedAt: string | null;
  createdAt?: string;
  updatedAt?: string;
  closedAt?: string;
  state?: "open" | "closed";
  body?: string;
  labels?: string[];
  files?: (string | { path: string; additions?: number; deletions?: number })[];
  commits?: DatasetCommit[];
  closes?: { repo: string; number: number }[];
}
interface DatasetIssue {
  repo: string;
  number: number;
  title: string;
  author: string | null;
  authorType?: Account["type"];
  createdAt?: string;
  updatedAt?: string;
  closedAt?: string | null;
  state?: "open" | "closed";
  stateReason?: StateReason | null;
  labels?: string[];
  body?: string;
}
interface PullExtra {
  labels?: string[];
  reviews?: { login: string; type?: Account["type"]; state: Review["state"]; submittedAt?: string }[];
  authorType?: Account["type"];
  body?: string;
}
/** comments.json: comments on PRs and issues, with their authors and dates. */
interface DatasetComment {
  repo: string;
  number: number;
  author: string;
  authorType?: Account["type"];
  createdAt: string;
  body?: string;
}
interface DatasetIndex {
  repo: string;
  pulls?: number[];
  maxPullNumber?: number;
  merged?: Record<string, [string, string]>;
}

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, "utf8")) as T;
const jsonFiles = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith(".json"))
        .sort()
        .map((f) => join(dir, f))
    : [];

/** Loads `dirs` into `store` (a new one by default). Throws when a directory does not exist. */
export function loadDatasets(dirs: string[], store: FakeStore = new FakeStore()): FakeStore {
  for (const dir of dirs) if (!existsSync(dir)) throw new Error(`dataset directory not found: ${dir}`);
  // Accounts and repositories first, so every directory's commits resolve against every directory's users.json.
  for (const dir of dirs) loadAccounts(store, dir);
  const extras = new Map<string, PullExtra>();
  for (const dir of dirs) {
    loadIndexes(store, dir);
    for (const file of jsonFiles(join(dir, "prs"))) {
      for (const pull of readJson<{ prs: DatasetPull[] }>(file).prs) store.addItem(toPull(store, pull));
    }
    const issuesFile = join(dir, "issues.json");
    if (existsSync(issuesFile))
      for (const issue of readJson<DatasetIssue[]>(issuesFile)) store.addItem(toIssue(store, issue));
    const extraFile = join(dir, "pulls-extra.json");
    if (existsSync(extraFile))
      for (const [ref, extra] of Object.entries(readJson<Record<string, PullExtra>>(extraFile))) {
        extras.set(ref.toLowerCase(), { ...extras.get(ref.toLowerCase()), ...extra });
      }
    loadRepositoryFiles(store, dir);
  }
  for (const [ref, extra] of extras) applyExtra(store, ref, extra);
  for (const dir of dirs) loadComments(store, dir);
  return store;
}

/** A new store with `dirs` loaded. */
export const loadStore = (dirs: string[], options?: StoreOptions): FakeStore =>
  loadDatasets(dirs, new FakeStore(options));

function loadAccounts(store: FakeStore, dir: string): void {
  const usersFile = join(dir, "users.json");
  if (existsSync(usersFile)) {
    const users = readJson<{ emails?: Record<string, string>; bots?: string[] }>(usersFile);
    for (const [email, login] of Object.entries(users.emails ?? {})) store.emails.set(email.toLowerCase(), login);
    for (const bot of users.bots ?? []) store.bots.add(bot);
  }
  const reposFile = join(dir, "repos.json");
  if (existsSync(reposFile)) {
    for (const repo of readJson<{ name: string; defaultBranch?: string; private?: boolean }[]>(reposFile)) {
      store.ensureRepo(repo.name, repo.defaultBranch).private = repo.private ?? false;
    }
  }
}

function loadIndexes(store: FakeStore, dir: string): void {
  for (const file of jsonFiles(join(dir, "index"))) {
    const index = readJson<DatasetIndex>(file);
    const repo = store.ensureRepo(index.repo);
    for (const n of index.pulls ?? []) repo.index.pulls.add(n);
    for (const [n, [mergedAt]] of Object.entries(index.merged ?? {})) repo.index.mergedAt.set(Number(n), mergedAt);
    repo.index.maxNumber = Math.max(repo.index.maxNumber, index.maxPullNumber ?? 0);
  }
}

function toCommit(store: FakeStore, c: DatasetCommit): PullCommit {
  const coAuthors = (c.coAuthors ?? []).map((a) => ({
    name: a.name,
    email: a.email,
    date: c.authorDate,
    login: store.loginForEmail(a.email),
  }));
  const trailers = coAuthors.map((a) => `Co-authored-by: ${a.name} <${a.email}>`).join("\n");
  const message = [c.subject, c.body, trailers].filter((part) => part).join("\n\n");
  return {
    sha: c.sha,
    message,
    coAuthors,
    author: { name: c.authorName, email: c.authorEmail, date: c.authorDate, login: store.loginForEmail(c.authorEmail) },
  };
}

const toFile = (f: NonNullable<DatasetPull["files"]>[number]): ChangedFile =>
  typeof f === "string"
    ? { path: f, additions: 0, deletions: 0, status: "modified" }
    : { path: f.path, additions: f.additions ?? 0, deletions: f.deletions ?? 0, status: "modified" };

function toPull(store: FakeStore, pr: DatasetPull): PullRecord {
  const repo = store.ensureRepo(pr.repo);
  // Dataset heads read "owner/branch" (from "Merge pull request #N from owner/branch").
  const head = pr.head ?? `${pr.author ?? repo.owner}/pull-${pr.number}`;
  const slash = head.indexOf("/");
  const merged = Boolean(pr.mergedAt);
  const state = merged ? "closed" : (pr.state ?? "open");
  const closedAt = pr.mergedAt ?? pr.closedAt ?? null;
  for (const ref of pr.closes ?? []) {
    const k = `${ref.repo.toLowerCase()}#${ref.number}`;
    const prior = store.closedByPull.get(k);
    if (merged && (!prior || pr.mergedAt! < prior)) store.closedByPull.set(k, pr.mergedAt!);
  }
  return {
    kind: "pull",
    id: store.nextId(),
    repo: repo.fullName,
    number: pr.number,
    title: pr.title,
    body: pr.body ?? "",
    author: pr.author ? store.account(pr.author) : null,
    state,
    merged,
    mergedAt: pr.mergedAt ?? null,
    createdAt: pr.createdAt ?? pr.mergedAt ?? null,
    updatedAt: pr.updatedAt ?? closedAt ?? pr.createdAt ?? null,
    closedAt,
    labels: pr.labels ?? [],
    placeholder: false,
    draft: false,
    headOwner: slash > 0 ? head.slice(0, slash) : (pr.author ?? repo.owner),
    headRef: slash > 0 ? head.slice(slash + 1) : head,
    baseRef: repo.defaultBranch,
    files: (pr.files ?? []).map(toFile),
    commits: (pr.commits ?? []).map((c) => toCommit(store, c)),
    reviews: [],
    requestedReviewers: [],
    closes: (pr.closes ?? []).map((ref) => ({ repo: ref.repo, number: ref.number })),
  };
}

function toIssue(store: FakeStore, issue: DatasetIssue): IssueRecord {
  const repo = store.ensureRepo(issue.repo);
  const closedAt = issue.closedAt ?? null;
  const state = issue.state ?? (closedAt ? "closed" : "open");
  return {
    kind: "issue",
    id: store.nextId(),
    repo: repo.fullName,
    number: issue.number,
    title: issue.title,
    body: issue.body ?? "",
    author: issue.author ? store.account(issue.author, issue.authorType) : null,
    state,
    createdAt: issue.createdAt ?? closedAt,
    updatedAt: issue.updatedAt ?? closedAt ?? issue.createdAt ?? null,
    closedAt,
    labels: issue.labels ?? [],
    placeholder: false,
    stateReason: issue.stateReason !== undefined ? issue.stateReason : state === "closed" ? "COMPLETED" : null,
  };
}

function applyExtra(store: FakeStore, ref: string, extra: PullExtra): void {
  const match = /^([^#]+)#(\d+)$/.exec(ref);
  const pull = match ? store.get(match[1]!, Number(match[2])) : undefined;
  if (!pull || pull.kind !== "pull") throw new Error(`pulls-extra.json names an unknown pull request: ${ref}`);
  if (extra.labels) pull.labels = extra.labels;
  if (extra.body !== undefined) pull.body = extra.body;
  if (extra.authorType && pull.author) pull.author = store.account(pull.author.login, extra.authorType);
  if (extra.reviews) {
    pull.reviews = extra.reviews.map((r) => ({
      id: store.nextId(),
      author: store.account(r.login, r.type),
      state: r.state,
      submittedAt: r.submittedAt ?? null,
    }));
    for (const r of extra.reviews) if (r.submittedAt) touch(pull, r.submittedAt);
  }
}

/** Activity moves an item's updatedAt, as on GitHub. */
function touch(item: Item, at: string): void {
  if (!item.updatedAt || Date.parse(at) > Date.parse(item.updatedAt)) item.updatedAt = at;
}

function loadComments(store: FakeStore, dir: string): void {
  const file = join(dir, "comments.json");
  if (!existsSync(file)) return;
  for (const c of readJson<DatasetComment[]>(file)) {
    const item = store.get(c.repo, c.number);
    if (!item) throw new Error(`comments.json names an unknown pull request or issue: ${c.repo}#${c.number}`);
    const id = store.nextId();
    store.comments.set(id, {
      id,
      repo: item.repo,
      issueNumber: item.number,
      body: c.body ?? "",
      user: store.account(c.author, c.authorType),
      createdAt: c.createdAt,
      updatedAt: c.createdAt,
      reactions: [],
    });
    touch(item, c.createdAt);
  }
}

function loadRepositoryFiles(store: FakeStore, dir: string): void {
  const root = join(dir, "repos");
  if (!existsSync(root)) return;
  for (const owner of readdirSync(root)) {
    for (const name of readdirSync(join(root, owner))) {
      const repoDir = join(root, owner, name);
      const files: Record<string, Buffer> = {};
      for (const file of walk(repoDir)) files[relative(repoDir, file).split(sep).join("/")] = readFileSync(file);
      const repo = store.ensureRepo(`${owner}/${name}`);
      store.commitFiles(repo.fullName, repo.defaultBranch, files, `Add files from dataset ${dir}`, null);
    }
  }
}

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((entry) => {
      const path = join(dir, entry);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
}
