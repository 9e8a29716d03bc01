// The app's own endpoints: installations (one per owning account), installation tokens that remember their
// installation, and the repositories each can see, paginated as GitHub's OpenAPI describes them. Octokit's paginate
// reads them the way the hosted schedule does.
import { afterEach, expect, test } from "@jest/globals";
import { Octokit } from "@octokit/rest";
import { startFakeGitHub, type FakeGitHub } from "../src/index.js";
import { rest, SAMPLE } from "./helpers.js";

const JWT = "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOjF9.c2ln";
const silent = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
let fake: FakeGitHub;
afterEach(() => fake?.close());

async function start(): Promise<FakeGitHub> {
  fake = await startFakeGitHub({ data: [SAMPLE], acceptAnyToken: false });
  // A second account with three repositories of its own.
  for (const name of ["one", "two", "three"]) fake.store.ensureRepo(`beta/${name}`, "main");
  return fake;
}

const asApp = () => new Octokit({ auth: JWT, baseUrl: fake.url, log: silent });

test("GET /app/installations: one installation per owning account, paginated with a Link header", async () => {
  await start();
  const first = await rest(fake, "GET", "/app/installations?per_page=1", undefined, { token: JWT });
  expect(first.status).toBe(200);
  expect(first.body).toEqual([
    expect.objectContaining({ id: 1, app_slug: "devreport", account: expect.objectContaining({ login: "acme" }) }),
  ]);
  expect(first.headers.get("link")).toMatch(/<[^>]*page=2[^>]*>; rel="next"/);
  const all = await asApp().paginate("GET /app/installations", { per_page: 1 });
  expect(all.map((i) => [i.id, i.account && "login" in i.account ? i.account.login : undefined])).toEqual([
    [1, "acme"],
    [2, "beta"],
  ]);
  expect((await rest(fake, "GET", "/app/installations", undefined, { token: "ghs_not_a_jwt" })).status).toBe(401);
  expect((await rest(fake, "GET", "/orgs/beta/installation", undefined, { token: JWT })).body).toMatchObject({ id: 2 });
  expect((await rest(fake, "GET", "/repos/beta/two/installation", undefined, { token: JWT })).body).toMatchObject({
    id: 2,
  });
  expect((await rest(fake, "GET", "/orgs/nobody/installation", undefined, { token: JWT })).status).toBe(404);
});

test("GET /installation/repositories: what the token's installation can see, page by page", async () => {
  await start();
  const token = async (id: number) =>
    (await rest(fake, "POST", `/app/installations/${id}/access_tokens`, undefined, { token: JWT })).body
      .token as string;
  const beta = await token(2);
  const page = await rest(fake, "GET", "/installation/repositories?per_page=2", undefined, { token: beta });
  expect(page.body.total_count).toBe(3);
  expect(page.body.repositories.map((r: any) => r.full_name)).toEqual(["beta/one", "beta/two"]);
  expect(page.headers.get("link")).toMatch(/rel="next"/);
  const octokit = new Octokit({ auth: beta, baseUrl: fake.url, log: silent });
  const all = await octokit.paginate("GET /installation/repositories", { per_page: 2 });
  expect(all.map((r) => r.full_name)).toEqual(["beta/one", "beta/two", "beta/three"]);
  const acme = await new Octokit({ auth: await token(1), baseUrl: fake.url, log: silent }).paginate(
    "GET /installation/repositories",
  );
  expect(acme.map((r) => r.full_name)).toEqual(["acme/tinyos", "acme/tinyos-ci", "acme/rtf", "acme/vsock"]);
  // The token acts as the app's bot like any installation token.
  expect((await rest(fake, "GET", "/user", undefined, { token: beta })).body).toMatchObject({
    login: "devreport[bot]",
  });
});
