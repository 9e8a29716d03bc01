import { describe, expect, test } from "@jest/globals";
import { createClassifier, globMatcher } from "../../src/report/classify.js";
import { issue, linuxkitConfig, pull } from "./fixtures.js";

const sections = [
  { id: "kernel", labels: ["area/kernel"], paths: ["kernel/**"], titles: [], repositories: [] },
  { id: "packages", labels: [], paths: ["pkg/**", "!**/Makefile"], titles: [], repositories: [] },
  { id: "docs", labels: ["docs"], paths: ["docs/**", "**/Makefile"], titles: ["^docs:"], repositories: ["o/ci"] },
];
const classifier = createClassifier(sections, { secondaryPaths: ["examples/*.yml"], fallbackId: "other" });

describe("classify", () => {
  test("a label wins over paths", () => {
    expect(classifier.classify(pull("o/main", 1, "x", { labels: ["Docs"], files: ["kernel/a", "kernel/b"] }))).toBe(
      "docs",
    );
  });
  test("files vote; the section covering most files wins", () => {
    expect(
      classifier.classify(pull("o/main", 1, "x", { files: ["kernel/a", "pkg/b/Dockerfile", "pkg/c/Dockerfile"] })),
    ).toBe("packages");
  });
  test("a tie goes to the earlier section", () => {
    expect(classifier.classify(pull("o/main", 1, "x", { files: ["pkg/b/Dockerfile", "kernel/a"] }))).toBe("kernel");
  });
  test("a negated glob hands the file to a later section", () => {
    expect(
      classifier.classify(pull("o/main", 1, "x", { files: ["pkg/a/Makefile", "pkg/b/Makefile", "pkg/c/main.go"] })),
    ).toBe("docs");
  });
  test("secondary files vote only when nothing else does", () => {
    const withKernel = pull("o/main", 1, "x", { files: ["examples/a.yml", "examples/b.yml", "kernel/config"] });
    expect(
      createClassifier(
        [...sections, { id: "examples", labels: [], paths: ["examples/**"], titles: [], repositories: [] }],
        {
          secondaryPaths: ["examples/*.yml"],
          fallbackId: "other",
        },
      ).classify(withKernel),
    ).toBe("kernel");
    expect(classifier.classify(pull("o/main", 1, "x", { files: ["examples/a.yml", "docs/x.md"] }))).toBe("docs");
  });
  test("then titles, then repository, then the fallback", () => {
    expect(classifier.classify(pull("o/main", 1, "docs: typo", { files: ["src/a.go"] }))).toBe("docs");
    expect(classifier.classify(pull("o/ci", 1, "Add timestamps", { files: ["src/a.ml"] }))).toBe("docs");
    expect(classifier.classify(pull("o/main", 1, "Refactor", { files: ["src/a.go"] }))).toBe("other");
    expect(classifier.classify(issue("o/main", 2, "Crash on boot"))).toBe("other");
  });
  test("issues are placed by label, title or repository", () => {
    expect(classifier.classify(issue("o/main", 2, "x", { labels: ["area/kernel"] }))).toBe("kernel");
    expect(classifier.classify(issue("o/ci", 2, "x"))).toBe("docs");
  });
});

test("globMatcher: dotfiles match, negations exclude", () => {
  const matches = globMatcher(["**", "!**/*.md"]);
  expect([".mailmap", "a/.github/x", "README.md", "docs/a.md"].map(matches)).toEqual([true, true, false, false]);
  expect(globMatcher([])("a")).toBe(false);
});

describe("the linuxkit preset places changes by what they are about", () => {
  const config = linuxkitConfig();
  const lk = createClassifier(config.sections, { secondaryPaths: config.secondaryPaths, fallbackId: "other" });
  const title = (id: string) => config.sections.find((s) => s.id === id)?.title ?? id;
  const place = (repo: string, files: string[], name = "change") => title(lk.classify(pull(repo, 1, name, { files })));

  test.each([
    [["kernel/config-4.9.x", "kernel/Dockerfile", "examples/a.yml", "test/cases/x/test.yml"], "Kernel"],
    [["pkg/acpid/Dockerfile", "pkg/acpid/Makefile", "tools/alpine/packages"], "Packages"],
    [["blueprints/docker-for-mac/base.yml"], "Packages"],
    [["examples/docker.yml"], "Packages"],
    [
      [
        "pkg/docker-ce/Dockerfile",
        "blueprints/dfm.yml",
        "projects/k8s/kube.yml",
        "projects/compose/a.yml",
        "projects/k8s/cache/Dockerfile",
      ],
      "Packages",
    ],
    [["projects/swarmd/swarmd.yml", "projects/swarmd/Dockerfile"], "Projects"],
    [["AUTHORS", ".mailmap"], "Docs and Testing"],
    [["MAINTAINERS"], "Docs and Testing"],
    [["pkg/a/Makefile", "pkg/b/Makefile", "pkg/package.mk"], "Packages"],
    [["test/cases/010/test.sh", "test/cases/010/test.yml", "tools/alpine/versions.x86_64"], "Docs and Testing"],
    [["pkg/open-vm-tools/Dockerfile", "docs/platform-vmware.md", "test/cases/vmware/test.sh"], "Packages"],
    [["src/cmd/linuxkit/run_qemu.go", "vendor/github.com/x/y.go", "vendor.conf"], "Tooling"],
    [["vendor/github.com/x/y.go", "vendor.conf"], "Docs and Testing"],
    [["docs/platform-hyperkit.md"], "Docs and Testing"],
    [["README.md"], "Docs and Testing"],
  ])("%j -> %s", (files, expected) => {
    expect(place("linuxkit/linuxkit", files)).toBe(expected);
  });

  test("the CI service, the test framework and the virtsock test library are about testing", () => {
    expect(place("linuxkit/linuxkit-ci", ["src/ci.ml"])).toBe("Docs and Testing");
    expect(place("linuxkit/rtf", ["local/run.go"])).toBe("Docs and Testing");
    expect(place("linuxkit/virtsock", ["pkg/hvsock/hvsock.go"])).toBe("Docs and Testing");
  });

  test("a title naming the topic beats the files", () => {
    expect(
      place(
        "linuxkit/linuxkit",
        ["pkg/a/Makefile", "pkg/b/Makefile"],
        "Makefile: Fix bug where network was not disabled",
      ),
    ).toBe("Docs and Testing");
    expect(place("linuxkit/linuxkit", ["pkg/init/cmd/service/main.go"], "Fix typo in service help")).toBe(
      "Docs and Testing",
    );
    expect(place("linuxkit/linuxkit", ["pkg/init/cmd/service/main.go"], "Fix the service restart loop")).toBe(
      "Packages",
    );
  });
});
