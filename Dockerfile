# Container images of the workspace's apps, built from a clean checkout:
#
#   docker build --target api -t api .
#
# Stages: base (Node + the pinned pnpm) -> build (install, compile, deploy each app with its
# production dependencies only) -> one small runtime target per app (`api`; `worker` comes later).
# Plain Dockerfile syntax on purpose: it builds with BuildKit and with the legacy builder alike.

# Official Node image by default; any image with the same layout works (e.g. a local mirror).
ARG NODE_IMAGE=node:24.21.0-bookworm-slim

FROM ${NODE_IMAGE} AS base
WORKDIR /app
# pnpm at exactly the version package.json pins in "packageManager" (one source of truth).
COPY package.json ./
RUN npm install --global --no-fund --no-audit --no-update-notifier --ignore-scripts \
      "$(node -p "require('./package.json').packageManager")" \
    && pnpm --version
ENV CI=true

FROM base AS build
# Dependencies first, from the lockfile alone: this layer is rebuilt only when the lockfile
# changes, not on every source edit.
COPY pnpm-lock.yaml pnpm-workspace.yaml ./
RUN pnpm fetch
COPY . .
# The Prisma CLI wants an engine path for `prisma generate`, which uses no engine: any existing
# file will do (migrations run through the WebAssembly schema engine, see libs/database).
ENV PRISMA_SCHEMA_ENGINE_BINARY=/app/package.json \
    CHECKPOINT_DISABLE=1
RUN pnpm install --frozen-lockfile --offline \
    && pnpm run build
# A self-contained copy of the api: its dist/, production dependencies only, workspace libs
# copied in with their dist/. pnpm writes a pnpm-workspace.yaml at its root, which is how
# libs/database finds prisma/ (it looks for the workspace root above itself).
RUN pnpm deploy --filter @apps/api --prod --offline /out/api \
    && rm -rf /out/api/src /out/api/test \
    && mkdir -p /out/api/prisma/migrations \
    && cp -R prisma/schema.prisma prisma/migrations /out/api/prisma/
# The worker app will be deployed the same way here, into /out/worker.

# Runtime of the HTTP API. Also runs the migrations (same image, other command):
#   node node_modules/@libs/database/dist/migrate/cli.js deploy
FROM ${NODE_IMAGE} AS api
ENV NODE_ENV=production
WORKDIR /app
# Owned by root and not writable by the app's user: nothing is written at runtime, so the root
# file system can be mounted read-only.
COPY --from=build /out/api ./
# The official image's unprivileged `node` user, numeric so that Kubernetes can verify runAsNonRoot.
USER 1000:1000
EXPOSE 3000 9464
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT ?? 3000}/health/live`, { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/main.js"]

# FROM ${NODE_IMAGE} AS worker   <- the worker app's runtime, once apps/worker exists.
