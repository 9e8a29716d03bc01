// summarizeTimeline: idle time is what no request covers between the delivery and the end, overlaps counted once.
import { describe, expect, it } from "@jest/globals";
import { summarizeTimeline } from "../../tools/bench/timeline.js";

describe("summarizeTimeline", () => {
  it("counts the gaps with no request in flight, longest first, named by their neighbours", () => {
    const timeline = summarizeTimeline(
      [
        { kind: "b", startMs: 30, endMs: 80 },
        { kind: "a", startMs: 10, endMs: 50 },
        { kind: "c", startMs: 200, endMs: 250 },
      ],
      300,
    );
    expect(timeline.idleMs).toBe(10 + 120 + 50);
    expect(timeline.gaps).toEqual([
      { fromMs: 80, ms: 120, after: "b", before: "c" },
      { fromMs: 250, ms: 50, after: "c", before: "end" },
      { fromMs: 0, ms: 10, after: "delivery", before: "a" },
    ]);
    // 40 + 50 + 50 ms of requests over 70 + 50 ms with any in flight.
    expect(timeline.meanInFlight).toBeCloseTo(140 / 120);
  });

  it("cuts requests at the end and ignores those after it", () => {
    const timeline = summarizeTimeline(
      [
        { kind: "a", startMs: 0, endMs: 150 },
        { kind: "late", startMs: 120, endMs: 130 },
      ],
      100,
    );
    expect(timeline.idleMs).toBe(0);
    expect(timeline.gaps).toEqual([]);
  });
});
