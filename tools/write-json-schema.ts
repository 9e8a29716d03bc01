// `npm run schema`: regenerates the committed JSON Schema after the zod schema changes.
import { writeFileSync } from "node:fs";
import { configJsonSchema } from "../src/config/json-schema.js";

const target = new URL("../schema/devreport.schema.json", import.meta.url);
writeFileSync(target, configJsonSchema());
process.stdout.write(`wrote ${target.pathname}\n`);
