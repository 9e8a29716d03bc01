// How a JavaScript action talks to the runner, without @actions/core (three small rules, and the bundle stays lean):
//
// - Inputs arrive as environment variables: "GitHub stores input parameters as environment variables", named
//   INPUT_<NAME> with spaces turned into `_` and the name upper-cased; hyphens stay (`dry-run` is `INPUT_DRY-RUN`,
//   which a shell cannot even name). GitHub Docs, "Metadata syntax for GitHub Actions", inputs. Defaults from
//   action.yml are filled in by the runner, so a missing variable means the action runs outside a runner.
// - Outputs go to the file named by GITHUB_OUTPUT, one `name=value` line each, or for a multi-line value
//   `name<<DELIMITER`, the lines, `DELIMITER` (a delimiter the value does not contain). GitHub Docs, "Workflow
//   commands for GitHub Actions", "Setting an output parameter" and "Multiline strings".
// - Messages are lines on stdout: `::error::text` and `::warning::text` annotate the run (`%`, CR and LF escaped as
//   %25, %0D, %0A), and text that may hold `::` lines of its own (a draft quoting PR titles) is printed between
//   `::stop-commands::TOKEN` and `::TOKEN::` so the runner does not act on it. Same page, "Setting an error
//   message" and "Stopping and starting workflow commands".
import { randomUUID } from "node:crypto";
import { appendFileSync } from "node:fs";

export type RunnerEnv = Record<string, string | undefined>;

/** The variable the runner sets for an input: `dry-run` -> `INPUT_DRY-RUN`. */
export const inputVariable = (name: string): string => `INPUT_${name.replace(/ /g, "_").toUpperCase()}`;

/** An input's value, trimmed as actions/toolkit trims it; undefined when the runner set nothing (or only spaces). */
export function input(env: RunnerEnv, name: string): string | undefined {
  const value = env[inputVariable(name)]?.trim();
  return value ? value : undefined;
}

/** The YAML 1.2 core-schema booleans, as actions/toolkit's getBooleanInput reads them. */
export function booleanInput(env: RunnerEnv, name: string, fallback: boolean): boolean {
  const value = input(env, name);
  if (value === undefined) return fallback;
  if (["true", "True", "TRUE"].includes(value)) return true;
  if (["false", "False", "FALSE"].includes(value)) return false;
  throw new InputError(`input ${name}: "${value}" is not a boolean (true or false)`);
}

export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InputError";
  }
}

/** The lines GITHUB_OUTPUT takes for these outputs. */
export function outputLines(outputs: Record<string, string>): string {
  return Object.entries(outputs)
    .map(([name, value]) => {
      if (!/[\r\n]/.test(value)) return `${name}=${value}\n`;
      let delimiter = `ghadelimiter_${randomUUID()}`;
      while (value.includes(delimiter)) delimiter = `ghadelimiter_${randomUUID()}`;
      return `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
    })
    .join("");
}

/** Appends the outputs to the runner's GITHUB_OUTPUT file; false when there is none (a local run). */
export function writeOutputs(env: RunnerEnv, outputs: Record<string, string>): boolean {
  const file = env.GITHUB_OUTPUT;
  if (!file) return false;
  appendFileSync(file, outputLines(outputs), "utf8");
  return true;
}

const escapeData = (text: string): string => text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");

export const errorCommand = (message: string): string => `::error::${escapeData(message)}\n`;
export const warningCommand = (message: string): string => `::warning::${escapeData(message)}\n`;

/** `text` printed so that the runner reads none of its lines as a workflow command. */
export function verbatim(text: string): string {
  const token = randomUUID().replace(/-/g, "");
  return `::stop-commands::${token}\n${text.endsWith("\n") ? text : `${text}\n`}::${token}::\n`;
}
