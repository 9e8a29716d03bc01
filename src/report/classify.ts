// Places each change in exactly one section. Precedence, the most explicit statement first:
//   1. labels: a maintainer said so;
//   2. repository: a repository that is about one thing (a CI service, a test framework) and whose paths mean
//      something else than the primary repository's (its own pkg/ is not LinuxKit's pkg/);
//   3. title patterns: an author who writes "docs: ..." or "Makefile: ..." has named the topic;
//   4. paths: each changed file votes for the first section whose globs match it; most votes wins, ties go to the
//      earlier section. Votes are counted in tiers, and a lower tier only counts when no file votes in a higher one:
//      files of ordinary sections, then files of `weak` sections (the docs and tests that come with a feature),
//      then files matching `secondaryPaths` (collateral such as YAML pinning image versions everywhere);
//   5. the fallback section.
import picomatch from "picomatch";
import type { Change } from "../model.js";

export interface SectionRules {
  id: string;
  labels: string[];
  paths: string[];
  titles: string[];
  repositories: string[];
  /** Files of a weak section only count when no file votes for an ordinary section. */
  weak?: boolean;
}

export interface Classifier {
  /** The id of the section the change belongs in, or `fallbackId`. */
  classify(change: Change): string;
}

export function createClassifier(
  sections: SectionRules[],
  options: { secondaryPaths: string[]; fallbackId: string },
): Classifier {
  const compiled = sections.map((section) => ({
    id: section.id,
    labels: new Set(section.labels.map((label) => label.toLowerCase())),
    titles: section.titles.map((pattern) => new RegExp(pattern, "i")),
    repositories: section.repositories.map(repositoryMatcher),
    matchesFile: globMatcher(section.paths),
    weak: section.weak ?? false,
  }));
  const isSecondary = globMatcher(options.secondaryPaths);

  // A path's vote is the same in every change: a large period repeats the same paths thousands of times, and each
  // match runs every section's globs.
  type Voter = { section: (typeof compiled)[number] | undefined; secondary: boolean };
  const voterOf = new Map<string, Voter>();
  const vote = (file: string): Voter => {
    let voter = voterOf.get(file);
    if (!voter) {
      voter = { section: compiled.find((section) => section.matchesFile(file)), secondary: isSecondary(file) };
      voterOf.set(file, voter);
    }
    return voter;
  };

  const byVote = (files: string[]): string | undefined => {
    const voters = files.map(vote);
    const tiers = [
      voters.filter((v) => !v.secondary && v.section && !v.section.weak),
      voters.filter((v) => !v.secondary),
      voters,
    ];
    for (const tier of tiers) {
      const votes = new Map<string, number>();
      for (const { section } of tier) if (section) votes.set(section.id, (votes.get(section.id) ?? 0) + 1);
      if (votes.size > 0) {
        // Map iteration follows insertion order, not config order: pick by config order explicitly for ties.
        let best: string | undefined;
        for (const section of compiled) {
          const count = votes.get(section.id) ?? 0;
          if (count > 0 && (best === undefined || count > votes.get(best)!)) best = section.id;
        }
        return best;
      }
    }
    return undefined;
  };

  return {
    classify(change) {
      const labels = change.labels.map((label) => label.toLowerCase());
      return (
        compiled.find((section) => labels.some((label) => section.labels.has(label)))?.id ??
        compiled.find((section) => section.repositories.some((matches) => matches(change.repo)))?.id ??
        compiled.find((section) => section.titles.some((pattern) => pattern.test(change.title)))?.id ??
        (change.kind === "pull" ? byVote(change.files) : undefined) ??
        options.fallbackId
      );
    },
  };
}

/** Globs with "!" exclusions: a path matches when it matches a positive glob and no negated one. */
export function globMatcher(globs: string[]): (path: string) => boolean {
  const positive = globs.filter((glob) => !glob.startsWith("!"));
  const negative = globs.filter((glob) => glob.startsWith("!")).map((glob) => glob.slice(1));
  if (positive.length === 0) return () => false;
  const include = picomatch(positive, { dot: true });
  const exclude = negative.length > 0 ? picomatch(negative, { dot: true }) : () => false;
  return (path) => include(path) && !exclude(path);
}

function repositoryMatcher(pattern: string): (repo: string) => boolean {
  const wanted = pattern.toLowerCase();
  if (wanted.endsWith("/*")) return (repo) => repo.toLowerCase().startsWith(wanted.slice(0, -1));
  return (repo) => repo.toLowerCase() === wanted;
}
