// A loopback port nothing listens on right now (the kernel's pick, released at once), for the servers the benchmark
// and the tests start (test/support/net.ts re-exports it).
import { createServer } from "node:net";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
