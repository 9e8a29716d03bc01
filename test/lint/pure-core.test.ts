// The pure-core rule of eslint.config.js fires: the core may not import the GitHub edge, Octokit, Probot or Node's
// I/O, while the edges may. Linted through ESLint's API with the project's own config, as `npm run lint` does.
import { describe, expect, test } from "@jest/globals";
import { ESLint } from "eslint";

const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

const CORE_FILES = [
  "src/report/render.ts",
  "src/report/new-file.ts",
  "src/config/schema.ts",
  "src/config/presets/linuxkit.ts",
  "src/period.ts",
  "src/model.ts",
];

describe("the pure core cannot import the edges", () => {
  test.each(CORE_FILES)("%s: importing the GitHub edge is an error naming the rule", async (file) => {
    const depth = file.split("/").length - 2;
    const up = depth === 0 ? "./" : "../".repeat(depth);
    const messages = await restrictedImports(
      file,
      `import { statusOf } from "${up}github/client.js";\nexport const x = statusOf;\n`,
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(
      /github\/client\.js' import is restricted from being used by a pattern\. the pure core \(src\/report, src\/config, period\.ts, model\.ts\) does no I\/O/,
    );
  });

  test.each([
    ['import { collectActivity } from "../collect/index.js";', "../collect/index.js"],
    ['import { publishDraft } from "../publish/index.js";', "../publish/index.js"],
    ['import type { Context } from "probot";', "probot"],
    ['import { Octokit } from "@octokit/rest";', "@octokit/rest"],
    ['import { readFileSync } from "node:fs";', "node:fs"],
    ['import { createServer } from "node:http";', "node:http"],
    ['import { connect } from "node:net";', "node:net"],
    ['import * as fs from "fs";', "fs"],
  ])("src/report: %s is refused", async (line, name) => {
    const messages = await restrictedImports("src/report/compose.ts", `${line}\nexport {};\n`);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(`'${name}' import is restricted`);
  });

  test("the core may import the core and pure libraries", async () => {
    const code =
      'import type { Report } from "../model.js";\nimport { parsePeriod } from "../period.js";\nimport Mustache from "mustache";\nimport { format } from "date-fns";\nexport type R = Report;\nexport const p = [parsePeriod, Mustache, format];\n';
    expect(await restrictedImports("src/report/render.ts", code)).toEqual([]);
  });

  test("the edges may import GitHub and the file system", async () => {
    const code =
      'import { readFileSync } from "node:fs";\nimport type { GitHubClient } from "../github/client.js";\nexport type C = GitHubClient;\nexport const r = readFileSync;\n';
    expect(await restrictedImports("src/publish/git.ts", code)).toEqual([]);
    expect(await restrictedImports("src/collect/index.ts", code)).toEqual([]);
  });
});
