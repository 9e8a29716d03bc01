// Collecting LinuxKit 2017-W27 through the CLI's client while the fake GitHub fails in GitHub's ways: every fault
// either leaves the report byte-for-byte the clean run's, or fails the run with one exact line.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "@jest/globals";
import {
  dropConnection,
  primaryRateLimit,
  rotatingFaults,
  secondaryRateLimit,
  serverError,
  slow,
  FAULT_KINDS,
  type Fault,
  startFakeGitHub,
  type FakeGitHub,
} from "@devreport/fake-github";
import { cli } from "../support/cli.js";
import { describeWithLinuxKit, LINUXKIT_DATA, LINUXKIT_OVERLAY } from "../support/datasets.js";
import { loopbackOnly } from "../support/net.js";
import { draftWeek27, virtualClock, type VirtualClock } from "./helpers.js";

const SCOPE = "repo:linuxkit/linuxkit repo:linuxkit/linuxkit-ci repo:linuxkit/rtf repo:linuxkit/virtsock";
const PULLS = "graphql SearchMergedPulls";
const FILES = "graphql PullRequestFiles";

describeWithLinuxKit("collect under GitHub's failures", () => {
  let fake: FakeGitHub;
  let clean: string;
  let clock: VirtualClock;
  let mark = 0;
  const since = () => fake.requests.slice(mark);
  const draft = () => draftWeek27(fake.url, { now: clock.now, sleep: clock.sleep });
  const inject = (...faults: Fault[]) => fake.interceptors.push(...faults);

  loopbackOnly();
  beforeAll(async () => {
    fake = await startFakeGitHub({ data: [LINUXKIT_DATA, LINUXKIT_OVERLAY] });
    clean = (await draftWeek27(fake.url, false)).markdown;
  });
  beforeEach(() => {
    clock = virtualClock();
    mark = fake.requests.length;
  });
  afterEach(() => {
    fake.interceptors.length = 0;
    // Bounded concurrency holds under every fault: retries wait inside their slot.
    expect(fake.peakInFlight).toBeLessThanOrEqual(4);
  });
  afterAll(async () => {
    await fake.close();
  });

  test("the clean run drafts the week", () => {
    expect(clean).toMatch(/^# Weekly LinuxKit dev report for 2017-07-03 to 2017-07-09 \(week 27\)/);
  });

  describe("survived: the same Markdown as the clean run", () => {
    test.each([
      ["502 on the first two searches of merged PRs", () => serverError(502, { kind: PULLS, first: 2 }), [1000, 2000]],
      // The week's one file-page query (three PRs' second pages, batched) fails, and so does its first retry.
      ["500 on the file-page query, twice", () => serverError(500, { kind: FILES, first: 2 }), [1000, 2000]],
      [
        "a dropped connection on the file-page query, twice",
        () => dropConnection({ kind: FILES, first: 2 }),
        [1000, 2000],
      ],
      [
        "a lost answer to a search GitHub did run",
        () => dropConnection({ kind: PULLS, first: 1, afterHandling: true }),
        [1000],
      ],
    ] as const)("%s", async (_name, make, waits) => {
      const fault = make();
      inject(fault);
      expect((await draft()).markdown).toBe(clean);
      expect(fault.fired).toHaveLength(waits.length);
      expect(clock.waits).toEqual(waits);
    });

    test("primary rate limit: waits until x-ratelimit-reset has passed, and is not refused again", async () => {
      const fault = primaryRateLimit({ kind: PULLS, first: 1 }, { resetInSeconds: 2, clock });
      inject(fault);
      expect((await draft()).markdown).toBe(clean);
      // Refused once: the retry came after the reset (an early one would have been refused as well).
      expect(fault.fired).toHaveLength(1);
      expect(clock.waits).toHaveLength(1);
      expect(clock.waits[0]).toBeGreaterThanOrEqual(2000);
      expect(clock.waits[0]).toBeLessThanOrEqual(3000);
    });

    test("secondary rate limit: waits as long as retry-after says, and is not refused again", async () => {
      const fault = secondaryRateLimit({ kind: FILES, first: 1 }, { retryAfterSeconds: 3, clock });
      inject(fault);
      expect((await draft()).markdown).toBe(clean);
      // The three PRs' file pages go out as one query, refused once; after the wait it is not refused again.
      expect(fault.fired).toHaveLength(1);
      expect(clock.waits).toEqual([3000]);
    });

    test("GraphQL's own RATE_LIMITED error in a 200 answer", async () => {
      let refused = 0;
      fake.interceptors.push((req) => {
        if (req.kind !== PULLS || refused++ > 0) return undefined;
        const reset = Math.ceil(clock.now() / 1000) + 1;
        return {
          status: 200,
          headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(reset) },
          body: {
            data: null,
            errors: [{ type: "RATE_LIMITED", message: "API rate limit exceeded for installation ID 1." }],
          },
        };
      });
      expect((await draft()).markdown).toBe(clean);
      expect(clock.waits).toHaveLength(1);
    });

    test("a slow answer (real time: 300 ms)", async () => {
      const fault = slow(300, { kind: PULLS, first: 1 });
      inject(fault);
      expect((await draft()).markdown).toBe(clean);
      expect(fault.fired).toHaveLength(1);
      expect(clock.waits).toEqual([]);
    });

    // 2017-W27 takes 5 requests (2 REST, 3 GraphQL): one fault in ten would inject none, one in two fires four
    // kinds before the draft is done. So two drafts, each cycling through half of the kinds on every second request.
    test("every fault kind, on every second request", async () => {
      const fired: string[] = [];
      for (const kinds of [FAULT_KINDS.slice(0, 3), FAULT_KINDS.slice(3)]) {
        fake.interceptors.length = 0;
        const faults = rotatingFaults(2, { kinds, clock, slowMs: 50 });
        inject(faults);
        expect((await draft()).markdown).toBe(clean);
        // Each draft fires its kinds in turn (and may start the round again before it is done).
        expect(faults.fired.map((f) => f.fault).slice(0, kinds.length)).toEqual([...kinds]);
        fired.push(...faults.fired.map((f) => f.fault));
      }
      expect(new Set(fired)).toEqual(new Set(FAULT_KINDS));
    });
  });

  describe("given up on: one exact line", () => {
    test.each([
      [
        "502 every time: four attempts",
        () => serverError(502, { kind: PULLS }),
        `GitHub search failed for ${SCOPE}: HTTP 502 Server Error (gave up after 4 attempts)`,
      ],
      [
        "the connection drops every time",
        () => dropConnection({ kind: PULLS }),
        `GitHub search failed for ${SCOPE}: connection lost: other side closed (gave up after 4 attempts)`,
      ],
    ] as const)("%s", async (_name, make, message) => {
      inject(make());
      await expect(draft()).rejects.toThrow(message);
      expect(since().filter((r) => r.kind === PULLS)).toHaveLength(4);
      expect(clock.waits).toEqual([1000, 2000, 4000]);
    });

    test("a primary rate limit that resets in an hour: no waiting, the reset time instead", async () => {
      inject(primaryRateLimit({ kind: PULLS, first: 1 }, { resetInSeconds: 3600, clock }));
      await expect(draft()).rejects.toThrow(
        `GitHub search failed for ${SCOPE}: HTTP 403 API rate limit exceeded for installation ID 1. ` +
          "(it resets at 2024-03-11T13:00:00Z, in 3601 s: longer than the 120 s devreport waits)",
      );
      expect(clock.waits).toEqual([]);
    });

    test("a secondary rate limit asking for ten minutes", async () => {
      inject(secondaryRateLimit({ kind: PULLS, first: 1 }, { retryAfterSeconds: 600, clock }));
      await expect(draft()).rejects.toThrow(
        new RegExp(
          `^GitHub search failed for ${SCOPE}: HTTP 403 You have exceeded a secondary rate limit\\. .* ` +
            "\\(GitHub asked to wait 600 s: longer than the 120 s devreport waits\\)$",
        ),
      );
    });
  });

  test("the CLI (real waits): same report, and its summary counts the rate limit GitHub reports", async () => {
    const args = ["draft", "--repo", "linuxkit/linuxkit", "--week", "2017-W27", "--api-url", fake.url, "--token", "t"];
    const before = await cli(args);
    inject(serverError(502, { kind: PULLS, first: 1 }), secondaryRateLimit({ kind: FILES, first: 1 }));
    const faulty = await cli(args);
    expect(faulty.code).toBe(0);
    expect(faulty.stdout).toBe(before.stdout);
    const summary = (text: string) => /rate-limit cost (\d+), (\d+) remaining$/m.exec(text)!.slice(1).map(Number);
    const [cost, remaining] = summary(faulty.stderr);
    // Refused requests cost nothing, so the cost is the clean run's; what remains is the fake's own budget.
    expect(cost).toBe(summary(before.stderr)[0]);
    expect(remaining).toBe(fake.store.rateLimits.take("devreport[bot]", "graphql", 0, Date.now()).remaining);
  });
});
