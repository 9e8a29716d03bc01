// The footer rebuilt from plain text and a kind lookup: no GitHub here (test/publish/reference-kinds.test.ts asks it).
import { describe, expect, test } from "@jest/globals";
import { unknownNumbers, updateFooter } from "../../src/report/footer-update.js";
import type { ReferenceStyle } from "../../src/report/references.js";

const style: ReferenceStyle = {
  repositories: ["linuxkit/linuxkit", "linuxkit/virtsock", "moby/moby"],
  webUrl: "https://github.com",
};
const gh = "https://github.com/linuxkit";

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

  test("new references get definitions, unused ones devreport wrote go, known links keep their PR/issue kind, the editors' own stay", () => {
    const edited = text.replace(
      "- Socket flags",
      "- Raspberry Pi port ([#2170] [@ndauten] [moby/moby#1])\n- Socket flags",
    );
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
[unused]: https://example.com/unused
`);
  });

  test("kindOf overrides the old link; a footer already right is left as it is", () => {
    const fixed = updateFooter(text, style, (repo, number) =>
      repo === "linuxkit/virtsock" && number === 35 ? "pull" : undefined,
    );
    expect(fixed).toContain(`[virtsock#35]: ${gh}/virtsock/pull/35\n`);
    expect(updateFooter(fixed, style)).toBe(fixed);
  });

  test("a text without references ends with one newline and no footer; a definition someone wrote stays", () => {
    expect(updateFooter(`# Quiet week\n\nNothing happened.\n\n[#1]: ${gh}/linuxkit/issues/1\n\n`, style)).toBe(
      "# Quiet week\n\nNothing happened.\n",
    );
    expect(updateFooter("# Quiet week\n\nNothing happened.\n\n[#1]: x\n\n", style)).toBe(
      "# Quiet week\n\nNothing happened.\n\n[#1]: x\n",
    );
  });

  test("a definition a maintainer corrected is theirs: kept in its place, never reverted, even once unused", () => {
    const corrected = text
      .replace("[@rn]: https://github.com/rn\n", "[@rn]: https://github.com/rneugeba\n")
      .replace(`[#2167]: ${gh}/linuxkit/pull/2167\n`, "[#2167]: https://example.com/kernel-notes\n");
    const once = updateFooter(corrected, style);
    expect(once).toContain("\n[@rn]: https://github.com/rneugeba\n[linuxkit]: ");
    expect(once).toContain("\n[#2167]: https://example.com/kernel-notes\n");
    expect(updateFooter(once, style)).toBe(once);
    const withoutItem = once.replace("- Fix vsock ([#2167] [@rn])\n", "");
    expect(updateFooter(withoutItem, style)).toContain("\n[#2167]: https://example.com/kernel-notes\n");
  });

  test("on GitHub Enterprise Server every link devreport writes points at the configured host, old github.com ones included", () => {
    const ghes = { ...style, webUrl: "https://ghe.example.com" };
    const updated = updateFooter(
      text.replace("[notes]: https://example.com/notes", "[notes]: https://github.com/linuxkit/linuxkit/wiki"),
      ghes,
    );
    expect(updated).toContain(
      "[@rn]: https://ghe.example.com/rn\n[linuxkit]: https://ghe.example.com/linuxkit/linuxkit\n",
    );
    expect(updated).toContain("[#2167]: https://ghe.example.com/linuxkit/linuxkit/pull/2167\n");
    expect(updated).toContain("[virtsock#35]: https://ghe.example.com/linuxkit/virtsock/issues/35\n");
    // A link the editors wrote stays where they pointed it.
    expect(updated).toContain("[notes]: https://github.com/linuxkit/linuxkit/wiki\n");
    const links = [...updated.matchAll(/^\[[^\]]+\]: (\S+)$/gm)].map((m) => m[1]!);
    expect(links.filter((url) => !url.startsWith("https://ghe.example.com/"))).toEqual([
      "https://github.com/linuxkit/linuxkit/wiki",
      "https://example.com/unused",
    ]);
  });

  test("a definition written inside the body is not repeated in the footer", () => {
    expect(updateFooter(`Fix ([#1])\n\n[#1]: ${gh}/linuxkit/pull/1\n\nMore text.\n`, style)).toBe(
      `Fix ([#1])\n\n[#1]: ${gh}/linuxkit/pull/1\n\nMore text.\n`,
    );
  });

  test("unknownNumbers lists what neither the caller nor the footer can tell", () => {
    const edited = text.replace("- Socket flags", "- Port ([#2170] [virtsock#36])\n- Socket flags");
    expect(unknownNumbers(edited, style)).toEqual([
      { type: "number", repo: "linuxkit/linuxkit", number: 2170 },
      { type: "number", repo: "linuxkit/virtsock", number: 36 },
    ]);
    expect(unknownNumbers(edited, style, (_r, n) => (n === 36 ? "issue" : undefined))).toEqual([
      { type: "number", repo: "linuxkit/linuxkit", number: 2170 },
    ]);
  });
});
