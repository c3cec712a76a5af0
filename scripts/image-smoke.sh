#!/usr/bin/env bash
# Builds the API and worker images and runs them as production does: migrations, then the API
# and the worker side by side with a read-only root file system and no capabilities, ready
# against real PostgreSQL and Redis, metrics on their own ports, the image's HEALTHCHECK passing,
# and a graceful exit 0 on SIGTERM. Used by .ci/run and CI.
#
#   scripts/image-smoke.sh                       # official base image
#   NODE_IMAGE=local/node:24 scripts/image-smoke.sh
#
# DATABASE_URL and REDIS_URL name the services (default: local PostgreSQL, database
# image_smoke_test, created with psql; local Redis). The host network reaches them.
set -euo pipefail
cd "$(dirname "$0")/.."

image=${IMAGE:-api:smoke}
worker_image=${WORKER_IMAGE:-worker:smoke}
container=api-image-smoke-$$
worker_container=worker-image-smoke-$$
if [ -z "${DATABASE_URL:-}" ]; then
  psql -h 127.0.0.1 -U postgres -qc 'DROP DATABASE IF EXISTS image_smoke_test' \
    -c 'CREATE DATABASE image_smoke_test'
  export DATABASE_URL=postgresql://postgres@127.0.0.1:5432/image_smoke_test
fi
export REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379/0}
export PORT=${SMOKE_PORT:-3990} METRICS_PORT=${SMOKE_METRICS_PORT:-9990}
worker_port=${SMOKE_WORKER_PORT:-3991} worker_metrics_port=${SMOKE_WORKER_METRICS_PORT:-9991}

build() { # target image
  local started=$SECONDS
  docker build --quiet ${NODE_IMAGE:+--build-arg NODE_IMAGE="$NODE_IMAGE"} --target "$1" -t "$2" . >/dev/null
  echo "[image] built $2 in $((SECONDS - started)) s, $(docker image inspect -f '{{.Size}}' "$2" | awk '{printf "%d MB", $1 / 1e6}')"
}
started=$SECONDS
build api "$image"
# Same build stage (cached): only the worker's runtime layers are new.
build worker "$worker_image"

run=(docker run --network host --read-only --cap-drop ALL --security-opt no-new-privileges)
"${run[@]}" --rm -e DATABASE_URL "$image" node node_modules/@libs/database/dist/migrate/cli.js deploy

# Production requires signing keys and MFA keys: throwaway ones (the signing key made by the
# image's own Node).
JWT_SIGNING_KEYS=$("${run[@]}" --rm "$image" node -e "
  const { generateKeyPairSync, randomUUID } = require('node:crypto');
  const jwk = generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' });
  process.stdout.write(JSON.stringify([{ ...jwk, kid: randomUUID() }]));")
export JWT_SIGNING_KEYS
MFA_ENCRYPTION_KEYS="smoke:$(head -c 32 /dev/urandom | base64)"
export MFA_ENCRYPTION_KEYS

trap 'docker rm -f "$container" "$worker_container" >/dev/null 2>&1 || true' EXIT
"${run[@]}" -d --name "$container" --tmpfs /tmp -e DATABASE_URL -e REDIS_URL -e JWT_SIGNING_KEYS -e MFA_ENCRYPTION_KEYS \
  -e PORT -e METRICS_PORT -e REDIS_KEY_PREFIX=image-smoke: -e OTEL_SDK_DISABLED=true "$image" >/dev/null
# The worker gets the database and Redis only: no signing keys, as in k8s/.
"${run[@]}" -d --name "$worker_container" --tmpfs /tmp -e DATABASE_URL -e REDIS_URL \
  -e PORT="$worker_port" -e METRICS_PORT="$worker_metrics_port" -e REDIS_KEY_PREFIX=image-smoke: \
  -e OTEL_SDK_DISABLED=true "$worker_image" >/dev/null

ready() { # name port: waits up to 30 s for /health/ready
  for _ in $(seq 1 60); do
    if curl -fsS "http://127.0.0.1:$2/health/ready" >/dev/null 2>&1; then return 0; fi
    sleep 0.5
  done
  curl -fsS "http://127.0.0.1:$2/health/ready" >/dev/null || { docker logs "$1"; exit 1; }
}
# The image's own HEALTHCHECK command, run now rather than after its interval.
healthcheck() { # name image
  local test
  mapfile -t test < <(docker image inspect -f '{{range .Config.Healthcheck.Test}}{{println .}}{{end}}' "$2")
  [ "${test[0]:-}" = CMD ] || { echo "[image] $2 has no HEALTHCHECK"; exit 1; }
  docker exec "$1" "${test[@]:1}" || { echo "[image] HEALTHCHECK of $2 fails"; exit 1; }
}
stop() { # name: SIGTERM, expects exit 0 within 20 s
  docker stop --time 20 "$1" >/dev/null
  local code
  code=$(docker inspect -f '{{.State.ExitCode}}' "$1")
  [ "$code" = 0 ] || { docker logs "$1"; echo "[image] $1: exit code $code"; exit 1; }
}

ready "$container" "$PORT"
curl -fsS "http://127.0.0.1:$METRICS_PORT/metrics" | grep '^http_server_request_duration_seconds' >/dev/null
healthcheck "$container" "$image"
ready "$worker_container" "$worker_port"
curl -fsS "http://127.0.0.1:$worker_metrics_port/metrics" | grep '^outbox_lag_seconds' >/dev/null
healthcheck "$worker_container" "$worker_image"
for each in "$image" "$worker_image"; do
  test "$(docker inspect -f '{{.Config.User}}' "$each")" = 10001:10001
done
stop "$worker_container"
stop "$container"
echo "[image] api and worker: migrate, ready, metrics, health check, graceful stop: ok ($((SECONDS - started)) s in all)"
