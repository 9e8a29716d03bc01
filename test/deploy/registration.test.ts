// `npm start` without APP_ID serves Probot's "Register GitHub App" page, whose button posts app.yml (as JSON) to
// GitHub. Probot writes that JSON into a single-quoted HTML attribute without escaping it, so a `'` (or an entity
// such as `&amp;`) in app.yml silently changes what GitHub receives. This renders Probot's real page from our app.yml
// and reads the manifest back the way a browser would.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { parse as parseHtml } from "parse5";
import { parse as parseYaml } from "yaml";
import { installDir, packageJson, ROOT, startProbot, type RunningProbot } from "./helpers.js";

interface Node {
  nodeName: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Node[];
  content?: Node;
}

function* walk(node: Node): Generator<Node> {
  yield node;
  for (const child of node.childNodes ?? []) yield* walk(child);
}

const attr = (node: Node, name: string) => node.attrs?.find((a) => a.name === name)?.value;
const text = (node: Node): string =>
  [...walk(node)].map((n) => (n.nodeName === "#text" ? (n as unknown as { value: string }).value : "")).join("");

const appYml = parseYaml(readFileSync(join(ROOT, "app.yml"), "utf8"));

describe("Probot's registration page, from app.yml", () => {
  let install: ReturnType<typeof installDir>;
  let probot: RunningProbot;
  let html: string;

  beforeAll(async () => {
    // Setup mode needs only what Probot reads from the working directory; it never loads the app.
    install = installDir(["app.yml", "package.json"]);
    probot = await startProbot("probot run ./lib/index.js", install.dir, {});
    const response = await fetch(`${probot.baseUrl}/probot`);
    expect(response.status).toBe(200);
    html = await response.text();
  });

  afterAll(async () => {
    await probot?.stop();
    install?.remove();
  });

  test("its button posts exactly app.yml, plus the URLs Probot fills in, to GitHub's new-app form", () => {
    const document = parseHtml(html) as unknown as Node;
    const forms = [...walk(document)].filter((n) => n.nodeName === "form");
    expect(forms).toHaveLength(1);
    const [form] = forms;
    expect(attr(form!, "action")).toBe("https://github.com/settings/apps/new");
    expect(attr(form!, "method")).toBe("post");

    // The browser submits the clicked button's name and value.
    const fields = [...walk(form!)].filter((n) => attr(n, "name") === "manifest");
    expect(fields).toHaveLength(1);
    const value = attr(fields[0]!, "value") ?? "";
    let manifest: unknown;
    try {
      manifest = JSON.parse(value);
    } catch (error) {
      throw new Error(`GitHub would receive ${JSON.stringify(value)}, not the manifest (a ' in app.yml?)`, {
        cause: error,
      });
    }

    expect(manifest).toEqual({
      name: appYml.name,
      description: appYml.description,
      url: appYml.url,
      public: appYml.public,
      default_permissions: appYml.default_permissions,
      default_events: appYml.default_events,
      // Probot's: webhooks to this server (no WEBHOOK_PROXY_URL here), and back to it once GitHub created the app.
      hook_attributes: { url: `${probot.baseUrl}/` },
      redirect_url: `${probot.baseUrl}/probot/setup`,
      version: "v1",
    });
  });

  test("the page's heading and text name the app as package.json does", () => {
    const document = parseHtml(html) as unknown as Node;
    const h1 = [...walk(document)].find((n) => n.nodeName === "h1")!;
    expect(text(h1)).toContain(`Welcome to ${packageJson.name}`);
    const paragraphs = [...walk(document)].filter((n) => n.nodeName === "p").map((p) => text(p));
    expect(paragraphs).toContain(packageJson.description);
  });
});
