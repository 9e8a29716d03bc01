// The one place the configuration is described: its keys, types, defaults and docs. The TypeScript type and the
// committed JSON Schema (schema/devreport.schema.json, for editors) are both derived from it.
import picomatch from "picomatch";
import { z } from "zod";
import { CONFIG_PERIOD_KINDS, ISSUE_STATE_REASONS } from "../model.js";
import { isTimeZone } from "../period.js";
import { EXTENDS_FORMS, EXTENDS_PATTERN } from "./merge.js";
import { cronProblem } from "./cron.js";

/** Templates shipped in templates/: `template: builtin:NAME` reads templates/NAME.md.mustache. */
export const BUILTIN_TEMPLATES = ["report", "linuxkit-monthly"] as const;
export const BUILTIN_PREFIX = "builtin:";
export const REFERENCE_STYLES = ["short", "full"] as const;

const repoName = z.string().regex(/^[A-Za-z0-9-]+\/(?:[A-Za-z0-9._-]+|\*)$/, {
  message: 'must be "owner/name" (or "owner/*" for every repository of an organisation)',
});

/** A picomatch glob, optionally negated with a leading "!". */
const glob = z.string().superRefine((value, ctx) => {
  const problem = globProblem(value);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

const regex = z.string().superRefine((value, ctx) => {
  try {
    new RegExp(value, "i");
  } catch (error) {
    ctx.addIssue({ code: "custom", message: `is not a valid regular expression (${(error as Error).message})` });
  }
});

export function globProblem(value: string): string | undefined {
  const pattern = value.startsWith("!") ? value.slice(1) : value;
  if (pattern === "") return "is not a valid glob (empty pattern)";
  if (pattern.startsWith("/"))
    return 'is not a valid glob (paths are relative to the repository root: drop the leading "/")';
  try {
    picomatch.makeRe(pattern, { strictBrackets: true, dot: true });
  } catch (error) {
    return `is not a valid glob (${(error as Error).message})`;
  }
  return undefined;
}

const section = z
  .strictObject({
    id: z
      .string()
      .regex(/^[a-z0-9-]+$/)
      .optional()
      .describe("Stable id (defaults to the title in kebab case)."),
    title: z.string().min(1).describe("Heading of the section in the report."),
    labels: z
      .array(z.string().min(1))
      .default([])
      .describe("A PR or issue with any of these labels lands here (checked first)."),
    paths: z
      .array(glob)
      .default([])
      .describe(
        'Globs over changed files; "!glob" excludes. Each file votes for the first section matching it; most votes wins.',
      ),
    titles: z.array(regex).default([]).describe("Case-insensitive regular expressions over the title."),
    repositories: z
      .array(repoName)
      .default([])
      .describe("Everything from these repositories lands here unless a label says otherwise."),
    weak: z
      .boolean()
      .default(false)
      .describe(
        "Files matching this section only count when no changed file matches an ordinary section (docs and tests that come with a feature).",
      ),
  })
  .describe("A section of the report and the rules that place changes in it.");

/** A five-field cron expression, checked by the same parser the schedule runs on. */
const cron = z.string().superRefine((value, ctx) => {
  const problem = cronProblem(value);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

const stateReason = z.enum(ISSUE_STATE_REASONS);

export const configSchema = z
  .strictObject({
    _extends: z
      .string()
      .regex(EXTENDS_PATTERN, { message: `must be ${EXTENDS_FORMS}` })
      .optional()
      .describe(
        'Build on another config: "repo" (same owner), "owner/repo", optionally ":path/file.yml" (default .github/devreport.yml). Keys here override it; lists replace its lists.',
      ),
    preset: z
      .enum(["linuxkit", "linuxkit-monthly"])
      .optional()
      .describe("A named preset; keys beside it override the preset's."),
    repositories: z
      .array(repoName)
      .default([])
      .describe(
        "Repositories to report on; the first is primary (its references are [#N]). Defaults to the repository holding the config.",
      ),
    period: z.enum(CONFIG_PERIOD_KINDS).default("week").describe("Length of a report."),
    timeZone: z
      .string()
      .refine(isTimeZone, { message: 'must be an IANA time zone such as "UTC" or "Europe/Berlin"' })
      .default("UTC")
      .describe("Time zone in which periods start and end."),
    path: z
      .string()
      .min(1)
      .optional()
      .describe(
        "Report file; Mustache with year, week, month, id. Default reports/{{year}}-{{week}}.md (months: reports/{{year}}-{{month}}.md).",
      ),
    title: z
      .string()
      .min(1)
      .optional()
      .describe("Title line template (Mustache: firstDay, lastDay, year, week, weekNumber, month, id, project)."),
    intro: z
      .string()
      .optional()
      .describe("Intro template; {{{repositories}}} is the linked list of repositories that had activity."),
    outro: z.string().default("").describe("Closing paragraph."),
    sections: z
      .array(section)
      .optional()
      .describe("Sections in report order; a change lands in the first that matches."),
    secondaryPaths: z
      .array(glob)
      .default([])
      .describe(
        "Files that only vote when no other changed file matches a section (e.g. YAML pinning image versions everywhere).",
      ),
    fallback: z.string().min(1).default("Other changes").describe("Title of the section for changes no rule places."),
    exclude: z
      .strictObject({
        labels: z
          .array(z.string().min(1))
          .default(["skip-report"])
          .describe("Changes with any of these labels are left out."),
        authors: z
          .array(z.string().min(1))
          .default([])
          .describe("Logins whose changes are left out and who are never credited."),
        bots: z.boolean().default(true).describe("Leave out bot accounts from credits."),
      })
      .prefault({})
      .describe("What never appears in a report."),
    issues: z
      .strictObject({
        include: z.boolean().default(true).describe("List closed issues not closed by a listed PR."),
        excludeStateReasons: z
          .array(stateReason)
          .default(["NOT_PLANNED", "DUPLICATE"])
          .describe("Closed issues with these reasons are left out."),
      })
      .prefault({})
      .describe("Closed issues."),
    template: z
      .string()
      .min(1)
      .refine(
        (value) =>
          !value.startsWith(BUILTIN_PREFIX) ||
          (BUILTIN_TEMPLATES as readonly string[]).includes(value.slice(BUILTIN_PREFIX.length)),
        {
          message: `names no built-in template; use ${BUILTIN_TEMPLATES.map((name) => `"${BUILTIN_PREFIX}${name}"`).join(", ")} or a path in the repository`,
        },
      )
      .optional()
      .describe(
        `Path (in the repository) of a Mustache template replacing the built-in one, or a built-in template: ${BUILTIN_TEMPLATES.map((name) => `"${BUILTIN_PREFIX}${name}"`).join(", ")}.`,
      ),
    references: z
      .enum(REFERENCE_STYLES)
      .default("short")
      .describe(
        'How references are written: "short" ([#N] into the primary repository, [repo#N] into a sibling), "full" ([owner/repo#N] everywhere, repositories as [owner/repo]).',
      ),
    publish: z
      .strictObject({
        branch: z
          .string()
          .min(1)
          .default("devreport/{{id}}")
          .describe("Branch per period (Mustache: id, year, week, month)."),
        labels: z.array(z.string().min(1)).default([]).describe("Labels for the drafted PR."),
        reviewers: z.array(z.string().min(1)).default([]).describe("Reviewers requested on the drafted PR."),
      })
      .prefault({})
      .describe("How the draft is opened as a pull request."),
    schedule: z
      .union([z.literal(false), cron], {
        error: 'must be a cron expression such as "0 6 * * 1", or false to turn the schedule off',
      })
      .optional()
      .describe(
        'When the hosted app drafts the last complete period: a cron expression ("minute hour day-of-month month day-of-week") in timeZone. Default "0 6 * * 1" (Mondays 06:00) for weeks, "0 6 1 * *" (the 1st, 06:00) for months; false turns it off.',
      ),
  })
  .describe("devreport configuration (.github/devreport.yml)");

/** What a user writes (every key optional). */
export type ConfigInput = z.input<typeof configSchema>;
/** The config after parsing: defaults applied, but repository/section defaults not yet resolved. */
export type ParsedConfig = z.output<typeof configSchema>;
export type SectionConfig = z.output<typeof section>;

/** The config the pipeline uses: every default resolved. */
export type Config = Omit<ParsedConfig, "_extends" | "sections" | "path" | "title" | "intro" | "preset"> & {
  preset?: ParsedConfig["preset"];
  sections: (SectionConfig & { id: string })[];
  path: string;
  title: string;
  intro: string;
};

export const CONFIG_KEYS = Object.keys(configSchema.shape);
