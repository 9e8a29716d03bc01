// The runner's protocol as src/triggers/action-io.ts speaks it (GitHub Docs, "Metadata syntax for GitHub Actions"
// and "Workflow commands for GitHub Actions").
import { describe, expect, test } from "@jest/globals";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  booleanInput,
  errorCommand,
  input,
  inputVariable,
  outputLines,
  verbatim,
  writeOutputs,
} from "../../src/triggers/action-io.js";
import { permissionFor } from "../../src/triggers/action-errors.js";

describe("inputs", () => {
  test("INPUT_ + the name upper-cased, spaces as _, hyphens kept", () => {
    expect(inputVariable("dry-run")).toBe("INPUT_DRY-RUN");
    expect(inputVariable("app-slug")).toBe("INPUT_APP-SLUG");
    expect(inputVariable("my input")).toBe("INPUT_MY_INPUT");
  });

  test("values are trimmed; empty is unset; booleans are YAML 1.2 core ones", () => {
    expect(input({ INPUT_PERIOD: "  2024-W10 \n" }, "period")).toBe("2024-W10");
    expect(input({ INPUT_PERIOD: "  " }, "period")).toBeUndefined();
    expect(booleanInput({ "INPUT_DRY-RUN": "True" }, "dry-run", false)).toBe(true);
    expect(booleanInput({ "INPUT_DRY-RUN": "FALSE" }, "dry-run", true)).toBe(false);
    expect(booleanInput({}, "dry-run", false)).toBe(false);
    expect(() => booleanInput({ "INPUT_DRY-RUN": "1" }, "dry-run", false)).toThrow(
      'input dry-run: "1" is not a boolean (true or false)',
    );
  });
});

describe("outputs and messages", () => {
  test("one-line values as name=value, multi-line ones in the delimiter form; appended to GITHUB_OUTPUT", () => {
    const text = outputLines({ status: "created", body: "line 1\nline 2" });
    expect(text).toMatch(/^status=created\nbody<<(ghadelimiter_[0-9a-f-]+)\nline 1\nline 2\n\1\n$/);
    const file = join(mkdtempSync(join(tmpdir(), "devreport-io-")), "output");
    expect(writeOutputs({ GITHUB_OUTPUT: file }, { path: "reports/2024-10.md" })).toBe(true);
    expect(writeOutputs({ GITHUB_OUTPUT: file }, { status: "unchanged" })).toBe(true);
    expect(readFileSync(file, "utf8")).toBe("path=reports/2024-10.md\nstatus=unchanged\n");
    expect(writeOutputs({}, { status: "x" })).toBe(false);
  });

  test("::error:: escapes %, CR and LF; verbatim text is fenced by ::stop-commands::", () => {
    expect(errorCommand("100% wrong\r\nsecond")).toBe("::error::100%25 wrong%0D%0Asecond\n");
    const fenced = verbatim("::error::not a command\n");
    const token = /^::stop-commands::(\w+)\n/.exec(fenced)![1];
    expect(fenced).toBe(`::stop-commands::${token}\n::error::not a command\n::${token}::\n`);
  });

  test("a refused write names the permission its endpoint needs, on github.com and GitHub Enterprise Server", () => {
    expect(permissionFor("/repos/acme/tinyos/git/refs")).toBe("contents: write");
    expect(permissionFor("/repos/acme/tinyos/git/blobs")).toBe("contents: write");
    expect(permissionFor("/repos/acme/tinyos/pulls")).toBe("pull-requests: write");
    expect(permissionFor("/api/v3/repos/acme/tinyos/issues/7/comments")).toBe("pull-requests: write");
  });
});
