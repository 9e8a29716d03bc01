/** A mistake in how devreport was called (exit 2), as opposed to GitHub or runtime failures (exit 1). */
export class UsageError extends Error {
  override name = "UsageError";
}
