import { describe, expect, test } from "@jest/globals";
import { parseCommand } from "../../src/triggers/parse.js";

describe("parseCommand", () => {
  test.each([
    ["/draft-report", { kind: "run", preview: false, period: "last" }],
    ["/draft-report 2017-W27", { kind: "run", preview: false, period: "2017-W27" }],
    ["/draft-report last", { kind: "run", preview: false, period: "last" }],
    ["/draft-report this", { kind: "run", preview: false, period: "this" }],
    ["/draft-report 2017-07-05", { kind: "run", preview: false, period: "2017-07-05" }],
    ["/draft-report 2018-01", { kind: "run", preview: false, period: "2018-01" }],
    ["/draft-report preview", { kind: "run", preview: true, period: "last" }],
    ["/draft-report preview 2017-W27", { kind: "run", preview: true, period: "2017-W27" }],
    ["  /draft-report   2017-W27  ", { kind: "run", preview: false, period: "2017-W27" }],
    ["Thanks!\r\n/draft-report 2017-W27\r\nCheers", { kind: "run", preview: false, period: "2017-W27" }],
    ["/draft-report\t2017-W27", { kind: "run", preview: false, period: "2017-W27" }],
    // The period's validity is decided later, with the config's time zone: the parser passes it on.
    ["/draft-report 2017-W99", { kind: "run", preview: false, period: "2017-W99" }],
    ["/draft-report soon", { kind: "run", preview: false, period: "soon" }],
  ])("accepts %j", (body, expected) => {
    expect(parseCommand(body)).toEqual(expected);
  });

  test.each([
    ["/draft-report 2017-W27 2017-W28", 'too many arguments: "2017-W27 2017-W28"'],
    ["/draft-report preview 2017-W27 now", 'too many arguments: "2017-W27 now"'],
  ])("answers %j with usage", (body, problem) => {
    expect(parseCommand(body)).toEqual({ kind: "usage", problem });
  });

  test.each([
    "",
    "/draft-reports",
    "/draft-report-now",
    "/Draft-Report",
    "/other",
    "/draft",
    "please /draft-report",
    "`/draft-report`",
    "> /draft-report",
    "Run /draft-report 2017-W27 when you are ready",
    "```\n/draft-report\n```",
    "~~~sh\n/draft-report 2017-W27\n~~~",
    "draft-report",
    // Read as Markdown, as GitHub renders it: none of these shows a command someone issued.
    "    /draft-report",
    "Text\n\n    /draft-report 2017-W27",
    "<!--\n/draft-report\n-->",
    "<!-- hidden\n/draft-report 2017-W27 -->",
    "Hidden <!--\n/draft-report\n--> inline",
    "~~~\n```\n/draft-report\n~~~",
    "~~~~\n```\n~~~\n/draft-report\n",
    "````\n/draft-report\n```\n/draft-report 2017-W27",
    "```\n/draft-report",
    "> quote\n/draft-report",
    ">\n> /draft-report",
    "- /draft-report",
    "1. /draft-report 2017-W27",
    "- item\n\n  /draft-report",
    "# /draft-report",
    "Run\n`/draft-report`",
    "Run `a\n/draft-report` b",
    "*/draft-report*",
    "[/draft-report](https://example.com)",
  ])("ignores %j", (body) => {
    expect(parseCommand(body)).toBeNull();
  });

  test("the first command line counts; lines after a closed fence count again", () => {
    expect(parseCommand("```\n/draft-report 2017-W01\n```\n/draft-report 2017-W27\n/draft-report 2017-W28")).toEqual({
      kind: "run",
      preview: false,
      period: "2017-W27",
    });
  });

  test.each([
    ["after a closed ~~~ fence", "~~~\n/draft-report 2017-W01\n~~~\n/draft-report 2017-W27"],
    ["after a closed 4-backtick fence", "````\n```\n/draft-report 2017-W01\n````\n/draft-report 2017-W27"],
    ["after a one-line HTML comment", "<!-- note -->\n\n/draft-report 2017-W27"],
    ["after a multi-line HTML comment", "<!--\n/draft-report 2017-W01\n-->\n/draft-report 2017-W27"],
    ["after a block quote", "> /draft-report 2017-W01\n\n/draft-report 2017-W27"],
    ["after a list", "- /draft-report 2017-W01\n\n/draft-report 2017-W27"],
    // GitHub joins a paragraph's lines, but the person typed the command on a line of its own: it counts.
    ["as the second line of a paragraph", "Please draft it.\n/draft-report 2017-W27"],
    ["indented up to three spaces", "   /draft-report 2017-W27"],
    ["indented on a paragraph's continuation line", "Please:\n      /draft-report 2017-W27"],
    ["followed by a hard line break", "/draft-report 2017-W27\\\nthanks"],
  ])("counts a command %s", (_what, body) => {
    expect(parseCommand(body)).toEqual({ kind: "run", preview: false, period: "2017-W27" });
  });

  test("a 10 KB argument is answered with a short excerpt of it", () => {
    const long = "x".repeat(10_000);
    expect(parseCommand(`/draft-report ${long}`)).toEqual({
      kind: "usage",
      problem: `bad period "${"x".repeat(40)}…": no period is that long`,
    });
    expect(parseCommand(`/draft-report preview 2017-W27 ${long}`)).toEqual({
      kind: "usage",
      problem: `too many arguments: "2017-W27 ${"x".repeat(31)}…"`,
    });
  });

  test("a 60 KB comment with the command at its end is parsed", () => {
    expect(parseCommand(`${"word ".repeat(12_000)}\n\n/draft-report preview`)).toEqual({
      kind: "run",
      preview: true,
      period: "last",
    });
  });
});
