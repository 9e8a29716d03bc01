// Writes whose answer may be lost. A 5xx or a dropped connection leaves a write's outcome unknown, and the client
// does not repeat writes (src/github/retry.ts). Publishing decides: it reads back what the write would have left,
// and sends it once more only when it did not happen. Exactly one more attempt, never a loop: after a second
// unknown outcome with nothing done, the run stops with the write's error.
import { isOutcomeUnknown } from "../github/errors.js";

/** What a read-back found: the write's result when it happened, undefined when it did not. */
export type Found<T> = { done: T } | undefined;

export interface SettledWrite<T> {
  send: () => Promise<T>;
  /**
   * What the write left after an unknown outcome. Throws BranchMoved when somebody else's write is there instead,
   * Unverified when it cannot be read either.
   */
  readBack: (error: unknown) => Promise<Found<T>>;
  /** GitHub refusing because the thing is there already (422 "already exists", a non-fast-forward...). */
  isRefusal?: (error: unknown) => boolean;
  /** The answer to a refusal: somebody else wrote first (BranchMoved, or their PR as the result). */
  refused?: (error: unknown) => Promise<T>;
}

export async function writeOnceMore<T>(w: SettledWrite<T>): Promise<T> {
  try {
    return await w.send();
  } catch (error) {
    if (w.isRefusal?.(error)) return refuse(w, error);
    if (!isOutcomeUnknown(error)) throw error;
    const found = await w.readBack(error);
    if (found) return found.done;
  }
  try {
    return await w.send();
  } catch (error) {
    // A refusal now may be the first attempt's own doing, visible only now: the read-back tells.
    const refusal = w.isRefusal?.(error) ?? false;
    if (!refusal && !isOutcomeUnknown(error)) throw error;
    const found = await w.readBack(error);
    if (found) return found.done;
    if (refusal) return refuse(w, error);
    throw error;
  }
}

function refuse<T>(w: SettledWrite<T>, error: unknown): Promise<T> {
  if (!w.refused) throw error;
  return w.refused(error);
}

/**
 * A write that is safe to repeat, sent once more after an unknown outcome without reading back. Git objects are
 * addressed by their content ("Git database", docs.github.com/rest/git): a tree sent twice is the same tree, a
 * commit sent twice (its date aside) the same commit, and either is unreferenced until the branch moves to it.
 * Adding labels and requesting reviewers add to a set: a label or reviewer already there stays once.
 */
export async function repeatOnce<T>(send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (error) {
    if (!isOutcomeUnknown(error)) throw error;
    return send();
  }
}
