// Places each change in exactly one section. Precedence, strongest signal first:
//   1. labels: a maintainer said so;
//   2. paths: each changed file votes for the first section whose globs match it; most votes wins, ties go to the
//      earlier section; files matching `secondaryPaths` only vote when no other file does;
//   3. title patterns ("docs: ...", "Makefile: ...");
//   4. repository: what a repository is about when its files say nothing (a CI service, a test framework);
//   5. the fallback section.
import picomatch from "picomatch";
import type { Change } from "../model.js";

export interface SectionRules {
  id: string;
  labels: string[];
  paths: string[];
  titles: string[];
  repositories: string[];
}

export interface Classifier {
  /** The id of the section the change belongs in, or `fallbackId`. */
  classify(change: Change): string;
}

export function createClassifier(sections: SectionRules[], options: { secondaryPaths: string[]; fallbackId: string }): Classifier {
  const compiled = sections.map((section) => ({
    id: section.id,
    labels: new Set(section.labels.map((label) => label.toLowerCase())),
    titles: section.titles.map((pattern) => new RegExp(pattern, "i")),
    repositories: section.repositories.map(repositoryMatcher),
    matchesFile: globMatcher(section.paths),
  }));
  const isSecondary = globMatcher(options.secondaryPaths);

  const sectionOfFile = (path: string) => compiled.find((section) => section.matchesFile(path))?.id;

  const byVote = (files: string[]): string | undefined => {
    const primary = files.filter((file) => !isSecondary(file));
    for (const voters of [primary, files]) {
      const votes = new Map<string, number>();
      for (const file of voters) {
        const id = sectionOfFile(file);
        if (id) votes.set(id, (votes.get(id) ?? 0) + 1);
      }
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
        (change.kind === "pull" ? byVote(change.files) : undefined) ??
        compiled.find((section) => section.titles.some((pattern) => pattern.test(change.title)))?.id ??
        compiled.find((section) => section.repositories.some((matches) => matches(change.repo)))?.id ??
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
