// LinuxKit's 2018 monthly format (preset linuxkit-monthly): full reference labels, the three listings grouped by
// repository, the counts the data allows, and the footer order of reports/2018-03-31.md.
import { describe, expect, test } from "@jest/globals";
import { parseConfigText } from "../../src/config/index.js";
import { builtinTemplate } from "../../src/draft.js";
import { composeReport } from "../../src/report/compose.js";
import { updateFooter } from "../../src/report/footer-update.js";
import { reportPath, titleTemplate } from "../../src/report/naming.js";
import { footer, GITHUB_WEB, label } from "../../src/report/references.js";
import { render } from "../../src/report/render.js";
import { parsePeriod } from "../../src/period.js";
import { issue, pull, user } from "./fixtures.js";

const config = parseConfigText("preset: linuxkit-monthly\n", { source: "test", self: "linuxkit/linuxkit" });
const march = parsePeriod("2018-03", { kind: "month" });
const full = { repositories: config.repositories, webUrl: GITHUB_WEB, references: "full" as const };

describe("the linuxkit-monthly preset", () => {
  test("LinuxKit's seven repositories, a month, the last day's file, the 2018 title, full references", () => {
    expect(config.repositories).toEqual([
      "linuxkit/linuxkit",
      "linuxkit/lcow",
      "linuxkit/kubernetes",
      "linuxkit/virtsock",
      "linuxkit/rtf",
      "linuxkit/homebrew-linuxkit",
      "moby/tool",
    ]);
    expect(config.period).toBe("month");
    expect(config.references).toBe("full");
    expect(config.template).toBe("builtin:linuxkit-monthly");
    expect(reportPath(config, march)).toBe("reports/2018-03-31.md");
    expect(titleTemplate(config, march)).toBe("Report for {{firstDay}} to {{lastDay}}");
  });

  test("an unknown built-in template is refused; a repository path still reads as a path", () => {
    expect(() => parseConfigText("template: builtin:nope\n", { source: "test", self: "a/b" })).toThrow(
      'test: template: "builtin:nope" names no built-in template; use "builtin:report", "builtin:linuxkit-monthly" or a path in the repository',
    );
    expect(parseConfigText("template: .github/report.mustache\n", { source: "test", self: "a/b" }).template).toBe(
      ".github/report.mustache",
    );
  });
});

describe("full reference labels", () => {
  test("[owner/repo#N] and [owner/repo] everywhere, the primary repository too", () => {
    expect(label({ type: "number", repo: "linuxkit/linuxkit", number: 2933 }, full)).toBe("linuxkit/linuxkit#2933");
    expect(label({ type: "number", repo: "moby/tool", number: 205 }, full)).toBe("moby/tool#205");
    expect(label({ type: "repo", repo: "linuxkit/lcow" }, full)).toBe("linuxkit/lcow");
    expect(
      label({ type: "number", repo: "linuxkit/linuxkit", number: 2933 }, { repositories: config.repositories }),
    ).toBe("#2933");
  });

  test("the footer: repositories, then references in the order the text uses them, then people", () => {
    const lines = footer(
      [
        { type: "repo", repo: "moby/tool" },
        { type: "repo", repo: "linuxkit/linuxkit" },
        { type: "number", repo: "linuxkit/linuxkit", number: 2977 },
        { type: "user", login: "rn" },
        { type: "number", repo: "moby/tool", number: 209 },
        { type: "user", login: "ijc" },
      ],
      full,
      (_repo, number) => (number === 2977 ? "pull" : "issue"),
    );
    expect(lines).toEqual([
      "[linuxkit/linuxkit]: https://github.com/linuxkit/linuxkit",
      "[moby/tool]: https://github.com/moby/tool",
      "[linuxkit/linuxkit#2977]: https://github.com/linuxkit/linuxkit/pull/2977",
      "[moby/tool#209]: https://github.com/moby/tool/issues/209",
      "[@ijc]: https://github.com/ijc",
      "[@rn]: https://github.com/rn",
    ]);
  });

  test("a footer rebuilt without the configured style keeps the text's full style", () => {
    const text =
      "Text ([linuxkit/linuxkit#1] [@rn]) and [moby/tool#2].\n\n[linuxkit/linuxkit#1]: https://github.com/linuxkit/linuxkit/pull/1\n";
    expect(updateFooter(text, { repositories: config.repositories, webUrl: GITHUB_WEB })).toBe(
      "Text ([linuxkit/linuxkit#1] [@rn]) and [moby/tool#2].\n\n" +
        "[linuxkit/linuxkit#1]: https://github.com/linuxkit/linuxkit/pull/1\n[moby/tool#2]: https://github.com/moby/tool/issues/2\n[@rn]: https://github.com/rn\n",
    );
  });
});

describe("a LinuxKit month, rendered", () => {
  test("the intro's counts, the listings grouped by repository, issues closed by a listed PR counted", () => {
    const at = { mergedAt: "2018-03-10T00:00:00Z" };
    const report = composeReport(
      {
        period: march,
        repositories: config.repositories,
        pulls: [
          pull("linuxkit/linuxkit", 2969, "Complete initial s390x support", {
            ...at,
            closes: [{ repo: "linuxkit/linuxkit", number: 2949 }],
            reviews: [{ reviewer: user("justincormack"), state: "APPROVED" }],
          }),
          pull("linuxkit/linuxkit", 2933, "Configure guest", { ...at, author: user("ekcasey") }),
          pull("moby/tool", 205, "Add qcow2 EFI image building support", { ...at, author: user("garthy") }),
        ],
        issues: [
          issue("linuxkit/linuxkit", 2949, "finish initial s390x support", { closedAt: "2018-03-20T00:00:00Z" }),
          issue("moby/tool", 209, "Allow extending the schema", {
            author: user("ernoaapa"),
            closedAt: "2018-03-21T00:00:00Z",
          }),
        ],
      },
      config,
    );
    const markdown = render(report, {
      template: builtinTemplate("linuxkit-monthly"),
      title: titleTemplate(config, march),
      intro: config.intro,
      outro: config.outro,
      references: config.references,
    });
    expect(markdown).toBe(`# Report for 2018-03-01 to 2018-03-31

This report covers the development in the [linuxkit/linuxkit] [linuxkit/lcow] [linuxkit/kubernetes] [linuxkit/virtsock] [linuxkit/rtf] [linuxkit/homebrew-linuxkit] [moby/tool] repositories. 3 PRs were merged. 2 issues were closed.

**TODO (maintainers):** write the month's own paragraphs here (highlights, kernels, tooling, subprojects), then delete this line.

## Merged PRs:

- Configure guest ([linuxkit/linuxkit#2933] [@ekcasey])
- Complete initial s390x support ([linuxkit/linuxkit#2969] [linuxkit/linuxkit#2949] [@rn] [@justincormack])

- Add qcow2 EFI image building support ([moby/tool#205] [@garthy])

## Closed Issues:

- Allow extending the schema ([moby/tool#209] [@ernoaapa])

## New or updated PRs and Issues (not closed):

[linuxkit/linuxkit]: https://github.com/linuxkit/linuxkit
[linuxkit/lcow]: https://github.com/linuxkit/lcow
[linuxkit/kubernetes]: https://github.com/linuxkit/kubernetes
[linuxkit/virtsock]: https://github.com/linuxkit/virtsock
[linuxkit/rtf]: https://github.com/linuxkit/rtf
[linuxkit/homebrew-linuxkit]: https://github.com/linuxkit/homebrew-linuxkit
[moby/tool]: https://github.com/moby/tool
[linuxkit/linuxkit#2933]: https://github.com/linuxkit/linuxkit/pull/2933
[linuxkit/linuxkit#2969]: https://github.com/linuxkit/linuxkit/pull/2969
[linuxkit/linuxkit#2949]: https://github.com/linuxkit/linuxkit/issues/2949
[moby/tool#205]: https://github.com/moby/tool/pull/205
[moby/tool#209]: https://github.com/moby/tool/issues/209
[@ekcasey]: https://github.com/ekcasey
[@ernoaapa]: https://github.com/ernoaapa
[@garthy]: https://github.com/garthy
[@justincormack]: https://github.com/justincormack
[@rn]: https://github.com/rn
`);
  });
});
