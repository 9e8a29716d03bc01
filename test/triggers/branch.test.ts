import { describe, expect, test } from "@jest/globals";
import { matchBranch, periodOfBranch } from "../../src/triggers/branch.js";

describe("report branches", () => {
  test("the default template captures the period id", () => {
    expect(matchBranch("devreport/{{id}}", "devreport/2017-W27")).toEqual({ id: "2017-W27" });
    expect(periodOfBranch("devreport/{{id}}", "devreport/2017-W27")).toBe("2017-W27");
    expect(periodOfBranch("devreport/{{{id}}}", "devreport/2018-01")).toBe("2018-01");
  });

  test("year and week (or month) tags make a period too", () => {
    expect(periodOfBranch("reports/{{year}}-{{week}}", "reports/2017-27")).toBe("2017-W27");
    expect(periodOfBranch("reports/{{ year }}/{{ month }}", "reports/2018/01")).toBe("2018-01");
  });

  test.each([
    ["devreport/{{id}}", "main"],
    ["devreport/{{id}}", "devreport/2017-W27/extra"],
    ["devreport/{{id}}", "xdevreport/2017-W27"],
    ["devreport/{{id}}", "devreport/"],
    ["weekly.{{id}}", "weeklyX2017-W27"],
    ["reports/{{year}}-{{week}}", "reports/2017"],
  ])("%s does not match %s", (template, branch) => {
    expect(periodOfBranch(template, branch)).toBeNull();
  });

  test("a template without period tags names no period", () => {
    expect(matchBranch("devreport/draft", "devreport/draft")).toEqual({});
    expect(periodOfBranch("devreport/draft", "devreport/draft")).toBeNull();
  });
});
