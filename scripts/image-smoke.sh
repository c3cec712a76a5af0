#!/usr/bin/env bash
# Builds the API image and runs it as production does: migrations, then the API with a
# read-only root file system and no capabilities, ready against real PostgreSQL and Redis,
# metrics on their own port, and a graceful exit 0 on SIGTERM. Used by .ci/run and CI.
#
#   scripts/image-smoke.sh                       # official base image
#   NODE_IMAGE=local/node:24 scripts/image-smoke.sh
#
# DATABASE_URL and REDIS_URL name the services (default: local PostgreSQL, database
# image_smoke_test, created with psql; local Redis). The host network reaches them.
set -euo pipefail
cd "$(dirname "$0")/.."

image=${IMAGE:-api:smoke}
container=api-image-smoke-$$
if [ -z "${DATABASE_URL:-}" ]; then
  psql -h 127.0.0.1 -U postgres -qc 'DROP DATABASE IF EXISTS image_smoke_test' \
    -c 'CREATE DATABASE image_smoke_test'
  export DATABASE_URL=postgresql://postgres@127.0.0.1:5432/image_smoke_test
fi
export REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379/0}
export PORT=${SMOKE_PORT:-3990} METRICS_PORT=${SMOKE_METRICS_PORT:-9990}

started=$SECONDS
docker build --quiet ${NODE_IMAGE:+--build-arg NODE_IMAGE="$NODE_IMAGE"} --target api -t "$image" . >/dev/null
echo "[image] built $image in $((SECONDS - started)) s, $(docker image inspect -f '{{.Size}}' "$image" | awk '{printf "%d MB", $1 / 1e6}')"

run=(docker run --network host --read-only --cap-drop ALL --security-opt no-new-privileges)
"${run[@]}" --rm -e DATABASE_URL "$image" node node_modules/@libs/database/dist/migrate/cli.js deploy

# Production requires signing keys: a throwaway one, made by the image's own Node.
JWT_SIGNING_KEYS=$("${run[@]}" --rm "$image" node -e "
  const { generateKeyPairSync, randomUUID } = require('node:crypto');
  const jwk = generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' });
  process.stdout.write(JSON.stringify([{ ...jwk, kid: randomUUID() }]));")
export JWT_SIGNING_KEYS

trap 'docker rm -f "$container" >/dev/null 2>&1 || true' EXIT
"${run[@]}" -d --name "$container" --tmpfs /tmp -e DATABASE_URL -e REDIS_URL -e JWT_SIGNING_KEYS \
  -e PORT -e METRICS_PORT -e REDIS_KEY_PREFIX=image-smoke: -e OTEL_SDK_DISABLED=true "$image" >/dev/null
for _ in $(seq 1 60); do
  if curl -fsS "http://127.0.0.1:$PORT/health/ready" >/dev/null 2>&1; then break; fi
  sleep 0.5
done
curl -fsS "http://127.0.0.1:$PORT/health/ready" >/dev/null || { docker logs "$container"; exit 1; }
curl -fsS "http://127.0.0.1:$METRICS_PORT/metrics" | grep -q '^http_server_request_duration_seconds'
test "$(docker inspect -f '{{.Config.User}}' "$image")" = 1000:1000
docker stop --time 20 "$container" >/dev/null
code=$(docker inspect -f '{{.State.ExitCode}}' "$container")
[ "$code" = 0 ] || { docker logs "$container"; echo "[image] exit code $code"; exit 1; }
echo "[image] migrate, ready, metrics, graceful stop: ok ($((SECONDS - started)) s in all)"
