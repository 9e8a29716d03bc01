// A record of every REST exchange the fake served (route template, query, request body, status, response body), so
// tests can check both sides against GitHub's OpenAPI description. Every fake started in this process is listed in
// `startedFakes` (cleared by whoever checks them), so a test run can check all of them without each suite opting in.
export interface ContractEntry {
  method: string;
  /** The route template the fake matched, e.g. "/repos/{owner}/{repo}/contents/{+path}"; undefined when none did. */
  route?: string;
  /** The API path as requested, without /api/v3 or the query string. */
  path: string;
  /** Path parameters, as the fake's route matched them. */
  params: Record<string, string>;
  query: [string, string][];
  /** The request body as sent ("" when there was none). */
  requestBody: string;
  status: number;
  /** The response's content-type ("text/plain…" for a raw file). */
  responseType: string;
  /** The response body text ("" for none). */
  responseBody: string;
  /** Whether an interceptor (a fault, a stub) answered instead of the fake's handler. */
  intercepted: boolean;
}

export interface ContractLog {
  entries: ContractEntry[];
}

/** The contract logs of the fakes started since the last clear, in start order. */
export const startedFakes: ContractLog[] = [];
