// Publishing fails with one line that names the repository and branch and says what to do; triggers show it as is.

export class PublishError extends Error {
  override name = "PublishError";
}

/** Somebody else wrote the branch between our read and our write: the caller re-reads and decides again. */
export class BranchMoved extends Error {
  override name = "BranchMoved";
}

export function statusOf(error: unknown): number | undefined {
  return (error as { status?: number }).status;
}

/** GitHub's 422 explanation, from the message or the `errors[].message` list, for telling one 422 from another. */
export function messageOf(error: unknown): string {
  const response = (error as { response?: { data?: { message?: string; errors?: { message?: string }[] } } }).response;
  const parts = [(error as Error).message, response?.data?.message, ...(response?.data?.errors ?? []).map((e) => e.message)];
  return parts.filter(Boolean).join(" ");
}
