// The due-time logic on plain values: default schedules, cron expressions in time zones, DST, `schedule: false`,
// the tick window and the job id. No timers, no I/O.
import { describe, expect, test } from "@jest/globals";
import { resolveConfig } from "../../src/config/index.js";
import { cronProblem } from "../../src/config/cron.js";
import { draftJobId, dueDraft, latestDue, scheduleOf, tickWindow } from "../../src/schedule/due.js";

const at = (iso: string) => new Date(iso);
const window = (since: string, now: string) => ({ since: at(since), now: at(now) });
const config = (raw: Record<string, unknown>) => resolveConfig(raw, { source: "test.yml", self: "acme/tinyos" });
const iso = (date: Date | undefined) => date?.toISOString();

describe("default schedules", () => {
  test("weeks: Mondays 06:00 in the time zone, drafting the week that just ended", () => {
    const weekly = config({});
    expect(scheduleOf(weekly)).toBe("0 6 * * 1");
    const due = dueDraft(weekly, window("2024-04-01T05:45:00Z", "2024-04-01T06:00:00Z"));
    expect(iso(due?.due)).toBe("2024-04-01T06:00:00.000Z");
    expect(due?.period.id).toBe("2024-W13");
    // Every other quarter hour of the week: nothing.
    expect(dueDraft(weekly, window("2024-04-01T06:00:00Z", "2024-04-01T06:15:00Z"))).toBeUndefined();
    expect(dueDraft(weekly, window("2024-04-02T05:45:00Z", "2024-04-02T06:00:00Z"))).toBeUndefined();
  });

  test("months: the 1st at 06:00, drafting the month that just ended", () => {
    const monthly = config({ period: "month" });
    expect(scheduleOf(monthly)).toBe("0 6 1 * *");
    expect(dueDraft(monthly, window("2024-04-01T05:45:00Z", "2024-04-01T06:00:00Z"))?.period.id).toBe("2024-03");
    expect(dueDraft(monthly, window("2024-04-08T05:45:00Z", "2024-04-08T06:00:00Z"))).toBeUndefined();
  });

  test("schedule: false is never due", () => {
    const off = config({ schedule: false });
    expect(scheduleOf(off)).toBeUndefined();
    expect(dueDraft(off, window("2024-03-01T00:00:00Z", "2024-04-30T00:00:00Z"))).toBeUndefined();
  });
});

describe("cron expressions in the configured time zone", () => {
  test("New York's Monday 06:00 is 10:00 UTC in summer time and 11:00 UTC in winter", () => {
    const ny = config({ timeZone: "America/New_York" });
    expect(dueDraft(ny, window("2024-04-01T05:45:00Z", "2024-04-01T06:00:00Z"))).toBeUndefined();
    expect(iso(dueDraft(ny, window("2024-04-01T09:45:00Z", "2024-04-01T10:00:00Z"))?.due)).toBe(
      "2024-04-01T10:00:00.000Z",
    );
    expect(iso(dueDraft(ny, window("2024-01-08T10:45:00Z", "2024-01-08T11:00:00Z"))?.due)).toBe(
      "2024-01-08T11:00:00.000Z",
    );
  });

  test("Auckland's Monday 06:00 is Sunday in UTC, and 'last' is Auckland's last week", () => {
    const nz = config({ timeZone: "Pacific/Auckland" });
    const due = dueDraft(nz, window("2024-03-31T16:45:00Z", "2024-03-31T17:00:00Z"));
    expect(iso(due?.due)).toBe("2024-03-31T17:00:00.000Z");
    expect(due?.period.id).toBe("2024-W13");
    expect(due?.period.start).toBe("2024-03-24T11:00:00.000Z");
  });

  test("a custom schedule: Fridays 17:30", () => {
    const friday = config({ schedule: "30 17 * * 5" });
    expect(scheduleOf(friday)).toBe("30 17 * * 5");
    const due = dueDraft(friday, window("2024-03-08T17:15:00Z", "2024-03-08T17:30:00Z"));
    // Friday's 'last' week is the one before, not the one still running.
    expect(due?.period.id).toBe("2024-W09");
  });

  test("a window holding several due times gives the latest", () => {
    expect(iso(latestDue("* * * * *", "UTC", window("2024-04-01T06:00:00Z", "2024-04-01T06:04:30Z")))).toBe(
      "2024-04-01T06:04:00.000Z",
    );
  });

  test("the window is (since, now]: a due time exactly at `now` counts, one exactly at `since` does not", () => {
    expect(iso(latestDue("0 6 * * *", "UTC", window("2024-04-01T05:00:00Z", "2024-04-01T06:00:00Z")))).toBe(
      "2024-04-01T06:00:00.000Z",
    );
    expect(latestDue("0 6 * * *", "UTC", window("2024-04-01T06:00:00Z", "2024-04-01T07:00:00Z"))).toBeUndefined();
    expect(latestDue("0 6 * * *", "UTC", window("2024-04-01T07:00:00Z", "2024-04-01T06:00:00Z"))).toBeUndefined();
  });
});

describe("daylight saving time (Europe/Berlin)", () => {
  test("a time the clocks skip runs at the first valid time after the gap, not a day later", () => {
    // 2024-03-31: 02:00 CET jumps to 03:00 CEST; 02:30 does not exist that Sunday.
    const sunday = config({ timeZone: "Europe/Berlin", schedule: "30 2 * * 0" });
    const due = dueDraft(sunday, window("2024-03-30T12:00:00Z", "2024-03-31T12:00:00Z"));
    expect(iso(due?.due)).toBe("2024-03-31T01:00:00.000Z");
    expect(due?.period.id).toBe("2024-W12");
  });

  test("a time that occurs twice runs once", () => {
    // 2024-10-27: 03:00 CEST falls back to 02:00 CET; 02:30 happens at 00:30 and 01:30 UTC.
    const sunday = config({ timeZone: "Europe/Berlin", schedule: "30 2 * * 0" });
    expect(iso(dueDraft(sunday, window("2024-10-26T12:00:00Z", "2024-10-27T00:45:00Z"))?.due)).toBe(
      "2024-10-27T00:30:00.000Z",
    );
    expect(dueDraft(sunday, window("2024-10-27T00:45:00Z", "2024-10-27T12:00:00Z"))).toBeUndefined();
  });

  test("Monday 06:00 keeps its wall-clock time across the change", () => {
    const berlin = config({ timeZone: "Europe/Berlin" });
    expect(iso(dueDraft(berlin, window("2024-03-25T04:45:00Z", "2024-03-25T05:00:00Z"))?.due)).toBe(
      "2024-03-25T05:00:00.000Z",
    );
    expect(iso(dueDraft(berlin, window("2024-04-01T03:45:00Z", "2024-04-01T04:00:00Z"))?.due)).toBe(
      "2024-04-01T04:00:00.000Z",
    );
  });
});

describe("the tick window", () => {
  test("since the last tick when one is known", () => {
    expect(tickWindow("*/15 * * * *", at("2024-04-01T06:00:00.005Z"), at("2024-04-01T05:44:59Z"))).toEqual(
      window("2024-04-01T05:44:59Z", "2024-04-01T06:00:00.005Z"),
    );
  });

  test("since the tick before this one when none is known (a server's first tick, Redis lost its keys)", () => {
    expect(tickWindow("*/15 * * * *", at("2024-04-01T06:00:00.005Z"))).toEqual(
      window("2024-04-01T05:45:00Z", "2024-04-01T06:00:00.005Z"),
    );
    expect(tickWindow("*/2 * * * * *", at("2024-04-01T06:00:03Z"))).toEqual(
      window("2024-04-01T06:00:00Z", "2024-04-01T06:00:03Z"),
    );
    // A last tick at or after this one (a clock set back) covers nothing: no due time is replayed.
    const back = tickWindow("*/15 * * * *", at("2024-04-01T06:00:00Z"), at("2024-04-01T07:00:00Z"));
    expect(back).toEqual(window("2024-04-01T06:00:00Z", "2024-04-01T06:00:00Z"));
    expect(latestDue("0 6 * * *", "UTC", back)).toBeUndefined();
  });
});

describe("the schedule key", () => {
  test("a bad cron expression is a config error that says what to write", () => {
    expect(() => config({ schedule: "61 6 * * 1" })).toThrow(
      'test.yml: schedule: "61 6 * * 1" is not a cron expression (Invalid value for minute: 61); use five fields "minute hour day-of-month month day-of-week", e.g. "0 6 * * 1"',
    );
    expect(() => config({ schedule: "0 0 6 * * 1" })).toThrow('"0 0 6 * * 1" is not a cron expression (6 fields)');
    expect(() => config({ schedule: "0 6 30 2 *" })).toThrow('"0 6 30 2 *" is a cron expression that never fires');
    expect(() => config({ schedule: true })).toThrow(
      'test.yml: schedule: true must be a cron expression such as "0 6 * * 1", or false to turn the schedule off',
    );
  });

  test("the server's tick may have seconds; a repository's schedule may not", () => {
    expect(cronProblem("*/2 * * * * *", "5-or-6")).toBeUndefined();
    expect(cronProblem("*/2 * * * * *")).toMatch(/6 fields/);
    expect(cronProblem("@weekly")).toBeUndefined();
  });
});

test("one job id per repository and period, without the ':' BullMQ reserves", () => {
  expect(draftJobId("Acme/TinyOS", "2024-W13")).toBe("draft/acme/tinyos/2024-W13");
  expect(draftJobId("acme/tinyos", "2024-03")).not.toContain(":");
});
