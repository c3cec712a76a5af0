# The collector of docker-compose.yml with a health check: the official image is built FROM
# scratch (no shell, no HTTP client), so a statically linked busybox is added as `wget` alone
# (busybox runs the applet its file is named after) to query the health_check extension.
ARG COLLECTOR_IMAGE=otel/opentelemetry-collector-contrib:0.128.0
ARG BUSYBOX_IMAGE=busybox:1.37.0-musl

FROM ${BUSYBOX_IMAGE} AS busybox

FROM ${COLLECTOR_IMAGE}
COPY --from=busybox /bin/busybox /usr/local/bin/wget
