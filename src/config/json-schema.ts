import { z } from "zod";
import { configSchema } from "./schema.js";

/**
 * Where the committed schema is published, so editors can fetch it from a `# yaml-language-server: $schema=...`
 * line. The repository name is the placeholder in package.json's `repository` (github:devreport/devreport).
 */
export const SCHEMA_ID = "https://raw.githubusercontent.com/devreport/devreport/main/schema/devreport.schema.json";

/** The JSON Schema editors use to check .github/devreport.yml (committed as schema/devreport.schema.json). */
export function configJsonSchema(): string {
  const { $schema, ...schema } = z.toJSONSchema(configSchema, { io: "input", target: "draft-2020-12" });
  return `${JSON.stringify({ $schema, $id: SCHEMA_ID, title: "devreport configuration", ...schema }, null, 2)}\n`;
}
