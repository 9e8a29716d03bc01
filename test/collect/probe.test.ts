// The probed search documents (src/collect/probe.ts): valid against GitHub's schema for every kind, page size and
// scope size collect can send, with one count per qualifier and none in the grouped form.
import { describe, expect, test } from "@jest/globals";
import { validate } from "@octokit/graphql-schema";
import { probedDocument, probeVariables } from "../../src/collect/probe.js";
import { TIMEOUT_PAGE_SIZES } from "../../src/collect/timeouts.js";
import { MAX_SCOPE_QUALIFIERS, periodWindow } from "../../src/collect/search.js";
import { WEEK_27 } from "./helpers.js";

const KINDS = ["pulls", "issues", "created", "updated"] as const;
const PARTS = Array.from({ length: MAX_SCOPE_QUALIFIERS - 1 }, (_, i) => i + 2);

describe("probed search documents", () => {
  test.each(KINDS)("%s: valid against GitHub's schema at every page size and scope size", (kind) => {
    for (const size of TIMEOUT_PAGE_SIZES) {
      for (const parts of PARTS) {
        const document = probedDocument(kind, size, parts);
        expect(validate(document).map((e) => e.message)).toEqual([]);
        expect(document.match(/probePart\d+: search\(query: \$probePart\d+, type: ISSUE, first: 1\)/g)).toHaveLength(
          parts,
        );
        expect(document).toContain("probeSpaced: search(query: $probeSpaced, type: ISSUE, first: 1)");
        expect(document).toContain(`first: ${size}, after: $cursor)`);
      }
    }
  });

  test("one qualifier, or more than a scope holds, is refused", () => {
    expect(() => probedDocument("pulls", 100, 1)).toThrow("a probed search takes a scope of 2 to 6 qualifiers, not 1");
    expect(() => probedDocument("pulls", 100, 7)).toThrow("a probed search takes a scope of 2 to 6 qualifiers, not 7");
  });

  test("the variables: the spaced form and each qualifier alone, never parentheses", () => {
    const window = periodWindow(WEEK_27);
    const rest = "is:pr is:merged merged:2017-07-03T00:00:00Z..2017-07-09T23:59:59Z";
    expect(probeVariables(["repo:o/a", "org:x", "repo:o/b"], "pulls", window)).toEqual({
      probeSpaced: `repo:o/a org:x repo:o/b ${rest}`,
      probePart0: `repo:o/a ${rest}`,
      probePart1: `org:x ${rest}`,
      probePart2: `repo:o/b ${rest}`,
    });
  });
});
