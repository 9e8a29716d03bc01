// Reads a report branch name back into its period: the config's `publish.branch` template ("devreport/{{id}}")
// becomes a pattern whose Mustache tags capture what they stand for. Pure, so the push trigger's filter is tested
// with strings.
import { periodIdOfBranchId } from "../report/naming.js";

const TAG = /\{\{\{?\s*([A-Za-z]+)\s*\}?\}\}/g;
/** What a tag may expand to: period ids and numbers never hold a slash. */
const VALUE = "[^/]+";

/** The values the branch name holds for the template's tags, or null when the branch is not a report branch. */
export function matchBranch(template: string, branch: string): Record<string, string> | null {
  const names: string[] = [];
  let source = "";
  let last = 0;
  for (const match of template.matchAll(TAG)) {
    source += escape(template.slice(last, match.index));
    const name = match[1]!;
    // A tag used twice must expand to the same text both times.
    source += names.includes(name) ? `\\k<${name}>` : `(?<${name}>${VALUE})`;
    names.push(name);
    last = match.index + match[0].length;
  }
  source += escape(template.slice(last));
  const found = new RegExp(`^${source}$`).exec(branch);
  return found ? { ...found.groups } : null;
}

/** The period a report branch is for, in parsePeriod's terms ("2017-W27", "2018-01"), when the template says. */
export function periodOfBranch(template: string, branch: string): string | null {
  const values = matchBranch(template, branch);
  if (!values) return null;
  if (values.id) return periodIdOfBranchId(values.id);
  if (values.year && values.week) return `${values.year}-W${values.week.padStart(2, "0")}`;
  if (values.year && values.month) return `${values.year}-${values.month.padStart(2, "0")}`;
  return null;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
