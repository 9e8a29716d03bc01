// `/draft-report` as people type it in a comment. Pure: the handler gives it the comment body, the tests give it
// strings. Only a line that is exactly the command (plus arguments) counts, so prose that mentions the command,
// quotes it ("> /draft-report") or shows it in a code block never starts a run.

export const COMMAND = "/draft-report";

export const USAGE =
  "Usage: `/draft-report [PERIOD]` opens or updates the report's pull request; `/draft-report preview [PERIOD]` " +
  'posts the draft here instead. PERIOD is "last" (the default), "this", an ISO week such as "2017-W27", a month ' +
  'such as "2018-01", or a date such as "2017-07-05".';

export type ParsedCommand =
  /** A well-formed request. `period` is what the person typed ("last" when they typed nothing). */
  | { kind: "run"; preview: boolean; period: string }
  /** The command was there but its arguments make no sense: answer with the usage text. */
  | { kind: "usage"; problem: string };

/** The first `/draft-report` line of a comment, or null when the comment holds no such command. */
export function parseCommand(body: string): ParsedCommand | null {
  let fenced = false;
  for (const raw of body.split(/\r?\n/)) {
    const line = raw.trim();
    // Code fences (``` or ~~~) show commands, they do not issue them.
    if (/^(```|~~~)/.test(line)) {
      fenced = !fenced;
      continue;
    }
    if (fenced) continue;
    // `(?=\s|$)`: "/draft-reports" and "/draft-report-now" are other commands, not ours.
    const match = /^\/draft-report(?=\s|$)(.*)$/.exec(line);
    if (match) return parseArguments(match[1]!.trim().split(/\s+/).filter(Boolean));
  }
  return null;
}

function parseArguments(words: string[]): ParsedCommand {
  const preview = words[0] === "preview";
  const rest = preview ? words.slice(1) : words;
  if (rest.length > 1) return { kind: "usage", problem: `too many arguments: "${rest.join(" ")}"` };
  return { kind: "run", preview, period: rest[0] ?? "last" };
}
