// The fake GitHub's public face: what the app's tests, the demo and the benchmark use. Internals (search grammar,
// GraphQL resolvers, REST routes) stay behind it and are tested in this package's own test/.
export { startFakeGitHub } from "./server.js";
export type {
  FakeGitHub,
  FakeGitHubOptions,
  FakeRequest,
  FakeResponse,
  Interceptor,
  InterceptorContext,
  RequestLogEntry,
} from "./server.js";
export { FakeStore, type StoreOptions } from "./store.js";
export {
  FAULT_KINDS,
  dropConnection,
  graphqlRequestOf,
  graphqlTimeout,
  makeFault,
  partialErrors,
  primaryRateLimit,
  rotatingFaults,
  searchPageSize,
  secondaryRateLimit,
  serverError,
  slow,
  type Clock,
  type Fault,
  type FaultEvent,
  type FaultKind,
  type FaultRule,
  type PartialError,
} from "./faults.js";
export { queryCost } from "./query-cost.js";
export { DEFAULT_SEARCH_GRAMMAR, SEARCH_GRAMMARS, type SearchGrammar } from "./search.js";
export { treeOfCommit } from "./git.js";
export { protectBranch } from "./protection.js";
export type * from "./types.js";
export { startedFakes, type ContractEntry, type ContractLog } from "./contract.js";
