// The contract with LinuxKit's maintainers: drafting their weeks through the CLI and the fake GitHub (linuxkit/linuxkit
// holding `preset: linuxkit`) cites every PR they cited and every PR merged, with a clean footer, and puts PRs in the
// sections they chose.
import { afterAll, beforeAll, expect, test } from "@jest/globals";
import { SEARCH_GRAMMARS, startFakeGitHub } from "@devreport/fake-github";
import { cli } from "../support/cli.js";
import { describeWithLinuxKit, LINUXKIT_DATA, LINUXKIT_OVERLAY, SHARED } from "../support/datasets.js";
import { loopbackOnly } from "../support/net.js";

type Fake = Awaited<ReturnType<typeof startFakeGitHub>>;

loopbackOnly();

// The same drafts, byte for byte, whichever grammar GitHub reads the four repositories' search with.
const drafts = new Map<string, string>();

describeWithLinuxKit.each(SEARCH_GRAMMARS)(
  "LinuxKit weeks scored against the human reports, %s search grammar",
  (searchGrammar) => {
    let fake: Fake;
    let scorer: any;
    let dataset: unknown;

    beforeAll(async () => {
      fake = await startFakeGitHub({ data: [LINUXKIT_DATA, LINUXKIT_OVERLAY], searchGrammar });
      scorer = await import(`${SHARED}tools/score-draft.mjs`);
      dataset = scorer.loadDataset(LINUXKIT_DATA);
    });
    afterAll(() => fake?.close());

    test.each(["2017-W26", "2017-W27"])("%s", async (week) => {
      const result = await cli([
        "draft",
        "--repo",
        "linuxkit/linuxkit",
        "--week",
        week,
        "--api-url",
        fake.url,
        "--token",
        "test",
      ]);
      expect(result.stdout).not.toBe("");
      if (drafts.has(week)) expect(result.stdout).toBe(drafts.get(week));
      else drafts.set(week, result.stdout);
      expect(result.stderr).not.toMatch(/warning/);
      expect(result.stderr).not.toMatch(/error/i);
      expect(result.code).toBe(0);
      const score = scorer.scoreDraft(dataset, week, result.stdout);
      expect({
        recallHumanRefs: score.recallHumanReferenced.value,
        recallAllMerged: score.recallAllMerged.value,
        undefinedReferences: score.footer.undefinedReferences.length,
        unusedDefinitions: score.footer.unusedDefinitions.length,
        kindMismatches: score.footer.kindMismatches.length,
        malformed: score.footer.malformed.length,
      }).toEqual({
        recallHumanRefs: 1,
        recallAllMerged: 1,
        undefinedReferences: 0,
        unusedDefinitions: 0,
        kindMismatches: 0,
        malformed: 0,
      });
      expect(score.sectionAgreement.strictValue).toBeGreaterThanOrEqual(0.85);
    });
  },
);
