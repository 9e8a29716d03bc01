// The demo's path end to end: the CLI reads acme/tinyos's .github/devreport.yml over the API and collects the sample
// week over GraphQL from the fake GitHub. The expected text is the report a maintainer would start editing.
import { afterAll, beforeAll, expect, test } from "@jest/globals";
import { startFakeGitHub, type FakeGitHub } from "@devreport/fake-github";
import { cli } from "../support/cli.js";
import { SAMPLE } from "../support/datasets.js";
import { loopbackOnly } from "../support/net.js";

loopbackOnly();

let fake: FakeGitHub;
beforeAll(async () => {
  fake = await startFakeGitHub({ data: [SAMPLE] });
});
afterAll(() => fake.close());

test("the sample week: sections, credits without bots, the closed issue on its PR's line, escaped title, exact footer", async () => {
  const result = await cli([
    "draft",
    "--repo",
    "acme/tinyos",
    "--week",
    "2024-W10",
    "--api-url",
    fake.url,
    "--token",
    "demo",
  ]);
  expect(result.code).toBe(0);
  expect(result.stdout).toBe(EXPECTED);
  expect(result.stderr.split("\n").filter(Boolean)).toEqual([
    "devreport: config: acme/tinyos:.github/devreport.yml",
    "devreport: period 2024-W10: 2024-03-04T00:00:00.000Z .. 2024-03-11T00:00:00.000Z (UTC), repositories acme/tinyos, acme/tinyos-ci, acme/rtf, acme/vsock",
    "devreport: search pulls merged 2024-03-04T00:00:00Z..2024-03-10T23:59:59Z: page 1, 15 of 15 (cost 25, 4975 remaining)",
    "devreport: search issues closed 2024-03-04T00:00:00Z..2024-03-10T23:59:59Z: page 1, 4 of 4 (cost 1, 4974 remaining)",
    "devreport: drafted reports/2024-10.md: 15 items in 5 sections, 2 requests, rate-limit cost 26, 4974 remaining",
  ]);
});

test("the same week written with --out, and an unknown repository or a rejected token leave nothing behind", async () => {
  const { mkdtempSync, readFileSync, existsSync } = await import("node:fs");
  const { join } = await import("node:path");
  const { tmpdir } = await import("node:os");
  const dir = mkdtempSync(join(tmpdir(), "devreport-demo-"));
  const out = join(dir, "2024-10.md");
  expect(
    (
      await cli([
        "draft",
        "--repo",
        "acme/tinyos",
        "--week",
        "2024-03-06",
        "--api-url",
        fake.url,
        "--token",
        "demo",
        "--out",
        out,
        "--quiet",
      ])
    ).code,
  ).toBe(0);
  expect(readFileSync(out, "utf8")).toBe(EXPECTED);

  const missing = join(dir, "missing.md");
  expect(
    await cli([
      "draft",
      "--repo",
      "acme/nope",
      "--week",
      "2024-W10",
      "--api-url",
      fake.url,
      "--token",
      "demo",
      "--out",
      missing,
    ]),
  ).toEqual({
    code: 2,
    stdout: "",
    stderr: "devreport: --repo acme/nope: no such repository, or the token cannot see it\n",
  });
  fake.auth.rejectTokens.push("revoked");
  expect(
    await cli([
      "draft",
      "--repo",
      "acme/tinyos",
      "--week",
      "2024-W10",
      "--api-url",
      fake.url,
      "--token",
      "revoked",
      "--out",
      missing,
    ]),
  ).toEqual({
    code: 1,
    stdout: "",
    stderr: "devreport: GitHub rejected the token (401 Bad credentials)\n",
  });
  expect(existsSync(missing)).toBe(false);
});

const EXPECTED = `# Weekly tinyos report for 2024-03-04 to 2024-03-10 (week 10)

This report covers developments in the [tinyos], [tinyos-ci], [rtf] and [vsock] repositories.

## Kernel

- kernel: update to 6.6.20 and 6.1.80 ([#101] [@alice] [@bobk])
- kernel: enable CONFIG_VSOCKETS_DIAG ([#111] [@bobk] [@alice])

## Packages

- pkg/init: fix a race in service startup ([#102] [#95] [@bobk] [@alice] [@carol] [@frankie])
- Update golang Docker tag to v1.22.1 ([#105] [@bobk])
- Fix \`make\` for \\*bold\\* \\[x\\]: http\\://evil.example \\<script\\>alert(1)\\</script\\> @alice ([#108] [@dmitri])
- pkg/sshd: bump openssh to 9.6p1 ([#109] [@alice] [@dmitri])
- Fix a connection leak in the hvsock listener ([vsock#19] [@zoe-q] [@dmitri])

## Projects

- projects/confidential: add an SEV-SNP boot example ([#103] [@carol] [@alice])

## Docs and Testing

- docs: explain the \`build --format\` options ([#104] [@dmitri])
- test: add a vsock smoke test ([#106] [@erin-dev] [@bobk])
- README: fix a typo in the quick start ([#112] [@carol])
- Run nightly kernel builds on arm64 runners ([tinyos-ci#41] [@carol])
- Cache Go modules between jobs ([tinyos-ci#42] [@bobk])
- Add a --retry flag to rtf run ([rtf#27] [@dmitri] [@alice])

## Other changes

- Document the kernel config fragments ([#100] [@alice])

[@alice]: https://github.com/alice
[@bobk]: https://github.com/bobk
[@carol]: https://github.com/carol
[@dmitri]: https://github.com/dmitri
[@erin-dev]: https://github.com/erin-dev
[@frankie]: https://github.com/frankie
[@zoe-q]: https://github.com/zoe-q
[tinyos]: https://github.com/acme/tinyos
[#95]: https://github.com/acme/tinyos/issues/95
[#100]: https://github.com/acme/tinyos/issues/100
[#101]: https://github.com/acme/tinyos/pull/101
[#102]: https://github.com/acme/tinyos/pull/102
[#103]: https://github.com/acme/tinyos/pull/103
[#104]: https://github.com/acme/tinyos/pull/104
[#105]: https://github.com/acme/tinyos/pull/105
[#106]: https://github.com/acme/tinyos/pull/106
[#108]: https://github.com/acme/tinyos/pull/108
[#109]: https://github.com/acme/tinyos/pull/109
[#111]: https://github.com/acme/tinyos/pull/111
[#112]: https://github.com/acme/tinyos/pull/112
[tinyos-ci]: https://github.com/acme/tinyos-ci
[tinyos-ci#41]: https://github.com/acme/tinyos-ci/pull/41
[tinyos-ci#42]: https://github.com/acme/tinyos-ci/pull/42
[rtf]: https://github.com/acme/rtf
[rtf#27]: https://github.com/acme/rtf/pull/27
[vsock]: https://github.com/acme/vsock
[vsock#19]: https://github.com/acme/vsock/pull/19
`;
