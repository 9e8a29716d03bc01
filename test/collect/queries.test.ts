import { describe, expect, test } from "@jest/globals";
import { validate } from "@octokit/graphql-schema";
import { DOCUMENTS, PULL_REQUEST_FIELDS, SEARCH_MERGED_PULLS } from "../../src/collect/queries.js";

describe("GraphQL documents", () => {
  test.each(Object.entries(DOCUMENTS))("%s is valid against GitHub's schema", (name, document) => {
    expect(validate(document).map((e) => e.message)).toEqual([]);
    // The operation name is what the nock matchers and GitHub's logs key on.
    expect(document).toMatch(new RegExp(`query ${name}\\(`));
  });

  test("the validator does catch a wrong field", () => {
    // Renamed fragment: graphql-tag (inside validate) warns when one name is defined with two bodies.
    const broken = SEARCH_MERGED_PULLS.replace("mergedAt", "mergedOn").replaceAll("PullRequestFields", "BrokenFields");
    expect(broken).not.toBe(SEARCH_MERGED_PULLS);
    const messages = validate(broken).map((e) => e.message);
    expect(messages).toEqual([expect.stringMatching(/Cannot query field "mergedOn" on type "PullRequest"/)]);
  });

  test("the PR fragment is shared, not copied", () => {
    expect(SEARCH_MERGED_PULLS).toContain(PULL_REQUEST_FIELDS);
    expect(SEARCH_MERGED_PULLS.match(/fragment PullRequestFields/g)).toHaveLength(1);
  });
});
