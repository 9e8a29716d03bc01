// The git objects of the fake's GraphQL answers (Commit, Tree, Blob), resolved by graphql-js's default resolver
// like the nodes in graphql-nodes.ts.
import { connection, type PageArgs } from "./connection.js";
import { history, putTree, resolveRevision, treeOfCommit } from "./git.js";
import { actorNode } from "./graphql-actor.js";
import type { FakeStore } from "./store.js";
import type { GitCommit, PullCommit, RepoRecord, Signature } from "./types.js";

const WEB = "https://github.com";

const gitActor = (store: FakeStore, sig: Signature): object => ({
  name: sig.name,
  email: sig.email,
  date: sig.date,
  user: sig.login ? actorNode(store.account(sig.login)) : null,
});

export function commitNode(
  store: FakeStore,
  repo: string,
  c: PullCommit & { committer?: Signature; tree?: string },
): object {
  const [headline, ...rest] = c.message.split("\n");
  return {
    __typename: "Commit",
    id: `C_${c.sha}`,
    oid: c.sha,
    abbreviatedOid: c.sha.slice(0, 7),
    message: c.message,
    messageHeadline: headline,
    messageBody: rest.join("\n").trim(),
    url: `${WEB}/${repo}/commit/${c.sha}`,
    authoredDate: c.author.date,
    committedDate: (c.committer ?? c.author).date,
    author: gitActor(store, c.author),
    committer: gitActor(store, c.committer ?? c.author),
    authors: (args: PageArgs) =>
      connection(
        [c.author, ...c.coAuthors].map((s) => gitActor(store, s)),
        args,
        "authors",
      ),
  };
}

export const gitCommitNode = (store: FakeStore, repo: RepoRecord, c: GitCommit): object => ({
  ...commitNode(store, repo.fullName, { ...c, coAuthors: [] }),
  tree: { __typename: "Tree", oid: c.tree },
  parents: (args: PageArgs) =>
    connection(
      c.parents.map((oid) => ({ __typename: "Commit", oid })),
      args,
      "parents",
    ),
  // since/until bound the committer date, both ends included, as GitHub's Commit.history does.
  history: (args: PageArgs & { since?: string; until?: string }) =>
    connection(
      history(repo, c.sha)
        .filter(
          (h) =>
            (!args.since || Date.parse(h.committer.date) >= Date.parse(args.since)) &&
            (!args.until || Date.parse(h.committer.date) <= Date.parse(args.until)),
        )
        .map((h) => gitCommitNode(store, repo, h)),
      args,
      "history",
    ),
});

/** `rev:path` is a blob or tree at that path; a bare `rev` is the commit. */
export function objectNode(store: FakeStore, repo: RepoRecord, expression: string): object | null {
  const colon = expression.indexOf(":");
  const sha = resolveRevision(repo, colon < 0 ? expression : expression.slice(0, colon));
  if (!sha) return null;
  if (colon < 0) return gitCommitNode(store, repo, repo.commits.get(sha)!);
  const path = expression.slice(colon + 1).replace(/^\/+|\/+$/g, "");
  const tree = treeOfCommit(repo, sha);
  const blob = tree.get(path);
  if (blob) {
    const content = repo.blobs.get(blob)!;
    return {
      __typename: "Blob",
      oid: blob,
      abbreviatedOid: blob.slice(0, 7),
      byteSize: content.length,
      isBinary: content.includes(0),
      isTruncated: false,
      text: content.toString("utf8"),
    };
  }
  const prefix = path === "" ? "" : `${path}/`;
  const below = new Map([...tree].filter(([p]) => p.startsWith(prefix)).map(([p, s]) => [p.slice(prefix.length), s]));
  if (below.size === 0) return null;
  const names = [...new Set([...below.keys()].map((p) => p.split("/")[0] ?? p))].sort();
  return {
    __typename: "Tree",
    oid: putTree(repo, below),
    entries: names.map((name) => {
      const file = below.get(name);
      return {
        name,
        path: `${prefix}${name}`,
        type: file ? "blob" : "tree",
        mode: file ? 33188 : 16384,
        oid: file ?? null,
      };
    }),
  };
}
