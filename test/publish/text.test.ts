// The PR body and the conflict comment are read by GitHub for mentions: only their fenced blocks may hold `@login`.
import { describe, expect, test } from "@jest/globals";
import { resolveConfig } from "../../src/config/index.js";
import { defaultTemplate } from "../../src/draft.js";
import { conflictComment, fenced, pullBody, pullTitle } from "../../src/publish/text.js";
import { composeReport } from "../../src/report/compose.js";
import { render } from "../../src/report/render.js";
import { liveMentions, MENTION_TITLES } from "../report/gfm.js";
import { activity, pull, user } from "../report/fixtures.js";

const config = resolveConfig({ sections: [] }, { source: "test", self: "acme/widget" });
const pulls = MENTION_TITLES.map((title, i) =>
  pull("acme/widget", i + 1, title, { author: user(i % 2 ? "rn" : "ndauten") }),
);
const report = composeReport(activity(pulls, [], config.repositories), config);
const markdown = render(report, {
  template: defaultTemplate(),
  title: config.title,
  intro: config.intro,
  outro: config.outro,
});
const items = markdown.split("\n").filter((line) => line.startsWith("- "));

describe("no live mention outside fenced blocks", () => {
  test("the PR body, with hostile section titles and path", () => {
    const hostile = {
      ...report,
      sections: report.sections.map((s, i) => ({ ...s, title: MENTION_TITLES[i % MENTION_TITLES.length]! })),
    };
    for (const path of ["reports/@rn.md", "reports/`@rn`.md", "reports/x`@rn.md"]) {
      const body = pullBody(hostile, path);
      expect(liveMentions(body)).toEqual([]);
    }
  });

  test("the PR title taken from a hostile heading", () => {
    for (const title of MENTION_TITLES) expect(liveMentions(pullTitle(`# ${title}\n`, report))).toEqual([]);
  });

  test("the conflict comment: report lines only inside its fences", () => {
    expect(items.length).toBe(MENTION_TITLES.length);
    const comment = conflictComment({
      id: "2017-W27",
      branch: "devreport/2017-W27",
      path: "reports/`@rn`/@rn.md",
      hash: "abc",
      head: "h1",
      conflicts: [{ line: 3, oursLines: items.slice(0, 4), theirsLines: items.slice(4), baseLines: [] }],
      newItems: items,
    });
    expect(liveMentions(comment)).toEqual([]);
    // The fences still hold the lines as they are, to copy from.
    expect(comment).toContain(items[0]);
    expect(liveMentions(items.join("\n")).length).toBeGreaterThan(0);
  });

  test("a fence no line can close early, even lines of backticks", () => {
    const lines = ["````", "@rn", "```markdown", "`@rn`"];
    const block = fenced(lines).join("\n");
    expect(liveMentions(`Before\n\n${block}\n\nAfter`)).toEqual([]);
  });
});
