// Keeps a report's reference-link footer true to its text after people edit it: every `[#N]`, `[repo#N]`, `[@user]`
// and `[repo]` the text uses gets a definition, and definitions nothing uses any more go. Links that are not
// references devreport understands (`[docs]: https://…`) are the editors' own and stay while the text uses them.
// Pure: whether a number is a PR or an issue comes in as a lookup (src/publish/reference-kinds.ts asks GitHub).
import type { RepoName } from "../model.js";
import { footer, key, label, parseLabel, referencesIn, type Reference, type ReferenceKind, type ReferenceStyle } from "./references.js";

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
    if (reference?.type === "number" && path && !kinds.has(key(reference))) kinds.set(key(reference), path === "pull" ? "pull" : "issue");
  }
  return kinds;
}

/** The numbered references the text uses whose kind neither `kindOf` nor the current footer tells. */
export function unknownNumbers(markdown: string, style: ReferenceStyle, kindOf: KindLookup = () => undefined): Extract<Reference, { type: "number" }>[] {
  const { body, definitions } = splitFooter(markdown);
  const defined = definedKinds(definitions, style);
  return referencesIn(body, style).flatMap((r) =>
    r.type === "number" && kindOf(r.repo, r.number) === undefined && !defined.has(key(r)) ? [r] : [],
  );
}

/**
 * Drops the footer block and appends the one the text now calls for. A number's kind comes from `kindOf`, then from
 * the old footer's link, then defaults to an issue (GitHub redirects `/issues/N` to the PR when N is one).
 */
export function updateFooter(markdown: string, style: ReferenceStyle, kindOf: KindLookup = () => undefined): string {
  const { body, definitions } = splitFooter(markdown);
  const defined = definedKinds(definitions, style);
  // A definition an editor wrote inside the body already serves its label; a second one would be dead weight.
  const definedInBody = new Set(body.split("\n").flatMap((line) => {
    const match = DEFINITION.exec(line);
    return match ? [match[1]!.toLowerCase()] : [];
  }));
  const references = referencesIn(body, style).filter((r) => !definedInBody.has(label(r, style).toLowerCase()));
  const generated = footer(references, style, (repo, number) => kindOf(repo, number) ?? defined.get(key({ type: "number", repo, number })) ?? "issue");

  const used = usedLabels(body);
  const seen = new Set(generated.map((line) => DEFINITION.exec(line)![1]!.toLowerCase()));
  const custom = definitions.filter(({ label }) => {
    const id = label.toLowerCase();
    if (seen.has(id) || parseLabel(label, style) !== undefined || !used.has(id)) return false;
    seen.add(id);
    return true;
  });
  const lines = [...generated, ...custom.map((d) => d.line)];
  return `${body.trimEnd()}\n${lines.length > 0 ? `\n${lines.join("\n")}\n` : ""}`;
}

/** Every `[text]` in the body, lower-cased: a custom definition stays while something links to it. */
function usedLabels(body: string): Set<string> {
  const used = new Set<string>();
  for (const line of body.split("\n")) {
    if (DEFINITION.test(line)) continue;
    for (const match of line.matchAll(/\[([^\]]+)\]/g)) used.add(match[1]!.toLowerCase());
  }
  return used;
}
