// The request and response values the server, the interceptors and the REST handlers pass around, kept free of
// node:http so handlers can be called directly and interceptors can be written without a socket in sight.
import type { IncomingHttpHeaders } from "node:http";

export interface FakeRequest {
  method: string;
  /** The API path with any GitHub Enterprise prefix (/api/v3, /api) removed and percent-decoding applied. */
  path: string;
  /** The full URL as requested (prefix and query kept): Link headers are built from it. */
  url: URL;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
  /** "graphql" or "graphql <OperationName>", "rest <METHOD> <route>", or "rest unknown". */
  kind: string;
}

export interface FakeResponse {
  status: number;
  /** Sent as JSON unless it is a string. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Destroy the socket instead of answering (for fault injection). */
  drop?: boolean;
  /** From an interceptor: let the request be handled first (its changes stay), then answer with this instead. */
  afterHandling?: boolean;
}

export const DOCS_URL = "https://docs.github.com/rest";

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }

  toResponse(): FakeResponse {
    return {
      status: this.status,
      body: { message: this.message, ...this.extra, documentation_url: DOCS_URL, status: String(this.status) },
    };
  }
}

export const notFound = (): HttpError => new HttpError(404, "Not Found");

/** GitHub's 422 shape: "Validation Failed" plus an errors array that Octokit folds into its error message. */
export const validationFailed = (errors: Record<string, unknown>[]): HttpError =>
  new HttpError(422, "Validation Failed", { errors });

/** Slices `items` by `page`/`per_page` (default 30, at most 100) and adds a Link header like GitHub's. */
export function paginate<T>(url: URL, items: T[], defaultPerPage = 30): { page: T[]; headers: Record<string, string> } {
  const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get("per_page")) || defaultPerPage));
  const page = Math.max(1, Number(url.searchParams.get("page")) || 1);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const link = (n: number, rel: string): string => {
    const target = new URL(url);
    target.searchParams.set("page", String(n));
    target.searchParams.set("per_page", String(perPage));
    return `<${target.href}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page > 1) links.push(link(page - 1, "prev"));
  if (page < last) links.push(link(page + 1, "next"), link(last, "last"));
  if (page > 1) links.push(link(1, "first"));
  return {
    page: items.slice((page - 1) * perPage, page * perPage),
    headers: links.length ? { link: links.join(", ") } : {},
  };
}

export const ok = (body: unknown, status = 200, headers?: Record<string, string>): FakeResponse => ({
  status,
  body,
  headers,
});
