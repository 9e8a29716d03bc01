export { CONFIG_PATH, parseConfigText } from "./load.js";
export { resolveConfig, type ResolveOptions } from "./resolve.js";
export { ConfigError } from "./errors.js";
export { configSchema, type Config, type ConfigInput, type SectionConfig } from "./schema.js";
