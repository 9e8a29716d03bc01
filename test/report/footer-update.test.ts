import { describe, expect, test } from "@jest/globals";
import { validate } from "@octokit/graphql-schema";
import nock from "nock";
import { kindsQuery, lookupKinds, unknownNumbers, updateFooter } from "../../src/report/footer-update.js";
import type { ReferenceStyle } from "../../src/report/references.js";
import { testClient } from "../support/github.js";
import { offline } from "../support/net.js";

const style: ReferenceStyle = { repositories: ["linuxkit/linuxkit", "linuxkit/virtsock", "moby/moby"] };
const gh = "https://github.com/linuxkit";
const client = () => testClient();

describe("updateFooter", () => {
  const text = `# Report

- Fix vsock ([#2167] [@rn])
- Socket flags ([virtsock#35] [@rn])

See [the notes][notes] and [linuxkit].

[@rn]: https://github.com/rn
[@gone]: https://github.com/gone
[linuxkit]: ${gh}/linuxkit
[#2167]: ${gh}/linuxkit/pull/2167
[#9]: ${gh}/linuxkit/issues/9
[virtsock#35]: ${gh}/virtsock/issues/35
[notes]: https://example.com/notes
[unused]: https://example.com/unused
`;

  test("new references get definitions, unused ones go, known links keep their PR/issue kind", () => {
    const edited = text.replace("- Socket flags", "- Raspberry Pi port ([#2170] [@ndauten] [moby/moby#1])\n- Socket flags");
    expect(updateFooter(edited, style, (_repo, number) => (number === 2170 ? "pull" : undefined))).toBe(`# Report

- Fix vsock ([#2167] [@rn])
- Raspberry Pi port ([#2170] [@ndauten] [moby/moby#1])
- Socket flags ([virtsock#35] [@rn])

See [the notes][notes] and [linuxkit].

[@ndauten]: https://github.com/ndauten
[@rn]: https://github.com/rn
[linuxkit]: ${gh}/linuxkit
[#2167]: ${gh}/linuxkit/pull/2167
[#2170]: ${gh}/linuxkit/pull/2170
[virtsock#35]: ${gh}/virtsock/issues/35
[moby/moby#1]: https://github.com/moby/moby/issues/1
[notes]: https://example.com/notes
`);
  });

  test("kindOf overrides the old link; a footer already right is left as it is", () => {
    const fixed = updateFooter(text, style, (repo, number) => (repo === "linuxkit/virtsock" && number === 35 ? "pull" : undefined));
    expect(fixed).toContain(`[virtsock#35]: ${gh}/virtsock/pull/35\n`);
    expect(updateFooter(fixed, style)).toBe(fixed);
  });

  test("a text without references ends with one newline and no footer", () => {
    expect(updateFooter("# Quiet week\n\nNothing happened.\n\n[#1]: x\n\n", style)).toBe("# Quiet week\n\nNothing happened.\n");
  });

  test("a definition written inside the body is not repeated in the footer", () => {
    expect(updateFooter(`Fix ([#1])\n\n[#1]: ${gh}/linuxkit/pull/1\n\nMore text.\n`, style)).toBe(`Fix ([#1])\n\n[#1]: ${gh}/linuxkit/pull/1\n\nMore text.\n`);
  });

  test("unknownNumbers lists what neither the caller nor the footer can tell", () => {
    const edited = text.replace("- Socket flags", "- Port ([#2170] [virtsock#36])\n- Socket flags");
    expect(unknownNumbers(edited, style)).toEqual([
      { type: "number", repo: "linuxkit/linuxkit", number: 2170 },
      { type: "number", repo: "linuxkit/virtsock", number: 36 },
    ]);
    expect(unknownNumbers(edited, style, (_r, n) => (n === 36 ? "issue" : undefined))).toEqual([{ type: "number", repo: "linuxkit/linuxkit", number: 2170 }]);
  });
});

describe("lookupKinds", () => {
  const refs = [
    { repo: "linuxkit/linuxkit", number: 2170 },
    { repo: "linuxkit/linuxkit", number: 2171 },
    { repo: "linuxkit/virtsock", number: 36 },
  ];

  offline();

  test("the aliased query is valid against GitHub's schema", () => {
    const { query } = kindsQuery(refs);
    expect(query).toBe(`query ReferenceKinds {
  r0: repository(owner: "linuxkit", name: "linuxkit") {
    n0: issueOrPullRequest(number: 2170) { __typename }
    n1: issueOrPullRequest(number: 2171) { __typename }
  }
  r1: repository(owner: "linuxkit", name: "virtsock") {
    n0: issueOrPullRequest(number: 36) { __typename }
  }
}`);
    expect(validate(query)).toEqual([]);
  });

  test("one request answers every number; numbers GitHub does not know are left out", async () => {
    const scope = nock("https://api.github.com")
      .post("/graphql", { query: kindsQuery(refs).query })
      .reply(200, {
        data: { r0: { n0: { __typename: "PullRequest" }, n1: null }, r1: { n0: { __typename: "Issue" } } },
        errors: [{ type: "NOT_FOUND", path: ["r0", "n1"], message: "Could not resolve to an issue or pull request with the number of 2171." }],
      });
    const github = client();
    const kinds = await lookupKinds(github, refs);
    expect([...kinds]).toEqual([
      ["linuxkit/linuxkit#2170", "pull"],
      ["linuxkit/virtsock#36", "issue"],
    ]);
    expect(scope.isDone()).toBe(true);
  });

  test("no numbers, no request", async () => {
    const github = client();
    expect((await lookupKinds(github, [])).size).toBe(0);
  });

  test("a failed request names the references", async () => {
    nock("https://api.github.com").post("/graphql").reply(502, "bad gateway");
    const github = client();
    await expect(lookupKinds(github, refs)).rejects.toThrow(
      /^references: asking GitHub whether linuxkit\/linuxkit#2170, linuxkit\/linuxkit#2171, linuxkit\/virtsock#36 are PRs or issues failed/,
    );
  });
});
