#!/usr/bin/env bash
# Installs the Debian packages the test suites use (system binaries; npm-installed test tools
# come from devDependencies). Quick and silent when everything is already there, so `npm test`
# runs it every time. When it cannot install, it names what is missing: the suites that need
# it are then skipped loudly, and under CI=true this script (and those suites) fail instead.
#
# To add a package: one line in PACKAGES below, "<binary to look for> <Debian package>".
set -uo pipefail

PACKAGES=(
  "git git"
  "nats-server nats-server"
  "initdb postgresql"
  "chromium chromium"
  "pre-commit pre-commit"
)

# Debian keeps the PostgreSQL server tools off PATH, in /usr/lib/postgresql/<version>/bin.
has_binary() {
  command -v "$1" >/dev/null 2>&1 && return 0
  compgen -G "/usr/lib/postgresql/*/bin/$1" >/dev/null 2>&1
}

missing_packages() {
  local entry
  for entry in "${PACKAGES[@]}"; do
    set -- $entry
    has_binary "$1" || printf '%s\n' "$2"
  done
}

missing=($(missing_packages))
[ "${#missing[@]}" -eq 0 ] && exit 0

warn() {
  printf '!!! scripts/test-deps.sh: %s\n' "$@" >&2
}

run_as_root=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    run_as_root=(sudo -n)
  else
    run_as_root=(none)
  fi
fi

if [ "${run_as_root[0]:-}" != none ] && command -v apt-get >/dev/null 2>&1; then
  echo "scripts/test-deps.sh: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  "${run_as_root[@]}" apt-get update -q >/dev/null &&
    "${run_as_root[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
  missing=($(missing_packages))
  [ "${#missing[@]}" -eq 0 ] && exit 0
fi

warn "MISSING Debian packages: ${missing[*]}" \
  "install them (apt-get install ${missing[*]}) or the suites that need them are skipped."
if [ "${CI:-}" = true ]; then
  warn "CI=true: missing test dependencies are a failure."
  exit 1
fi
exit 0
