// LinuxKit's weekly report, as its maintainers wrote it by hand in 2017 (linuxkit/linuxkit reports/).
// The section rules say what each section is about, in terms of LinuxKit's source tree.
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
    // The kernels LinuxKit builds: configs, patches and the kernel build itself.
    { title: "Kernel", labels: ["area/kernel"], paths: ["kernel/**"] },
    // What goes into an image: the packages, the base image tooling, and the blueprints and examples that assemble
    // them. Makefiles are build plumbing, which the reports file with testing.
    {
      title: "Packages",
      labels: ["area/pkg"],
      paths: ["pkg/**", "blueprints/**", "examples/**", "tools/**", "linuxkit.yml", "!**/Makefile", "!**/*.mk"],
    },
    // Experimental work living under projects/.
    { title: "Projects", labels: ["area/projects"], paths: ["projects/**"] },
    // Everything about the project rather than the OS: docs, tests, CI, build plumbing, people files.
    {
      title: "Docs and Testing",
      labels: ["area/docs", "area/testing", "area/ci"],
      paths: [
        "docs/**",
        "test/**",
        "reports/**",
        "**/*.md",
        "AUTHORS",
        "MAINTAINERS",
        ".mailmap",
        "LICENSE",
        "Makefile",
        "**/Makefile",
        "**/*.mk",
        ".github/**",
        ".circleci/**",
        ".travis.yml",
      ],
      repositories: ["linuxkit/linuxkit-ci", "linuxkit/rtf"],
    },
  ],
  // Image references are pinned in YAML all over the tree, so a package or kernel bump touches dozens of them;
  // they say where a change is used, not what it is about.
  secondaryPaths: ["examples/*.yml", "projects/**/*.yml", "test/**/*.yml", "linuxkit.yml"],
  fallback: "Other",
};
