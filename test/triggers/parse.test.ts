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
});
