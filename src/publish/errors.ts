import { statusOf } from "../github/client.js";

// Publishing fails with one line that names the repository and branch and says what to do; triggers show it as is.

export class PublishError extends Error {
  override name = "PublishError";
}

/** Somebody else wrote the branch between our read and our write: the caller re-reads and decides again. */
export class BranchMoved extends Error {
  override name = "BranchMoved";
}

export { statusOf } from "../github/client.js";

/** GitHub's 422 explanation, from the message or the `errors[].message` list, for telling one 422 from another. */
export function messageOf(error: unknown): string {
  const response = (error as { response?: { data?: { message?: string; errors?: { message?: string }[] } } }).response;
  const parts = [(error as Error).message, response?.data?.message, ...(response?.data?.errors ?? []).map((e) => e.message)];
  return parts.filter(Boolean).join(" ");
}

/**
 * A 5xx or no answer at all: GitHub may or may not have acted on the write, so only reading back tells. Any other
 * failure is GitHub's answer that it did not (a 4xx, a rate limit the client gave up waiting for).
 */
export function outcomeUnknown(error: unknown): boolean {
  const status = statusOf(error);
  return status === undefined || status >= 500;
}

/** One line saying why a request failed; a lost connection names its innermost cause ("other side closed"). */
export function reasonOf(error: unknown): string {
  const e = error as { message?: unknown; status?: unknown; response?: unknown; cause?: unknown };
  if (e?.status === 500 && e.response === undefined) {
    let root: unknown = e.cause;
    let message = String(e.message ?? error);
    for (let depth = 0; depth < 5 && typeof root === "object" && root !== null; depth++) {
      const { message: text, cause } = root as { message?: unknown; cause?: unknown };
      if (typeof text === "string" && text) message = text;
      root = cause;
    }
    return `no answer: ${firstLine(message)}`;
  }
  const message = firstLine(e instanceof Error ? e.message : String(error));
  const status = statusOf(error);
  return status !== undefined && status >= 500 ? `HTTP ${status} ${message}` : message;
}

const firstLine = (text: string): string => text.split("\n")[0]!.trim();

/** A write of unknown outcome whose result could not be read back either: nobody knows what GitHub holds now. */
export class Unverified extends Error {
  override name = "Unverified";
  constructor(readonly write: unknown, readonly read: unknown) {
    super(`${reasonOf(write)}; reading back what it did failed too: ${reasonOf(read)}`, { cause: write });
  }
}
