// The datasets the app's end-to-end tests run on: the committed sample always, the LinuxKit dataset when present.
// Each names the repository the app acts on, who may run /draft-report, and a week for each case.
import { LINUXKIT_DATASET, SAMPLE_DATASET, type Dataset } from "./datasets.js";

export interface AppDataset extends Dataset {
  /** The primary repository: where comments land and report PRs open. */
  repo: string;
  writer: string;
  admin: string;
  /** How the draft week's report begins. */
  heading: RegExp;
  weeks: {
    /** drafted by a comment, then again */
    draft: string;
    /** two comments at once */
    together: string;
    /** asked for by someone without write access */
    refused: string;
    preview: string;
    /** a delivery with the wrong signature */
    unsigned: string;
    /** a workflow_dispatch run's `period` */
    dispatched: string;
    /** a scheduled run meeting a comment */
    overlapping: string;
    /** no such week */
    invalid: string;
  };
}

export const APP_DATASETS: AppDataset[] = [
  {
    ...SAMPLE_DATASET,
    repo: "acme/tinyos",
    writer: "bobk",
    admin: "alice",
    heading: /^# Weekly tinyos report for 2024-03-04 to 2024-03-10 \(week 10\)\n/,
    weeks: {
      draft: "2024-W10",
      together: "2024-W09",
      refused: "2024-W12",
      preview: "2024-W11",
      unsigned: "2024-W13",
      dispatched: "2024-W09",
      overlapping: "2024-W11",
      invalid: "2024-W54",
    },
  },
  {
    ...LINUXKIT_DATASET,
    repo: "linuxkit/linuxkit",
    writer: "rn",
    admin: "justincormack",
    heading: /^# Weekly LinuxKit dev report for 2017-07-03 to 2017-07-09 \(week 27\)\n/,
    weeks: {
      draft: "2017-W27",
      together: "2017-W28",
      refused: "2017-W29",
      preview: "2017-W26",
      unsigned: "2017-W31",
      dispatched: "2017-W28",
      overlapping: "2017-W30",
      invalid: "2017-W54",
    },
  },
];

/** Where the report for `week` ("2017-W27") goes: reports/2017-27.md on branch devreport/2017-W27. */
export const reportPath = (week: string) => `reports/${week.replace("-W", "-")}.md`;
export const reportBranch = (week: string) => `devreport/${week}`;
