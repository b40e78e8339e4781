#!/usr/bin/env bash
# Records in versions.lock the commit that a Moodle release tag points at, so that every later
# build of deploy/moodle/Dockerfile verifies it gets exactly that code. Run it on a machine that
# reaches GitHub, review the diff, commit it (one bump per commit).
#
#   deploy/moodle/pin-release.sh            # newest release of MOODLE_BRANCH (e.g. 5.2.x)
#   deploy/moodle/pin-release.sh 5.2.3      # that release
#   deploy/moodle/pin-release.sh --base-image
#       prints the digest of MOODLE_BASE_IMAGE's tag, to freeze the PHP base in .env
set -Eeuo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
lock="$here/versions.lock"
repo=https://github.com/moodle/moodle.git
die() { printf 'pin-release: %s\n' "$*" >&2; exit 1; }

lock_value() { sed -n "s/^$1=//p" "$lock" | tail -n 1; }

if [ "${1:-}" = "--base-image" ]; then
  base=${MOODLE_BASE_IMAGE:-moodlehq/moodle-php-apache:8.3-bookworm}
  command -v docker >/dev/null || die "docker is needed to read the digest of $base"
  docker pull --quiet "$base" >/dev/null
  digest=$(docker image inspect --format '{{index .RepoDigests 0}}' "$base")
  echo "Put this line in .env, then: docker compose build moodle"
  echo "MOODLE_BASE_IMAGE=${base%@*}@${digest#*@}"
  exit 0
fi

version=${1:-}
if [ -z "$version" ]; then
  branch=$(lock_value MOODLE_BRANCH)
  [ -n "$branch" ] || die "no MOODLE_BRANCH in $lock"
  version=$(git ls-remote --tags --refs "$repo" "refs/tags/v$branch.*" |
    sed -n 's#.*refs/tags/v\([0-9]*\.[0-9]*\.[0-9]*\)$#\1#p' | sort -V | tail -n 1)
  [ -n "$version" ] || die "no release tag v$branch.* found in $repo"
fi
[[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || die "'$version' is not a release number such as 5.2.3"

# The peeled entry (^{}) of an annotated tag is the commit itself.
commit=$(git ls-remote "$repo" "refs/tags/v$version^{}" | cut -f1)
[ -n "$commit" ] || commit=$(git ls-remote "$repo" "refs/tags/v$version" | cut -f1)
[[ "$commit" =~ ^[0-9a-f]{40}$ ]] || die "tag v$version not found in $repo"

sed -i -e "s/^MOODLE_VERSION=.*/MOODLE_VERSION=$version/" \
       -e "s/^MOODLE_GIT_COMMIT=.*/MOODLE_GIT_COMMIT=$commit/" \
       -e "s/^# Commit of tag v[0-9.]*[:,].*/# Commit of tag v$version, recorded by pin-release.sh on $(date -u +%Y-%m-%d)./" "$lock"
echo "pin-release: Moodle $version is commit $commit ($lock updated)"
echo "Next: git diff $lock, then docker compose build moodle && docker compose up -d moodle"
