// The command's own surface: help, version, the period flag and its old name, the token variables, and the warning
// an empty report of a period still under way gets. Exact stdout, stderr and exit codes.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import nock from "nock";
import { startFakeGitHub, type FakeGitHub } from "@devreport/fake-github";
import { runCli } from "../../src/cli/run.js";
import { cli } from "../support/cli.js";

const PACKAGE = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
const SAMPLE = fileURLToPath(new URL("../../sample", import.meta.url));

const HELP = `Usage: devreport [options] [command]

Draft a project's periodic development report from GitHub activity.

Options:
  -V, --version    print the version
  -h, --help       print this help

Commands:
  draft [options]  draft the report for one period and print it
  help [command]   display help for command

Run "devreport draft --help" for the draft command's options.
`;

beforeAll(() => nock.disableNetConnect());

describe("help and version, on stdout with exit 0", () => {
  test('no arguments prints the help (it used to print "devreport: (outputHelp)" and exit 2)', async () => {
    expect(await cli([])).toEqual({ code: 0, stdout: HELP, stderr: "" });
    expect(await cli(["--help"])).toEqual({ code: 0, stdout: HELP, stderr: "" });
  });

  test("--version and -V print package.json's version", async () => {
    expect(await cli(["--version"])).toEqual({ code: 0, stdout: `${PACKAGE.version}\n`, stderr: "" });
    expect(await cli(["-V"])).toEqual({ code: 0, stdout: `${PACKAGE.version}\n`, stderr: "" });
  });

  test("draft --help names --period, its alias, the period forms and both token variables", async () => {
    const { code, stdout, stderr } = await cli(["draft", "--help"]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    expect(stdout).toMatch(/^Usage: devreport draft \[options\]\n/);
    expect(stdout).toContain(
      '  -p, --period <period>    the week, month or range of days to report on: "2017-W27" (ISO week),\n',
    );
    expect(stdout).toContain("(alias: -w, --week)");
    expect(stdout).toContain("  -t, --token <token>      GitHub token (default: $GH_TOKEN, else $GITHUB_TOKEN)\n");
    expect(stdout).toContain("  devreport draft --repo linuxkit/linuxkit --period last\n");
  });

  test("an unknown command is a usage error", async () => {
    expect(await cli(["frobnicate"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "devreport: unknown command 'frobnicate'\n",
    });
  });
});

describe("on the sample (fake GitHub)", () => {
  let fake: FakeGitHub;
  beforeAll(async () => {
    nock.enableNetConnect("127.0.0.1");
    fake = await startFakeGitHub({ data: [SAMPLE] });
    fake.auth.rejectTokens.push("revoked");
  });
  afterAll(() => fake.close());
  const args = (...more: string[]) => ["draft", "--repo", "acme/tinyos", "--api-url", fake.url, "--quiet", ...more];

  test("--period, -p, --week and -w are the same flag", async () => {
    const byPeriod = await cli(args("--period", "2024-W10"), { GITHUB_TOKEN: "demo" });
    expect(byPeriod.code).toBe(0);
    expect(byPeriod.stdout).toMatch(/^# Weekly tinyos report for 2024-03-04 to 2024-03-10 \(week 10\)\n/);
    for (const flag of ["-p", "--week", "-w"])
      expect(await cli(args(flag, "2024-W10"), { GITHUB_TOKEN: "demo" })).toEqual(byPeriod);
  });

  test("GH_TOKEN is read before GITHUB_TOKEN, and --token before both", async () => {
    const rejected = { code: 1, stdout: "", stderr: "devreport: GitHub rejected the token (401 Bad credentials)\n" };
    expect(await cli(args("--period", "2024-W10"), { GH_TOKEN: "revoked", GITHUB_TOKEN: "demo" })).toEqual(rejected);
    expect(await cli(args("--period", "2024-W10"), { GH_TOKEN: "", GITHUB_TOKEN: "revoked" })).toEqual(rejected);
    expect((await cli(args("--period", "2024-W10"), { GH_TOKEN: "demo", GITHUB_TOKEN: "revoked" })).code).toBe(0);
    expect((await cli(args("--period", "2024-W10", "--token", "demo"), { GH_TOKEN: "revoked" })).code).toBe(0);
  });

  test("an empty report of a period not over yet says so on stderr, even with --quiet; a past empty week does not", async () => {
    const run = async (period: string) => {
      let stdout = "";
      let stderr = "";
      const io = {
        stdout: (t: string) => (stdout += t),
        stderr: (t: string) => (stderr += t),
        env: { GH_TOKEN: "demo" },
        now: new Date("2030-12-31T12:00:00Z"),
      };
      const code = await runCli(args("--period", period), io);
      return { code, stdout, stderr };
    };
    const ongoing = await run("2031-W01");
    expect(ongoing.code).toBe(0);
    expect(ongoing.stdout).toContain("\nNothing was merged or closed in this period.\n");
    expect(ongoing.stderr).toBe("devreport: warning: 2031-W01 has not ended yet: the report is empty so far\n");
    expect((await run("2031-02")).stderr).toBe(
      "devreport: warning: 2031-02 has not started yet: the report is empty\n",
    );
    expect((await run("2031-01-05..2031-01-10")).stderr).toBe(
      "devreport: warning: 2031-01-05..2031-01-10 has not started yet: the report is empty\n",
    );
    expect(await run("2030-W01")).toMatchObject({ code: 0, stderr: "" });
  });
});
