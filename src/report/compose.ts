// Activity + Config -> Report: what goes in, where, in which order, and who gets credit.
import type { Config } from "../config/schema.js";
import type {
  Activity,
  Change,
  Issue,
  IssueRef,
  Person,
  PullRequest,
  RepoName,
  Report,
  ReportItem,
  ReportSection,
  Touched,
} from "../model.js";
import { createClassifier } from "./classify.js";
import { cleanTitle } from "./markdown.js";
import { participants, periodTest, touchedCounts, updatedItems } from "./touched.js";

export const FALLBACK_ID = "fallback";

type ComposeConfig = Pick<Config, "repositories" | "sections" | "secondaryPaths" | "fallback" | "exclude" | "issues">;

export function composeReport(activity: Activity, config: ComposeConfig): Report {
  const excludedLabels = new Set(config.exclude.labels.map((l) => l.toLowerCase()));
  const excludedAuthors = new Set(config.exclude.authors.map((a) => a.toLowerCase()));
  const isExcluded = (change: Pick<Change, "labels" | "author">) =>
    change.labels.some((l) => excludedLabels.has(l.toLowerCase())) ||
    (change.author !== null && excludedAuthors.has(change.author.login.toLowerCase()));
  // A bot's commits carry its login as a plain user (GraphQL's GitActor.user), so remember every login seen acting
  // as a bot anywhere in the period.
  const botLogins = new Set(
    [...activity.pulls, ...activity.issues]
      .flatMap((change) => [change.author, ...(change.kind === "pull" ? change.reviews.map((r) => r.reviewer) : [])])
      .filter((person): person is Person => person !== null && isBot(person))
      .map((person) => botName(person.login)),
  );
  const credited = (person: Person | null): person is Person =>
    person !== null &&
    !excludedAuthors.has(person.login.toLowerCase()) &&
    !(config.exclude.bots && (isBot(person) || botLogins.has(botName(person.login))));

  const pulls = activity.pulls.filter((pull) => !isExcluded(pull));
  const closedByListedPull = new Set(pulls.flatMap((pull) => pull.closes.map(refKey)));
  const skippedReasons = new Set<string>(config.issues.excludeStateReasons);
  const closedIssues = activity.issues.filter(
    (issue) => !isExcluded(issue) && !(issue.stateReason && skippedReasons.has(issue.stateReason)),
  );
  const issues = config.issues.include ? closedIssues.filter((issue) => !closedByListedPull.has(refKey(issue))) : [];

  const classifier = createClassifier(config.sections, {
    secondaryPaths: config.secondaryPaths,
    fallbackId: FALLBACK_ID,
  });
  const order = repositoryOrder(config.repositories);
  const changes: Change[] = [...pulls, ...issues].sort(
    (a, b) => order(a.repo) - order(b.repo) || compareText(a.repo, b.repo) || a.number - b.number,
  );

  const sections: ReportSection[] = [...config.sections, { id: FALLBACK_ID, title: config.fallback }].map(
    ({ id, title }) => ({ id, title, items: [] }),
  );
  const byId = new Map(sections.map((section) => [section.id, section]));
  // With the activity searches, those who commented or reviewed in the period get credit too, after the rest.
  const touched = new Map((activity.touched ?? []).map((t) => [refKey(t), t]));
  const inPeriod = periodTest(activity.period);
  const context = { isExcluded, credited };
  for (const change of changes) {
    const people = uniqueLogins(
      [...peopleOf(change), ...participants(touched.get(refKey(change)), inPeriod)].filter(credited),
    );
    byId.get(classifier.classify(change))!.items.push(toItem(change, people));
  }
  const updated = updatedItems(activity, context, (t) =>
    uniqueLogins([t.author, ...participants(t, inPeriod)].filter(credited)),
  );
  for (const item of updated) byId.get(classifier.classify(asChange(touched.get(refKey(item))!)))!.items.push(item);

  // `changes` is already in repository order, and a Map keeps first-insertion order.
  const activeRepositories = [...new Map([...changes, ...updated].map((c) => [c.repo.toLowerCase(), c.repo])).values()];
  const nonEmpty = sections.filter((section) => section.items.length > 0);
  return {
    period: activity.period,
    repositories: activity.repositories,
    activeRepositories,
    sections: nonEmpty,
    contributors: [...new Set(nonEmpty.flatMap((section) => section.items.flatMap((item) => item.people)))],
    counts: { ...touchedCounts(activity, context), pullsMerged: pulls.length, issuesClosed: closedIssues.length },
  };
}

/** A touched item as the classifier sees a change: its title and labels (no files are collected for it). */
function asChange(t: Touched): Change {
  return t.kind === "pull"
    ? {
        kind: "pull",
        repo: t.repo,
        number: t.number,
        title: t.title,
        url: t.url,
        author: t.author,
        mergedAt: "",
        labels: t.labels,
        files: [],
        reviews: [],
        coAuthors: [],
        closes: [],
      }
    : {
        kind: "issue",
        repo: t.repo,
        number: t.number,
        title: t.title,
        url: t.url,
        author: t.author,
        closedAt: "",
        labels: t.labels,
        stateReason: null,
      };
}

/** Author first, then reviewers who approved or commented, then co-authors. */
function peopleOf(change: Change): (Person | null)[] {
  if (change.kind === "issue") return [change.author];
  const reviewers = change.reviews
    .filter((r) => r.state === "APPROVED" || r.state === "COMMENTED")
    .map((r) => r.reviewer);
  return [change.author, ...reviewers, ...change.coAuthors];
}

function toItem(change: PullRequest | Issue, people: string[]): ReportItem {
  return {
    kind: change.kind,
    repo: change.repo,
    number: change.number,
    title: cleanTitle(change.title),
    related: change.kind === "pull" ? uniqueRefs(change.closes.filter((ref) => refKey(ref) !== refKey(change))) : [],
    people,
  };
}

export function isBot(person: Person): boolean {
  return person.kind === "Bot" || /\[bot\]$/i.test(person.login);
}

/** GraphQL names a bot "renovate", REST "renovate[bot]": one key for both. */
function botName(login: string): string {
  return login.toLowerCase().replace(/\[bot\]$/, "");
}

function uniqueLogins(people: Person[]): string[] {
  const seen = new Map<string, string>();
  for (const person of people)
    if (!seen.has(person.login.toLowerCase())) seen.set(person.login.toLowerCase(), person.login);
  return [...seen.values()];
}

function uniqueRefs(refs: IssueRef[]): IssueRef[] {
  return [...new Map(refs.map((ref) => [refKey(ref), ref])).values()];
}

function refKey(ref: IssueRef): string {
  return `${ref.repo.toLowerCase()}#${ref.number}`;
}

/** Config order; repositories matched by an "owner/*" entry come after the explicit ones. */
function repositoryOrder(configured: RepoName[]): (repo: RepoName) => number {
  const exact = configured.map((r) => r.toLowerCase());
  return (repo) => {
    const index = exact.indexOf(repo.toLowerCase());
    return index === -1 ? exact.length : index;
  };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
