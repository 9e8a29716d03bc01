// LinuxKit 2017-W27 through the CLI's client while GitHub answers GraphQL in part (nodes it cannot resolve, left
// null with an error each) or times out: a report of what could be read with its gaps named (stats.warnings, the
// CLI's stderr, the PR body), or, after a timeout, the clean run's report from smaller pages or a split window.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "@jest/globals";
import {
  graphqlRequestOf,
  graphqlTimeout,
  partialErrors,
  searchPageSize,
  startFakeGitHub,
  type FakeGitHub,
  type FakeRequest,
  type Fault,
} from "@devreport/fake-github";
import { pullBody } from "../../src/publish/text.js";
import { cli } from "../support/cli.js";
import { describeWithLinuxKit, LINUXKIT_DATA, LINUXKIT_OVERLAY } from "../support/datasets.js";
import { loopbackOnly } from "../support/net.js";
import { draftWeek27, virtualClock, type VirtualClock } from "./helpers.js";

const SCOPE = "repo:linuxkit/linuxkit repo:linuxkit/linuxkit-ci repo:linuxkit/rtf repo:linuxkit/virtsock";
const PULLS = "graphql SearchMergedPulls";
const WEEK = "2017-07-03T00:00:00Z..2017-07-09T23:59:59Z";
const FORBIDDEN = "Resource not accessible by integration";
const GONE = "Could not resolve to a PullRequest with the global id of 'PR_kwDOBPa4Qs4AAAAA'.";

// The week's merged PRs come in this order: nodes[3] is linuxkit/virtsock#38, nodes[10] and [11] are #2167 and #2164.
const GAPS = [
  `GitHub could not answer search.nodes[10].closingIssuesReferences (linuxkit/linuxkit#2167), ` +
    `search.nodes[11].closingIssuesReferences (linuxkit/linuxkit#2164) (FORBIDDEN: ${FORBIDDEN}): the report leaves them out`,
  `GitHub could not answer search.nodes[3] (search pulls merged ${WEEK}, page 1) (NOT_FOUND: ${GONE}): the report leaves it out`,
];
const partial = () =>
  partialErrors({ kind: PULLS, first: 1 }, [
    { path: ["search", "nodes", 10, "closingIssuesReferences"], type: "FORBIDDEN", message: FORBIDDEN },
    { path: ["search", "nodes", 3], type: "NOT_FOUND", message: GONE },
    { path: ["search", "nodes", 11, "closingIssuesReferences"], type: "FORBIDDEN", message: FORBIDDEN },
  ]);

/** A search of merged PRs over the whole week (not a part of it). */
const wholeWeek = (req: FakeRequest) =>
  String(graphqlRequestOf(req).variables.searchQuery ?? "").includes(`merged:${WEEK}`);

describeWithLinuxKit("partial answers and timeouts", () => {
  let fake: FakeGitHub;
  let clean: Awaited<ReturnType<typeof draftWeek27>>;
  let clock: VirtualClock;
  let mark = 0;
  const since = () => fake.requests.slice(mark);
  const draft = () => draftWeek27(fake.url, { now: clock.now, sleep: clock.sleep });
  const inject = (...faults: Fault[]) => fake.interceptors.push(...faults);

  loopbackOnly();
  beforeAll(async () => {
    fake = await startFakeGitHub({ data: [LINUXKIT_DATA, LINUXKIT_OVERLAY] });
    clean = await draftWeek27(fake.url, false);
  });
  beforeEach(() => {
    clock = virtualClock();
    mark = fake.requests.length;
  });
  afterEach(() => {
    fake.interceptors.length = 0;
    expect(fake.peakInFlight).toBeLessThanOrEqual(4);
  });
  afterAll(async () => {
    await fake.close();
  });

  describe("a partial answer: the report of what could be read, and its gaps named", () => {
    test("stats.warnings, the report without the PR GitHub could not resolve, and the PR body's Gaps", async () => {
      const fault = partial();
      inject(fault);
      const drafted = await draft();
      expect(fault.fired).toHaveLength(1);
      expect(drafted.stats.warnings).toEqual(GAPS);
      expect(drafted.report.warnings).toEqual(GAPS);
      expect(clean.stats.warnings).toEqual([]);
      expect(clean.report.warnings).toBeUndefined();
      // virtsock#38 is left out; the PRs whose closing issues could not be read are kept (they closed none).
      const link = "https://github.com/linuxkit/virtsock/pull/38";
      expect(clean.markdown).toContain(link);
      expect(drafted.markdown).not.toContain(link);
      const items = (d: typeof clean) => d.report.sections.flatMap((s) => s.items.map((i) => `${i.repo}#${i.number}`));
      expect(items(drafted)).toHaveLength(items(clean).length - 1);
      expect(drafted.markdown).toContain("https://github.com/linuxkit/linuxkit/pull/2167");
      // No retry: a partial answer is GitHub's final word.
      expect(clock.waits).toEqual([]);
      expect(since().filter((r) => r.kind === PULLS)).toHaveLength(1);
    });

    test("the PR body lists the gaps, mentions neutralised; without warnings it is unchanged", async () => {
      inject(
        partialErrors(
          { kind: PULLS, first: 1 },
          {
            path: ["search", "nodes", 10, "closingIssuesReferences"],
            type: "FORBIDDEN",
            message: "@rn may not see it",
          },
        ),
      );
      const drafted = await draft();
      const body = pullBody(drafted.report, drafted.path);
      const withoutGaps = pullBody({ ...drafted.report, warnings: undefined }, drafted.path);
      expect(withoutGaps).toBe(pullBody(clean.report, clean.path));
      const gaps = [
        "Gaps (the draft may be missing these):",
        "",
        "- GitHub could not answer search.nodes[10].closingIssuesReferences (linuxkit/linuxkit#2167) " +
          "(FORBIDDEN: @\u200brn may not see it): the report leaves it out",
        "",
      ].join("\n");
      expect(body).toBe(withoutGaps.replace("\nBefore merging:", `\n${gaps}\nBefore merging:`));
      expect(body).not.toMatch(/(^|[^\u200b])@rn/);
    });

    test("the CLI prints one warning line per distinct problem, and the report", async () => {
      const args = [
        "draft",
        "--repo",
        "linuxkit/linuxkit",
        "--week",
        "2017-W27",
        "--api-url",
        fake.url,
        "--token",
        "t",
        "--quiet",
      ];
      inject(partial());
      const result = await cli(args);
      expect(result.code).toBe(0);
      expect(result.stderr).toBe(GAPS.map((gap) => `devreport: warning: ${gap}\n`).join(""));
      expect(result.stdout).not.toContain("https://github.com/linuxkit/virtsock/pull/38");
    });

    test("errors at the search itself: the run fails with one line", async () => {
      inject(partialErrors({ kind: PULLS }, { path: ["search"], message: "Timeout on search" }));
      await expect(draft()).rejects.toThrow(`GitHub search failed for ${SCOPE}: Timeout on search`);
    });
  });

  describe("a timeout: smaller pages, then a split window, and the clean run's report", () => {
    test.each([[502], [200]] as const)("a %s timeout for pages over 50: asked again 50 at a time", async (status) => {
      const fault = graphqlTimeout({ kind: PULLS, when: (req) => (searchPageSize(req) ?? 0) > 50 }, { status });
      inject(fault);
      const drafted = await draft();
      expect(drafted.markdown).toBe(clean.markdown);
      expect(drafted.stats.warnings).toEqual([]);
      // The retry policy asks the same page four times first (1, 2, 4 s apart), then collect asks 50 at a time.
      expect(fault.fired).toHaveLength(4);
      expect(clock.waits).toEqual([1000, 2000, 4000]);
      expect(since().filter((r) => r.kind === PULLS)).toHaveLength(5);
    });

    test("a window that times out even 25 at a time is split in two", async () => {
      const fault = graphqlTimeout({ kind: PULLS, when: wholeWeek });
      inject(fault);
      const drafted = await draft();
      expect(drafted.markdown).toBe(clean.markdown);
      expect(drafted.stats.warnings).toEqual([]);
      expect(drafted.stats.duplicates).toBe(0);
      // 100, 50 and 25 at a time, four attempts each; then the halves answer.
      expect(fault.fired).toHaveLength(12);
      expect(clock.waits).toEqual([1000, 2000, 4000, 1000, 2000, 4000, 1000, 2000, 4000]);
      // Each half of the week holds under 25 of its 33 PRs: one page each.
      expect(since().filter((r) => r.kind === PULLS)).toHaveLength(12 + 2);
    });

    test("a search that always times out: given up with one line naming the window", async () => {
      inject(graphqlTimeout({ kind: PULLS }));
      await expect(draft()).rejects.toThrow(
        new RegExp(
          `^GitHub search for ${SCOPE} timed out for pulls in 2017-07-0\\dT\\d\\d:\\d\\d:\\d\\dZ\\.\\.2017-07-0\\dT\\d\\d:\\d\\d:\\d\\dZ, ` +
            "even 25 at a time and the period split 2 times: Something went wrong while executing your query\\. This may be " +
            "the result of a timeout, or it could be a GitHub bug\\. Please include `[^`]+` when reporting this issue\\.$",
        ),
      );
      // Bounded: 3 page sizes for the week, then 25 at a time for each half and each quarter, 4 attempts each at most.
      // (The quarters still asking when the first gives up are refused by the session, not sent.)
      const sent = since().filter((r) => r.kind === PULLS).length;
      expect(sent).toBeGreaterThanOrEqual((3 + 2 + 1) * 4);
      expect(sent).toBeLessThanOrEqual((3 + 2 + 4) * 4);
    });
  });
});
