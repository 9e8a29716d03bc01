// Activity-search hits -> the model's Touched records, and what a template needs collected.
import type { Touched } from "../model.js";
import type { ActivityNode } from "./activity-queries.js";
import { toPerson } from "./map.js";

function present<T>(connection: { nodes: (T | null)[] | null } | null | undefined): T[] {
  return (connection?.nodes ?? []).filter((node): node is T => node !== null);
}

export function mapTouched(node: ActivityNode): Touched {
  const raw = node.pullState ?? node.issueState;
  const state = raw === "MERGED" ? "merged" : raw === "OPEN" ? "open" : "closed";
  return {
    kind: node.__typename === "PullRequest" ? "pull" : "issue",
    repo: node.repository.nameWithOwner,
    number: node.number,
    title: node.title,
    url: node.url,
    author: toPerson(node.author),
    state,
    createdAt: node.createdAt,
    labels: present(node.labels).map((label) => label.name),
    comments: present(node.comments).map((comment) => ({
      author: toPerson(comment.author),
      createdAt: comment.createdAt ?? null,
    })),
    reviews: present(node.reviews).map((review) => ({
      author: toPerson(review.author),
      state: review.state,
      createdAt: review.submittedAt ?? null,
    })),
  };
}

/** What the activity searches are asked for: `updated` (the listing of open work), `opened` (counts of new work). */
export interface ActivityNeeds {
  updated?: boolean;
  opened?: boolean;
}

/**
 * What a report's templates (the body, title, intro, outro) use beyond merged PRs and closed issues: the `updated`
 * listing, and the counts only the activity searches give. A template using neither costs no extra request.
 */
export function activityNeeds(templates: string[]): ActivityNeeds {
  const text = templates.join("\n");
  const tag = (name: string) => new RegExp(`\\{\\{\\{?\\s*[#^/&]?\\s*${name.replace(".", "\\.")}\\b`).test(text);
  return {
    updated: tag("updated"),
    opened: ["counts.pullsOpened", "counts.issuesOpened", "counts.contributions", "counts.contributors"].some(tag),
  };
}
