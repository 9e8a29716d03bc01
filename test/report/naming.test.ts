// One place names a period's report: its file, its branch and its title template, for every kind of period.
import { describe, expect, test } from "@jest/globals";
import { parseConfigText } from "../../src/config/index.js";
import { parsePeriod } from "../../src/period.js";
import {
  isValidBranchName,
  periodIdOfBranchId,
  reportBranch,
  reportPath,
  titleTemplate,
} from "../../src/report/naming.js";
import { periodOfBranch } from "../../src/triggers/branch.js";

const weekly = parseConfigText("preset: linuxkit\n", { source: "test", self: "linuxkit/linuxkit" });
const monthly = parseConfigText("period: month\npath: 'monthly/{{year}}/{{month}}.md'\n", {
  source: "test",
  self: "acme/tinyos",
});

describe("reportPath", () => {
  test.each([
    [weekly, "2017-W27", "reports/2017-27.md"],
    [weekly, "2018-01", "reports/2018-01.md"],
    [weekly, "2017-01-01..2017-12-31", "reports/2017-01-01..2017-12-31.md"],
    [monthly, "2018-03", "monthly/2018/03.md"],
    [monthly, "2017-W27", "reports/2017-27.md"],
  ])("%#: %s", (config, id, path) => {
    expect(reportPath(config, parsePeriod(id, { kind: config.period }))).toBe(path);
  });
});

test("a rendered path is checked again: a template the config check cannot see through is refused for the period", () => {
  const config = { ...weekly, path: "{{{project}}}/../{{year}}.md" };
  expect(() => reportPath(config, parsePeriod("2017-W27"))).toThrow(
    'path: "{{{project}}}/../{{year}}.md" gives "linuxkit/../2017.md" for 2017-W27, which is refused (it has an empty, . or .. segment); a report path must be relative, inside the repository, outside .github/workflows/, and end in .md',
  );
});

describe("branches", () => {
  test.each([
    ["2017-W27", "devreport/2017-W27"],
    ["2018-01", "devreport/2018-01"],
    ["2017-01-01..2017-12-31", "devreport/2017-01-01--2017-12-31"],
  ])("%s is published on %s, which git accepts and the push handler reads back", (id, branch) => {
    expect(reportBranch(weekly, parsePeriod(id))).toBe(branch);
    expect(isValidBranchName(branch)).toBe(true);
    expect(periodOfBranch(weekly.publish.branch, branch)).toBe(id);
  });

  test("only a range's separator is translated back", () => {
    expect(periodIdOfBranchId("2017-01-01--2017-12-31")).toBe("2017-01-01..2017-12-31");
    expect(periodIdOfBranchId("notes--draft")).toBe("notes--draft");
  });

  test.each([
    "",
    "a b",
    "a..b",
    "a/",
    "/a",
    "a//b",
    "a.lock",
    "a.",
    "-a",
    "a/.b",
    "a~1",
    "a^",
    "a:b",
    "a?",
    "a*",
    "a[",
    "a\\b",
    "a@{1}",
  ])("git refuses %j", (name) => expect(isValidBranchName(name)).toBe(false));
});

test("the title template follows the period's kind when it is not the config's", () => {
  expect(titleTemplate(weekly, parsePeriod("2017-W27"))).toBe(weekly.title);
  expect(titleTemplate(weekly, parsePeriod("2018-01"))).toBe("Monthly {{project}} report for {{monthName}} {{year}}");
  expect(titleTemplate(weekly, parsePeriod("2017-07-03..2017-07-09"))).toBe(
    "{{project}} report for {{firstDay}} to {{lastDay}}",
  );
});
