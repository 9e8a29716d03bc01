// The fields GitHub's OpenAPI description marks required on the REST shapes the fake serves and that no client of
// ours reads: the hypermedia URLs, counters and nullable links GitHub always sends. Kept apart from rest-shapes.ts,
// which holds what clients read; checked in devreport's contract tests (test/support/contract.ts).
const API = "https://api.github.com";
const WEB = "https://github.com";
const EPOCH = "2020-01-01T00:00:00Z";

/** simple-user's URL templates and gravatar_id; a bot's "[bot]" is percent-encoded in URLs, as GitHub does. */
export const userExtras = (login: string) => {
  const base = `${API}/users/${encodeURIComponent(login)}`;
  return {
    url: base,
    gravatar_id: "",
    followers_url: `${base}/followers`,
    following_url: `${base}/following{/other_user}`,
    gists_url: `${base}/gists{/gist_id}`,
    starred_url: `${base}/starred{/owner}{/repo}`,
    subscriptions_url: `${base}/subscriptions`,
    organizations_url: `${base}/orgs`,
    repos_url: `${base}/repos`,
    events_url: `${base}/events{/privacy}`,
    received_events_url: `${base}/received_events`,
  };
};

const REPO_URLS: Record<string, string> = {
  archive_url: "/{archive_format}{/ref}",
  assignees_url: "/assignees{/user}",
  blobs_url: "/git/blobs{/sha}",
  branches_url: "/branches{/branch}",
  collaborators_url: "/collaborators{/collaborator}",
  comments_url: "/comments{/number}",
  commits_url: "/commits{/sha}",
  compare_url: "/compare/{base}...{head}",
  contents_url: "/contents/{+path}",
  contributors_url: "/contributors",
  deployments_url: "/deployments",
  downloads_url: "/downloads",
  events_url: "/events",
  forks_url: "/forks",
  git_commits_url: "/git/commits{/sha}",
  git_refs_url: "/git/refs{/sha}",
  git_tags_url: "/git/tags{/sha}",
  hooks_url: "/hooks",
  issue_comment_url: "/issues/comments{/number}",
  issue_events_url: "/issues/events{/number}",
  issues_url: "/issues{/number}",
  keys_url: "/keys{/key_id}",
  labels_url: "/labels{/name}",
  languages_url: "/languages",
  merges_url: "/merges",
  milestones_url: "/milestones{/number}",
  notifications_url: "/notifications{?since,all,participating}",
  pulls_url: "/pulls{/number}",
  releases_url: "/releases{/id}",
  stargazers_url: "/stargazers",
  statuses_url: "/statuses/{sha}",
  subscribers_url: "/subscribers",
  subscription_url: "/subscription",
  tags_url: "/tags",
  teams_url: "/teams",
  trees_url: "/git/trees{/sha}",
};

/** repository / full-repository: URL templates, clone URLs, counters and flags. */
export const repoExtras = (fullName: string) => ({
  ...Object.fromEntries(Object.entries(REPO_URLS).map(([key, tail]) => [key, `${API}/repos/${fullName}${tail}`])),
  clone_url: `${WEB}/${fullName}.git`,
  git_url: `git://github.com/${fullName}.git`,
  ssh_url: `git@github.com:${fullName}.git`,
  svn_url: `${WEB}/${fullName}`,
  mirror_url: null,
  homepage: null,
  description: null,
  language: null,
  license: null,
  forks: 0,
  forks_count: 0,
  stargazers_count: 0,
  watchers: 0,
  watchers_count: 0,
  open_issues: 0,
  open_issues_count: 0,
  size: 0,
  network_count: 0,
  subscribers_count: 0,
  has_issues: true,
  has_projects: false,
  has_wiki: false,
  has_pages: false,
  has_downloads: false,
  has_discussions: false,
  created_at: EPOCH,
  updated_at: EPOCH,
  pushed_at: EPOCH,
});

/** issue: the links and the (never set) assignee and milestone. */
export const issueExtras = (repo: string, number: number) => ({
  repository_url: `${API}/repos/${repo}`,
  labels_url: `${API}/repos/${repo}/issues/${number}/labels{/name}`,
  comments_url: `${API}/repos/${repo}/issues/${number}/comments`,
  events_url: `${API}/repos/${repo}/issues/${number}/events`,
  assignee: null,
  assignees: [],
  milestone: null,
});

/** pull-request: _links and the fields of merging and review the fake does not model. */
export const pullExtras = (repo: string, number: number, headSha: string | null) => {
  const api = `${API}/repos/${repo}`;
  const links = {
    self: { href: `${api}/pulls/${number}` },
    html: { href: `${WEB}/${repo}/pull/${number}` },
    issue: { href: `${api}/issues/${number}` },
    comments: { href: `${api}/issues/${number}/comments` },
    review_comments: { href: `${api}/pulls/${number}/comments` },
    review_comment: { href: `${api}/pulls/comments{/number}` },
    commits: { href: `${api}/pulls/${number}/commits` },
    statuses: { href: `${api}/statuses/${headSha ?? ""}` },
  };
  return {
    _links: links,
    diff_url: `${WEB}/${repo}/pull/${number}.diff`,
    patch_url: `${WEB}/${repo}/pull/${number}.patch`,
    commits_url: links.commits.href,
    review_comments_url: links.review_comments.href,
    review_comment_url: links.review_comment.href,
    comments_url: links.comments.href,
    statuses_url: links.statuses.href,
    merge_commit_sha: null,
    auto_merge: null,
    additions: 0,
    deletions: 0,
    changed_files: 0,
    mergeable: null,
    mergeable_state: "unknown",
    maintainer_can_modify: false,
    merged_by: null,
    review_comments: 0,
    requested_teams: [],
  };
};

/** commit (repository commits): the comments link. */
export const commitExtras = (repo: string, sha: string) => ({
  comments_url: `${API}/repos/${repo}/commits/${sha}/comments`,
});

/** commit-comparison: its own links. */
export const compareExtras = (repo: string, basehead: string) => ({
  url: `${API}/repos/${repo}/compare/${basehead}`,
  html_url: `${WEB}/${repo}/compare/${basehead}`,
  permalink_url: `${WEB}/${repo}/compare/${basehead}`,
  diff_url: `${WEB}/${repo}/compare/${basehead}.diff`,
  patch_url: `${WEB}/${repo}/compare/${basehead}.patch`,
});

/** content-file: the raw download URL and _links. */
export const fileExtras = (repo: string, ref: string, path: string, sha: string) => ({
  download_url: `https://raw.githubusercontent.com/${repo}/${ref}/${path}`,
  _links: {
    self: `${API}/repos/${repo}/contents/${path}?ref=${ref}`,
    git: `${API}/repos/${repo}/git/blobs/${sha}`,
    html: `${WEB}/${repo}/blob/${ref}/${path}`,
  },
});

/** diff-entry (compare, commit and pull files): the file's links at the compared revision. */
export const diffEntryExtras = (repo: string, ref: string, path: string) => ({
  blob_url: `${WEB}/${repo}/blob/${ref}/${path}`,
  raw_url: `${WEB}/${repo}/raw/${ref}/${path}`,
  contents_url: `${API}/repos/${repo}/contents/${path}?ref=${ref}`,
});

/** integration (GET /app): its pages and dates. */
export const appExtras = (slug: string) => ({
  html_url: `${WEB}/apps/${slug}`,
  external_url: `${WEB}/apps/${slug}`,
  created_at: EPOCH,
  updated_at: EPOCH,
});

/** reaction-rollup: one count per content and the reactions URL. */
export const reactionsExtras = (repo: string, commentId: number, reactions: { content: string }[]) => ({
  url: `${API}/repos/${repo}/issues/comments/${commentId}/reactions`,
  ...Object.fromEntries(
    ["+1", "-1", "laugh", "confused", "heart", "hooray", "eyes", "rocket"].map((content) => [
      content,
      reactions.filter((r) => r.content === content).length,
    ]),
  ),
});

/** branch-with-protection: its links, and the protection summary (nothing is enforced but `protected` itself). */
export const branchExtras = (repo: string, branch: string, isProtected: boolean) => ({
  _links: {
    html: `${WEB}/${repo}/tree/${branch}`,
    self: `${API}/repos/${repo}/branches/${encodeURIComponent(branch)}`,
  },
  protection: { enabled: isProtected, required_status_checks: { enforcement_level: "off", contexts: [], checks: [] } },
  protection_url: `${API}/repos/${repo}/branches/${encodeURIComponent(branch)}/protection`,
});
