#!/usr/bin/env node
// `fake-github --data DIR [--port N]`: the server's command line lives in lib/main.js (built by `npm run build`).
import "../lib/main.js";
