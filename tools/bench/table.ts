// The benchmark's table (Markdown, to paste into bench/README.md) and its targets, each with pass/fail.
import type { BenchRow } from "./run.js";

export interface Target {
  scenario: string;
  name: string;
  pass: boolean;
  detail: string;
}

const perKind = (row: BenchRow, slack: number): Target => {
  const { requests: r, lowerBound: lb } = row;
  const pass =
    r.searchPulls <= lb.searchPulls + slack &&
    r.searchIssues <= lb.searchIssues + slack &&
    r.filePages <= lb.filePages + slack;
  return {
    scenario: row.scenario,
    name: `requests <= lower bound + ${slack} per query kind`,
    pass,
    detail: `pulls ${r.searchPulls}/${lb.searchPulls}, issues ${r.searchIssues}/${lb.searchIssues}, file pages ${r.filePages}/${lb.filePages}`,
  };
};

const graphqlOf = (row: BenchRow): number =>
  row.requests.searchPulls + row.requests.searchIssues + row.requests.filePages + (row.requests.searchActivity ?? 0);

/** `latencyMs`: to state the floor that latency and the 4-request bound put under any wall time. */
export function targets(rows: BenchRow[], latencyMs: number): Target[] {
  const list: Target[] = [];
  for (const row of rows) {
    const s = row.scenario + (row.faults ? "+faults" : "");
    if (row.faults) {
      list.push({
        scenario: s,
        name: "same report as the clean run",
        pass: row.sameAsClean === true,
        detail: `${row.requests.failed} faulty answers (${row.faults}); exit ${row.code}`,
      });
      continue;
    }
    list.push({
      scenario: s,
      name: "at most 4 requests in flight",
      pass: row.peakInFlight <= 4,
      detail: `peak ${row.peakInFlight}`,
    });
    if (row.scenario === "d") {
      // Every search runs once per scope (eight repositories need two), so the bound per kind grows by scopes - 1.
      const { requests: r, lowerBound: lb } = row;
      const slack = (row.activity?.scopes ?? 1) - 1;
      const act = { sent: r.searchActivity ?? 0, bound: row.activity?.lowerBound ?? 0 };
      list.push({
        scenario: s,
        name: "requests <= lower bound + (scopes - 1) per search kind",
        pass:
          r.searchPulls <= lb.searchPulls + slack &&
          r.searchIssues <= lb.searchIssues + slack &&
          act.sent <= act.bound + 2 * slack &&
          r.filePages <= lb.filePages,
        detail: `pulls ${r.searchPulls}/${lb.searchPulls}, issues ${r.searchIssues}/${lb.searchIssues}, activity ${act.sent}/${act.bound}, file pages ${r.filePages}/${lb.filePages}, ${slack + 1} scopes`,
      });
      continue;
    }
    list.push({
      scenario: s,
      name: "exactly what collect's strategy needs (slices, batched file pages)",
      pass: graphqlOf(row) === row.splitAware.total,
      detail:
        `${graphqlOf(row)} vs ${row.splitAware.total} (${row.splitAware.windowSplits} window splits, ` +
        `${row.splitAware.filePages} file-page queries)`,
    });
    if (row.scenario === "a") {
      list.push(perKind(row, 2));
      list.push({
        scenario: s,
        name: "wall time < 0.5 s",
        pass: row.wallMs < 500,
        detail: `${Math.round(row.wallMs)} ms`,
      });
    } else if (row.scenario === "b") {
      const limit = row.lowerBound.total + row.splitAware.windowSplits;
      list.push({
        scenario: s,
        name: "requests <= lower bound + window splits",
        pass: graphqlOf(row) <= limit,
        detail: `${graphqlOf(row)} vs ${row.lowerBound.total} + ${row.splitAware.windowSplits}`,
      });
    } else if (row.scenario === "c") {
      list.push(perKind(row, 2));
      const floor = (row.requests.total * latencyMs) / 4 / 1000;
      list.push({
        scenario: s,
        name: "wall time < 10 s",
        pass: row.wallMs < 10_000,
        detail: `${(row.wallMs / 1000).toFixed(1)} s (floor: ${row.requests.total} requests x ${latencyMs} ms / 4 in flight = ${floor.toFixed(1)} s)`,
      });
      list.push({
        scenario: s,
        name: "peak RSS < 250 MB",
        pass: row.peakRssMb < 250,
        detail: `${Math.round(row.peakRssMb)} MB`,
      });
      list.push({
        scenario: s,
        name: "compose + render of 5,000 items < 200 ms",
        pass: (row.render5000Ms ?? Infinity) < 200,
        detail: `5,000 items in ${row.render5000Ms?.toFixed(0)} ms (all ${row.renderItems} in ${row.renderMs?.toFixed(0)} ms)`,
      });
    }
  }
  return list;
}

const ms = (value: number | undefined): string =>
  value === undefined ? "-" : value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${Math.round(value)} ms`;

export function formatTable(rows: BenchRow[], latencyMs: number): string {
  const header = [
    "scenario",
    "PRs",
    "issues",
    "search PRs",
    "search issues",
    "file pages",
    "REST",
    "failed",
    "lower bound",
    "split-aware",
    "ratio",
    "wall",
    "peak RSS",
    "compose+render",
    "cost",
    "peak in flight",
  ];
  const lines = [`| ${header.join(" | ")} |`, `|${header.map(() => "---").join("|")}|`];
  for (const row of rows) {
    const r = row.requests;
    const name = `(${row.scenario}) ${row.title}${row.faults ? `, faults ${row.faults}` : ""}`;
    lines.push(
      `| ${[
        name,
        row.pulls,
        row.issues,
        r.searchPulls,
        r.searchIssues,
        r.filePages,
        r.rest,
        r.failed,
        `${row.lowerBound.total} (${row.lowerBound.searchPulls}+${row.lowerBound.searchIssues}+${row.lowerBound.filePages})`,
        `${row.splitAware.total} (${row.splitAware.searchPulls}+${row.splitAware.searchIssues}+${row.splitAware.filePages}, ` +
          `${row.splitAware.windowSplits} splits)`,
        row.ratio.toFixed(2),
        ms(row.wallMs),
        `${Math.round(row.peakRssMb)} MB`,
        row.renderMs === undefined ? "-" : `${ms(row.renderMs)} (${row.renderItems} items)`,
        row.cost ?? "-",
        row.peakInFlight,
      ].join(" | ")} |`,
    );
  }
  lines.push(
    "",
    `Latency ${latencyMs} ms per response; requests from the fake's log (GraphQL and REST, faulty answers included);`,
    "lower bound = ceil(PRs/100) + ceil(issues/100) (at least 1 each) + sum over PRs of ceil(files/100) - 1;",
    "split-aware = what collect's strategy sends: a probe per split window, the pages of each slice, file pages batched 20 PRs a query;",
    "ratio = GraphQL requests / lower bound; wall time and peak RSS are the drafting process's (the fake runs apart).",
  );
  return lines.join("\n");
}

export function formatTargets(list: Target[]): string {
  return list.map((t) => `${t.pass ? "PASS" : "FAIL"}  (${t.scenario}) ${t.name}: ${t.detail}`).join("\n");
}
