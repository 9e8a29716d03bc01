// The use case every trigger calls, against the fake GitHub serving the committed sample (acme/tinyos): what it
// returns for each way a run can end, and what it asks of GitHub before it knows the run can succeed.
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { startFakeGitHub, type FakeGitHub } from "@devreport/fake-github";
import { parseConfigText, type Config } from "../../src/config/index.js";
import { createClient } from "../../src/github/octokit.js";
import { PeriodError } from "../../src/period.js";
import { PublishError } from "../../src/publish/index.js";
import { draftAndPublish, type DraftRequest } from "../../src/usecase/draft-and-publish.js";
import { SAMPLE } from "../support/datasets.js";
import { loopbackOnly } from "../support/net.js";

loopbackOnly();

const REPO = "acme/tinyos";
const SAMPLE_CONFIG = "repositories: [acme/tinyos, acme/tinyos-ci, acme/rtf, acme/vsock]\n";
let fake: FakeGitHub;
beforeAll(async () => {
  fake = await startFakeGitHub({ data: [SAMPLE] });
});
afterAll(() => fake.close());

function request(
  overrides: Partial<DraftRequest> & { configText?: string } = {},
): DraftRequest & { configReads: () => number } {
  let reads = 0;
  const { configText = SAMPLE_CONFIG, ...rest } = overrides;
  return {
    client: createClient({ token: "t", apiUrl: fake.apiUrl }),
    repo: REPO,
    readConfig: async (): Promise<Config> => {
      reads++;
      return parseConfigText(configText, { source: "test", self: REPO });
    },
    mode: "draft",
    appLogin: async () => fake.store.app.login,
    configReads: () => reads,
    ...rest,
  };
}

const graphqlSince = (start: number) => fake.requests.slice(start).filter((r) => r.kind.startsWith("graphql"));

describe("draftAndPublish", () => {
  test("draft mode: the draft and its path, nothing written", async () => {
    const start = fake.requests.length;
    const outcome = await draftAndPublish(request({ period: "2024-W10" }));
    expect(outcome.status).toBe("drafted");
    if (outcome.status !== "drafted") return;
    expect(outcome.period.id).toBe("2024-W10");
    expect(outcome.primary).toBe(REPO);
    expect(outcome.draft.path).toBe("reports/2024-10.md");
    expect(fake.requests.slice(start).filter((r) => r.method !== "GET" && !r.kind.startsWith("graphql"))).toEqual([]);
  });

  test("a month asked of a weekly config gets the month's path", async () => {
    const outcome = await draftAndPublish(request({ period: "2024-03" }));
    expect(outcome.status === "drafted" && outcome.draft.path).toBe("reports/2024-03.md");
  });

  test("a malformed period fails before the config is read or GitHub asked", async () => {
    const start = fake.requests.length;
    const req = request({ period: "2024-W99" });
    const outcome = await draftAndPublish(req);
    expect(outcome).toEqual({ status: "failed", period: "2024-W99", error: expect.any(PeriodError) });
    expect(outcome.status === "failed" && (outcome.error as Error).message).toBe(
      'bad period "2024-W99": 2024 has no week 99',
    );
    expect(req.configReads()).toBe(0);
    expect(fake.requests.length).toBe(start);
  });

  test("a primary repository the requester may not write to is refused before drafting", async () => {
    const start = fake.requests.length;
    const asked: string[] = [];
    const outcome = await draftAndPublish(
      request({
        repo: "acme/rtf",
        period: "2024-W10",
        mode: "publish",
        mayWrite: async (primary) => {
          asked.push(primary);
          return false;
        },
      }),
    );
    expect(outcome).toEqual({ status: "refused", primary: REPO, period: expect.objectContaining({ id: "2024-W10" }) });
    expect(asked).toEqual([REPO]);
    expect(graphqlSince(start)).toEqual([]);
  });

  test("a branch template git refuses is a one-line failure before a single search", async () => {
    const start = fake.requests.length;
    const outcome = await draftAndPublish(
      request({
        period: "2024-W10",
        mode: "publish",
        configText: `${SAMPLE_CONFIG}publish:\n  branch: "reports {{id}}"\n`,
      }),
    );
    expect(outcome.status).toBe("failed");
    expect(outcome.status === "failed" && outcome.error).toEqual(
      new PublishError(
        'acme/tinyos: publish.branch "reports {{id}}" gives "reports 2024-W10", which is not a valid branch name; fix publish.branch in .github/devreport.yml',
      ),
    );
    expect(graphqlSince(start)).toEqual([]);
  });

  test("a range of days is published on a branch git accepts, and a second run finds it unchanged", async () => {
    const first = await draftAndPublish(request({ period: "2024-03-04..2024-03-10", mode: "publish" }));
    expect(first).toMatchObject({ status: "created", branch: "devreport/2024-03-04--2024-03-10", primary: REPO });
    if (first.status !== "created") return;
    expect(first.draft.path).toBe("reports/2024-03-04..2024-03-10.md");
    const pull = fake.store.get(REPO, first.pr.number);
    expect(pull?.title).toBe("tinyos report for 2024-03-04 to 2024-03-10");
    const again = await draftAndPublish(request({ period: "2024-03-04..2024-03-10", mode: "publish" }));
    expect(again).toMatchObject({ status: "unchanged", pr: first.pr });
  });
});
