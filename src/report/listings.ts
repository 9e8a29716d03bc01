// The data of a report grouped the way LinuxKit's monthly reports list it: merged PRs, closed issues and work still
// open, each grouped by repository (config order, then others alphabetically), and the period's counts as text.
import type { ActivityCounts, RepoName, Report, ReportItem } from "../model.js";

export interface ListedItem extends ReportItem {
  /** The rendered line. */
  text: string;
  /** The section (topic) the item was placed in. */
  section: { id: string; title: string };
}

export interface RepositoryGroup {
  repository: RepoName;
  items: ListedItem[];
  /** The same items by section, for templates that sort a listing by topic. */
  sections: { id: string; title: string; items: ListedItem[] }[];
}

export interface Listings {
  merged: RepositoryGroup[];
  closed: RepositoryGroup[];
  updated: RepositoryGroup[];
}

export function listings(
  report: Pick<Report, "sections" | "repositories">,
  line: (item: ReportItem) => string,
): Listings {
  const all = report.sections.flatMap((section) =>
    section.items.map((item): ListedItem => ({
      ...item,
      text: line(item),
      section: { id: section.id, title: section.title },
    })),
  );
  const group = (items: ListedItem[]) => byRepository(items, report.repositories);
  return {
    merged: group(all.filter((item) => item.kind === "pull" && !item.updated)),
    closed: group(all.filter((item) => item.kind === "issue" && !item.updated)),
    updated: group(all.filter((item) => item.updated === true)),
  };
}

function byRepository(items: ListedItem[], configured: RepoName[]): RepositoryGroup[] {
  const order = (repo: RepoName) => {
    const index = configured.findIndex((r) => r.toLowerCase() === repo.toLowerCase());
    return index === -1 ? configured.length : index;
  };
  const groups = new Map<string, ListedItem[]>();
  for (const item of items) {
    const id = item.repo.toLowerCase();
    const group = groups.get(id);
    if (group) group.push(item);
    else groups.set(id, [item]);
  }
  return [...groups.values()]
    .map((list) => list.sort((a, b) => a.number - b.number))
    .sort((a, b) => order(a[0]!.repo) - order(b[0]!.repo) || (a[0]!.repo < b[0]!.repo ? -1 : 1))
    .map((list) => ({ repository: list[0]!.repo, items: list, sections: bySection(list) }));
}

function bySection(items: ListedItem[]): RepositoryGroup["sections"] {
  const sections = new Map<string, RepositoryGroup["sections"][number]>();
  for (const item of items) {
    if (!sections.has(item.section.id)) sections.set(item.section.id, { ...item.section, items: [] });
    sections.get(item.section.id)!.items.push(item);
  }
  return [...sections.values()];
}

/** Each known count as text ("0" included, so that a Mustache section shows it); an unknown count is absent. */
export function countsView(counts: ActivityCounts | undefined): Record<string, string> {
  return Object.fromEntries(
    Object.entries(counts ?? {}).flatMap(([name, value]) => (typeof value === "number" ? [[name, String(value)]] : [])),
  );
}
