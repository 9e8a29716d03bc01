// Shared by the fault tests: a virtual clock for the retry policy and the faults (waits take no real time), and
// LinuxKit 2017-W27 drafted the way the CLI drafts it.
import { loadConfig } from "../../src/cli/config-source.js";
import { draftReport } from "../../src/draft.js";
import { createClient } from "../../src/github/octokit.js";
import type { RetryPolicy } from "../../src/github/retry.js";
import { parsePeriod } from "../../src/period.js";

export interface VirtualClock {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** Every wait the retry policy asked for, in ms. */
  waits: number[];
}

/** Time moves only when someone sleeps; a sleep still yields to the event loop so other requests progress. */
export function virtualClock(start = Date.parse("2024-03-11T12:00:00Z")): VirtualClock {
  let t = start;
  const waits: number[] = [];
  return {
    now: () => t,
    sleep: async (ms) => {
      waits.push(ms);
      t += ms;
      await new Promise((resolve) => setImmediate(resolve));
    },
    waits,
  };
}

export const WEEK_27 = parsePeriod("2017-W27");
/**
 * What `devreport draft --repo linuxkit/linuxkit --week 2017-W27` does after parsing its arguments: read the config
 * from the repository (two REST requests), then draftReport, all through createClient, here on the given clock.
 */
export async function draftWeek27(apiUrl: string, retry: Partial<RetryPolicy> | false = {}) {
  const client = createClient({ token: "test", apiUrl, retry });
  const config = await loadConfig({ repo: "linuxkit/linuxkit", client, log: () => {} });
  return draftReport({ client, config, period: WEEK_27 });
}
