// The monthly format's new data: work opened and updated in the month, with the comments and reviews made in it,
// from the hand-written March 2018 fixtures (test/fixtures/linuxkit-monthly), and a month with more than 1,000
// updated items collected completely.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { startFakeGitHub } from "@devreport/fake-github";
import { cli } from "../support/cli.js";
import { describeWithLinuxKit, LINUXKIT_DATA } from "../support/datasets.js";
import { loopbackOnly } from "../support/net.js";

type Fake = Awaited<ReturnType<typeof startFakeGitHub>>;

loopbackOnly();

const MONTHLY_OVERLAY = fileURLToPath(new URL("../fixtures/linuxkit-monthly", import.meta.url));

/** The lines of the listing opened by `heading`, blank lines between groups kept, up to the next heading or footer. */
function listing(markdown: string, heading: string): string[] {
  const lines = markdown.split("\n");
  const rest = lines.slice(lines.indexOf(heading) + 2);
  const end = rest.findIndex((line) => line.startsWith("#") || /^\[[^\]]+\]: /.test(line));
  return rest.slice(0, end).join("\n").trim().split("\n");
}

describeWithLinuxKit("March 2018: opened, updated, comments and reviews", () => {
  let fake: Fake;
  beforeAll(async () => {
    fake = await startFakeGitHub({ data: [LINUXKIT_DATA, MONTHLY_OVERLAY] });
  });
  afterAll(() => fake?.close());

  test("open work and PRs closed unmerged are 'updated', commenters and reviewers in the month are credited, bots and other months not", async () => {
    const result = await cli([
      "draft",
      "--repo",
      "linuxkit/linuxkit",
      "--period",
      "2018-03",
      "--api-url",
      fake.url,
      "--token",
      "t",
    ]);
    expect(result.code).toBe(0);
    const draft = result.stdout;
    expect(listing(draft, "## New or updated PRs and Issues (not closed):")).toEqual([
      "- virtualbox support ([linuxkit/linuxkit#2076] [@justincormack] [@rn])",
      "- Script to generate s390 kernel configs ([linuxkit/linuxkit#2940] [@alicefr] [@rn])",
      "- NVIDIA driver with LinuxKit host ([linuxkit/linuxkit#2944] [@jbremmer] [@rn] [@justincormack])",
      "- Get architecture name from Docker image ([linuxkit/linuxkit#2961] [@arm64b])",
      "",
      "- Linux containers working after tweaking instructions ([linuxkit/lcow#22] [@lohithkc])",
      "",
      "- Default bind mounts to rshared ([moby/tool#210] [@justincormack])",
    ]);
    expect(listing(draft, "## Closed Issues:")).toEqual([
      "- enable CONFIG_IMA ([linuxkit/linuxkit#2956] [@justincormack])",
      "",
      "- Allow extending the schema ([moby/tool#209] [@ernoaapa] [@justincormack])",
    ]);
    const merged = listing(draft, "## Merged PRs:");
    expect(merged).toContain(
      "- Add logging to /var/log for onboot containers ([linuxkit/linuxkit#2942] [@deitch] [@ijc] [@justincormack])",
    );
    expect(merged).toContain("- Update moby tool ([linuxkit/linuxkit#2951] [@justincormack] [@rn])");
    expect(merged.filter((line) => line.startsWith("- "))).toHaveLength(28);
    // 30 PRs and 5 issues opened in the month (the dataset's merged PRs have no creation date: the fake takes the
    // merge's), 6 comments and 2 reviews made in it by people (not the bot's, not April's): 43 contributions.
    expect(draft.split("\n")[2]).toContain(
      "repositories. There were 43 contributions (PRs/Issues/Comments) from 18 individual contributors. 30 new PRs were opened and 28 PRs were merged. 5 new issues were opened and 2 issues were closed.",
    );
    expect(draft).not.toContain("linuxkit/linuxkit#4300");
    expect(draft).not.toContain("linuxkit/linuxkit#2950");
    expect(draft).not.toContain("linuxkit-bot");
    const kinds = fake.requests.filter((r) => r.kind.startsWith("graphql")).map((r) => r.kind);
    // Two scopes (eight repositories): merged, closed, opened and updated in each.
    expect(kinds.filter((k) => k === "graphql SearchActivity")).toHaveLength(4);
  });
});

describe("a month with more than 1,000 updated items", () => {
  let fake: Fake;
  let dir: string;
  const COUNT = 1150;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "devreport-updated-"));
    writeFileSync(join(dir, "repos.json"), JSON.stringify([{ name: "synth/app" }]));
    const month = Date.parse("2024-03-01T00:00:00Z");
    const span = Date.parse("2024-04-01T00:00:00Z") - month;
    writeFileSync(
      join(dir, "issues.json"),
      JSON.stringify(
        Array.from({ length: COUNT }, (_, i) => ({
          repo: "synth/app",
          number: i + 1,
          title: `Open issue ${i + 1}`,
          author: `user${i % 37}`,
          createdAt: "2023-06-01T00:00:00Z",
          updatedAt: new Date(month + Math.floor(((i + 0.5) * span) / COUNT)).toISOString(),
        })),
      ),
    );
    writeFileSync(join(dir, "devreport.yml"), "preset: linuxkit-monthly\nrepositories: [synth/app]\n");
    fake = await startFakeGitHub({ data: [dir] });
  });
  afterAll(() => fake?.close());

  test("the updated search is split and every item is listed once", async () => {
    const result = await cli([
      "draft",
      "--config",
      join(dir, "devreport.yml"),
      "--period",
      "2024-03",
      "--api-url",
      fake.url,
      "--token",
      "t",
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /search updated 2024-03-01T00:00:00Z\.\.2024-03-31T23:59:59Z: 1150 results, over 1000: splitting into 2 windows/,
    );
    const items = listing(result.stdout, "## New or updated PRs and Issues (not closed):");
    const numbers = items.map((line) => Number(/\[synth\/app#(\d+)\]/.exec(line)![1]));
    expect(numbers).toEqual(Array.from({ length: COUNT }, (_, i) => i + 1));
    expect(result.stdout.split("\n")[2]).toBe(
      "This report covers the development in the [synth/app] repositories. There were 0 contributions (PRs/Issues/Comments) from 0 individual contributors. 0 new PRs were opened and 0 PRs were merged. 0 new issues were opened and 0 issues were closed.",
    );
  });
});
