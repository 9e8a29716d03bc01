import { describe, expect, test } from "@jest/globals";
import type { GitHubClient } from "../../src/github/client.js";
import { Session } from "../../src/collect/session.js";

/** A client whose answers carry the given rate limits, in this order of arrival. */
function answering(limits: { remaining: number; resetAt: string }[]): GitHubClient {
  let next = 0;
  return {
    graphql: async <T>() => ({ rateLimit: { cost: 1, ...limits[next++] } }) as T,
    request: async () => {
      throw new Error("no REST here");
    },
  };
}

async function account(limits: { remaining: number; resetAt: string }[]) {
  const session = new Session(answering(limits), () => {}, 1);
  for (let i = 0; i < limits.length; i++) {
    await session.send("searchPulls", "query Q { rateLimit { cost } }", {}, { action: "search", subject: "s" });
  }
  return session.stats;
}

const RESET = "2017-07-10T01:00:00Z";
const NEXT = "2017-07-10T02:00:00Z";

describe("remaining rate limit", () => {
  test("the lowest figure of the window, not the last answer's (answers arrive out of order)", async () => {
    const stats = await account([
      { remaining: 4990, resetAt: RESET },
      { remaining: 4980, resetAt: RESET },
      // Sent before the one above, answered after it.
      { remaining: 4985, resetAt: RESET },
    ]);
    expect(stats).toMatchObject({ remaining: 4980, resetAt: RESET, cost: 3 });
  });

  test("a later resetAt starts a new window; a late answer from the old one is ignored", async () => {
    const stats = await account([
      { remaining: 12, resetAt: RESET },
      { remaining: 4999, resetAt: NEXT },
      { remaining: 7, resetAt: RESET },
      { remaining: 4997, resetAt: NEXT },
      { remaining: 4998, resetAt: NEXT },
    ]);
    expect(stats).toMatchObject({ remaining: 4997, resetAt: NEXT, cost: 5 });
  });

  test("null until an answer reports a rate limit", async () => {
    const session = new Session(answering([]), () => {}, 1);
    expect(session.stats).toMatchObject({ remaining: null, resetAt: null });
  });
});
