// At most N scheduled drafts at once per installation on this server, so one organisation with many repositories
// neither spends its whole rate limit in a burst nor holds up the others. A limiter is dropped once idle.
import pLimit, { type LimitFunction } from "p-limit";

export type InstallationLimit = <T>(installationId: number, run: () => Promise<T>) => Promise<T>;

export function installationLimit(perInstallation: number): InstallationLimit {
  const limits = new Map<number, LimitFunction>();
  return async (installationId, run) => {
    let limit = limits.get(installationId);
    if (!limit) limits.set(installationId, (limit = pLimit(perInstallation)));
    try {
      return await limit(run);
    } finally {
      if (limit.activeCount === 0 && limit.pendingCount === 0 && limits.get(installationId) === limit)
        limits.delete(installationId);
    }
  };
}
