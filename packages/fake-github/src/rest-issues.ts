// Issues over REST: issues (PRs are issues too), comments, labels, reactions, and collaborator permissions.
import { HttpError, notFound, ok, paginate, validationFailed } from "./http.js";
import { field, optional, repoOf, route, type RestContext, type Route } from "./rest-route.js";
import { commentJson, issueJson, labelJson, userJson } from "./rest-shapes.js";
import type { Comment, IssueRecord, Item, ReactionContent, RoleName, StateReason } from "./types.js";

const REACTIONS: ReactionContent[] = ["+1", "-1", "laugh", "confused", "heart", "hooray", "rocket", "eyes"];
/** GitHub's `permission` keeps the pre-2021 vocabulary; `role_name` has the exact role. */
const LEGACY_PERMISSION: Record<RoleName, string> = {
  admin: "admin",
  maintain: "write",
  write: "write",
  triage: "read",
  read: "read",
  none: "none",
};

function itemOf(ctx: RestContext): Item {
  const item = ctx.store.get(repoOf(ctx).fullName, Number(ctx.params.number));
  if (!item) throw notFound();
  return item;
}

function commentOf(ctx: RestContext): Comment {
  const repo = repoOf(ctx);
  const comment = ctx.store.comments.get(Number(ctx.params.id));
  if (!comment || comment.repo.toLowerCase() !== repo.fullName.toLowerCase()) throw notFound();
  return comment;
}

function createIssue(ctx: RestContext) {
  const repo = repoOf(ctx);
  const now = ctx.store.now();
  const issue: IssueRecord = {
    kind: "issue",
    id: ctx.store.nextId(),
    repo: repo.fullName,
    number: ctx.store.nextNumber(repo.fullName),
    title: field(ctx, "title"),
    body: optional(ctx, "body") ?? "",
    author: ctx.who,
    state: "open",
    createdAt: now,
    updatedAt: now,
    closedAt: null,
    labels: Array.isArray(ctx.body.labels) ? (ctx.body.labels as unknown[]).map(String) : [],
    placeholder: false,
    stateReason: null,
  };
  ctx.store.addItem(issue);
  return ok(issueJson(ctx.store, issue), 201);
}

function updateIssue(ctx: RestContext) {
  const item = itemOf(ctx);
  const state = optional(ctx, "state");
  if (state && state !== "open" && state !== "closed") {
    throw validationFailed([{ resource: "Issue", field: "state", code: "invalid" }]);
  }
  item.title = optional(ctx, "title") ?? item.title;
  item.body = optional(ctx, "body") ?? item.body;
  if (Array.isArray(ctx.body.labels)) item.labels = (ctx.body.labels as unknown[]).map(String);
  if (state && state !== item.state) {
    item.state = state as Item["state"];
    item.closedAt = state === "closed" ? ctx.store.now() : null;
  }
  if (item.kind === "issue") {
    const reason = optional(ctx, "state_reason");
    if (state === "closed") item.stateReason = (reason?.toUpperCase() as StateReason | undefined) ?? "COMPLETED";
    if (state === "open") item.stateReason = "REOPENED";
  }
  item.updatedAt = ctx.store.now();
  return ok(issueJson(ctx.store, item));
}

function addLabels(ctx: RestContext) {
  const item = itemOf(ctx);
  const raw: unknown = ctx.req.body ? JSON.parse(ctx.req.body) : [];
  const labels = Array.isArray(raw) ? raw : ctx.body.labels;
  if (!Array.isArray(labels)) throw new HttpError(422, `Invalid request.\n\n"labels" wasn't supplied.`);
  for (const label of labels.map((l) => (typeof l === "string" ? l : String((l as { name?: unknown }).name)))) {
    if (!item.labels.includes(label)) item.labels.push(label);
  }
  return ok(item.labels.map((l) => labelJson(item.repo, l)));
}

function react(ctx: RestContext, comment: Comment) {
  const content = ctx.body.content as ReactionContent;
  if (!REACTIONS.includes(content))
    throw validationFailed([{ resource: "Reaction", field: "content", code: "invalid" }]);
  const { created, id } = ctx.store.addReaction(comment, content, ctx.who);
  const reaction = comment.reactions.find((r) => r.id === id)!;
  return ok(
    { id, node_id: `REA_${id}`, user: userJson(ctx.store, reaction.user), content, created_at: reaction.createdAt },
    created ? 201 : 200,
  );
}

export const issueRoutes: Route[] = [
  route("POST", "/repos/{owner}/{repo}/issues", createIssue),
  route("GET", "/repos/{owner}/{repo}/issues/comments/{id}", (ctx) => ok(commentJson(ctx.store, commentOf(ctx)))),
  route("PATCH", "/repos/{owner}/{repo}/issues/comments/{id}", (ctx) => {
    const comment = commentOf(ctx);
    comment.body = field(ctx, "body");
    comment.updatedAt = ctx.store.now();
    return ok(commentJson(ctx.store, comment));
  }),
  route("DELETE", "/repos/{owner}/{repo}/issues/comments/{id}", (ctx) => {
    ctx.store.comments.delete(commentOf(ctx).id);
    return { status: 204 };
  }),
  route("POST", "/repos/{owner}/{repo}/issues/comments/{id}/reactions", (ctx) => react(ctx, commentOf(ctx))),
  route("GET", "/repos/{owner}/{repo}/issues/comments/{id}/reactions", (ctx) =>
    ok(
      commentOf(ctx).reactions.map((r) => ({
        id: r.id,
        user: userJson(ctx.store, r.user),
        content: r.content,
        created_at: r.createdAt,
      })),
    ),
  ),
  route("GET", "/repos/{owner}/{repo}/issues/{number}", (ctx) => ok(issueJson(ctx.store, itemOf(ctx)))),
  route("PATCH", "/repos/{owner}/{repo}/issues/{number}", updateIssue),
  route("GET", "/repos/{owner}/{repo}/issues/{number}/comments", (ctx) => {
    const item = itemOf(ctx);
    const { page, headers } = paginate(ctx.req.url, ctx.store.commentsOn(item.repo, item.number));
    return ok(
      page.map((c) => commentJson(ctx.store, c)),
      200,
      headers,
    );
  }),
  route("POST", "/repos/{owner}/{repo}/issues/{number}/comments", (ctx) => {
    const item = itemOf(ctx);
    return ok(commentJson(ctx.store, ctx.store.addComment(item.repo, item.number, field(ctx, "body"), ctx.who)), 201);
  }),
  route("GET", "/repos/{owner}/{repo}/issues/{number}/labels", (ctx) => {
    const item = itemOf(ctx);
    return ok(item.labels.map((l) => labelJson(item.repo, l)));
  }),
  route("POST", "/repos/{owner}/{repo}/issues/{number}/labels", addLabels),
  route("DELETE", "/repos/{owner}/{repo}/issues/{number}/labels/{name}", (ctx) => {
    const item = itemOf(ctx);
    if (!item.labels.includes(ctx.params.name)) throw new HttpError(404, "Label does not exist");
    item.labels = item.labels.filter((l) => l !== ctx.params.name);
    return ok(item.labels.map((l) => labelJson(item.repo, l)));
  }),
  route("GET", "/repos/{owner}/{repo}/collaborators/{user}/permission", (ctx) => {
    const repo = repoOf(ctx);
    const role = ctx.store.permission(repo.fullName, ctx.params.user);
    return ok({
      permission: LEGACY_PERMISSION[role],
      role_name: role,
      user: { ...userJson(ctx.store, ctx.store.account(ctx.params.user)), role_name: role },
    });
  }),
];
