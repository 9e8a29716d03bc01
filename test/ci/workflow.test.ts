// .github/workflows/ci.yml runs the repository's own check, .ci/run, on every push and pull request for each Node
// major package.json supports, with actions that run on the node24 Actions runtime.
import { readFileSync, statSync } from "node:fs";
import { describe, expect, test } from "@jest/globals";
import { parse } from "yaml";

const workflow = parse(readFileSync(new URL("../../.github/workflows/ci.yml", import.meta.url), "utf8"));
const jobs = Object.values<any>(workflow.jobs);

describe(".github/workflows/ci.yml", () => {
  test("runs on push and on pull_request, for every branch", () => {
    expect(Object.keys(workflow.on).sort()).toEqual(["pull_request", "push"]);
    expect(workflow.on.push).toBeNull();
    expect(workflow.on.pull_request).toBeNull();
  });

  test("one job: Node 20 and 22 from the matrix, each running .ci/run", () => {
    expect(jobs).toHaveLength(1);
    const [job] = jobs;
    expect(job.strategy.matrix).toEqual({ node: [20, 22] });
    const steps: any[] = job.steps;
    const setup = steps.find((s) => String(s.uses).startsWith("actions/setup-node@"));
    expect(setup.with["node-version"]).toBe("${{ matrix.node }}");
    expect(steps.filter((s) => "run" in s).map((s) => s.run)).toEqual([".ci/run"]);
    // The checkout comes first and Node is set up before the check runs.
    expect(steps.map((s) => s.uses ?? s.run)).toEqual([
      expect.stringMatching(/^actions\/checkout@/),
      setup.uses,
      ".ci/run",
    ]);
  });

  test("checkout and setup-node at majors that run on node24 (v5 or later)", () => {
    const majors = jobs[0].steps
      .filter((s: any) => s.uses)
      .map((s: any) => /^actions\/(checkout|setup-node)@v(\d+)$/.exec(s.uses))
      .map((m: RegExpExecArray | null) => [m?.[1], Number(m?.[2])]);
    expect(majors.map(([name]: [string]) => name)).toEqual(["checkout", "setup-node"]);
    for (const [, major] of majors) expect(major).toBeGreaterThanOrEqual(5);
  });

  test(".ci/run is executable, since the step calls it directly", () => {
    const { mode } = statSync(new URL("../../.ci/run", import.meta.url));
    expect(mode & 0o111).toBe(0o111);
  });
});
