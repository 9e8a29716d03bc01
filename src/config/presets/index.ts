import type { ConfigInput } from "../schema.js";
import { linuxkit } from "./linuxkit.js";
import { linuxkitMonthly } from "./linuxkit-monthly.js";

/** Named presets: `preset: linuxkit` in a config file selects one. */
export const PRESETS: Record<string, ConfigInput> = { linuxkit, "linuxkit-monthly": linuxkitMonthly };
