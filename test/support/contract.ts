// Checks REST exchanges recorded by the fake (fake.contract) against GitHub's own OpenAPI descriptions from
// @octokit/openapi: api.github.com and the oldest GitHub Enterprise Server it ships (3.17). A request must name an
// operation that exists, use only declared path/query parameters (with values their schemas accept) and send a body
// the operation's requestBody schema accepts; a response the fake's handler served (not a fault an interceptor
// injected) must validate against the schema of that operation and status. Each schema is compiled once per process.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Ajv, type ValidateFunction, type ErrorObject } from "ajv";
import addFormatsModule from "ajv-formats";
import type { ContractEntry } from "@devreport/fake-github";

export const GHES_VERSION = "3.17";
type SpecName = "api.github.com" | `ghes-${typeof GHES_VERSION}`;

type Json = Record<string, unknown>;
interface Operation {
  parameters?: Json[];
  requestBody?: Json;
  responses?: Record<string, Json>;
}
interface PathEntry {
  template: string;
  strict: RegExp;
  loose: RegExp;
  literal: number;
  item: Record<string, Operation>;
}
interface Spec {
  name: SpecName;
  doc: Json;
  paths: PathEntry[];
  ajv: Ajv;
  params: Ajv;
  compiled: Map<string, ValidateFunction>;
}

const require = createRequire(import.meta.url);
// ajv-formats is CommonJS: under NodeNext its default import is the module object, whose .default is the plugin.
type FormatsPlugin = (ajv: Ajv) => Ajv;
const formatsModule = addFormatsModule as unknown as FormatsPlugin & { default?: FormatsPlugin };
const addFormats: FormatsPlugin = formatsModule.default ?? formatsModule;
const specs = new Map<SpecName, Spec>();
/** Parameters whose values may hold slashes (file paths, ref names, base...head): only they match across segments. */
const SLASHED = new Set(["path", "ref", "basehead", "base", "head", "branch"]);
const METHODS = new Set(["get", "put", "post", "patch", "delete", "head", "options"]);

const escapeRe = (s: string) => s.replace(/[.*+?^$()|[\]\\]/g, "\\$&");
const pointer = (...parts: string[]) => "#/" + parts.map((p) => p.replace(/~/g, "~0").replace(/\//g, "~1")).join("/");

/** OpenAPI 3.0's `nullable` next to allOf/anyOf/$ref (no `type`) is not JSON Schema: spell it as anyOf [it, null]. */
function nullableToAnyOf(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(nullableToAnyOf);
  if (!node || typeof node !== "object") return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) out[key] = nullableToAnyOf(value);
  if (out.nullable === true && out.type === undefined) {
    delete out.nullable;
    return { anyOf: [out, { type: "null" }] };
  }
  return out;
}

function loadSpec(name: SpecName): Spec {
  const cached = specs.get(name);
  if (cached) return cached;
  const raw = JSON.parse(readFileSync(require.resolve(`@octokit/openapi/generated/${name}.json`), "utf8")) as Json;
  const doc: Json = { ...raw, components: nullableToAnyOf(raw.components), paths: nullableToAnyOf(raw.paths) };
  // GitHub-specific formats ("repo.nwo"…) are not checked: the logger stays quiet about them.
  const options = {
    strict: false,
    allErrors: true,
    validateSchema: false,
    discriminator: false,
    logger: false,
  } as const;
  const ajv = new Ajv(options);
  const params = new Ajv({ ...options, coerceTypes: "array" });
  for (const instance of [ajv, params]) {
    addFormats(instance);
    instance.addSchema({ components: doc.components, paths: doc.paths } as Json, name);
  }
  const paths = Object.entries(doc.paths as Record<string, Record<string, Operation>>).map(([template, item]) => {
    const names = [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
    const source = (slashes: boolean) =>
      template
        .split(/\{[^}]+\}/)
        .map(escapeRe)
        .reduce(
          (out, literal, i) =>
            `${out}${i ? (slashes && SLASHED.has(names[i - 1]!) ? "(.+)" : "([^/]+)") : ""}${literal}`,
          "",
        );
    return {
      template,
      item,
      strict: new RegExp(`^${source(false)}$`),
      loose: new RegExp(`^${source(true)}$`),
      literal: template.replace(/\{[^}]+\}/g, "").length,
    };
  });
  const spec: Spec = { name, doc, paths, ajv, params, compiled: new Map() };
  specs.set(name, spec);
  return spec;
}

/** Follows a local `$ref` (to components/parameters, components/responses…), returning the object and its pointer. */
function deref(spec: Spec, value: Json, at: string): { value: Json; at: string } {
  let current = value;
  let where = at;
  while (typeof current.$ref === "string") {
    where = current.$ref;
    current = where
      .slice(2)
      .split("/")
      .map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"))
      .reduce<Json>((node, key) => node[key] as Json, spec.doc);
  }
  return { value: current, at: where };
}

function validator(spec: Spec, at: string, forParams = false): ValidateFunction {
  const key = `${forParams ? "p" : "s"}${at}`;
  let fn = spec.compiled.get(key);
  if (!fn) {
    // Parameters arrive as strings: coerce them inside a holder object (ajv coerces properties, not the root).
    fn = forParams
      ? spec.params.compile({ type: "object", properties: { v: { $ref: `${spec.name}${at}` } } })
      : spec.ajv.compile({ $ref: `${spec.name}${at}` });
    spec.compiled.set(key, fn);
  }
  return fn;
}

const describeErrors = (errors: ErrorObject[] | null | undefined): string[] =>
  (errors ?? [])
    .slice(0, 40)
    .map(
      (e) =>
        `${e.instancePath ? `${e.instancePath} ` : ""}${e.message ?? "is invalid"}${
          e.params && "additionalProperty" in e.params ? ` (${String(e.params.additionalProperty)})` : ""
        }${e.params && "allowedValues" in e.params ? ` (${(e.params.allowedValues as unknown[]).join(", ")})` : ""}`,
    );

function findOperation(
  spec: Spec,
  method: string,
  path: string,
): { template: string; op: Operation; at: string; values: string[] } | undefined {
  const lower = method.toLowerCase();
  for (const mode of ["strict", "loose"] as const) {
    const hits = spec.paths.filter((p) => p.item[lower] && p[mode].test(path)).sort((a, b) => b.literal - a.literal);
    const hit = hits[0];
    if (hit)
      return {
        template: hit.template,
        op: hit.item[lower]!,
        at: pointer("paths", hit.template, lower),
        values: hit[mode].exec(path)!.slice(1),
      };
  }
  return undefined;
}

function checkOne(spec: Spec, entry: ContractEntry): string[] {
  const method = entry.method.toUpperCase();
  if (!METHODS.has(method.toLowerCase())) return [];
  const found = findOperation(spec, method, entry.path);
  if (!found) return [`${method} ${entry.route ?? entry.path}: no such operation`];
  const label = `${method} ${found.template}`;
  const problems: string[] = [];
  const declared = new Map<string, { param: Json; at: string }>();
  (found.op.parameters ?? []).forEach((raw, i) => {
    const { value, at } = deref(spec, raw, `${found.at}/parameters/${i}`);
    declared.set(`${String(value.in)}:${String(value.name)}`, { param: value, at });
  });
  const names = [...found.template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
  names.forEach((name, i) => {
    const param = declared.get(`path:${name}`);
    if (!param) problems.push(`${label}: path parameter ${name} is not declared`);
    else if (param.param.schema) {
      const validate = validator(spec, `${param.at}/schema`, true);
      if (!validate({ v: found.values[i] }))
        problems.push(...describeErrors(validate.errors).map((e) => `${label}: path ${name}: ${e}`));
    }
  });
  for (const [name, raw] of entry.query) {
    const param = declared.get(`query:${name}`);
    if (!param) {
      problems.push(`${label}: query parameter ${name} is not declared`);
      continue;
    }
    if (!param.param.schema) continue;
    const validate = validator(spec, `${param.at}/schema`, true);
    if (!validate({ v: raw }))
      problems.push(...describeErrors(validate.errors).map((e) => `${label}: query ${name}=${raw}: ${e}`));
  }
  if (entry.requestBody) {
    const body = found.op.requestBody && deref(spec, found.op.requestBody, `${found.at}/requestBody`);
    const media = body && (body.value.content as Record<string, Json> | undefined)?.["application/json"];
    if (!media) problems.push(`${label}: request body sent but none is declared`);
    else if (media.schema) {
      const validate = validator(spec, `${body.at}/content/application~1json/schema`);
      let parsed: unknown;
      try {
        parsed = JSON.parse(entry.requestBody);
      } catch {
        problems.push(`${label}: request body is not JSON`);
      }
      if (parsed !== undefined && !validate(parsed))
        problems.push(...describeErrors(validate.errors).map((e) => `${label}: request body: ${e}`));
    }
  } else if (found.op.requestBody?.required && method !== "GET") {
    problems.push(`${label}: request body is required but none was sent`);
  }
  if (!entry.intercepted) problems.push(...checkResponse(spec, entry, found, label));
  return problems;
}

function checkResponse(
  spec: Spec,
  entry: ContractEntry,
  found: { op: Operation; at: string },
  label: string,
): string[] {
  const status = String(entry.status);
  const declared = found.op.responses?.[status];
  if (!declared) return entry.status < 300 ? [`${label}: response status ${status} is not declared`] : [];
  const response = deref(spec, declared, `${found.at}/responses/${status}`);
  const media = (response.value.content as Record<string, Json> | undefined)?.["application/json"];
  // A raw media type (Accept: application/vnd.github.raw) answers with the bytes, which no JSON schema describes.
  if (!media?.schema || !entry.responseBody || !entry.responseType.includes("json")) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(entry.responseBody);
  } catch {
    return [`${label}: response ${status} is not JSON`];
  }
  const validate = validator(spec, `${response.at}/content/application~1json/schema`);
  return validate(parsed) ? [] : describeErrors(validate.errors).map((e) => `${label}: response ${status}: ${e}`);
}

/** One line per problem, each naming the operation; the GHES line is kept only where it differs from github.com's. */
export function checkContract(entries: readonly ContractEntry[]): string[] {
  const lines = new Set<string>();
  for (const entry of entries) {
    const dotcom = checkOne(loadSpec("api.github.com"), entry);
    dotcom.forEach((line) => lines.add(line));
    for (const line of checkOne(loadSpec(`ghes-${GHES_VERSION}`), entry)) {
      if (!dotcom.includes(line)) lines.add(`[GHES ${GHES_VERSION}] ${line}`);
    }
  }
  return [...lines];
}
