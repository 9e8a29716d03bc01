// LinuxKit's 2018 monthly format, drafted through the CLI and the fake GitHub (linuxkit/linuxkit holding
// `preset: linuxkit-monthly`) for every month of 2018 and scored: every PR merged in the month is listed once, under
// "Merged PRs", with full labels; the title and the path are the human ones; the footer defines exactly what the
// text uses; the intro's merged count is the number of merged PRs listed.
import { afterAll, beforeAll, expect, test } from "@jest/globals";
import { startFakeGitHub } from "@devreport/fake-github";
import { cli } from "../support/cli.js";
import { describeWithLinuxKit, LINUXKIT_DATA, SHARED } from "../support/datasets.js";
import { loopbackOnly } from "../support/net.js";
import { fileURLToPath } from "node:url";

type Fake = Awaited<ReturnType<typeof startFakeGitHub>>;

loopbackOnly();

const MONTHLY_OVERLAY = fileURLToPath(new URL("../fixtures/linuxkit-monthly", import.meta.url));
const MONTHS = Array.from({ length: 12 }, (_, i) => `2018-${String(i + 1).padStart(2, "0")}`);

const lastDay = (month: string) => {
  const [year, m] = month.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10);
};

/** The lines of the listing opened by `heading`, up to the next heading or the footer. */
function listing(markdown: string, heading: string): string[] {
  const lines = markdown.split("\n");
  const start = lines.indexOf(heading);
  expect(start).toBeGreaterThan(-1);
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((line) => line.startsWith("#") || /^\[[^\]]+\]: /.test(line));
  return rest.slice(0, end === -1 ? rest.length : end).filter((line) => line.startsWith("- "));
}

describeWithLinuxKit("LinuxKit's 2018 monthly reports scored", () => {
  let fake: Fake;
  let scorer: any;
  let dataset: unknown;

  beforeAll(async () => {
    fake = await startFakeGitHub({ data: [LINUXKIT_DATA, MONTHLY_OVERLAY] });
    scorer = await import(`${SHARED}tools/score-draft.mjs`);
    dataset = scorer.loadDataset(LINUXKIT_DATA);
  });
  afterAll(() => fake?.close());

  test.each(MONTHS)("%s", async (month) => {
    const result = await cli([
      "draft",
      "--repo",
      "linuxkit/linuxkit",
      "--period",
      month,
      "--api-url",
      fake.url,
      "--token",
      "test",
    ]);
    expect(result.stderr).not.toMatch(/warning|error/i);
    expect(result.code).toBe(0);
    const draft = result.stdout;
    const first = `${month}-01`;
    const last = lastDay(month);
    expect(draft.split("\n")[0]).toBe(`# Report for ${first} to ${last}`);
    expect(result.stderr.trim().split("\n").at(-1)).toMatch(new RegExp(`^devreport: drafted reports/${last}\\.md: `));

    const score = scorer.scoreDraft(dataset, month, draft);
    expect({
      recallAllMerged: score.recallAllMerged.value,
      undefinedReferences: score.footer.undefinedReferences.length,
      unusedDefinitions: score.footer.unusedDefinitions.length,
      kindMismatches: score.footer.kindMismatches.length,
      malformed: score.footer.malformed.length,
    }).toEqual({ recallAllMerged: 1, undefinedReferences: 0, unusedDefinitions: 0, kindMismatches: 0, malformed: 0 });
    if (score.recallHumanReferenced.total > 0) expect(score.recallHumanReferenced.value).toBe(1);
    if (score.listingAgreement.compared > 0) expect(score.listingAgreement.value).toBe(1);

    // Every merged PR once, and only under "Merged PRs", each reference in full.
    const merged = listing(draft, "## Merged PRs:");
    const cited = (lines: string[]) => lines.map((line) => /\(\[([^\]]+)\]/.exec(line)![1]!);
    const mergedRefs = cited(merged);
    expect(new Set(mergedRefs).size).toBe(mergedRefs.length);
    // The fixtures add PRs merged in repositories the scorer does not track (moby/tool, linuxkit/lcow).
    const tracked = mergedRefs.filter((ref) => scorer.TRACKED_REPOS.includes(ref.split("#")[0]));
    expect(tracked.length).toBe(score.recallAllMerged.total);
    const elsewhere = [
      ...cited(listing(draft, "## Closed Issues:")),
      ...cited(listing(draft, "## New or updated PRs and Issues (not closed):")),
    ];
    expect(elsewhere.filter((ref) => mergedRefs.includes(ref))).toEqual([]);
    for (const ref of [...mergedRefs, ...elsewhere]) expect(ref).toMatch(/^[\w.-]+\/[\w.-]+#\d+$/);

    // The intro names every covered repository in full and counts what the listing holds.
    const intro = draft.split("\n")[2]!;
    expect(intro).toMatch(
      /^This report covers the development in the \[linuxkit\/linuxkit\] \[linuxkit\/lcow\] .*\[moby\/tool\].* repositories\./,
    );
    expect(intro).toContain(` ${mergedRefs.length} PRs were merged.`);
  });
});
