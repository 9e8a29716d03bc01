// Reference-style links, as the LinuxKit reports write them: `[#2167]` into the primary repository, `[virtsock#35]`
// into a sibling of the same owner, `[owner/repo#N]` across owners, `[@rn]` for people and `[linuxkit]` for a
// repository. The footer defines exactly the references the text uses, in the order the human reports use.
import type { RepoName, Report } from "../model.js";

export type ReferenceKind = "pull" | "issue";

export type Reference =
  | { type: "user"; login: string }
  | { type: "repo"; repo: RepoName }
  | { type: "number"; repo: RepoName; number: number };

export interface ReferenceStyle {
  /** Configured repositories in config order; the first is primary. */
  repositories: RepoName[];
  /**
   * Web host of every link: GITHUB_WEB, or the GitHub Enterprise Server host. Required, so that no caller can fall
   * back to github.com by forgetting it.
   */
  webUrl: string;
  /**
   * "short" (the default): `[#N]` into the primary repository, `[repo#N]` into a sibling of the same owner. "full"
   * (LinuxKit's 2018 monthly reports): `[owner/repo#N]` and `[owner/repo]` everywhere.
   */
  references?: ReferenceStyleName;
}

export type ReferenceStyleName = "short" | "full";

export const GITHUB_WEB = "https://github.com";

const LOGIN = "[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9]))*(?:\\[bot\\])?";
const NAME = "[A-Za-z0-9._-]+";

type LabelStyle = Pick<ReferenceStyle, "repositories" | "references">;

export function repoLabel(repo: RepoName, style: LabelStyle): string {
  if (style.references === "full") return repo;
  const [owner, name] = repo.split("/") as [string, string];
  const primaryOwner = style.repositories[0]!.split("/")[0]!;
  return owner.toLowerCase() === primaryOwner.toLowerCase() ? name : repo;
}

export function label(reference: Reference, style: LabelStyle): string {
  switch (reference.type) {
    case "user":
      return `@${reference.login}`;
    case "repo":
      return repoLabel(reference.repo, style);
    case "number":
      if (style.references === "full") return `${reference.repo}#${reference.number}`;
      return sameRepo(reference.repo, style.repositories[0]!)
        ? `#${reference.number}`
        : `${repoLabel(reference.repo, style)}#${reference.number}`;
  }
}

/**
 * Every reference label written as `[label]` or `[label][]` (collapsed: the same reference), not an inline link
 * `[text](url)`, not the text of a full reference `[text][label]`, not a definition line, and not inside code: a
 * code span or a fenced code block (CommonMark: a run of 3+ backticks or tildes, closed by a run as long of the same).
 */
export function referencesIn(markdown: string, style: ReferenceStyle): Reference[] {
  const found = new Map<string, Reference>();
  const pattern = new RegExp(
    `(?<!\\\\)\\[(@${LOGIN}|#\\d+|${NAME}#\\d+|${NAME}/${NAME}#\\d+|${NAME}/${NAME}|${NAME})\\](?![(:]|\\[(?!\\]))`,
    "g",
  );
  let fence: string | undefined;
  for (const line of markdown.split("\n")) {
    const run = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence !== undefined) {
      if (run !== undefined && run[0] === fence[0] && run.length >= fence.length && line.trim() === run)
        fence = undefined;
      continue;
    }
    if (run !== undefined && !(run[0] === "`" && line.slice(line.indexOf(run) + run.length).includes("`"))) {
      fence = run;
      continue;
    }
    if (/^ {0,3}\[[^\]]+\]:/.test(line)) continue;
    for (const match of withoutCode(line).matchAll(pattern)) {
      const reference = parseLabel(match[1]!, style);
      if (reference) found.set(key(reference), reference);
    }
  }
  return [...found.values()];
}

/** Reads a label back; a bare word is a reference only when it names a configured repository. */
export function parseLabel(text: string, style: ReferenceStyle): Reference | undefined {
  if (text.startsWith("@")) return { type: "user", login: text.slice(1) };
  const number = /^(.*)#(\d+)$/.exec(text);
  if (number) {
    const repo = number[1] === "" ? style.repositories[0]! : resolveRepo(number[1]!, style);
    return repo ? { type: "number", repo, number: Number(number[2]) } : undefined;
  }
  const repo = resolveRepo(text, style);
  return repo && (text.includes("/") || style.repositories.some((r) => sameRepo(r, repo)))
    ? { type: "repo", repo }
    : undefined;
}

function resolveRepo(text: string, style: ReferenceStyle): RepoName | undefined {
  if (text.includes("/")) return text;
  const primaryOwner = style.repositories[0]!.split("/")[0]!;
  return `${primaryOwner}/${text}`;
}

/**
 * The footer lines for `references`: users in ASCII order, then each repository (config order first, others
 * alphabetically) with its link followed by its numbers in ascending order. `kindOf` says whether a number is a PR.
 */
export function footer(
  references: Reference[],
  style: ReferenceStyle,
  kindOf: (repo: RepoName, number: number) => ReferenceKind,
): string[] {
  if (style.references === "full") return fullFooter(references, style, kindOf);
  const web = style.webUrl;
  const users = [...new Set(references.flatMap((r) => (r.type === "user" ? [r.login] : [])))].sort(ascii);
  const lines = users.map((login) => `[@${login}]: ${web}/${login.replace(/\[bot\]$/, "")}`);

  const repos = new Map<string, { repo: RepoName; linked: boolean; numbers: Set<number> }>();
  const entry = (repo: RepoName) => {
    const id = repo.toLowerCase();
    if (!repos.has(id)) repos.set(id, { repo, linked: false, numbers: new Set() });
    return repos.get(id)!;
  };
  for (const reference of references) {
    if (reference.type === "repo") entry(reference.repo).linked = true;
    if (reference.type === "number") entry(reference.repo).numbers.add(reference.number);
  }
  const order = (repo: RepoName) => {
    const index = style.repositories.findIndex((r) => sameRepo(r, repo));
    return index === -1 ? style.repositories.length : index;
  };
  const sorted = [...repos.values()].sort((a, b) => order(a.repo) - order(b.repo) || ascii(a.repo, b.repo));
  for (const { repo, linked, numbers } of sorted) {
    if (linked) lines.push(`[${repoLabel(repo, style)}]: ${web}/${repo}`);
    for (const number of [...numbers].sort((a, b) => a - b)) {
      const path = kindOf(repo, number) === "pull" ? "pull" : "issues";
      lines.push(`[${label({ type: "number", repo, number }, style)}]: ${web}/${repo}/${path}/${number}`);
    }
  }
  return lines;
}

/**
 * The footer of the full style, in the order of LinuxKit's 2018 monthly reports: the repositories (config order,
 * others alphabetically), then every numbered reference in the order the text first uses it, then the people in
 * ASCII order.
 */
function fullFooter(
  references: Reference[],
  style: ReferenceStyle,
  kindOf: (repo: RepoName, number: number) => ReferenceKind,
): string[] {
  const web = style.webUrl;
  const order = (repo: RepoName) => {
    const index = style.repositories.findIndex((r) => sameRepo(r, repo));
    return index === -1 ? style.repositories.length : index;
  };
  const repos = [
    ...new Map(
      references.flatMap((r) => (r.type === "repo" ? [[r.repo.toLowerCase(), r.repo] as const] : [])),
    ).values(),
  ];
  const lines = repos.sort((a, b) => order(a) - order(b) || ascii(a, b)).map((repo) => `[${repo}]: ${web}/${repo}`);
  const numbers = [...new Map(references.flatMap((r) => (r.type === "number" ? [[key(r), r] as const] : []))).values()];
  for (const { repo, number } of numbers)
    lines.push(`[${repo}#${number}]: ${web}/${repo}/${kindOf(repo, number) === "pull" ? "pull" : "issues"}/${number}`);
  const users = [...new Set(references.flatMap((r) => (r.type === "user" ? [r.login] : [])))].sort(ascii);
  return [...lines, ...users.map((login) => `[@${login}]: ${web}/${login.replace(/\[bot\]$/, "")}`)];
}

/**
 * The style a text is written in: the configured one when known, else "full" when the text writes the primary
 * repository's references in full (`[owner/repo#N]`, `[owner/repo]`), which the short style never does.
 */
export function styleOfText(markdown: string, style: ReferenceStyle): ReferenceStyle {
  if (style.references) return style;
  const primary = style.repositories[0]!.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`\\[${primary}(#\\d+)?\\]`, "i").test(markdown) ? { ...style, references: "full" } : style;
}

/** What a drafted report knows of its numbers: each item's own kind, and the issues PRs close. Keyed by key(). */
export function reportKinds(report: Pick<Report, "sections">): Map<string, ReferenceKind> {
  const kinds = new Map<string, ReferenceKind>();
  const items = report.sections.flatMap((s) => s.items);
  for (const item of items) for (const ref of item.related) kinds.set(key({ type: "number", ...ref }), "issue");
  // An item's own kind wins over a "closes" reference to the same number.
  for (const item of items) kinds.set(key({ type: "number", repo: item.repo, number: item.number }), item.kind);
  return kinds;
}

export function key(reference: Reference): string {
  switch (reference.type) {
    case "user":
      return `@${reference.login.toLowerCase()}`;
    case "repo":
      return reference.repo.toLowerCase();
    case "number":
      return `${reference.repo.toLowerCase()}#${reference.number}`;
  }
}

function sameRepo(a: RepoName, b: RepoName): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function ascii(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Blanks out inline code spans so `[#1]` inside backticks is not taken for a reference. */
function withoutCode(line: string): string {
  return line.replace(/(`+)[^`]*?\1/g, (span) => " ".repeat(span.length));
}
