// Runs for the same repository and period wait for each other inside one process, so two /draft-report comments
// (or a comment and a scheduled run) arriving together publish one after the other: the second finds the first's
// branch and PR. Across processes, publishDraft's own idempotence is what keeps it to one PR.
const tails = new Map<string, Promise<unknown>>();

export async function serialized<T>(key: string, run: () => Promise<T>): Promise<T> {
  const previous = tails.get(key) ?? Promise.resolve();
  const current = previous.catch(() => {}).then(run);
  tails.set(key, current);
  try {
    return await current;
  } finally {
    // Forget finished chains so the map does not grow with every period ever drafted.
    if (tails.get(key) === current) tails.delete(key);
  }
}
