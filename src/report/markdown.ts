// Titles come from anyone who can open a pull request, so they are data, never markup. GitHub shows a title as plain
// text with code spans, and so does the report: balanced code spans are kept as they are (they render literally),
// and everywhere else every character GFM gives meaning to inline is backslash-escaped (CommonMark lets any ASCII
// punctuation be escaped and renders it as itself), so a title cannot emphasise, strike through, link, embed an
// image, open raw HTML, start another block, or be picked up by a site generator's templates.

/** A title as literal text plus its balanced code spans, on one line. */
export function escapeTitle(title: string): string {
  const text = title.replace(/[\r\n\t]+/g, " ").trim();
  const parts = splitCodeSpans(text).map((part) =>
    // Liquid (GitHub Pages) reads {{ }} and {% %} even inside code spans: such a span is shown as literal text.
    part.code && !/\{[{%]|[}%]\}/.test(part.text) ? part.text : escapeLiteral(part.text),
  );
  return leadingMarker(parts.join(""));
}

/** Plain text (an error message, an argument someone typed) as Markdown that renders exactly that text. */
export function escapeText(text: string): string {
  return leadingMarker(escapeLiteral(text.replace(/[\r\n\t]+/g, " ").trim()));
}

/** At most `max` characters of what someone typed, to quote back to them: cut on a character, never mid-pair. */
export function excerpt(text: string, max = 40): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max).join("")}…`;
}

/** CommonMark code spans: a run of n backticks up to the next run of exactly n; an unmatched run is literal. */
function splitCodeSpans(text: string): { code: boolean; text: string }[] {
  const parts: { code: boolean; text: string }[] = [];
  const runs = [...text.matchAll(/`+/g)].map((m) => ({ at: m.index, length: m[0].length }));
  let literalFrom = 0;
  for (let i = 0; i < runs.length; i++) {
    const open = runs[i]!;
    const close = runs.findIndex((run, j) => j > i && run.length === open.length);
    if (close < 0) continue;
    const end = runs[close]!.at + open.length;
    parts.push({ code: false, text: text.slice(literalFrom, open.at) }, { code: true, text: text.slice(open.at, end) });
    literalFrom = end;
    i = close;
  }
  parts.push({ code: false, text: text.slice(literalFrom) });
  return parts.filter((part) => part.text !== "");
}

function escapeLiteral(text: string): string {
  return (
    text
      // Backslashes first, so that the escapes added below are the only ones.
      .replace(/\\/g, "\\\\")
      // Emphasis, strikethrough, links and images, raw HTML and autolinks, tables, stray code span openers.
      .replace(/[*~[\]<>|`]/g, (c) => `\\${c}`)
      .replace(/!(?=\\\[)/g, "\\!")
      // Underscores only emphasise at word edges ("snake_case" is safe).
      .replace(/(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g, "\\_")
      .replace(/&(?=#?[A-Za-z0-9]+;)/g, "\\&")
      // GFM's autolink extension links bare "scheme://", "www." and e-mail addresses; an escaped ":", "." or "@"
      // renders the same but is no longer part of a literal autolink.
      .replace(/(?<=[A-Za-z0-9]):(?=\/\/)/g, "\\:")
      .replace(/(?<![A-Za-z0-9])(www)\./gi, "$1\\.")
      .replace(/(?<=[A-Za-z0-9.+_-])@(?=[A-Za-z0-9_-])/g, "\\@")
      // Liquid (GitHub Pages) and Mustache templates read {{ }} and {% %}.
      .replace(/\{(?=[{%])|(?<=[}%])\}/g, (c) => `\\${c}`)
  );
}

/** A leading marker would start a heading, quote or nested list inside the item. */
function leadingMarker(text: string): string {
  return text.replace(/^(#|[-+=]|\d+[.)])/, (marker) =>
    /^\d/.test(marker) ? marker.replace(/([.)])$/, "\\$1") : `\\${marker}`,
  );
}

/**
 * For text GitHub notifies from (PR bodies, comments). GitHub's rule is `(^|\W)@login` (or `@org/team`), read in
 * the rendered text, where escapes and code spans are gone, so every `@` not preceded by a letter or digit and
 * followed by one (or by a character reference) becomes a non-pinging `@` + U+200B; `&#64;` and its kin, which
 * render as `@`, are treated as one. Only the fenced blocks of fenced() are left out by their callers: GitHub never
 * scans those. Idempotent.
 */
export function withoutMentions(text: string): string {
  return text
    .replace(/(?<!\\)&(?:#0*64|#[xX]0*40|commat);/g, "@")
    .replace(/(?<![A-Za-z0-9])@(?=[A-Za-z0-9]|&#?[A-Za-z0-9]+;)/g, "@\u200B");
}

/** "WIP: Add foo." -> "Add foo": what a reader needs, not the PR's workflow state. */
export function cleanTitle(title: string): string {
  return title
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^(?:\[\s*WIP\s*\]|\(\s*WIP\s*\)|WIP\s*:)\s*/i, "")
    .replace(/\.+$/, "")
    .trim();
}
