// GraphQL answers read with JSON.parse. @octokit/request 10 parses every JSON body with json-with-bigint, which on
// Node 20 (no JSON.parse source text) first runs a regular expression over the whole text and then a reviver over
// every value: for the synthetic week's 146 answers that was 1.3 s of the drafting process's 3.4 s of CPU (V8
// profile of the app server), about as much as composing and rendering the report. GitHub's GraphQL API sends no
// number a double cannot hold (its Int is 32-bit; 64-bit ids such as fullDatabaseId are BigInt, serialised as
// strings), so plain JSON.parse gives the same values. REST answers keep Octokit's parser.
import type { Octokit } from "@octokit/rest";

interface RequestOptions {
  method?: string;
  url?: string;
  request?: Record<string, unknown>;
}

function isGraphqlPost(options: RequestOptions): boolean {
  const path = new URL(options.url ?? "/", "http://github.invalid").pathname;
  return (options.method ?? "GET").toUpperCase() === "POST" && path.endsWith("/graphql");
}

/**
 * Install before any other request hook, so that it sits next to the request and every other hook (retries, write
 * spacing) sees parsed answers, as before. Failed answers (4xx/5xx) are still read by Octokit itself.
 */
export function installGraphqlJson(octokit: Pick<Octokit, "hook">): void {
  octokit.hook.wrap("request", async (request, options) => {
    const typed = options as unknown as RequestOptions;
    if (!isGraphqlPost(typed)) return request(options);
    // In place: before-after-hook binds the options each hook was called with, so the hooks inside this one
    // (Octokit's auth) read this object, not whatever is passed on to `request`.
    typed.request = { ...typed.request, parseSuccessResponseBody: false };
    const answer = await request(options);
    const body = answer.data as unknown;
    if (!(body instanceof ReadableStream)) return answer;
    let text: string;
    try {
      text = await new Response(body).text();
    } catch (error) {
      // The connection dropped mid-answer: what @octokit/request reports when fetch itself fails (a 500 with no
      // response), so retries treat it as a lost answer.
      throw Object.assign(new Error(error instanceof Error ? error.message : String(error), { cause: error }), {
        name: "HttpError",
        status: 500,
        request: options,
      });
    }
    const type = String(answer.headers["content-type"] ?? "");
    let data: unknown = text;
    if (/^application\/(scim\+)?json\b/i.test(type)) {
      try {
        data = JSON.parse(text);
      } catch {
        // What Octokit does with a body that is not the JSON it claims to be: hand back the text.
      }
    }
    return { ...answer, data } as typeof answer;
  });
}
