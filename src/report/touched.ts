// Work touched in a period -> the "updated" listing (open work, PRs closed unmerged), the people who commented or
// reviewed in the period, and the counts only that data can tell (opened, contributions, contributors).
import type { Activity, ActivityCounts, Change, Person, ReportItem, Touched } from "../model.js";
import { cleanTitle } from "./markdown.js";

export interface TouchedContext {
  /** Changes with an excluded label or author never appear. */
  isExcluded: (change: Pick<Change, "labels" | "author">) => boolean;
  /** Whether a person may be credited (not a bot, not an excluded author). */
  credited: (person: Person | null) => person is Person;
}

const key = (ref: { repo: string; number: number }) => `${ref.repo.toLowerCase()}#${ref.number}`;

/** Who took part in the period: commenters and reviewers, in the order GitHub lists them. */
export function participants(
  touched: Touched | undefined,
  inPeriod: (at: string | null) => boolean,
): (Person | null)[] {
  if (!touched) return [];
  return [...touched.reviews, ...touched.comments]
    .filter((entry) => inPeriod(entry.createdAt))
    .map((entry) => entry.author);
}

export function periodTest(period: Activity["period"]): (at: string | null) => boolean {
  const start = Date.parse(period.start);
  const end = Date.parse(period.end);
  return (at) => {
    const time = at ? Date.parse(at) : NaN;
    return time >= start && time < end;
  };
}

/** The touched items listed as "updated": still open, or a PR closed without being merged; never one listed already. */
export function updatedItems(
  activity: Activity,
  context: TouchedContext,
  people: (change: Touched) => string[],
): ReportItem[] {
  const listed = new Set([...activity.pulls, ...activity.issues].map(key));
  return (activity.touched ?? [])
    .filter(
      (t) =>
        !listed.has(key(t)) &&
        !context.isExcluded(t) &&
        (t.state === "open" || (t.kind === "pull" && t.state === "closed")),
    )
    .map((t) => ({
      kind: t.kind,
      repo: t.repo,
      number: t.number,
      title: cleanTitle(t.title),
      related: [],
      people: people(t),
      updated: true,
    }));
}

/** The counts the activity searches tell; none when they were not sent. */
export function touchedCounts(activity: Activity, context: TouchedContext): ActivityCounts {
  if (!activity.touched) return {};
  const inPeriod = periodTest(activity.period);
  const touched = activity.touched.filter((t) => !context.isExcluded(t));
  const opened = touched.filter((t) => inPeriod(t.createdAt));
  const made = [
    ...opened.map((t) => t.author),
    ...touched.flatMap((t) =>
      [...t.comments, ...t.reviews].filter((entry) => inPeriod(entry.createdAt)).map((entry) => entry.author),
    ),
  ].filter(context.credited);
  return {
    pullsOpened: opened.filter((t) => t.kind === "pull").length,
    issuesOpened: opened.filter((t) => t.kind === "issue").length,
    contributions: made.length,
    contributors: new Set(made.map((person) => person.login.toLowerCase())).size,
  };
}
