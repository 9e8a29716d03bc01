// A window holding more than the search API's 1,000 results: LinuxKit's 2017 as one range. Every PR merged in it
// is in the draft exactly once, and the CLI's progress says how many requests it took.
import { readdirSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, expect, test } from "@jest/globals";
import { startFakeGitHub, type FakeGitHub } from "@devreport/fake-github";
import { cli } from "../support/cli.js";
import { describeWithLinuxKit, LINUXKIT_DATA, LINUXKIT_OVERLAY } from "../support/datasets.js";
import { loopbackOnly } from "../support/net.js";

loopbackOnly();

describeWithLinuxKit("LinuxKit 2017 as one window", () => {
  let fake: FakeGitHub;
  beforeAll(async () => {
    fake = await startFakeGitHub({ data: [LINUXKIT_DATA, LINUXKIT_OVERLAY] });
  });
  afterAll(() => fake?.close());

  test("crosses the 1,000-result cap and still lists every PR once", async () => {
    const merged2017 = readdirSync(`${LINUXKIT_DATA}/prs`)
      .flatMap(
        (file) =>
          JSON.parse(readFileSync(`${LINUXKIT_DATA}/prs/${file}`, "utf8")).prs as {
            repo: string;
            number: number;
            mergedAt: string;
          }[],
      )
      .filter((pr) => pr.mergedAt >= "2017-01-01T00:00:00Z" && pr.mergedAt < "2018-01-01T00:00:00Z");
    expect(merged2017.length).toBeGreaterThan(1000);

    const result = await cli([
      "draft",
      "--repo",
      "linuxkit/linuxkit",
      "--week",
      "2017-01-01..2017-12-31",
      "--api-url",
      fake.url,
      "--token",
      "t",
    ]);
    expect(result.code).toBe(0);

    const short = (repo: string) => (repo === "linuxkit/linuxkit" ? "" : repo.split("/")[1]);
    const itemRefs = result.stdout
      .split("\n")
      .filter((line) => line.startsWith("- "))
      .map((line) => /\(\[([^\]]+)\]/.exec(line)![1]);
    expect(itemRefs.sort()).toEqual(merged2017.map((pr) => `${short(pr.repo)}#${pr.number}`).sort());

    expect(result.stderr).toMatch(/over 1000: splitting into/);
    const summary = result.stderr.trim().split("\n").at(-1)!;
    expect(summary).toMatch(
      new RegExp(
        `^devreport: drafted reports/2017-01-01\\.\\.2017-12-31\\.md: ${merged2017.length} items in \\d sections, \\d+ requests, rate-limit cost \\d+, \\d+ remaining$`,
      ),
    );
    const searches = fake.requests.filter((r) => r.kind === "graphql SearchMergedPulls").length;
    expect(summary).toContain(`${fake.requests.filter((r) => r.kind.startsWith("graphql")).length} requests`);
    expect(searches).toBeGreaterThan(Math.ceil(merged2017.length / 100));
  });
});
