import { readFileSync } from "node:fs";
import { describe, expect, test } from "@jest/globals";
import { parseConfigText, resolveConfig } from "../../src/config/index.js";
import { configJsonSchema } from "../../src/config/json-schema.js";

const source = ".github/devreport.yml";
const load = (text: string, self = "acme/widget") => parseConfigText(text, { source, self });

describe("defaults", () => {
  test("no config file fits any repository: the repository itself, generic sections and titles", () => {
    const config = resolveConfig(null, { source, self: "acme/widget" });
    expect(config.repositories).toEqual(["acme/widget"]);
    expect(config.sections.map((s) => [s.id, s.title])).toEqual([
      ["features", "Features"],
      ["fixes", "Fixes"],
      ["documentation", "Documentation"],
    ]);
    expect(config.sections[0]!.labels).toContain("enhancement");
    expect(config.sections[2]!.paths).toEqual(["docs/**", "**/*.md"]);
    expect(config.fallback).toBe("Other changes");
    expect(config.path).toBe("reports/{{year}}-{{week}}.md");
    expect(config.title).toBe("Weekly {{project}} report for {{firstDay}} to {{lastDay}} (week {{weekNumber}})");
    expect(config.timeZone).toBe("UTC");
    expect(config.exclude).toEqual({ labels: ["skip-report"], authors: [], bots: true });
    expect(config.issues).toEqual({ include: true, excludeStateReasons: ["NOT_PLANNED", "DUPLICATE"] });
    expect(config.publish).toEqual({ branch: "devreport/{{id}}", labels: [], reviewers: [] });
  });

  test("monthly reports get a monthly path and title", () => {
    const config = load("period: month\n");
    expect(config.path).toBe("reports/{{year}}-{{month}}.md");
    expect(config.title).toBe("Monthly {{project}} report for {{monthName}} {{year}}");
  });
});

describe("the linuxkit preset", () => {
  test("preset: linuxkit alone gives LinuxKit's repositories, sections, title and closing line", () => {
    const config = load("preset: linuxkit\n", "linuxkit/linuxkit");
    expect(config.repositories).toEqual([
      "linuxkit/linuxkit",
      "linuxkit/linuxkit-ci",
      "linuxkit/rtf",
      "linuxkit/virtsock",
    ]);
    expect(config.sections.map((s) => s.title)).toEqual([
      "Kernel",
      "Packages",
      "Projects",
      "Tooling",
      "Docs and Testing",
    ]);
    expect(config.title).toBe("Weekly LinuxKit dev report for {{firstDay}} to {{lastDay}} (week {{weekNumber}})");
    expect(config.outro).toMatch(/^Other reports in this series can be browsed directly/);
    expect(config.path).toBe("reports/{{year}}-{{week}}.md");
  });

  test("keys beside the preset override it", () => {
    const config = load("preset: linuxkit\nrepositories: [linuxkit/linuxkit]\ntimeZone: Europe/London\n");
    expect(config.repositories).toEqual(["linuxkit/linuxkit"]);
    expect(config.timeZone).toBe("Europe/London");
    expect(config.sections.map((s) => s.title)).toEqual([
      "Kernel",
      "Packages",
      "Projects",
      "Tooling",
      "Docs and Testing",
    ]);
  });
});

describe("bad config: one line naming the key, the value and what is allowed", () => {
  const cases: [string, string][] = [
    [
      "sectoins: []\n",
      `${source}: unknown key "sectoins"; allowed keys: preset, repositories, period, timeZone, path, title, intro, outro, sections, secondaryPaths, fallback, exclude, issues, template, references, publish, schedule`,
    ],
    [
      "sections:\n  - title: Kernel\n    path: [kernel/**]\n",
      `${source}: unknown key "path" in sections[0]; allowed keys: id, title, labels, paths, titles, repositories, weak`,
    ],
    ["period: weekly\n", `${source}: period: "weekly" is not allowed; use one of "week", "month"`],
    ["repositories: linuxkit/linuxkit\n", `${source}: repositories: "linuxkit/linuxkit" is not a list`],
    [
      "repositories: [linuxkit]\n",
      `${source}: repositories[0]: "linuxkit" must be "owner/name" (or "owner/*" for every repository of an organisation)`,
    ],
    [
      "sections:\n  - title: Kernel\n    paths: ['kernel/[abc']\n",
      `${source}: sections[0].paths[0]: "kernel/[abc" is not a valid glob (Missing closing: "]" - use "\\\\]" to match literal characters)`,
    ],
    [
      "sections:\n  - title: Kernel\n    paths: ['/kernel/**']\n",
      `${source}: sections[0].paths[0]: "/kernel/**" is not a valid glob (paths are relative to the repository root: drop the leading "/")`,
    ],
    [
      "sections:\n  - title: Kernel\n    titles: ['(unclosed']\n",
      `${source}: sections[0].titles[0]: "(unclosed" is not a valid regular expression (Invalid regular expression: /(unclosed/i: Unterminated group)`,
    ],
    [
      "timeZone: Mars/Olympus\n",
      `${source}: timeZone: "Mars/Olympus" must be an IANA time zone such as "UTC" or "Europe/Berlin"`,
    ],
    [
      "preset: kubernetes\n",
      `${source}: preset: "kubernetes" is not a known preset; use one of "linuxkit", "linuxkit-monthly"`,
    ],
    ["exclude:\n  bots: maybe\n", `${source}: exclude.bots: "maybe" is not a boolean`],
    [
      "issues:\n  excludeStateReasons: [WONTFIX]\n",
      `${source}: issues.excludeStateReasons[0]: "WONTFIX" is not allowed; use one of "COMPLETED", "NOT_PLANNED", "DUPLICATE", "REOPENED"`,
    ],
    ["- a\n- b\n", `${source}: the file must hold a mapping of keys to values, not a list`],
    [
      "sections:\n  - title: A\n  - title: A\n",
      `${source}: sections[1]: id "a" is used twice; give each section its own title or id`,
    ],
    [
      "path: '../../etc/{{year}}.md'\n",
      `${source}: path: "../../etc/{{year}}.md" is refused (it has an empty, . or .. segment); a report path must be relative, inside the repository, outside .github/workflows/, and end in .md`,
    ],
    [
      "path: /etc/report-{{week}}.md\n",
      `${source}: path: "/etc/report-{{week}}.md" is refused (it is absolute); a report path must be relative, inside the repository, outside .github/workflows/, and end in .md`,
    ],
    [
      "path: .github/workflows/report-{{week}}.yml\n",
      `${source}: path: ".github/workflows/report-{{week}}.yml" is refused (it is inside .github/workflows); a report path must be relative, inside the repository, outside .github/workflows/, and end in .md`,
    ],
    [
      "path: .GitHub/Workflows/r-{{week}}.md\n",
      `${source}: path: ".GitHub/Workflows/r-{{week}}.md" is refused (it is inside .github/workflows); a report path must be relative, inside the repository, outside .github/workflows/, and end in .md`,
    ],
    [
      "path: reports/{{year}}-{{week}}.txt\n",
      `${source}: path: "reports/{{year}}-{{week}}.txt" is refused (it does not end in .md); a report path must be relative, inside the repository, outside .github/workflows/, and end in .md`,
    ],
    [
      "path: .git/hooks/{{week}}.md\n",
      `${source}: path: ".git/hooks/{{week}}.md" is refused (it is inside .git); a report path must be relative, inside the repository, outside .github/workflows/, and end in .md`,
    ],
    [
      "path: 'C:/reports/{{week}}.md'\n",
      `${source}: path: "C:/reports/{{week}}.md" is refused (it is absolute); a report path must be relative, inside the repository, outside .github/workflows/, and end in .md`,
    ],
    [
      "sections: [\n",
      `${source}: invalid YAML at line 2, column 1: Flow sequence in block collection must be sufficiently indented and end with a ]`,
    ],
  ];
  test.each(cases)("%j", (text, message) => {
    expect(() => load(text)).toThrow(message);
    try {
      load(text);
    } catch (error) {
      expect((error as Error).message).toBe(message);
      expect((error as Error).message).not.toContain("\n");
    }
  });

  test("no repository to default to", () => {
    expect(() => resolveConfig({}, { source: "--config devreport.yml" })).toThrow(
      '--config devreport.yml: repositories: none configured; list at least one "owner/name"',
    );
  });
});

test("the committed JSON Schema is generated from the zod schema (run `npm run schema` after changing it)", () => {
  const committed = readFileSync(new URL("../../schema/devreport.schema.json", import.meta.url), "utf8");
  expect(committed).toBe(configJsonSchema());
});

test("the JSON Schema has an $id and allows _extends in the forms the loader follows, and nothing else", () => {
  const schema = JSON.parse(configJsonSchema()) as {
    $id: string;
    properties: Record<string, { pattern?: string }>;
    additionalProperties: boolean;
  };
  expect(schema.$id).toBe("https://raw.githubusercontent.com/devreport/devreport/main/schema/devreport.schema.json");
  expect(schema.additionalProperties).toBe(false);
  const pattern = new RegExp(schema.properties._extends!.pattern!);
  for (const ok of ["devreport-config", "acme/.github", "Acme-Org/shared:configs/devreport.yml", "base:x.yaml"])
    expect(pattern.test(ok)).toBe(true);
  for (const bad of ["acme/", "a/b/c", "acme/base:notes.txt", "-acme/base"]) expect(pattern.test(bad)).toBe(false);
});

test("an _extends that reaches the pure core was not followed: an error, never ignored", () => {
  expect(() => load("_extends: acme/base\n")).toThrow(
    `${source}: _extends: "acme/base" cannot be followed here; only a config read from GitHub follows it`,
  );
  expect(() => load("_extends: a/b/c\n")).toThrow(
    `${source}: _extends: "a/b/c" must be "repo", "owner/repo" or "owner/repo:path/file.yml"`,
  );
});
