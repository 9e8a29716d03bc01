// The datasets tests run against. sample/ (acme, week 2024-W10) is committed and always there. The LinuxKit dataset
// lives beside the repository, in ../shared/linuxkit (or $DEVREPORT_SHARED/linuxkit), and is never copied into it:
// tests that need it skip when it is absent, and say so, naming the path they looked for.
import { existsSync } from "node:fs";
import { relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect } from "@jest/globals";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** The folder holding the shared datasets and tools, with a trailing slash. DEVREPORT_SHARED points it elsewhere. */
export const SHARED = `${resolve(process.env.DEVREPORT_SHARED || here("../../../shared/"))}/`;
export const LINUXKIT_DATA = `${SHARED}linuxkit`;
export const LINUXKIT_OVERLAY = here("../fixtures/linuxkit-overlay");
export const SAMPLE = here("../../sample");

export interface Dataset {
  name: string;
  /** The folders to load into the fake GitHub, in order. */
  data: string[];
  /** What is missing when the dataset cannot be used here, or "" when it can. */
  missing: string;
}

export const SAMPLE_DATASET: Dataset = { name: "sample", data: [SAMPLE], missing: "" };
export const LINUXKIT_DATASET: Dataset = {
  name: "linuxkit",
  data: [LINUXKIT_DATA, LINUXKIT_OVERLAY],
  missing: existsSync(`${LINUXKIT_DATA}/prs`)
    ? ""
    : `${LINUXKIT_DATA}/prs is absent (the LinuxKit dataset; set DEVREPORT_SHARED to the folder holding linuxkit/)`,
};
export const hasLinuxKitData = LINUXKIT_DATASET.missing === "";

/**
 * `describe` when `dataset` is present; else a skipped block whose name says what is missing, and a line on stderr
 * saying the same. Not console.warn: Jest drops the console output of a file whose tests are all skipped.
 */
export function describeWith(dataset: Dataset): typeof describe {
  if (!dataset.missing) return describe;
  const say = (name: string) => {
    const file = expect.getState().testPath ?? "";
    process.stderr.write(
      `skipping "${name}"${file ? ` in ${relative(process.cwd(), file)}` : ""}: ${dataset.missing}\n`,
    );
    return `${name} (skipped: ${dataset.missing})`;
  };
  const skipped = (name: string, fn: () => void) => describe.skip(say(name), fn);
  // `.each` too, for suites run once per search grammar or dataset.
  const each = (table: readonly unknown[]) => (name: string, fn: (...args: any[]) => void) =>
    describe.skip.each(table as unknown[])(say(name), fn);
  return Object.assign(skipped, { each }) as unknown as typeof describe;
}

/** `describe` when ../shared/linuxkit is present, else a skipped block that says what is missing. */
export const describeWithLinuxKit: typeof describe = describeWith(LINUXKIT_DATASET);
