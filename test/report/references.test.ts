// Which labels a report uses, and so which the footer defines (issue 10, point 9).
import { describe, expect, test } from "@jest/globals";
import { referencesIn } from "../../src/report/references.js";

const style = { repositories: ["linuxkit/linuxkit", "linuxkit/virtsock"], webUrl: "https://github.com" };
const labels = (markdown: string) =>
  referencesIn(markdown, style).map((r) =>
    r.type === "number" ? `#${r.number}` : r.type === "user" ? `@${r.login}` : r.repo,
  );

describe("referencesIn", () => {
  test("a collapsed reference `[label][]` uses the label; a full reference uses its label, not its text", () => {
    expect(labels("- Enable CONFIG_VSOCKETS ([#2171][] [@ndauten][])\n- See [virtsock][#2100]\n")).toEqual([
      "#2171",
      "@ndauten",
      "#2100",
    ]);
  });

  test("labels inside fenced code blocks and code spans are not uses", () => {
    const markdown = [
      "- Kernel ([#2167])",
      "",
      "```markdown",
      "- Not a use ([#1] [@nobody])",
      "```",
      "",
      "~~~~",
      "```",
      "[#2]",
      "~~~~",
      "",
      "Write `[#3]` for a link, or ``[@rn]``.",
      "- After the blocks ([#2168])",
    ].join("\n");
    expect(labels(markdown)).toEqual(["#2167", "#2168"]);
  });

  test("an inline code span of three backticks on one line opens no block", () => {
    expect(labels("Use ```[#4]``` here\n- Item ([#5])\n")).toEqual(["#5"]);
  });
});
