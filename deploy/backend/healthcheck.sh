#!/usr/bin/env bash
# Container healthcheck of the backend: healthy when the readiness probe answers 200, that is
# when the application has started and its database answers. Plain bash (/dev/tcp): the JRE
# image has no curl, and none is added for this.
set -Eeuo pipefail

exec 3<>"/dev/tcp/127.0.0.1/${PORT:-8000}"
printf 'GET /actuator/health/readiness HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&3
read -r -t 5 _ status _ <&3
[ "$status" = "200" ]
