// The fake GitHub over HTTP on 127.0.0.1: GraphQL and REST, under plain paths (base URL = the server) and under
// GitHub Enterprise Server paths (/api/v3, /api/graphql), so Probot's GHE_HOST and Octokit's baseUrl both work.
// Every request is logged; interceptors run before handling so faults and delays can be added from outside.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { authenticate, type AuthPolicy } from "./auth.js";
import { loadDatasets } from "./dataset.js";
import { executeGraphQL, operationNameOf, type GraphQLRequestBody } from "./graphql.js";
import { DEFAULT_SEARCH_GRAMMAR, SEARCH_GRAMMARS } from "./search.js";
import { HttpError, type FakeRequest, type FakeResponse } from "./http.js";
import { startedFakes, type ContractEntry } from "./contract.js";
import { findRoute, handleRest, restKind } from "./rest.js";
import { FakeStore } from "./store.js";

export type { FakeRequest, FakeResponse } from "./http.js";
export type {
  FakeGitHub,
  FakeGitHubOptions,
  Interceptor,
  InterceptorContext,
  RequestLogEntry,
} from "./server-types.js";
import type { FakeGitHub, FakeGitHubOptions, RequestLogEntry } from "./server-types.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** Strips GHE prefixes; GraphQL lives at /graphql either way. */
function apiPath(pathname: string): string {
  let path = pathname;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    // Malformed escapes: route the raw path, which will 404 like GitHub.
  }
  if (path === "/api/graphql") return "/graphql";
  if (path.startsWith("/api/v3/") || path === "/api/v3") return path.slice("/api/v3".length) || "/";
  return path;
}

function kindOf(method: string, path: string, body: string): string {
  if (path !== "/graphql") return restKind(method, path);
  try {
    return `graphql ${operationNameOf(JSON.parse(body) as GraphQLRequestBody) ?? "anonymous"}`;
  } catch {
    return "graphql anonymous";
  }
}

export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const store = options.store ?? new FakeStore();
  if (options.data?.length) loadDatasets(options.data, store);
  const auth: AuthPolicy = { acceptAnyToken: options.acceptAnyToken ?? true, rejectTokens: options.rejectTokens ?? [] };
  const requests: RequestLogEntry[] = [];
  const contract: ContractEntry[] = [];
  const recordContract =
    options.recordContract ?? (process.env.JEST_WORKER_ID !== undefined || process.env.FAKE_GITHUB_CONTRACT === "1");
  if (recordContract) startedFakes.push({ entries: contract });
  const searchGrammar = options.searchGrammar ?? DEFAULT_SEARCH_GRAMMAR;
  if (!(SEARCH_GRAMMARS as readonly string[]).includes(searchGrammar))
    throw new Error(`unknown search grammar "${String(searchGrammar)}": expected ${SEARCH_GRAMMARS.join(", ")}`);
  const interceptors = [...(options.interceptors ?? [])];
  let inFlight = 0;
  let peakInFlight = 0;

  async function respond(
    req: FakeRequest,
    index: number,
  ): Promise<{ response: FakeResponse; login?: string; intercepted?: boolean }> {
    // A fault "after handling" (a write that happened but whose answer is lost) replaces the handler's answer.
    let replacement: FakeResponse | undefined;
    let handled: Promise<{ response: FakeResponse; login?: string }> | undefined;
    const handle = async () => (await (handled ??= run(req))).response;
    for (const intercept of interceptors) {
      const response = await intercept(req, { store, index, inFlight, handle });
      if (response?.afterHandling) replacement ??= response;
      else if (response) return { response, login: handled ? (await handled).login : undefined, intercepted: true };
    }
    const { response, login } = await (handled ??= run(req));
    return { response: replacement ?? response, login, intercepted: replacement !== undefined };
  }

  /** The fake's own answer to a request, interceptors aside. */
  async function run(req: FakeRequest): Promise<{ response: FakeResponse; login?: string }> {
    const resource = req.path === "/graphql" ? "graphql" : "core";
    let login: string | undefined;
    let response: FakeResponse;
    try {
      const who = authenticate(store, req, auth);
      login = who.login;
      if (resource === "graphql") {
        if (req.method !== "POST") throw new HttpError(404, "Not Found");
        let body: GraphQLRequestBody;
        try {
          body = JSON.parse(req.body || "null") as GraphQLRequestBody;
        } catch {
          throw new HttpError(400, "Problems parsing JSON");
        }
        response = { status: 200, body: await executeGraphQL(store, body ?? {}, who, searchGrammar) };
      } else {
        store.rateLimits.take(who.login, "core", 1, store.nowMs());
        response = handleRest(store, req, who);
      }
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      response = error.toResponse();
    }
    const budget = store.rateLimits.take(login ?? "anonymous", resource, 0, store.nowMs());
    response.headers = {
      "x-ratelimit-limit": String(budget.limit),
      "x-ratelimit-remaining": String(budget.remaining),
      "x-ratelimit-used": String(budget.used),
      "x-ratelimit-reset": String(budget.reset),
      "x-ratelimit-resource": resource,
      ...response.headers,
    };
    return { response, login };
  }

  async function onRequest(raw: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = Date.now();
    const index = requests.length;
    const entry: RequestLogEntry = { method: raw.method ?? "GET", path: raw.url ?? "/", status: 0, kind: "", ms: 0 };
    requests.push(entry);
    inFlight++;
    peakInFlight = Math.max(peakInFlight, inFlight);
    try {
      const url = new URL(raw.url ?? "/", `http://${raw.headers.host ?? "127.0.0.1"}`);
      const body = await readBody(raw);
      const path = apiPath(url.pathname);
      entry.kind = kindOf(entry.method, path, body);
      const req: FakeRequest = {
        method: entry.method,
        path,
        url,
        query: url.searchParams,
        headers: raw.headers,
        body,
        kind: entry.kind,
      };
      let result: { response: FakeResponse; login?: string; intercepted?: boolean };
      try {
        result = await respond(req, index);
      } catch (error) {
        options.log?.(`fake GitHub: ${entry.method} ${entry.path} failed: ${(error as Error).stack ?? String(error)}`);
        result = {
          response: new HttpError(500, `fake GitHub internal error: ${(error as Error).message}`).toResponse(),
        };
      }
      entry.login = result.login;
      if (options.latencyMs) await sleep(options.latencyMs);
      const { response } = result;
      if (response.drop) {
        entry.status = -1;
        raw.socket.destroy();
        return;
      }
      entry.status = response.status;
      const text =
        response.body === undefined || response.status === 204
          ? ""
          : typeof response.body === "string"
            ? response.body
            : JSON.stringify(response.body);
      res.writeHead(response.status, {
        "content-type": "application/json; charset=utf-8",
        "x-github-media-type": "github.v3; format=json",
        "x-github-request-id": `FAKE:${index}`,
        ...response.headers,
      });
      res.end(text);
      if (recordContract && path !== "/graphql") {
        const found = findRoute(entry.method, path);
        contract.push({
          method: entry.method,
          route: found?.route.template,
          path,
          params: { ...found?.params },
          query: [...url.searchParams],
          requestBody: body,
          status: response.status,
          responseBody: text,
          responseType: String(response.headers?.["content-type"] ?? "application/json"),
          intercepted: result.intercepted ?? false,
        });
      }
    } finally {
      inFlight--;
      entry.ms = Date.now() - started;
      options.log?.(`${entry.method} ${entry.path} -> ${entry.status} (${entry.kind}, ${entry.ms} ms)`);
    }
  }

  const server = createServer((req, res) => void onRequest(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    apiUrl: url,
    graphqlUrl: `${url}/graphql`,
    host: `127.0.0.1:${port}`,
    store,
    searchGrammar,
    requests,
    contract,
    interceptors,
    auth,
    get inFlight() {
      return inFlight;
    },
    get peakInFlight() {
      return peakInFlight;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
