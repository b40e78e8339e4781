#!/bin/sh
# Entry point of the alertmanager container: writes the configuration from the template and
# the environment (Alertmanager does not read environment variables itself), then runs it.
#   render-and-run.sh                   render to /tmp/alertmanager/ and exec alertmanager
#   render-and-run.sh --render-only DIR render only (tests/stack)
set -eu

out=/tmp/alertmanager
render_only=false
if [ "${1:-}" = "--render-only" ]; then
  render_only=true
  out=${2:?--render-only needs a folder}
fi
here=$(dirname "$0")

# Escapes a value for the right-hand side of a sed substitution, and for a double-quoted YAML string.
esc() { printf '%s' "$1" | sed -e 's/[\\"]/\\\\&/g' -e 's/[|&]/\\&/g'; }

tls=true
[ "${SMTP_STARTTLS:-true}" = "true" ] || tls=false

umask 077
mkdir -p "$out"
printf '%s' "${SMTP_PASSWORD:-}" >"$out/smtp_password"
sed -e "s|__SMTP_SMARTHOST__|$(esc "${SMTP_HOST:?}:${SMTP_PORT:-587}")|" \
    -e "s|__MAIL_FROM__|$(esc "${MAIL_FROM:?}")|" \
    -e "s|__SMTP_USERNAME__|$(esc "${SMTP_USERNAME:-}")|" \
    -e "s|__SMTP_REQUIRE_TLS__|$tls|" \
    -e "s|__ALERT_EMAIL__|$(esc "${ALERT_EMAIL:?}")|" \
    -e "s|/tmp/alertmanager/smtp_password|$out/smtp_password|" \
    "$here/alertmanager.yml.tmpl" >"$out/alertmanager.yml"

$render_only && exit 0
exec /bin/alertmanager --config.file="$out/alertmanager.yml" --storage.path=/alertmanager
