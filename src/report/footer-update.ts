// Keeps a report's reference-link footer true to its text after people edit it: every `[#N]`, `[repo#N]`, `[@user]`
// and `[repo]` the text uses gets a definition, and definitions nothing uses any more go. Links that are not
// references devreport understands (`[docs]: https://…`) are the editors' own and stay while the text uses them.
// Pure: whether a number is a PR or an issue comes in as a lookup (src/publish/reference-kinds.ts asks GitHub).
import type { RepoName } from "../model.js";
import {
  footer,
  GITHUB_WEB,
  key,
  label,
  parseLabel,
  referencesIn,
  styleOfText,
  type Reference,
  type ReferenceKind,
  type ReferenceStyle,
} from "./references.js";

/** Says whether a number is a PR or an issue; undefined when the caller does not know. */
export type KindLookup = (repo: RepoName, number: number) => ReferenceKind | undefined;

export interface Definition {
  label: string;
  url: string;
  line: string;
}

const DEFINITION = /^ {0,3}\[([^\]]+)\]:\s*(\S+)/;

/** The text without its trailing block of link definitions (and the blank lines among them). */
export function splitFooter(markdown: string): { body: string; definitions: Definition[] } {
  const lines = markdown.replace(/\r\n/g, "\n").split("\n");
  let start = lines.length;
  while (start > 0 && (lines[start - 1]!.trim() === "" || DEFINITION.test(lines[start - 1]!))) start--;
  const definitions = lines.slice(start).flatMap((line) => {
    const match = DEFINITION.exec(line);
    return match ? [{ label: match[1]!, url: match[2]!, line }] : [];
  });
  return { body: lines.slice(0, start).join("\n"), definitions };
}

/** PR-or-issue as the existing definitions link it (`/pull/N` or `/issues/N`), keyed like references.key(). */
export function definedKinds(definitions: Definition[], style: ReferenceStyle): Map<string, ReferenceKind> {
  const kinds = new Map<string, ReferenceKind>();
  for (const { label, url } of definitions) {
    const reference = parseLabel(label, style);
    const path = /\/(pull|issues)\/\d+\/?$/.exec(url)?.[1];
    if (reference?.type === "number" && path && !kinds.has(key(reference)))
      kinds.set(key(reference), path === "pull" ? "pull" : "issue");
  }
  return kinds;
}

/** The numbered references the text uses whose kind neither `kindOf` nor the current footer tells. */
export function unknownNumbers(
  markdown: string,
  configured: ReferenceStyle,
  kindOf: KindLookup = () => undefined,
): Extract<Reference, { type: "number" }>[] {
  const style = styleOfText(markdown, configured);
  const { body, definitions } = splitFooter(markdown);
  const defined = definedKinds(definitions, style);
  return referencesIn(body, style).flatMap((r) =>
    r.type === "number" && kindOf(r.repo, r.number) === undefined && !defined.has(key(r)) ? [r] : [],
  );
}

/**
 * Drops the footer block and appends the one the text now calls for. A number's kind comes from `kindOf`, then from
 * the old footer's link, then defaults to an issue (GitHub redirects `/issues/N` to the PR when N is one).
 *
 * A definition devreport did not write (a corrected URL, a link of the editors' own) belongs to the maintainers: it
 * takes the place of the generated line for its label and stays even when the text no longer uses it. Only
 * definitions exactly as devreport writes them are added, rewritten (a number found to be a PR) or dropped.
 */
export function updateFooter(
  markdown: string,
  configured: ReferenceStyle,
  kindOf: KindLookup = () => undefined,
): string {
  // A report written in the full style keeps it, whichever caller rebuilds its footer.
  const style = styleOfText(markdown, configured);
  const { body, definitions } = splitFooter(markdown);
  const defined = definedKinds(definitions, style);
  // A definition an editor wrote inside the body already serves its label; a second one would be dead weight.
  const definedInBody = new Set(
    body.split("\n").flatMap((line) => {
      const match = DEFINITION.exec(line);
      return match?.[1] ? [match[1].toLowerCase()] : [];
    }),
  );
  const references = referencesIn(body, style).filter((r) => !definedInBody.has(label(r, style).toLowerCase()));
  const generated = footer(
    references,
    style,
    (repo, number) => kindOf(repo, number) ?? defined.get(key({ type: "number", repo, number })) ?? "issue",
  );

  const human = new Map<string, Definition>();
  for (const definition of definitions) {
    const id = definition.label.toLowerCase();
    if (!human.has(id) && !definedInBody.has(id) && !isGenerated(definition, style)) human.set(id, definition);
  }
  const lines = generated.map((line) => human.get(labelOfLine(line))?.line ?? line);
  const placed = new Set(generated.map(labelOfLine));
  for (const [id, definition] of human) if (!placed.has(id)) lines.push(definition.line);
  return `${body.trimEnd()}\n${lines.length > 0 ? `\n${lines.join("\n")}\n` : ""}`;
}

/** Is this line exactly what devreport writes for its label (either kind for a number; github.com links too)? */
function isGenerated(definition: Definition, style: ReferenceStyle): boolean {
  const reference = parseLabel(definition.label, style);
  if (!reference) return false;
  // github.com as well as the configured host: footers written before the host was passed along used github.com.
  const hosts = [...new Set([style.webUrl, GITHUB_WEB])];
  return hosts.some((webUrl) =>
    (["pull", "issue"] as const).some(
      (kind) => footer([reference], { ...style, webUrl }, () => kind)[0] === definition.line,
    ),
  );
}

function labelOfLine(line: string): string {
  return (DEFINITION.exec(line)?.[1] ?? "").toLowerCase();
}
