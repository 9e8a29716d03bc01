// The schedule without Redis: one server, its ticks driven by hand on a fixed clock, against the fake GitHub with
// repositories that asked for the schedule, one that turned it off and one without a config.
import { afterAll, beforeAll, expect, test } from "@jest/globals";
import nock from "nock";
import type { Probot } from "probot";
import type { FakeGitHub } from "@devreport/fake-github";
import { startSchedule, type ScheduleHandle } from "../../src/schedule/start.js";
import { appIdentity } from "../../src/triggers/identity.js";
import { probotFor, reportPulls, scheduleFake, until } from "./helpers.js";

nock.disableNetConnect();
nock.enableNetConnect(/^127\.0\.0\.1(:\d+)?$/);

let fake: FakeGitHub;
let probot: Probot;
let handle: ScheduleHandle;
let clock = new Date("2024-04-01T05:59:00Z");

beforeAll(async () => {
  fake = await scheduleFake();
  // A repository whose config reports into acme/tinyos: the same report as tinyos' own, so the same job.
  fake.store.ensureRepo("acme/tinyos-docs", "main");
  fake.store.commitFiles(
    "acme/tinyos-docs",
    "main",
    { ".github/devreport.yml": "repositories: [acme/tinyos, acme/tinyos-docs]\n" },
    "devreport",
    null,
  );
  probot = await probotFor(fake);
  // No timer: the ticks below are called by hand, every quarter hour's window as in production.
  handle = (await startSchedule(probot, {}, appIdentity(probot), {
    tick: "*/15 * * * *",
    timer: false,
    now: () => clock,
  }))!;
});

afterAll(async () => {
  await handle?.stop();
  await fake?.close();
});

test("nothing starts unless asked: no DEVREPORT_SCHEDULE, no DEVREPORT_CRON", async () => {
  expect(await startSchedule(probot, {}, appIdentity(probot))).toBeUndefined();
  expect(
    await startSchedule(probot, { DEVREPORT_SCHEDULE: "off", DEVREPORT_CRON: "* * * * *" }, appIdentity(probot)),
  ).toBeUndefined();
  expect(() => startSchedule(probot, { DEVREPORT_CRON: "every minute" }, appIdentity(probot))).toThrow(
    'DEVREPORT_CRON: "every minute" is not a cron expression (2 fields); use five fields, or six with seconds first',
  );
  expect(handle.mode).toBe("in-process");
});

test("at the due time, exactly one PR per report that was asked for; none for schedule: false or no config", async () => {
  // The first tick (05:59) finds nothing due; it only sets where the next window starts.
  expect(await handle.tickNow()).toEqual([]);
  clock = new Date("2024-04-01T06:00:30Z");
  const jobs = await handle.tickNow();
  expect(jobs.map((job) => job.id).sort()).toEqual(["draft/acme/rtf/2024-03", "draft/acme/tinyos/2024-W13"]);
  expect(jobs.find((job) => job.repo === "acme/tinyos")).toMatchObject({
    installationId: 1,
    due: "2024-04-01T06:00:00.000Z",
    webUrl: "https://github.com",
  });
  await until("both drafts", () => Object.keys(reportPulls(fake)).length === 2);
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(reportPulls(fake)).toEqual({ "acme/rtf": ["devreport/2024-03"], "acme/tinyos": ["devreport/2024-W13"] });
});

test("New York's Monday 06:00 comes four hours later; a tick again in the same window adds nothing", async () => {
  clock = new Date("2024-04-01T09:59:00Z");
  expect(await handle.tickNow()).toEqual([]);
  clock = new Date("2024-04-01T10:00:10Z");
  expect((await handle.tickNow()).map((job) => job.id)).toEqual(["draft/beta/gadget/2024-W13"]);
  expect(await handle.tickNow()).toEqual([]);
  await handle.stop();
  expect(reportPulls(fake)).toEqual({
    "acme/rtf": ["devreport/2024-03"],
    "acme/tinyos": ["devreport/2024-W13"],
    "beta/gadget": ["devreport/2024-W13"],
  });
});
