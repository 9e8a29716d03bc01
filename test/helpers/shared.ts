// The LinuxKit dataset lives beside the repository (../shared/linuxkit) and is never copied into it:
// tests that need it skip, saying why, when it is absent.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe } from "@jest/globals";

export const SHARED = fileURLToPath(new URL("../../../shared/", import.meta.url));
export const LINUXKIT_DATA = `${SHARED}linuxkit`;
export const LINUXKIT_OVERLAY = fileURLToPath(new URL("../fixtures/linuxkit-overlay", import.meta.url));
export const hasLinuxKitData = existsSync(`${LINUXKIT_DATA}/prs`);

const absent = (name: string): string => `${name} (skipped: ../shared/linuxkit is absent)`;

/** `describe` (and `.each`) when ../shared/linuxkit is present, else skipped blocks whose names say what is missing. */
export const describeWithLinuxKit: typeof describe = hasLinuxKitData
  ? describe
  : (Object.assign((name: string, fn: () => void) => describe.skip(absent(name), fn), {
      each: (table: readonly unknown[]) => (name: string, fn: (...args: any[]) => void) =>
        describe.skip.each(table as unknown[])(absent(name), fn),
    }) as unknown as typeof describe);
