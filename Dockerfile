# devreport's server as an image. Build: `docker build -t devreport .`; run:
#   docker run --init -p 3000:3000 -e APP_ID=123 -e PRIVATE_KEY="$(cat app.pem)" -e WEBHOOK_SECRET=... devreport
# Environment, webhook URL and GitHub Enterprise Server: docs/deploy.md.
# test/deploy/production.test.ts runs this image's command against what its runtime stage copies.

# Build stage: every dependency, then TypeScript turns src/ into lib/.
FROM node:24-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# The workspace's manifest only, so that `npm ci` matches the lockfile; the fake GitHub itself is neither built nor shipped.
COPY packages/fake-github/package.json packages/fake-github/
# --ignore-scripts: no install script is needed to compile, and `prepare` would build before src/ is here.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src/ src/
RUN npm run build

# Runtime stage: production dependencies, the compiled app and the files it reads at run time.
FROM node:24-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
# --omit=dev: no Jest, type packages or fake GitHub (with packages/ absent, npm leaves the workspace out entirely).
# --ignore-scripts: no production dependency has an install script, and `prepare` has nothing to build with here.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/lib/ lib/
COPY templates/ templates/
COPY schema/ schema/
COPY app.yml ./
# Root owns the files; the server runs as the image's unprivileged user and writes nothing.
USER node
# Probot listens on localhost unless HOST says otherwise, which a container's port mapping cannot reach.
ENV HOST=0.0.0.0 PORT=3000
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=15s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/ping`).then(async (r) => process.exit(r.ok && (await r.text()) === 'PONG' ? 0 : 1), () => process.exit(1))"]
# `npm start` without npm in between, so that the server gets docker stop's SIGTERM (run with --init, see docs/deploy.md).
CMD ["node", "lib/server.js"]
