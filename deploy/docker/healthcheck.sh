#!/bin/bash
# The image's HEALTHCHECK: healthy when the actuator's readiness probe answers UP on PORT. Bash's /dev/tcp, as the
# runtime image has neither curl nor wget. EntrypointIT runs it against the started application.
set -u
exec 3<>"/dev/tcp/127.0.0.1/${PORT:-8080}" || exit 1
printf 'GET /actuator/health/readiness HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
timeout 5 cat <&3 | head -c 4096 | grep -q '"status":"UP"'
