#!/usr/bin/env bash
# Idempotent init step of the Moodle container, run as root by lafaom-moodle-entrypoint before
# Apache starts (and safe to run again by hand: docker compose exec moodle lafaom-init.sh).
#
#   1. installs Moodle into an empty database (admin/cli/install_database.php), or upgrades it
#      when the image brings a newer Moodle or plugin (admin/cli/upgrade.php);
#   2. applies the site settings through admin/cli/cfg.php: mail, the auth_jwtsso plugin
#      (issuer, JWKS URL on the internal network, audience, auto-create, RS256);
#   3. runs cli/lafaom_configure.php: outgoing-request filter, Redis as the MUC cache store,
#      web services with REST, the provisioning role, user, service and token;
#   4. hands the token to the backend through the shared volume, readable by its group only.
#
# Options: --rotate-token replaces the provisioning token (the backend reads the new file).
set -Eeuo pipefail

webroot=/var/www/html
# Moodle 5.1 and later keep the web-served code, admin/cli included, under public/.
[ ! -d "$webroot/public/admin/cli" ] || webroot="$webroot/public"
cli=/opt/lafaom/moodle/cli
ready=/run/lafaom-moodle-ready
rotate=""
[ "${1:-}" != "--rotate-token" ] || rotate="--rotate-token"

log() { printf 'lafaom-init: %s\n' "$*"; }
die() { printf 'lafaom-init: %s\n' "$*" >&2; exit 1; }
as_www() { runuser -u www-data -- "$@"; }
cfg() { as_www php "$webroot/admin/cli/cfg.php" "$@"; }

for name in MOODLE_WWWROOT MOODLE_DB_HOST MOODLE_DB_NAME MOODLE_DB_USER MOODLE_DB_PASSWORD \
    MOODLE_ADMIN_USER MOODLE_ADMIN_PASSWORD MOODLE_ADMIN_EMAIL MOODLE_NOREPLY_ADDRESS \
    MOODLE_REDIS_HOST MOODLE_REDIS_PASSWORD JWTSSO_ISSUER JWTSSO_JWKS_URL JWTSSO_AUDIENCE \
    LAFAOM_STACK_SUBNETS LAFAOM_TOKEN_FILE LAFAOM_TOKEN_FILE_GID; do
  [ -n "${!name:-}" ] || die "environment variable $name is not set (docker-compose.yml, service moodle)"
done

# Cron (lafaom-moodle-cron) stays idle until this step has finished.
rm -f "$ready"
install -d -o www-data -g www-data -m 2770 /var/www/moodledata

# The database answers (compose waits for its healthcheck, but a restart may race it).
state=""
for _ in $(seq 1 60); do
  if state=$(as_www php "$cli/lafaom_db_state.php"); then break; fi
  sleep 2
done
[ -n "$state" ] || die "the Moodle database at $MOODLE_DB_HOST does not answer"

if [ "$state" = "empty" ]; then
  log "installing Moodle into an empty database (takes several minutes)"
  as_www php "$webroot/admin/cli/install_database.php" --agree-license \
    --lang="${MOODLE_LANG:-fr}" \
    --adminuser="$MOODLE_ADMIN_USER" --adminpass="$MOODLE_ADMIN_PASSWORD" \
    --adminemail="$MOODLE_ADMIN_EMAIL" \
    --fullname="${MOODLE_SITE_FULLNAME:-LAFAOM-MAO}" --shortname="${MOODLE_SITE_SHORTNAME:-LAFAOM}"
else
  # No-op (exit 0) when nothing changed; installs plugins new in this image.
  log "upgrading Moodle if the image is newer than the database"
  as_www php "$webroot/admin/cli/upgrade.php" --non-interactive
fi

log "applying site settings"
# (install_database.php of Moodle 4.5/5.0 has no option for these two; cfg.php sets them.)
cfg --name=noreplyaddress --set="$MOODLE_NOREPLY_ADDRESS"
cfg --name=supportemail --set="$MOODLE_ADMIN_EMAIL"
cfg --name=smtphosts --set="${MOODLE_SMTP_HOST:-}:${MOODLE_SMTP_PORT:-587}"
cfg --name=smtpuser --set="${MOODLE_SMTP_USER:-}"
cfg --name=smtppass --set="${MOODLE_SMTP_PASSWORD:-}"
if [ "${MOODLE_SMTP_STARTTLS:-true}" = "true" ]; then
  cfg --name=smtpsecure --set=tls
else
  cfg --name=smtpsecure --set=
fi
# Single sign-on: Moodle sends people to the backend and accepts the RS256 tokens it signs;
# keys come from the backend's JWKS on the internal network; first sign-in creates the account.
cfg --component=auth_jwtsso --name=issuer --set="$JWTSSO_ISSUER"
cfg --component=auth_jwtsso --name=jwksurl --set="$JWTSSO_JWKS_URL"
cfg --component=auth_jwtsso --name=audience --set="$JWTSSO_AUDIENCE"
cfg --component=auth_jwtsso --name=allowedalgs --set=RS256
cfg --component=auth_jwtsso --name=autocreate --set=1
cfg --component=auth_jwtsso --name=claim_email --set=email
cfg --component=auth_jwtsso --name=claim_username --set=email
cfg --component=auth_jwtsso --name=showbutton --set=1

log "configuring caches, web services and the provisioning account"
token_tmp=$(mktemp)
trap 'rm -f "$token_tmp"' EXIT
chown www-data "$token_tmp"
as_www php "$cli/lafaom_configure.php" --token-out="$token_tmp" $rotate
[ -s "$token_tmp" ] || die "lafaom_configure.php wrote no token"

# The backend's user (uid/gid 10001 in the backend image) reads it through its group.
install -d -m 0755 "$(dirname "$LAFAOM_TOKEN_FILE")"
install -m 0440 -o root -g "$LAFAOM_TOKEN_FILE_GID" "$token_tmp" "$LAFAOM_TOKEN_FILE.new"
mv -f "$LAFAOM_TOKEN_FILE.new" "$LAFAOM_TOKEN_FILE"
log "provisioning token written to $LAFAOM_TOKEN_FILE"

as_www php "$webroot/admin/cli/purge_caches.php"
touch "$ready"
log "Moodle is configured"
