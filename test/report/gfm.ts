// GitHub Flavored Markdown as a renderer reads it, for the tests that check what a title or a comment turns into.
// micromark with micromark-extension-gfm follows the GFM spec (autolink literals, strikethrough, tables, raw HTML),
// which is what cmark-gfm, GitHub's parser, implements.
import { fromMarkdown } from "mdast-util-from-markdown";
import { micromark } from "micromark";
import { gfm, gfmHtml } from "micromark-extension-gfm";

/** HTML as GFM renders it, raw HTML let through as GitHub's sanitiser would let harmless tags through. */
export const gfmHtmlOf = (markdown: string): string =>
  micromark(markdown, { extensions: [gfm()], htmlExtensions: [gfmHtml()], allowDangerousHtml: true });

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" };

/** The text of rendered HTML; every tag becomes a space, so text on either side of markup is never joined. */
export const textOf = (html: string): string =>
  html.replace(/<[^>]*>/g, " ").replace(/&(amp|lt|gt|quot|#39);/g, (_m, name: string) => ENTITIES[name]!);

/** GitHub's mention rule, `(^|\W)@login` or `@org/team`, made stricter: `_` counts as a boundary too. */
export const MENTION = /(?<![A-Za-z0-9])@[A-Za-z0-9][A-Za-z0-9-]*(?:\/[A-Za-z0-9][\w.-]*)?/g;

/** The live mentions of a comment or PR body: in its source and in its rendered text, outside fenced code blocks. */
export function liveMentions(markdown: string): string[] {
  const fences = fromMarkdown(markdown)
    .children.filter(
      (node) => node.type === "code" && /^ {0,3}(`{3,}|~{3,})/.test(markdown.slice(node.position!.start.offset!)),
    )
    .map((node) => [node.position!.start.offset!, node.position!.end.offset!] as const);
  let outside = markdown;
  for (const [start, end] of [...fences].reverse()) outside = `${outside.slice(0, start)}${outside.slice(end)}`;
  const rendered = textOf(gfmHtmlOf(outside).replace(/<pre>[\s\S]*?<\/pre>/g, " "));
  return [...(outside.match(MENTION) ?? []), ...(rendered.match(MENTION) ?? [])];
}

/** Titles that pinged people (a team included) from the preview comment, and their variations. */
export const MENTION_TITLES = [
  "fix `@linuxkit/maintainers` review",
  "`x`@ndauten",
  "@linuxkit/maintainers at the start",
  "@rn at the start",
  "Thanks (@rn)",
  "`@rn`",
  "``@rn``",
  "\\@rn escaped",
  "*@rn* _@rn_ ~@rn~ **@rn** __@rn__ ~~@rn~~",
  "&#64;rn &#x40;rn &commat;rn",
  "[@rn](https://github.com/rn) <@rn> !@rn",
  "me@example.com @rn/team-x",
];
