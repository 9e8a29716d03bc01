#!/usr/bin/env node
// The `devreport` command: all of it lives in lib/cli.js (built from src/cli.ts by `npm run build`).
import "../lib/cli.js";
