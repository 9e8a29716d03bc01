// What a report's path may be: a Markdown file inside the repository, never where GitHub would run it. Checked on
// the template when the config is read (every tag standing for a harmless value) and again on the rendered path
// (src/report/naming.ts), since a tag can render to anything its template allows.

export const REPORT_PATH_RULE =
  "a report path must be relative, inside the repository, outside .github/workflows/, and end in .md";

/** Why `path` cannot hold a report, or undefined when it can. */
export function reportPathProblem(path: string): string | undefined {
  if (path.trim() === "") return "it is empty";
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(path)) return "it holds a backslash or a control character";
  if (path.startsWith("/") || /^[A-Za-z]:/.test(path)) return "it is absolute";
  const segments = path.split("/");
  if (segments.some((segment) => segment === "" || segment === "." || segment === ".."))
    return "it has an empty, . or .. segment";
  if (segments.some((segment) => segment.toLowerCase() === ".git")) return "it is inside .git";
  // GitHub runs every workflow file under .github/workflows (any depth counts there for safety).
  if (/^\.github\/workflows(\/|$)/i.test(path)) return "it is inside .github/workflows";
  if (!/\.md$/i.test(path)) return "it does not end in .md";
  return undefined;
}

/** The template with every Mustache tag replaced by a plain value, for checking before any period is known. */
export function templateSample(template: string): string {
  return template.replace(/\{\{\{?[^}]*\}?\}\}/g, "0");
}
