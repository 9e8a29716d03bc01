export { CONFIG_FIX, CONFIG_PATH, describeYamlError, parseConfigText, parseConfigYaml } from "./load.js";
export { EXTENDS_FORMS, mergeConfigLayers, parseExtends, type ExtendsTarget } from "./merge.js";
export { resolveConfig, type ResolveOptions } from "./resolve.js";
export { ConfigError } from "./errors.js";
export { configSchema, type Config, type ConfigInput, type SectionConfig } from "./schema.js";
export { byteSize, formatSize, LIMITS, overLimit } from "./limits.js";
