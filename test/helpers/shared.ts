// The LinuxKit dataset lives beside the repository (../shared/linuxkit) and is never copied into it:
// tests that need it skip, saying why, when it is absent.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe } from "@jest/globals";

export const SHARED = fileURLToPath(new URL("../../../shared/", import.meta.url));
export const LINUXKIT_DATA = `${SHARED}linuxkit`;
export const LINUXKIT_OVERLAY = fileURLToPath(new URL("../fixtures/linuxkit-overlay", import.meta.url));
export const hasLinuxKitData = existsSync(`${LINUXKIT_DATA}/prs`);

/** `describe` when ../shared/linuxkit is present, else a skipped block whose name says what is missing. */
export const describeWithLinuxKit: typeof describe = hasLinuxKitData
  ? describe
  : (((name: string, fn: () => void) => describe.skip(`${name} (skipped: ../shared/linuxkit is absent)`, fn)) as typeof describe);
