// Three-way merge of a regenerated draft into the draft maintainers edited. Line based, like diff3, with two
// differences that suit a report (a list of independent lines) better than source code:
//  - changes that only touch (one side rewords line 5, the other inserts an item after it) are not conflicts;
//    only changes that overlap the same base lines are;
//  - both sides inserting at the same place keep both insertions, the generated ones first, so new items extend
//    the list and the maintainers' prose after it stays after it.
// The reference footer is left out of the merge and rebuilt from the merged text, so new references never collide
// there.
import { diffIndices } from "node-diff3";
import type { ReferenceStyle } from "./references.js";
import { splitFooter, updateFooter, type Definition, type KindLookup } from "./footer-update.js";

export interface MergeInput {
  /** The draft the app committed last (what both sides started from). */
  base: string;
  /** The branch's file as maintainers left it. */
  ours: string;
  /** The newly generated draft. */
  theirs: string;
  style: ReferenceStyle;
  /** PR-or-issue for numbers; the three footers' own links are used where it says nothing. */
  kindOf?: KindLookup;
}

export interface MergeConflict {
  /** 1-based line in `ours` where the conflicting lines start (where they would be, when ours deleted them). */
  line: number;
  oursLines: string[];
  theirsLines: string[];
  baseLines: string[];
}

export type MergeResult =
  | { clean: true; text: string }
  | {
      clean: false;
      conflicts: MergeConflict[];
      /** List items of the new draft that neither the base nor the maintainers' text has: new items, and items it changed. */
      newItems: string[];
    };

interface Hunk {
  side: "ours" | "theirs";
  /** Base lines [start, end) replaced by `lines`. */
  start: number;
  end: number;
  lines: string[];
}

export function mergeDrafts({ base, ours, theirs, style, kindOf }: MergeInput): MergeResult {
  const parts = { base: splitFooter(base), ours: splitFooter(ours), theirs: splitFooter(theirs) };
  const o = parts.base.body.split("\n");
  const a = parts.ours.body.split("\n");
  const b = parts.theirs.body.split("\n");
  const hunks = [...hunksOf(o, a, "ours"), ...hunksOf(o, b, "theirs")].sort(
    (x, y) => x.start - y.start || x.end - y.end || (x.side === "theirs" ? -1 : 1) - (y.side === "theirs" ? -1 : 1),
  );

  const merged: string[] = [];
  const conflicts: MergeConflict[] = [];
  let position = 0;
  // How far ours' line numbers have drifted from base's, to report conflicts where maintainers see them.
  let oursDrift = 0;
  for (const group of groups(hunks)) {
    const start = group[0]!.start;
    const end = Math.max(...group.map((h) => h.end));
    merged.push(...o.slice(position, start));
    const oursSide = apply(
      o,
      start,
      end,
      group.filter((h) => h.side === "ours"),
    );
    const theirsSide = apply(
      o,
      start,
      end,
      group.filter((h) => h.side === "theirs"),
    );
    const sides = new Set(group.map((h) => h.side));
    if (sides.size === 1 || same(oursSide, theirsSide)) {
      merged.push(...(sides.has("ours") ? oursSide : theirsSide));
    } else if (start === end) {
      merged.push(...theirsSide, ...oursSide);
    } else {
      conflicts.push({
        line: start + oursDrift + 1,
        oursLines: oursSide,
        theirsLines: theirsSide,
        baseLines: o.slice(start, end),
      });
      merged.push(...oursSide);
    }
    oursDrift += oursSide.length - (end - start);
    position = end;
  }
  merged.push(...o.slice(position));

  if (conflicts.length > 0) {
    const known = new Set([...o, ...a].map((line) => line.trim()));
    const newItems = b.filter((line) => /^\s*(?:[-*+]|\d+[.)])\s+\S/.test(line) && !known.has(line.trim()));
    return { clean: false, conflicts, newItems };
  }
  // Old definitions go along so the rebuilt footer keeps their PR/issue links and the editors' own links.
  const definitions = dedupe([...parts.ours.definitions, ...parts.theirs.definitions, ...parts.base.definitions]);
  const text = `${merged.join("\n").trimEnd()}\n\n${definitions.map((d) => d.line).join("\n")}\n`;
  return { clean: true, text: updateFooter(text, style, kindOf) };
}

/**
 * Did the maintainers already take what the new draft brings where it conflicts? Every line the draft has there that
 * the base did not (a new item, a reworded one) is somewhere in their text: a conflict resolved by hand, as the
 * conflict comment asks, so nothing is left to merge or to point out.
 */
export function draftLinesIn(conflicts: MergeConflict[], ours: string): boolean {
  const theirs = new Set(ours.split("\n").map((line) => line.trim()));
  return conflicts.every((c) => {
    const base = new Set(c.baseLines.map((line) => line.trim()));
    return c.theirsLines.every((line) => line.trim() === "" || base.has(line.trim()) || theirs.has(line.trim()));
  });
}

function hunksOf(base: string[], side: string[], name: Hunk["side"]): Hunk[] {
  return diffIndices(base, side).map((d) => ({
    side: name,
    start: d.buffer1[0],
    end: d.buffer1[0] + d.buffer1[1],
    lines: d.buffer2Content,
  }));
}

/**
 * Hunks that must be decided together: those overlapping base lines, and insertions at one point. Touching hunks
 * (one ends where the next starts) stay apart, and so merge without a conflict.
 */
function groups(hunks: Hunk[]): Hunk[][] {
  const result: Hunk[][] = [];
  let current: Hunk[] = [];
  let start = 0;
  let end = 0;
  for (const hunk of hunks) {
    const insertionAtSamePoint = hunk.start === hunk.end && start === end && hunk.start === end;
    if (current.length > 0 && (hunk.start < end || insertionAtSamePoint)) {
      current.push(hunk);
      end = Math.max(end, hunk.end);
      continue;
    }
    if (current.length > 0) result.push(current);
    current = [hunk];
    start = hunk.start;
    end = hunk.end;
  }
  if (current.length > 0) result.push(current);
  return result;
}

/** Base lines [start, end) with one side's hunks (which never overlap each other) applied. */
function apply(base: string[], start: number, end: number, hunks: Hunk[]): string[] {
  const out: string[] = [];
  let position = start;
  for (const hunk of hunks) {
    out.push(...base.slice(position, hunk.start), ...hunk.lines);
    position = hunk.end;
  }
  out.push(...base.slice(position, end));
  return out;
}

function same(x: string[], y: string[]): boolean {
  return x.length === y.length && x.every((line, i) => line === y[i]);
}

function dedupe(definitions: Definition[]): Definition[] {
  const seen = new Set<string>();
  return definitions.filter(({ label }) => {
    const id = label.toLowerCase();
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
