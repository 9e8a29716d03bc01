import { describe, expect, test } from "@jest/globals";
import { resolveConfig } from "../../src/config/index.js";
import { defaultTemplate } from "../../src/draft.js";
import { composeReport } from "../../src/report/compose.js";
import { render } from "../../src/report/render.js";
import { activity, bot, issue, linuxkitConfig, pull, user } from "./fixtures.js";

const draft = (config: ReturnType<typeof linuxkitConfig>, input: ReturnType<typeof activity>) =>
  render(composeReport(input, config), {
    template: defaultTemplate(),
    title: config.title,
    intro: config.intro,
    outro: config.outro,
  });

describe("a LinuxKit week, rendered", () => {
  test("sections, items, credits, related issues and the footer in the human order", () => {
    const week = activity(
      [
        pull("linuxkit/linuxkit", 2167, "Update kernel to 4.11.9/4.9.36/4.4.76", {
          files: ["kernel/Dockerfile", "examples/a.yml"],
        }),
        pull("linuxkit/linuxkit", 2135, "Makefile: Fix bug where network was not disabled.", {
          author: user("justincormack"),
          files: ["pkg/a/Makefile", "pkg/b/Makefile"],
          closes: [{ repo: "linuxkit/linuxkit", number: 2134 }],
          reviews: [
            { reviewer: user("rn"), state: "APPROVED" },
            { reviewer: user("ijc"), state: "CHANGES_REQUESTED" },
            { reviewer: bot("ci-bot"), state: "COMMENTED" },
          ],
        }),
        pull("linuxkit/linuxkit", 2154, "WIP: Add pkg/acpid", {
          author: user("riyazdf"),
          files: ["pkg/acpid/Dockerfile"],
          coAuthors: [user("riyazdf"), user("MagnusS"), user("rn")],
          reviews: [{ reviewer: user("rn"), state: "COMMENTED" }],
        }),
        pull("linuxkit/virtsock", 35, "Pass SOCK_CLOEXEC to syscall.Socket", { files: ["cmd/sock_stress/main.go"] }),
        pull("linuxkit/linuxkit", 2180, "Bump deps", {
          author: bot("dependabot"),
          files: ["src/go.mod"],
          coAuthors: [user("dependabot")],
        }),
        pull("linuxkit/linuxkit", 2181, "Release notes", { labels: ["skip-report"], files: ["docs/x.md"] }),
        pull("linuxkit/linuxkit", 2182, "Add artwork", { author: user("first-timer"), files: ["artwork/logo.svg"] }),
      ],
      [
        issue("linuxkit/linuxkit", 2134, "Network not disabled"),
        issue("linuxkit/linuxkit", 2100, "Support arm64 in run", { labels: ["area/kernel"] }),
        issue("linuxkit/linuxkit", 2101, "Won't fix", { stateReason: "NOT_PLANNED" }),
        issue("linuxkit/linuxkit", 2102, "Dup", { stateReason: "DUPLICATE" }),
      ],
    );
    expect(draft(linuxkitConfig(), week)).toBe(`# Weekly LinuxKit dev report for 2017-07-03 to 2017-07-09 (week 27)

This report covers weekly developments in the [linuxkit] and [virtsock] repositories.

## Kernel

- Support arm64 in run ([#2100] [@ijc])
- Update kernel to 4.11.9/4.9.36/4.4.76 ([#2167] [@rn])

## Packages

- Add pkg/acpid ([#2154] [@riyazdf] [@rn] [@MagnusS])

## Tooling

- Bump deps ([#2180])

## Docs and Testing

- Makefile: Fix bug where network was not disabled ([#2135] [#2134] [@justincormack] [@rn])
- Pass SOCK_CLOEXEC to syscall.Socket ([virtsock#35] [@rn])

## Other

- Add artwork ([#2182] [@first-timer])

Other reports in this series can be browsed directly in the repository at [linuxkit:/reports](https://github.com/linuxkit/linuxkit/tree/master/reports/).

[@MagnusS]: https://github.com/MagnusS
[@first-timer]: https://github.com/first-timer
[@ijc]: https://github.com/ijc
[@justincormack]: https://github.com/justincormack
[@riyazdf]: https://github.com/riyazdf
[@rn]: https://github.com/rn
[linuxkit]: https://github.com/linuxkit/linuxkit
[#2100]: https://github.com/linuxkit/linuxkit/issues/2100
[#2134]: https://github.com/linuxkit/linuxkit/issues/2134
[#2135]: https://github.com/linuxkit/linuxkit/pull/2135
[#2154]: https://github.com/linuxkit/linuxkit/pull/2154
[#2167]: https://github.com/linuxkit/linuxkit/pull/2167
[#2180]: https://github.com/linuxkit/linuxkit/pull/2180
[#2182]: https://github.com/linuxkit/linuxkit/pull/2182
[virtsock]: https://github.com/linuxkit/virtsock
[virtsock#35]: https://github.com/linuxkit/virtsock/pull/35
`);
  });

  test("references across owners are [owner/repo#N]; a single repository is a 'repository'", () => {
    const config = resolveConfig({ repositories: ["acme/widget", "other/lib"], sections: [] }, { source: "test" });
    const week = activity(
      [
        pull("acme/widget", 7, "Use lib", { closes: [{ repo: "other/lib", number: 3 }] }),
        pull("other/lib", 4, "Faster"),
      ],
      [],
      config.repositories,
    );
    expect(draft(config, week)).toBe(`# Weekly widget report for 2017-07-03 to 2017-07-09 (week 27)

This report covers developments in the [widget] and [other/lib] repositories.

## Other changes

- Use lib ([#7] [other/lib#3] [@rn])
- Faster ([other/lib#4] [@rn])

[@rn]: https://github.com/rn
[widget]: https://github.com/acme/widget
[#7]: https://github.com/acme/widget/pull/7
[other/lib]: https://github.com/other/lib
[other/lib#3]: https://github.com/other/lib/issues/3
[other/lib#4]: https://github.com/other/lib/pull/4
`);
  });

  test("a quiet week still renders a valid report", () => {
    const config = resolveConfig({}, { source: "test", self: "acme/widget" });
    expect(draft(config, activity([], [], config.repositories)))
      .toBe(`# Weekly widget report for 2017-07-03 to 2017-07-09 (week 27)

This report covers developments in the [widget] repository.

Nothing was merged or closed in this period.

[widget]: https://github.com/acme/widget
`);
  });

  test("hostile titles stay on their line and inject nothing", () => {
    const config = resolveConfig({ sections: [] }, { source: "test", self: "acme/widget" });
    const titles = [
      "[x]: http://evil.example/",
      "<script>alert(1)</script>",
      "Fix `unterminated code",
      "Use `--flag` in *bold* _docs_ and snake_case_name",
      "{{ site.secret }} and {% raw %}",
      "# Not a heading\nsecond line",
      "1. not a list",
      "Mention @rn &amp; [#1](http://x)",
    ];
    const out = draft(
      config,
      activity(
        titles.map((t, i) => pull("acme/widget", i + 1, t)),
        [],
        config.repositories,
      ),
    );
    const items = out.split("\n").filter((line) => line.startsWith("- "));
    expect(items).toEqual([
      // The bare URL is escaped too: GFM would otherwise link it (this line used to keep "http://").
      "- \\[x\\]: http\\://evil.example/ ([#1] [@rn])",
      "- \\<script\\>alert(1)\\</script\\> ([#2] [@rn])",
      "- Fix \\`unterminated code ([#3] [@rn])",
      "- Use `--flag` in \\*bold\\* \\_docs\\_ and snake_case_name ([#4] [@rn])",
      "- \\{{ site.secret }\\} and \\{% raw %\\} ([#5] [@rn])",
      "- \\# Not a heading second line ([#6] [@rn])",
      "- 1\\. not a list ([#7] [@rn])",
      "- Mention @rn \\&amp; \\[#1\\](http\\://x) ([#8] [@rn])",
    ]);
    expect(out).not.toMatch(/^\[x\]:/m);
  });
});
