// One mutative request at a time per installation, each starting at least a second after the previous one started.
// GitHub Docs, "Best practices for using the REST API" (docs.github.com/rest/using-the-rest-api/best-practices-for-
// using-the-rest-api): "If you are making a large number of POST, PATCH, PUT, or DELETE requests for a single user
// or client ID, wait at least one second between each request." Reads (REST GET/HEAD, GraphQL queries) never wait
// here: @octokit/plugin-throttling queues every POST /graphql, queries included, in its write group
// (node_modules/@octokit/plugin-throttling/dist-src/wrap-request.js: `if (isWrite || isGraphQL) await state.write...`),
// which is what made the app's collection crawl at one query per second.
import { isWrite } from "./retry-hook.js";

export interface SpacingOptions {
  /** The least time between the starts of two writes of one installation. */
  minMs: number;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

export const DEFAULT_SPACING: SpacingOptions = {
  minMs: 1000,
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

interface RequestOptions {
  method?: string;
  url?: string;
  query?: unknown;
}

/** Minting an installation token is no content write (plugin-throttling's isAuthRequest leaves it out too). */
const AUTH_PATH = /^\/app\/installations\/[^/]+\/access_tokens$/;

/** Writes that wait for the spacing: mutative REST requests and GraphQL mutations, not the token request. */
export function isSpacedWrite(options: RequestOptions): boolean {
  const path = new URL(options.url ?? "/", "http://github.invalid").pathname;
  return isWrite(options) && !AUTH_PATH.test(path);
}

export interface WriteSpacing {
  /** Runs `send` now for a read; for a write, once the key's previous write is done and `minMs` after its start. */
  run<T>(key: string, options: RequestOptions, send: () => Promise<T>): Promise<T>;
}

export function createWriteSpacing(overrides: Partial<SpacingOptions> = {}): WriteSpacing {
  const { minMs, now, sleep } = { ...DEFAULT_SPACING, ...overrides };
  const lanes = new Map<string, { tail: Promise<void>; lastStart: number }>();
  return {
    async run(key, options, send) {
      if (!isSpacedWrite(options)) return send();
      let lane = lanes.get(key);
      if (!lane) lanes.set(key, (lane = { tail: Promise.resolve(), lastStart: Number.NEGATIVE_INFINITY }));
      const previous = lane.tail;
      let release!: () => void;
      lane.tail = new Promise<void>((resolve) => (release = resolve));
      try {
        await previous;
        const wait = lane.lastStart + minMs - now();
        if (wait > 0) await sleep(wait);
        lane.lastStart = now();
        return await send();
      } finally {
        release();
      }
    },
  };
}
