# Container images of the workspace's apps, built from a clean checkout:
#
#   docker build --target api -t api .
#   docker build --target worker -t worker .
#
# Stages: base (Node + the pinned pnpm) -> build (install, compile, `pnpm deploy` each app with
# its production dependencies only) -> one small runtime target per app: `api` and `worker`
# (apps/worker), the same few lines with their own deploy folder.
# Plain Dockerfile syntax on purpose: it builds with BuildKit and with the legacy builder alike.

# Official Node image, pinned to a release (Dependabot proposes updates). Any image with the same
# layout works, e.g. a local mirror: --build-arg NODE_IMAGE=local/node:24
# Pin the digest as well where a registry is at hand: append the multi-arch index digest that
# `docker buildx imagetools inspect node:24.21.0-bookworm-slim` prints, as
# `node:24.21.0-bookworm-slim@sha256:<digest>` (Dependabot then updates tag and digest together).
# It is not pinned here: this repository was last edited where the registry could not be reached,
# and an unverified digest (or one platform's, which would break the arm64 release) is worse than
# none.
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
    && pnpm run build:all
# A self-contained copy of the api: its dist/, production dependencies only, workspace libs
# copied in with their dist/. pnpm writes a pnpm-workspace.yaml at its root, which is how
# libs/database finds prisma/ (it looks for the workspace root above itself).
RUN pnpm deploy --filter @apps/api --prod --offline /out/api \
    && rm -rf /out/api/src /out/api/test \
    && find /out/api -name '*.spec.js' -delete \
    && mkdir -p /out/api/prisma/migrations \
    && cp -R prisma/schema.prisma prisma/migrations /out/api/prisma/
# The worker, same shape. It runs no migrations, so it needs no prisma/ folder.
RUN pnpm deploy --filter @apps/worker --prod --offline /out/worker \
    && rm -rf /out/worker/src /out/worker/test \
    && find /out/worker -name '*.spec.js' -delete

# What every app's runtime shares: Node without the package managers (not needed to run, and
# fewer files to patch), the unprivileged user, production mode.
FROM ${NODE_IMAGE} AS runtime
RUN rm -rf /usr/local/lib/node_modules/npm /usr/local/lib/node_modules/corepack \
      /usr/local/bin/npm /usr/local/bin/npx /usr/local/bin/corepack /opt/yarn-* \
      /usr/local/bin/yarn /usr/local/bin/yarnpkg
ENV NODE_ENV=production
# Memory (docs/operations.md, "Memory"): glibc's default of up to 8 malloc arenas per core lets
# resident memory grow with every thread that allocates (libuv's pool hashing passwords, V8's GC
# helpers); two are enough for a Node process and keep RSS near what the heap needs. V8's heap
# is sized per app below, for the container limits in k8s/; the manifests set the same values.
ENV MALLOC_ARENA_MAX=2
WORKDIR /app
# Node runs as PID 1 and handles SIGTERM itself (graceful drain, see docs/operations.md); the
# apps start no child processes, so there are no zombies for an init to reap.
STOPSIGNAL SIGTERM
# An unprivileged user with no entry in /etc/passwd (it needs none), numeric so that Kubernetes
# can verify runAsNonRoot, and above 10000 so it matches no user of the host (k8s/ runs the same).
USER 10001:10001

# Runtime of the HTTP API. Also runs the migrations (same image, other command):
#   node node_modules/@libs/database/dist/migrate/cli.js deploy
FROM runtime AS api
# Owned by root and not writable by the app's user: nothing is written at runtime, so the root
# file system can be mounted read-only (only /tmp needs to be writable).
COPY --from=build /out/api ./
# For a 384 MiB container: old space 128 MiB, young generation 3 × 4 MiB.
ENV NODE_OPTIONS="--max-old-space-size=128 --max-semi-space-size=4"
EXPOSE 3000 9464
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT ?? 3000}/health/live`, { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# OpenTelemetry is loaded before the app (--import); OTEL_* variables configure its export.
# No --enable-source-maps: it keeps every loaded module's source map in the heap (+11 MiB
# measured), and stack traces into the unminified dist/ JavaScript read well enough.
CMD ["node", "--import", "./dist/instrumentation.js", "dist/main.js"]

# Runtime of the background worker (outbox relay, BullMQ jobs, maintenance). No API: only the
# probes on PORT (/health/live, /health/ready) and /metrics on METRICS_PORT. SIGTERM turns it
# unready and lets it finish the jobs in hand, then it exits 0 (within SHUTDOWN_TIMEOUT_MS).
FROM runtime AS worker
# Owned by root, read-only at runtime like the api's.
COPY --from=build /out/worker ./
# For a 256 MiB container: old space 96 MiB, young generation 3 × 4 MiB.
ENV NODE_OPTIONS="--max-old-space-size=96 --max-semi-space-size=4"
EXPOSE 3000 9464
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT ?? 3000}/health/live`, { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--import", "./dist/instrumentation.js", "dist/main.js"]
