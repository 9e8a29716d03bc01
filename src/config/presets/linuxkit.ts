// LinuxKit's weekly report, as its maintainers wrote it by hand in 2017 (linuxkit/linuxkit reports/).
// The rules say what each section is about in terms of LinuxKit's source tree (including the 2017 layout under
// alpine/ and moby.yml); they were checked against the placements in eleven 2017 weekly reports.
import type { ConfigInput } from "../schema.js";

export const linuxkit: ConfigInput = {
  repositories: ["linuxkit/linuxkit", "linuxkit/linuxkit-ci", "linuxkit/rtf", "linuxkit/virtsock"],
  period: "week",
  timeZone: "UTC",
  path: "reports/{{year}}-{{week}}.md",
  title: "Weekly LinuxKit dev report for {{firstDay}} to {{lastDay}} (week {{weekNumber}})",
  intro: "This report covers weekly developments in the {{{repositories}}} {{repositoryNoun}}.",
  outro:
    "Other reports in this series can be browsed directly in the repository at [linuxkit:/reports](https://github.com/linuxkit/linuxkit/tree/master/reports/).",
  sections: [
    // The kernels LinuxKit builds: configs, patches, the kernel build and its helper scripts.
    {
      title: "Kernel",
      labels: ["area/kernel"],
      paths: ["kernel/**", "alpine/kernel/**", "contrib/foreign-kernels/**", "scripts/kernels/**"],
    },
    // What goes into an image: packages, the base image tooling, and the blueprints and examples assembling them.
    {
      title: "Packages",
      labels: ["area/packages"],
      paths: [
        "pkg/**",
        "blueprints/**",
        "examples/**",
        "tools/**",
        "base/**",
        "alpine/packages/**",
        "alpine/containers/**",
        "alpine/base/**",
        "linuxkit.yml",
        "moby.yml",
        "moby.yaml",
      ],
    },
    // Experimental work that lives beside the OS.
    { title: "Projects", labels: ["area/projects"], paths: ["projects/**", "contrib/**"] },
    // The linuxkit command-line tool; the reports mention it among other changes, not in the four topic sections.
    { title: "Tooling", labels: ["area/cli"], paths: ["src/**", "*.go"], weak: true },
    // About the project rather than the OS: docs, tests, CI, build plumbing, people and legal files. These files
    // come with most features, so they only decide when nothing else does (`weak`), or when the repository
    // (CI, the test framework, the virtsock test library) or the title says so.
    {
      title: "Docs and Testing",
      labels: ["area/docs", "area/testing", "area/ci"],
      titles: [
        "^(docs?|documentation|tests?|ci|makefile|authors|maintainers|reports?|sigs?(-[\\w-]+)?)\\s*[:(]",
        "\\b(typos?|spelling)\\b",
        "^(docs?|documentation)\\b|\\b(docs|documentation)$",
      ],
      paths: [
        "docs/**",
        "test/**",
        "alpine/test/**",
        "test.yaml",
        "reports/**",
        "sigs/**",
        "**/*.md",
        "AUTHORS",
        "MAINTAINERS",
        ".mailmap",
        "LICENSE",
        "NOTICE",
        "logo/**",
        "licensing/**",
        "scripts/**",
        "Makefile",
        "**/Makefile",
        "**/*.mk",
        ".github/**",
        ".circleci/**",
        ".travis.yml",
        ".*",
        "vendor/**",
        "vendor.conf",
      ],
      repositories: ["linuxkit/linuxkit-ci", "linuxkit/rtf", "linuxkit/virtsock"],
      weak: true,
    },
  ],
  // Collateral: image references pinned in YAML all over the tree, package version lists and vendored code change
  // with whatever they pin, so they say where a change is used, not what it is about.
  secondaryPaths: [
    "examples/*.yml",
    "projects/**/*.yml",
    "test/**/*.yml",
    "linuxkit.yml",
    "moby.yml",
    "test.yaml",
    "tools/alpine/versions*",
    "tools/alpine/packages*",
    "vendor/**",
    "vendor.conf",
  ],
  fallback: "Other",
};
