import { describe, expect, test } from "@jest/globals";
import { updateFooter } from "../../src/report/footer-update.js";
import { mergeDrafts } from "../../src/report/merge.js";
import type { ReferenceStyle } from "../../src/report/references.js";

const style: ReferenceStyle = {
  repositories: ["linuxkit/linuxkit", "linuxkit/linuxkit-ci", "linuxkit/rtf", "linuxkit/virtsock"],
  webUrl: "https://github.com",
};
const gh = "https://github.com/linuxkit";

/** What the app committed last week. */
const base = `# Weekly LinuxKit dev report for 2017-07-03 to 2017-07-09 (week 27)

This report covers weekly developments in the [linuxkit] and [virtsock] repositories.

## Kernel

- Support arm64 in run ([#2100] [@ijc])
- Update kernel to 4.11.9/4.9.36/4.4.76 ([#2167] [@rn])

## Packages

- Add pkg/acpid ([#2154] [@riyazdf] [@rn])
- Update containerd ([#2160] [@justincormack])

## Docs and Testing

- Makefile: Fix bug where network was not disabled ([#2135] [#2134] [@justincormack] [@rn])
- Pass SOCK\\_CLOEXEC to syscall.Socket ([virtsock#35] [@rn])

[@ijc]: https://github.com/ijc
[@justincormack]: https://github.com/justincormack
[@riyazdf]: https://github.com/riyazdf
[@rn]: https://github.com/rn
[linuxkit]: ${gh}/linuxkit
[#2100]: ${gh}/linuxkit/issues/2100
[#2134]: ${gh}/linuxkit/issues/2134
[#2135]: ${gh}/linuxkit/pull/2135
[#2154]: ${gh}/linuxkit/pull/2154
[#2160]: ${gh}/linuxkit/pull/2160
[#2167]: ${gh}/linuxkit/pull/2167
[virtsock]: ${gh}/virtsock
[virtsock#35]: ${gh}/virtsock/pull/35
`;

/**
 * The maintainers' edits: a reworded kernel line, containerd deleted, a prose paragraph with a new reference and
 * their own link, the Makefile fix moved from Docs and Testing to Packages. They did not touch the footer.
 */
const ours = base
  .replace(
    "repositories.\n\n## Kernel",
    "repositories.\n\nThis week [@ndauten] started the Raspberry Pi port ([#2170]); see the [design notes][notes].\n\n## Kernel",
  )
  .replace(
    "- Update kernel to 4.11.9/4.9.36/4.4.76 ([#2167] [@rn])",
    "- Kernels updated to 4.11.9, 4.9.36 and 4.4.76 ([#2167] [@rn])",
  )
  .replace(
    "- Update containerd ([#2160] [@justincormack])",
    "- Makefile: Fix bug where network was not disabled ([#2135] [#2134] [@justincormack] [@rn])",
  )
  .replace(
    "## Docs and Testing\n\n- Makefile: Fix bug where network was not disabled ([#2135] [#2134] [@justincormack] [@rn])\n",
    "## Docs and Testing\n\n",
  )
  .replace(
    `[virtsock#35]: ${gh}/virtsock/pull/35\n`,
    `[virtsock#35]: ${gh}/virtsock/pull/35\n[notes]: https://example.com/rpi-notes\n`,
  );

/** This week's regenerated draft: new PRs in three sections, a new section, rtf now active. Containerd is still there. */
const theirs = `# Weekly LinuxKit dev report for 2017-07-03 to 2017-07-09 (week 27)

This report covers weekly developments in the [linuxkit], [rtf] and [virtsock] repositories.

## Kernel

- Support arm64 in run ([#2100] [@ijc])
- Enable CONFIG\\_VSOCKETS ([#2171] [@rn])
- Update kernel to 4.11.9/4.9.36/4.4.76 ([#2167] [@rn])

## Packages

- Add pkg/acpid ([#2154] [@riyazdf] [@rn])
- Add pkg/rngd ([#2172] [@riyazdf])
- Update containerd ([#2160] [@justincormack])

## Projects

- Add a swarmd project ([rtf#12] [@ijc])

## Docs and Testing

- Makefile: Fix bug where network was not disabled ([#2135] [#2134] [@justincormack] [@rn])
- Pass SOCK\\_CLOEXEC to syscall.Socket ([virtsock#35] [@rn])
- Document arm64 ([#2173] [@ijc])

[@ijc]: https://github.com/ijc
[@justincormack]: https://github.com/justincormack
[@riyazdf]: https://github.com/riyazdf
[@rn]: https://github.com/rn
[linuxkit]: ${gh}/linuxkit
[#2100]: ${gh}/linuxkit/issues/2100
[#2134]: ${gh}/linuxkit/issues/2134
[#2135]: ${gh}/linuxkit/pull/2135
[#2154]: ${gh}/linuxkit/pull/2154
[#2160]: ${gh}/linuxkit/pull/2160
[#2167]: ${gh}/linuxkit/pull/2167
[#2171]: ${gh}/linuxkit/pull/2171
[#2172]: ${gh}/linuxkit/pull/2172
[#2173]: ${gh}/linuxkit/pull/2173
[rtf]: ${gh}/rtf
[rtf#12]: ${gh}/rtf/pull/12
[virtsock]: ${gh}/virtsock
[virtsock#35]: ${gh}/virtsock/pull/35
`;

describe("mergeDrafts", () => {
  test("a re-draft keeps every maintainer edit and adds the new items in their sections", () => {
    const result = mergeDrafts({
      base,
      ours,
      theirs,
      style,
      kindOf: (_repo, number) => (number === 2170 ? "pull" : undefined),
    });
    expect(result.clean).toBe(true);
    const lines = (result as { text: string }).text.split("\n");
    expect(lines).toEqual([
      "# Weekly LinuxKit dev report for 2017-07-03 to 2017-07-09 (week 27)",
      "",
      // The generated intro changed and the maintainers' paragraph after it is kept.
      "This report covers weekly developments in the [linuxkit], [rtf] and [virtsock] repositories.",
      "",
      "This week [@ndauten] started the Raspberry Pi port ([#2170]); see the [design notes][notes].",
      "",
      "## Kernel",
      "",
      "- Support arm64 in run ([#2100] [@ijc])",
      // New item next to a reworded line: touching changes merge.
      "- Enable CONFIG\\_VSOCKETS ([#2171] [@rn])",
      "- Kernels updated to 4.11.9, 4.9.36 and 4.4.76 ([#2167] [@rn])",
      "",
      "## Packages",
      "",
      "- Add pkg/acpid ([#2154] [@riyazdf] [@rn])",
      "- Add pkg/rngd ([#2172] [@riyazdf])",
      // Containerd stays deleted although the draft still has it (unchanged between base and theirs); the moved item stays moved.
      "- Makefile: Fix bug where network was not disabled ([#2135] [#2134] [@justincormack] [@rn])",
      "",
      "## Projects",
      "",
      "- Add a swarmd project ([rtf#12] [@ijc])",
      "",
      "## Docs and Testing",
      "",
      "- Pass SOCK\\_CLOEXEC to syscall.Socket ([virtsock#35] [@rn])",
      "- Document arm64 ([#2173] [@ijc])",
      "",
      // The footer is rebuilt: the new people and numbers get links, containerd's #2160 goes, the editors' own link stays.
      "[@ijc]: https://github.com/ijc",
      "[@justincormack]: https://github.com/justincormack",
      "[@ndauten]: https://github.com/ndauten",
      "[@riyazdf]: https://github.com/riyazdf",
      "[@rn]: https://github.com/rn",
      `[linuxkit]: ${gh}/linuxkit`,
      `[#2100]: ${gh}/linuxkit/issues/2100`,
      `[#2134]: ${gh}/linuxkit/issues/2134`,
      `[#2135]: ${gh}/linuxkit/pull/2135`,
      `[#2154]: ${gh}/linuxkit/pull/2154`,
      `[#2167]: ${gh}/linuxkit/pull/2167`,
      `[#2170]: ${gh}/linuxkit/pull/2170`,
      `[#2171]: ${gh}/linuxkit/pull/2171`,
      `[#2172]: ${gh}/linuxkit/pull/2172`,
      `[#2173]: ${gh}/linuxkit/pull/2173`,
      `[rtf]: ${gh}/rtf`,
      `[rtf#12]: ${gh}/rtf/pull/12`,
      `[virtsock]: ${gh}/virtsock`,
      `[virtsock#35]: ${gh}/virtsock/pull/35`,
      "[notes]: https://example.com/rpi-notes",
      "",
    ]);
  });

  test("a deleted item the new draft still generates unchanged stays deleted", () => {
    const deleted = base.replace("- Update containerd ([#2160] [@justincormack])\n", "");
    const result = mergeDrafts({ base, ours: deleted, theirs: base, style });
    expect(result).toEqual({ clean: true, text: deleted.replace(`[#2160]: ${gh}/linuxkit/pull/2160\n`, "") });
  });

  test("nothing new in the draft gives back the maintainers' text, with the footer brought up to date", () => {
    expect(mergeDrafts({ base, ours, theirs: base, style })).toEqual({ clean: true, text: updateFooter(ours, style) });
    expect(updateFooter(ours, style)).toBe(
      ours
        .replace("[@justincormack]: https://github.com/justincormack\n", "$&[@ndauten]: https://github.com/ndauten\n")
        .replace(`[#2160]: ${gh}/linuxkit/pull/2160\n`, "")
        .replace(`[#2167]: ${gh}/linuxkit/pull/2167\n`, `$&[#2170]: ${gh}/linuxkit/issues/2170\n`),
    );
  });

  test("a line both sides changed is a conflict, reported with the three versions and the new items", () => {
    const edited = base.replace(
      "- Support arm64 in run ([#2100] [@ijc])",
      "- arm64: `linuxkit run` works on arm64 now ([#2100] [@ijc])",
    );
    const regenerated = theirs.replace(
      "- Support arm64 in run ([#2100] [@ijc])",
      "- Support arm64 in run ([#2100] [@ijc] [@rn])",
    );
    expect(mergeDrafts({ base, ours: edited, theirs: regenerated, style })).toEqual({
      clean: false,
      conflicts: [
        {
          line: 7,
          baseLines: ["- Support arm64 in run ([#2100] [@ijc])"],
          oursLines: ["- arm64: `linuxkit run` works on arm64 now ([#2100] [@ijc])"],
          theirsLines: ["- Support arm64 in run ([#2100] [@ijc] [@rn])", "- Enable CONFIG\\_VSOCKETS ([#2171] [@rn])"],
        },
      ],
      newItems: [
        "- Support arm64 in run ([#2100] [@ijc] [@rn])",
        "- Enable CONFIG\\_VSOCKETS ([#2171] [@rn])",
        "- Add pkg/rngd ([#2172] [@riyazdf])",
        "- Add a swarmd project ([rtf#12] [@ijc])",
        "- Document arm64 ([#2173] [@ijc])",
      ],
    });
  });

  test("the same change on both sides is no conflict", () => {
    const fixed = base.replace("Update kernel to", "Update kernels to");
    expect(mergeDrafts({ base, ours: fixed, theirs: fixed, style })).toEqual({ clean: true, text: fixed });
  });

  test("maintainers and the draft inserting at one place keep both, generated lines first", () => {
    const append = (text: string, line: string) => text.replace("\n\n## Packages", `\n${line}\n\n## Packages`);
    const result = mergeDrafts({
      base,
      ours: append(base, "- Hand-written note about the kernel"),
      theirs: append(base, "- Update firmware ([#2180] [@rn])"),
      style,
    });
    expect(result.clean && result.text.split("\n").slice(7, 11)).toEqual([
      "- Update kernel to 4.11.9/4.9.36/4.4.76 ([#2167] [@rn])",
      "- Update firmware ([#2180] [@rn])",
      "- Hand-written note about the kernel",
      "",
    ]);
  });

  test("a deleted section with a new item in it is a conflict", () => {
    const withoutDocs = base.replace(/## Docs and Testing\n\n(?:- .*\n)+\n/, "");
    const result = mergeDrafts({ base, ours: withoutDocs, theirs, style });
    expect(result.clean).toBe(false);
  });
});
