// Bench scenario (d), LinuxKit's March 2018 in the monthly format: the requests it sends, against its lower bound.
import { afterAll, beforeAll, expect, test } from "@jest/globals";
import { fileURLToPath } from "node:url";
import { startFakeGitHub, type FakeGitHub } from "@devreport/fake-github";
import { searchScopes, periodWindow } from "../../src/collect/search.js";
import { activityBound, lowerBound, windowContents } from "../../tools/bench/bounds.js";
import { countRequests } from "../../tools/bench/run.js";
import { draftScenario, monthlyScenario } from "../../tools/bench/scenarios.js";
import { describeWithLinuxKit, LINUXKIT_DATA } from "../support/datasets.js";
import { loopbackOnly } from "../support/net.js";

loopbackOnly();

const MONTHLY_OVERLAY = fileURLToPath(new URL("../fixtures/linuxkit-monthly", import.meta.url));

describeWithLinuxKit("bench (d): LinuxKit 2018-03, monthly format", () => {
  const scenario = monthlyScenario(LINUXKIT_DATA, MONTHLY_OVERLAY);
  let fake: FakeGitHub;
  beforeAll(async () => {
    fake = await startFakeGitHub({ data: scenario.data });
  });
  afterAll(() => fake?.close());

  test("each search once per scope, the activity searches within their bound", async () => {
    const run = await draftScenario(scenario, fake.url);
    expect(run.code).toBe(0);
    const requests = countRequests(fake.requests);
    const scopes = searchScopes(scenario.repositories, periodWindow(scenario.period)).length;
    expect(scopes).toBe(2);
    expect(requests).toEqual({
      searchPulls: 2,
      searchIssues: 2,
      searchActivity: 4,
      filePages: 2,
      rest: 2,
      failed: 0,
      total: 12,
    });
    const bound = lowerBound(windowContents(fake.store, scenario.repositories, scenario.period));
    expect(bound).toEqual({ searchPulls: 1, searchIssues: 1, filePages: 10, total: 12 });
    expect(activityBound(fake.store, scenario.repositories, scenario.period)).toEqual({
      created: 1,
      updated: 1,
      total: 2,
    });
    expect(requests.searchActivity!).toBeLessThanOrEqual(2 * scopes);
  });
});
