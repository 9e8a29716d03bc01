// The fake GitHub's options, its handle, its request log and its interceptors (server.ts starts it).
import type { AuthPolicy } from "./auth.js";
import type { FakeRequest, FakeResponse } from "./http.js";
import type { ContractEntry } from "./contract.js";
import type { SearchGrammar } from "./search.js";
import type { FakeStore } from "./store.js";

export interface RequestLogEntry {
  method: string;
  /** As requested, with any /api/v3 prefix and the query string. */
  path: string;
  status: number;
  /** "graphql <OperationName>" / "graphql anonymous", "rest GET /repos/{owner}/{repo}/pulls", "rest unknown". */
  kind: string;
  /** Who the request acted as, when authenticated. */
  login?: string;
  ms: number;
}

export interface InterceptorContext {
  store: FakeStore;
  /** 0-based position of this request since the server started. */
  index: number;
  inFlight: number;
  /**
   * Handles the request as the fake would without interceptors (its effects and rate-limit charge included) and
   * returns that answer, for an interceptor that alters GitHub's answer rather than replacing it.
   */
  handle: () => Promise<FakeResponse>;
}

/** Returns a response to answer with it (the handler is skipped), or undefined to pass. May wait first. */
export type Interceptor = (
  req: FakeRequest,
  ctx: InterceptorContext,
) => FakeResponse | undefined | Promise<FakeResponse | undefined>;

export interface FakeGitHubOptions {
  /** Dataset directories, later ones overlaid on earlier ones (see dataset.ts). */
  data?: string[];
  /** A store to serve (datasets in `data` are loaded into it). */
  store?: FakeStore;
  /** A fixed delay before every response. */
  latencyMs?: number;
  /** Called with one line per request. */
  log?: (line: string) => void;
  port?: number;
  acceptAnyToken?: boolean;
  rejectTokens?: string[];
  interceptors?: Interceptor[];
  /**
   * How issue search reads its strings (see SearchGrammar in search.ts): "observed" by default (github.com's advanced
   * search: spaces AND every term, OR joins repo: qualifiers, none inside parentheses), "advanced" (read strictly:
   * parentheses group anything), "documented" (spaces OR repo: qualifiers) or "legacy".
   */
  searchGrammar?: SearchGrammar;
  /**
   * Keep every REST exchange with its bodies in `contract` (and list this fake in `startedFakes`), for checks against
   * GitHub's OpenAPI description. Defaults to on under Jest (JEST_WORKER_ID) or with FAKE_GITHUB_CONTRACT=1, off
   * otherwise, so a long-running fake (the demo, the bench, `fake-github`) does not grow without bound.
   */
  recordContract?: boolean;
}

export interface FakeGitHub {
  /** http://127.0.0.1:PORT: the REST base URL and the GraphQL base (POST /graphql). */
  url: string;
  apiUrl: string;
  graphqlUrl: string;
  /** "127.0.0.1:PORT", for GHE_HOST (with GHE_PROTOCOL=http). */
  host: string;
  store: FakeStore;
  searchGrammar: SearchGrammar;
  requests: RequestLogEntry[];
  /** Every REST exchange with its bodies, for checks against GitHub's OpenAPI description (see contract.ts). */
  contract: ContractEntry[];
  /** Mutable: push interceptors at any time. */
  interceptors: Interceptor[];
  auth: AuthPolicy;
  readonly inFlight: number;
  readonly peakInFlight: number;
  close(): Promise<void>;
}
