// End to end against the loopback fake GitHub, which executes our documents against GitHub's schema over the
// LinuxKit dataset (../shared/linuxkit, not part of this repository).
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, expect, test } from "@jest/globals";
import { collectActivity } from "../../src/collect/index.js";
import { SEARCH_GRAMMARS, startFakeGitHub, type FakeGitHub } from "@devreport/fake-github";
import { describeWithLinuxKit, LINUXKIT_DATA } from "../support/datasets.js";
import { testClient } from "../support/github.js";
import { loopbackOnly } from "../support/net.js";
import { WEEK_27 } from "./helpers.js";

const DATA = LINUXKIT_DATA;

const LINUXKIT = ["linuxkit/linuxkit", "linuxkit/linuxkit-ci", "linuxkit/rtf", "linuxkit/virtsock"];

describeWithLinuxKit.each(SEARCH_GRAMMARS)(
  "collect 2017-W27 from the fake GitHub, %s search grammar",
  (searchGrammar) => {
    let fake: FakeGitHub;
    loopbackOnly();
    beforeAll(async () => {
      fake = await startFakeGitHub({ data: [DATA], latencyMs: 5, searchGrammar });
    });
    afterAll(async () => {
      await fake.close();
    });

    test("33 merged PRs, 27 in linuxkit/linuxkit and 6 in linuxkit/virtsock, files complete", async () => {
      const client = testClient(fake.url);
      const lines: string[] = [];
      const before = fake.requests.length;
      const { activity, stats } = await collectActivity(client, {
        repositories: LINUXKIT,
        period: WEEK_27,
        log: (line) => lines.push(line),
      });

      const expected = (
        JSON.parse(readFileSync(`${DATA}/prs/2017-W27.json`, "utf8")) as {
          prs: { repo: string; number: number; fileCount: number }[];
        }
      ).prs;
      expect(activity.pulls).toHaveLength(33);
      expect(activity.pulls.filter((p) => p.repo === "linuxkit/linuxkit")).toHaveLength(27);
      expect(activity.pulls.filter((p) => p.repo === "linuxkit/virtsock")).toHaveLength(6);
      // Config order, then number.
      const order = (p: { repo: string; number: number }) => LINUXKIT.indexOf(p.repo) * 1e6 + p.number;
      expect(activity.pulls.map((p) => `${p.repo}#${p.number}`)).toEqual(
        [...expected].sort((a, b) => order(a) - order(b)).map((p) => `${p.repo}#${p.number}`),
      );
      for (const pull of activity.pulls) {
        const record = expected.find((p) => p.repo === pull.repo && p.number === pull.number)!;
        expect(pull.files).toHaveLength(record.fileCount);
        expect(pull.mergedAt >= "2017-07-03T00:00:00Z" && pull.mergedAt < "2017-07-10T00:00:00Z").toBe(true);
      }
      const kernels = activity.pulls.find((p) => p.number === 2167)!;
      expect(kernels.title).toBe("Update kernel to 4.11.9/4.9.36/4.4.76");
      expect(kernels.author).toEqual({ login: "rn", kind: "User" });
      // The dataset's commit e-mails (rolf.neugebauer@docker.com) map to no account, so GitActor.user is null.
      expect(kernels.coAuthors).toEqual([]);
      expect(kernels.url).toBe("https://github.com/linuxkit/linuxkit/pull/2167");
      // #2142, #2167 and #2178 change more than 100 files: one extra page each, all three in one batched query.
      // The or-ed form is the union as documented and as observed. Read strictly it counts more than the 33 its
      // repositories count alone, and under the legacy grammar 0, so the PR search is tried again in the form whose
      // count fits (grouped, spaced); the issue search's repositories count 0 (no issues): nothing to find.
      const form = { advanced: "grouped", documented: "or-ed", observed: "or-ed", legacy: "spaced" }[searchGrammar];
      const searches = form === "or-ed" ? 1 : 2;
      expect(stats.requests).toMatchObject({ searchPulls: searches, searchIssues: 1, filePages: 1 });
      expect(stats.scopeForm).toBe(form);
      expect(stats.maxInFlight).toBeLessThanOrEqual(4);
      expect(fake.peakInFlight).toBeLessThanOrEqual(4);
      expect(stats.remaining).toEqual(expect.any(Number));
      expect(
        fake.requests
          .slice(before)
          .map((r) => r.kind)
          .sort(),
      ).toEqual([
        "graphql PullRequestFiles",
        "graphql SearchClosedIssues",
        ...Array<string>(searches).fill("graphql SearchMergedPulls"),
      ]);
      expect(lines).toContainEqual(
        expect.stringMatching(
          /^search pulls merged 2017-07-03T00:00:00Z\.\.2017-07-09T23:59:59Z: page 1, 33 of 33 \(cost 25, \d+ remaining\)$/,
        ),
      );
    });

    test("an unknown repository fails with GitHub's message, naming it", async () => {
      const client = testClient(fake.url);
      await expect(collectActivity(client, { repositories: ["linuxkit/nope"], period: WEEK_27 })).rejects.toThrow(
        /^GitHub search failed for repo:linuxkit\/nope: The listed users and repositories cannot be searched/,
      );
    });

    test("a rejected token fails the run with the 401 message", async () => {
      fake.auth.rejectTokens.push("revoked");
      const client = testClient(fake.url, "revoked");
      await expect(collectActivity(client, { repositories: LINUXKIT, period: WEEK_27 })).rejects.toThrow(
        "GitHub rejected the token (401 Bad credentials)",
      );
    });
  },
);
