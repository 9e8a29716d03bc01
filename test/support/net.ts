// No test reaches the network: these register the nock setup a test file or block needs.
import { afterAll, afterEach, beforeAll, beforeEach } from "@jest/globals";
import nock from "nock";

/** Every request is nock's or refused; each test starts with no interceptors left over from the one before. */
export function offline(): void {
  beforeEach(() => nock.disableNetConnect());
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });
}

/** Only loopback (the fake GitHub, the app's own server) may be reached, for the whole file or block. */
export function loopbackOnly(): void {
  beforeAll(() => {
    nock.disableNetConnect();
    nock.enableNetConnect(/^127\.0\.0\.1(:\d+)?$/);
  });
  afterAll(() => nock.enableNetConnect());
}

/** Requests no interceptor matched, as "METHOD path", collected per test (for `expect(unmatched).toEqual([])`). */
export function unmatchedRequests(): string[] {
  const unmatched: string[] = [];
  const onNoMatch = (req: { method?: string; path?: string }) => unmatched.push(`${req.method} ${req.path}`);
  beforeEach(() => {
    unmatched.length = 0;
    nock.emitter.on("no match", onNoMatch);
  });
  afterEach(() => {
    nock.emitter.removeListener("no match", onNoMatch);
  });
  return unmatched;
}

export { freePort } from "../../tools/free-port.js";
