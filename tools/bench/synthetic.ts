// A synthetic organisation for the benchmark: a seeded, deterministic dataset directory in the layout the fake
// GitHub loads (prs/*.json, issues.json, users.json). Same seed, same bytes.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface SyntheticOptions {
  seed: number;
  owner: string;
  repositories: number;
  pulls: number;
  issues: number;
  /** The ISO week everything happens in: [start, end) as ISO instants. */
  start: string;
  end: string;
  /** PRs given exactly `hugeFiles` files (the REST API's per-PR cap is 3,000). */
  hugePulls: number;
  hugeFiles: number;
  /** LinuxKit's fileCount values to draw from; when absent, FALLBACK_FILE_COUNTS. */
  fileCounts?: number[];
}

export const SYNTHETIC_DEFAULTS: SyntheticOptions = {
  seed: 20240304,
  owner: "synth",
  repositories: 200,
  pulls: 5000,
  issues: 2000,
  start: "2024-03-04T00:00:00Z",
  end: "2024-03-11T00:00:00Z",
  hugePulls: 3,
  hugeFiles: 3000,
};

/**
 * [files, weight] buckets read off LinuxKit's 1,633 merged PRs (2016-W52..2019-W01): 35% touch one file, the median
 * is 3, 9.5% touch more than 100 and the largest 2,065. Used when ../shared/linuxkit is not there to read.
 */
export const FALLBACK_FILE_COUNTS: [number, number][] = [
  [1, 571],
  [2, 198],
  [3, 116],
  [4, 60],
  [5, 57],
  [8, 171],
  [15, 112],
  [35, 90],
  [75, 103],
  [150, 80],
  [250, 43],
  [500, 25],
  [900, 6],
  [2065, 1],
];

/** mulberry32: tiny, fast and good enough to make a benchmark dataset reproducible. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every PR's fileCount in ../shared/linuxkit/prs, or undefined when the dataset is absent. */
export function linuxKitFileCounts(dir: string): number[] | undefined {
  const prs = join(dir, "prs");
  if (!existsSync(prs)) return undefined;
  return readdirSync(prs)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .flatMap((f) =>
      (JSON.parse(readFileSync(join(prs, f), "utf8")) as { prs: { fileCount: number }[] }).prs.map((p) => p.fileCount),
    );
}

const TOPICS = ["kernel", "pkg", "docs", "test", "tools", "examples", "src", "api", "cmd", "ci"];
const VERBS = ["Fix", "Update", "Add", "Remove", "Refactor", "Document", "Bump", "Test"];

function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error("pick: no items");
  return item;
}

function fileDrawer(random: () => number, options: SyntheticOptions): () => number {
  if (options.fileCounts?.length) {
    const counts = options.fileCounts;
    return () => Math.max(1, pick(random, counts));
  }
  const total = FALLBACK_FILE_COUNTS.reduce((sum, [, weight]) => sum + weight, 0);
  return () => {
    let r = random() * total;
    for (const [files, weight] of FALLBACK_FILE_COUNTS) if ((r -= weight) < 0) return files;
    return 1;
  };
}

function instant(random: () => number, options: SyntheticOptions): string {
  const from = Date.parse(options.start) / 1000;
  const to = Date.parse(options.end) / 1000;
  return new Date((from + Math.floor(random() * (to - from))) * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** Builds the dataset in memory: `{ prs, issues }` as the fake's dataset loader reads them. */
export function syntheticDataset(overrides: Partial<SyntheticOptions> = {}) {
  const options = { ...SYNTHETIC_DEFAULTS, ...overrides };
  const random = prng(options.seed);
  const drawFiles = fileDrawer(random, options);
  const repos = Array.from(
    { length: options.repositories },
    (_, i) => `${options.owner}/repo-${String(i + 1).padStart(3, "0")}`,
  );
  const people = Array.from({ length: 400 }, (_, i) => `dev${i + 1}`);
  const nextNumber = new Map<string, number>();
  const number = (repo: string): number => {
    const n = (nextNumber.get(repo) ?? 0) + 1;
    nextNumber.set(repo, n);
    return n;
  };
  // The huge PRs are spread over the list so they do not all start at once.
  const huge = new Set(
    Array.from({ length: options.hugePulls }, (_, i) => Math.floor(((i + 0.5) * options.pulls) / options.hugePulls)),
  );
  const prs = Array.from({ length: options.pulls }, (_, i) => {
    const repo = pick(random, repos);
    const topic = pick(random, TOPICS);
    const fileCount = huge.has(i) ? options.hugeFiles : drawFiles();
    const n = number(repo);
    return {
      repo,
      number: n,
      title: `${pick(random, VERBS)} ${topic} ${n}`,
      author: pick(random, people),
      mergedAt: instant(random, options),
      fileCount,
      files: Array.from({ length: fileCount }, (_, f) => `${topic}/${Math.floor(f / 50)}/file-${f}.go`),
    };
  });
  const issues = Array.from({ length: options.issues }, () => {
    const repo = pick(random, repos);
    const n = number(repo);
    const closedAt = instant(random, options);
    return {
      repo,
      number: n,
      title: `${pick(random, TOPICS)} misbehaves (${n})`,
      author: pick(random, people),
      createdAt: options.start,
      closedAt,
      state: "closed" as const,
      stateReason: random() < 0.85 ? ("COMPLETED" as const) : ("NOT_PLANNED" as const),
    };
  });
  return { options, repos, prs, issues };
}

/** Writes the dataset into a new temporary directory and returns its path. */
export function writeSyntheticDataset(overrides: Partial<SyntheticOptions> = {}, parent = tmpdir()): string {
  const { prs, issues } = syntheticDataset(overrides);
  const dir = mkdtempSync(join(parent, "devreport-synthetic-"));
  mkdirSync(join(dir, "prs"));
  writeFileSync(join(dir, "prs", "synthetic.json"), JSON.stringify({ prs }));
  writeFileSync(join(dir, "issues.json"), JSON.stringify(issues));
  writeFileSync(join(dir, "users.json"), JSON.stringify({ emails: {}, bots: [] }));
  return dir;
}
