import { describe, expect, test } from "@jest/globals";
import { resolveConfig } from "../../src/config/index.js";
import { defaultTemplate } from "../../src/draft.js";
import { parsePeriod, PeriodError } from "../../src/period.js";
import { composeReport } from "../../src/report/compose.js";
import { render } from "../../src/report/render.js";
import { parseCommand, USAGE } from "../../src/triggers/parse.js";
import { failure, preview, usage } from "../../src/triggers/replies.js";
import { gfmHtmlOf, liveMentions, MENTION_TITLES } from "../report/gfm.js";
import { activity, pull, user } from "../report/fixtures.js";

/** What the app answers to a comment: the usage reply, or the failure reply of the period it could not read. */
function answer(body: string): string {
  const command = parseCommand(body);
  if (command === null) throw new Error(`not a command: ${body}`);
  if (command.kind === "usage") return usage(command.problem);
  try {
    parsePeriod(command.period);
  } catch (error) {
    if (error instanceof PeriodError) return failure(error, "acme/widget");
    throw error;
  }
  throw new Error(`a valid period: ${command.period}`);
}

describe("the usage reply quotes a short, inert excerpt of what was typed", () => {
  test.each([
    ["a 10 KB period", `/draft-report ${"x".repeat(10_000)}`],
    ["10 KB of arguments", `/draft-report preview 2017-W27 ${"y ".repeat(5_000)}`],
    ["an image", "/draft-report ![](https://evil.example/track.png)"],
    ["an image among arguments", "/draft-report 2017-W27 ![](https://evil.example/track.png)"],
    ["a link", "/draft-report [x](https://evil.example)"],
    ["a bare URL", "/draft-report https://evil.example/x"],
    ["a mention", "/draft-report @rn"],
    ["a team mention", "/draft-report 2017-W27 @linuxkit/maintainers"],
    ["HTML", "/draft-report <img/src=x>"],
    ["emphasis", "/draft-report *x*"],
    ["a code span that would swallow the usage text", "/draft-report `x"],
  ])("%s", (_what, body) => {
    const reply = answer(body);
    expect(reply.length).toBeLessThan(USAGE.length + 400);
    expect(reply).not.toContain("\n");
    expect(reply).toMatch(/^(bad period|too many arguments)/);
    expect(reply.endsWith(USAGE)).toBe(true);
    const html = gfmHtmlOf(reply);
    expect(html).not.toMatch(/<(a|img|em|strong|del)\b/);
    // Only the usage text's own code spans.
    expect(html.match(/<code>/g)).toHaveLength(2);
    expect(liveMentions(reply)).toEqual([]);
  });

  test("a short problem is quoted whole", () => {
    expect(usage('too many arguments: "2017-W27 2017-W28"')).toBe(`too many arguments: "2017-W27 2017-W28". ${USAGE}`);
  });
});

describe("the preview comment pings nobody", () => {
  test("hostile titles and credited people", () => {
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
    const comment = preview("2017-W27", markdown);
    expect(liveMentions(markdown).length).toBeGreaterThan(MENTION_TITLES.length);
    expect(liveMentions(comment)).toEqual([]);
    expect(comment).toContain("fix `@\u200Blinuxkit/maintainers` review");
    expect(comment).toContain("`x`@\u200Bndauten");
  });
});
