import { reasonOf } from "../github/errors.js";

// Publishing fails with one line that names the repository and branch and says what to do; triggers show it as is.

export class PublishError extends Error {
  override name = "PublishError";
}

/** Somebody else wrote the branch between our read and our write: the caller re-reads and decides again. */
export class BranchMoved extends Error {
  override name = "BranchMoved";
}

/** A write of unknown outcome whose result could not be read back either: nobody knows what GitHub holds now. */
export class Unverified extends Error {
  override name = "Unverified";
  constructor(
    readonly write: unknown,
    readonly read: unknown,
  ) {
    super(`${reasonOf(write)}; reading back what it did failed too: ${reasonOf(read)}`, { cause: write });
  }
}
