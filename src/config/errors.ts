// Turns zod's issues into the one-line messages a maintainer can act on: which key, what value, what is allowed.
import type { z } from "zod";
import { configSchema } from "./schema.js";

export class ConfigError extends Error {
  override name = "ConfigError";
}

type Path = readonly PropertyKey[];

export function describeIssue(source: string, issue: z.core.$ZodIssue, input: unknown): string {
  const where = formatPath(issue.path);
  const at = where ? `${where}: ` : "";
  switch (issue.code) {
    case "unrecognized_keys": {
      const allowed = allowedKeysAt(issue.path);
      const keys = issue.keys.map((k) => `"${k}"`).join(", ");
      return `${source}: unknown key ${keys}${where ? ` in ${where}` : ""}; allowed keys: ${allowed.join(", ")}`;
    }
    case "invalid_type":
      return `${source}: ${at}${show(valueAt(input, issue.path))} is not ${article(issue.expected)}`;
    case "invalid_value":
      return `${source}: ${at}${show(valueAt(input, issue.path))} is not allowed; use one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "too_small":
      return `${source}: ${at}${show(valueAt(input, issue.path))} is too short (at least ${issue.minimum})`;
    default:
      return `${source}: ${at}${show(valueAt(input, issue.path))} ${issue.message}`;
  }
}

export function formatPath(path: Path): string {
  let out = "";
  for (const key of path) out += typeof key === "number" ? `[${key}]` : out ? `.${String(key)}` : String(key);
  return out;
}

function article(expected: string): string {
  if (expected === "array") return "a list";
  if (expected === "object") return "a mapping of keys to values";
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

function show(value: unknown): string {
  if (value === undefined) return "(missing)";
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function valueAt(input: unknown, path: Path): unknown {
  let value: unknown = input;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** The keys the schema allows at a path, found by walking the schema itself so the message never goes stale. */
function allowedKeysAt(path: Path): string[] {
  let node: SchemaNode | undefined = configSchema as unknown as SchemaNode;
  for (const key of path) {
    const def: SchemaNode["_zod"]["def"] | undefined = unwrap(node)?._zod.def;
    node = typeof key === "number" ? def?.element : def?.shape?.[String(key)];
  }
  // `_extends` is the loader's (it never reaches here from a repository); the hint lists the report's own keys.
  return Object.keys(unwrap(node)?._zod.def.shape ?? {}).filter((key) => !key.startsWith("_"));
}

/** The parts of zod's internal definition that the walk reads (objects, arrays and wrappers such as default). */
interface SchemaNode {
  _zod: { def: { innerType?: SchemaNode; element?: SchemaNode; shape?: Record<string, SchemaNode> } };
}

function unwrap(node: SchemaNode | undefined): SchemaNode | undefined {
  let current = node;
  while (current?._zod.def.innerType) current = current._zod.def.innerType;
  return current;
}
