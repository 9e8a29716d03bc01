import { describe, expect, test } from "@jest/globals";
import { parsePeriod } from "../src/period.js";

describe("parsePeriod", () => {
  test("an ISO week is Monday 00:00 to the next Monday in UTC", () => {
    expect(parsePeriod("2017-W27")).toEqual({
      kind: "week",
      id: "2017-W27",
      year: 2017,
      week: 27,
      timeZone: "UTC",
      start: "2017-07-03T00:00:00.000Z",
      end: "2017-07-10T00:00:00.000Z",
      firstDay: "2017-07-03",
      lastDay: "2017-07-09",
    });
  });

  test("ISO week-year edges", () => {
    expect(parsePeriod("2021-01-01").id).toBe("2020-W53");
    expect(parsePeriod("2018-12-31").id).toBe("2019-W01");
    expect(parsePeriod("2019-W01").firstDay).toBe("2018-12-31");
    expect(parsePeriod("2020-W53")).toMatchObject({ firstDay: "2020-12-28", lastDay: "2021-01-03", year: 2020 });
  });

  test("a date picks the week holding it", () => {
    expect(parsePeriod("2017-07-05").id).toBe("2017-W27");
    expect(parsePeriod("2017-07-09").id).toBe("2017-W27");
    expect(parsePeriod("2017-07-10").id).toBe("2017-W28");
  });

  test("a week in another time zone starts at local midnight", () => {
    expect(parsePeriod("2017-W27", { timeZone: "Europe/Berlin" })).toMatchObject({
      start: "2017-07-02T22:00:00.000Z",
      end: "2017-07-09T22:00:00.000Z",
      firstDay: "2017-07-03",
      lastDay: "2017-07-09",
    });
  });

  test("last and this are relative to now, in the configured zone", () => {
    const now = new Date("2017-07-10T05:00:00Z"); // Monday morning in UTC, still Sunday in Los Angeles
    expect(parsePeriod("last", { now }).id).toBe("2017-W27");
    expect(parsePeriod("this", { now }).id).toBe("2017-W28");
    expect(parsePeriod("last", { now, timeZone: "America/Los_Angeles" }).id).toBe("2017-W26");
    expect(parsePeriod("last", { now, kind: "month" }).id).toBe("2017-06");
  });

  test("months", () => {
    expect(parsePeriod("2018-01")).toEqual({
      kind: "month",
      id: "2018-01",
      year: 2018,
      month: 1,
      timeZone: "UTC",
      start: "2018-01-01T00:00:00.000Z",
      end: "2018-02-01T00:00:00.000Z",
      firstDay: "2018-01-01",
      lastDay: "2018-01-31",
    });
    expect(parsePeriod("2017-07-05", { kind: "month" }).id).toBe("2017-07");
  });

  test("a range of whole days", () => {
    expect(parsePeriod("2017-01-01..2017-12-31")).toEqual({
      kind: "range",
      id: "2017-01-01..2017-12-31",
      year: 2017,
      timeZone: "UTC",
      start: "2017-01-01T00:00:00.000Z",
      end: "2018-01-01T00:00:00.000Z",
      firstDay: "2017-01-01",
      lastDay: "2017-12-31",
    });
    expect(parsePeriod("2017-03-26..2017-03-26", { timeZone: "Europe/Berlin" })).toMatchObject({
      start: "2017-03-25T23:00:00.000Z",
      end: "2017-03-26T22:00:00.000Z",
    });
    expect(() => parsePeriod("2017-02-01..2017-01-01")).toThrow(
      'bad period "2017-02-01..2017-01-01": the range ends before it starts',
    );
  });

  test("bad input names the accepted forms", () => {
    expect(() => parsePeriod("week 27")).toThrow(
      'bad period "week 27": use "2017-W27" (ISO week), "2018-01" (month), "2017-07-05" (the period holding that date), "2017-01-01..2017-12-31" (days), "last" (the last complete period) or "this" (the current one)',
    );
    expect(() => parsePeriod("2017-W54")).toThrow('bad period "2017-W54": 2017 has no week 54');
    expect(() => parsePeriod("2017-W53")).toThrow("2017 has no week 53");
    expect(() => parsePeriod("2018-13")).toThrow("months run from 01 to 12");
    expect(() => parsePeriod("2017-02-30")).toThrow("not a calendar date");
    expect(() => parsePeriod("last", { timeZone: "Mars/Olympus" })).toThrow('unknown time zone "Mars/Olympus"');
  });
});
