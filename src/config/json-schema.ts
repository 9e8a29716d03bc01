import { z } from "zod";
import { configSchema } from "./schema.js";

/** The JSON Schema editors use to check .github/devreport.yml (committed as schema/devreport.schema.json). */
export function configJsonSchema(): string {
  const schema = z.toJSONSchema(configSchema, { io: "input", target: "draft-2020-12" });
  return `${JSON.stringify({ ...schema, title: "devreport configuration" }, null, 2)}\n`;
}
