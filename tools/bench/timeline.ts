// Where an app-path run's time goes, read off the fake's request log: time with requests in flight (waiting on
// GitHub) against time with none (our process working, or waiting on a timer such as the write spacing), and the
// longest such gaps, each named by the requests on either side.
export interface Span {
  kind: string;
  /** Since the delivery, in ms. */
  startMs: number;
  endMs: number;
}

export interface Gap {
  fromMs: number;
  ms: number;
  after: string;
  before: string;
}

export interface Timeline {
  /** Delivery to the end (the reply), with no request in flight at the fake. */
  idleMs: number;
  /** The longest idle gaps, longest first. */
  gaps: Gap[];
  /** The mean number of requests in flight while any was. */
  meanInFlight: number;
}

export function summarizeTimeline(spans: Span[], endMs: number, keep = 8): Timeline {
  const sorted = spans.filter((s) => s.startMs < endMs).sort((a, b) => a.startMs - b.startMs);
  const gaps: Gap[] = [];
  let reach = 0;
  let after = "delivery";
  let busyMs = 0;
  let spanMs = 0;
  for (const span of sorted) {
    if (span.startMs > reach) gaps.push({ fromMs: reach, ms: span.startMs - reach, after, before: span.kind });
    const end = Math.min(span.endMs, endMs);
    if (end > reach) {
      busyMs += end - Math.max(reach, span.startMs);
      reach = end;
      after = span.kind;
    }
    spanMs += end - span.startMs;
  }
  if (endMs > reach) gaps.push({ fromMs: reach, ms: endMs - reach, after, before: "end" });
  const idleMs = gaps.reduce((sum, gap) => sum + gap.ms, 0);
  gaps.sort((a, b) => b.ms - a.ms);
  return { idleMs, gaps: gaps.slice(0, keep), meanInFlight: busyMs > 0 ? spanMs / busyMs : 0 };
}
