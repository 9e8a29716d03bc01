import type { GitHubClient } from "./client.js";
import { isNotFound } from "./errors.js";
import type { Content } from "./rest-types.js";

/** A file's text on a branch (the default branch when `ref` is omitted), or undefined when there is none. */
export async function readRepositoryFile(
  client: GitHubClient,
  repo: string,
  path: string,
  ref?: string,
): Promise<string | undefined> {
  const [owner, name] = repo.split("/");
  try {
    const { data } = await client.request<Content>("GET /repos/{owner}/{repo}/contents/{path}", {
      owner,
      repo: name,
      path,
      ...(ref ? { ref } : {}),
    });
    if (Array.isArray(data) || data.type !== "file") throw new Error(`${repo}:${path} is not a file`);
    // Files of 1 to 100 MB come without their content (docs.github.com/rest/repos/contents: encoding "none").
    if (data.encoding === "none") throw new FileTooLarge(`${repo}:${path}`, data.size);
    return Buffer.from(data.content, "base64").toString("utf8");
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/** A file GitHub's contents API does not serve the content of (over 1 MB). */
export class FileTooLarge extends Error {
  override name = "FileTooLarge";
  constructor(
    readonly file: string,
    readonly size: number,
  ) {
    super(`${file} is ${size} bytes, over the 1 MB GitHub's contents API serves`);
  }
}
