import { afterAll, beforeAll, expect, test } from "@jest/globals";
import { startFakeGitHub, type FakeGitHub } from "../src/server.js";
import { SAMPLE } from "./helpers.js";

let fake: FakeGitHub;
beforeAll(async () => {
  fake = await startFakeGitHub({ data: [SAMPLE] });
});
afterAll(() => fake.close());

test("contents with the raw media type answer the file's bytes, as Probot's context.config() expects", async () => {
  const url = `${fake.url}/repos/acme/tinyos/contents/.github/devreport.yml`;
  const raw = await fetch(url, { headers: { authorization: "token t", accept: "application/vnd.github.v3.raw" } });
  expect(raw.status).toBe(200);
  expect(raw.headers.get("content-type")).toBe("text/plain; charset=utf-8");
  const text = await raw.text();
  expect(text).toMatch(/^repositories:/m);

  const json = (await (await fetch(url, { headers: { authorization: "token t" } })).json()) as { content: string };
  expect(Buffer.from(json.content, "base64").toString("utf8")).toBe(text);
});
