// `/draft-report` as people type it in a comment. Pure: the handler gives it the comment body, the tests give it
// strings. The comment is read as CommonMark (mdast-util-from-markdown, on micromark), the way GitHub reads it, and
// only a line of a top-level paragraph that starts with the command (plus arguments) counts: prose that mentions
// the command, quotes it ("> /draft-report"), lists it ("- /draft-report"), or shows it in a code span, a code block
// (fenced or indented) or an HTML comment never starts a run.
import { fromMarkdown } from "mdast-util-from-markdown";
import { excerpt } from "../report/markdown.js";

export const COMMAND = "/draft-report";

export const USAGE =
  "Usage: `/draft-report [PERIOD]` opens or updates the report's pull request; `/draft-report preview [PERIOD]` " +
  'posts the draft here instead. PERIOD is "last" (the default), "this", an ISO week such as "2017-W27", a month ' +
  'such as "2018-01", or a date such as "2017-07-05".';

/** Longer than any period ("2017-01-01..2017-12-31" is 22 characters): such an argument is answered, not parsed. */
const MAX_PERIOD = 40;

export type ParsedCommand =
  /** A well-formed request. `period` is what the person typed ("last" when they typed nothing). */
  | { kind: "run"; preview: boolean; period: string }
  /** The command was there but its arguments make no sense: answer with the usage text. `problem` is plain text. */
  | { kind: "usage"; problem: string };

/** The first `/draft-report` line of a comment, or null when the comment holds no such command. */
export function parseCommand(body: string): ParsedCommand | null {
  const line = commandLine(body);
  return line === null ? null : parseArguments(line.split(/\s+/).filter(Boolean));
}

/**
 * What follows the command on the first line that issues it: a line of a top-level paragraph (so not inside a
 * block quote or a list item) whose first character is plain paragraph text, not part of a code span, inline HTML,
 * a link or emphasis. Every line of the paragraph counts, as it always did ("Thanks!\n/draft-report" runs):
 * GitHub joins the lines when it renders them, but the person typed the command on a line of its own.
 */
function commandLine(body: string): string | null {
  for (const block of fromMarkdown(body).children) {
    if (block.type !== "paragraph") continue;
    const texts = block.children.filter((child) => child.type === "text").map((child) => child.position!);
    const start = block.position!.start.offset!;
    const source = body.slice(start, block.position!.end.offset!);
    let offset = start;
    for (const raw of source.split("\n")) {
      const indent = raw.length - raw.trimStart().length;
      const at = offset + indent;
      offset += raw.length + 1;
      if (!texts.some((text) => text.start.offset! <= at && at < text.end.offset!)) continue;
      // `(?=\s|$)`: "/draft-reports" and "/draft-report-now" are other commands, not ours.
      // A backslash ending the line is a hard line break, not part of an argument.
      const match = /^\/draft-report(?=\s|\\?$)(.*?)\\?$/.exec(raw.trim());
      if (match) return match[1]!.trim();
    }
  }
  return null;
}

function parseArguments(words: string[]): ParsedCommand {
  const preview = words[0] === "preview";
  const rest = preview ? words.slice(1) : words;
  // Only a short excerpt of what was typed is quoted back: an argument may be 10 KB long.
  if (rest.length > 1) return { kind: "usage", problem: `too many arguments: "${excerpt(rest.join(" "))}"` };
  const period = rest[0] ?? "last";
  if (Array.from(period).length > MAX_PERIOD)
    return { kind: "usage", problem: `bad period "${excerpt(period)}": no period is that long` };
  return { kind: "run", preview, period };
}
