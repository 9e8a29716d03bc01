// Titles come from anyone who can open a pull request, so they are data, never markup: escape what would break a
// list line, start another block, inject a link or link definition, or be picked up by a site generator's templates.

export function escapeTitle(title: string): string {
  let text = title.replace(/[\r\n\t]+/g, " ").trim();
  text = text.replace(/\\/g, "\\\\");
  text = text.replace(/[[\]<>*|]/g, (c) => `\\${c}`);
  // An odd number of backticks leaves a code span open and swallows the references after the title.
  if ((text.match(/`/g) ?? []).length % 2 === 1) text = text.replace(/`/g, "\\`");
  // Underscores only emphasise at word edges ("snake_case" is safe).
  text = text.replace(/(^|[^A-Za-z0-9])_|_(?=[^A-Za-z0-9]|$)/g, (match) => match.replace("_", "\\_"));
  text = text.replace(/&(?=#?[A-Za-z0-9]+;)/g, "\\&");
  // Liquid (GitHub Pages) and Mustache templates read {{ }} and {% %}.
  text = text.replace(/\{(?=[{%])|(?<=[}%])\}/g, (c) => `\\${c}`);
  // A leading marker would start a heading, quote or nested list inside the item.
  text = text.replace(/^(#|>|[-+=]|\d+[.)])/, (marker) => (/^\d/.test(marker) ? marker.replace(/([.)])$/, "\\$1") : `\\${marker}`));
  return text;
}

/** For text GitHub will notify from (PR bodies, comments): `@name` becomes a non-pinging `@&#8203;name`. */
export function withoutMentions(text: string): string {
  return text.replace(/(^|[^A-Za-z0-9`])@(?=[A-Za-z0-9])/g, "$1@\u200B");
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
