// Size limits on what a repository hands the app, checked before the work they would cost:
//  - a config file (each file of an `_extends` chain) of at most 256 KB: a real one is a few KB (LinuxKit's preset
//    with its sections is under 3 KB), and YAML parsing and schema checks of a bigger one only cost memory and time;
//  - a template of at most 256 KB, for the same reason: it is rendered once per report;
//  - a rendered report of at most 1 MB: GitHub's contents API (GET /repos/{owner}/{repo}/contents/{path}) returns the
//    content of files up to 1 MB only, and publishing reads the report back through it (to merge maintainers' edits,
//    to see that a draft is unchanged); a bigger report could be written but never merged.
// Sizes are UTF-8 bytes, as GitHub counts them.

export const LIMITS = {
  configFile: 256 * 1024,
  template: 256 * 1024,
  report: 1024 * 1024,
} as const;

export function byteSize(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

/** "4.0 MB", "300 KB": how the one-line errors say sizes. */
export function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** The one line for a file or text over its limit, or undefined when it fits. */
export function overLimit(what: string, bytes: number, limit: number, fix: string): string | undefined {
  if (bytes <= limit) return undefined;
  return `${what} is ${formatSize(bytes)}, over the ${formatSize(limit)} limit; ${fix}`;
}
