#!/usr/bin/env bash
# Newer engine tools from Debian's `forky` suite, unpacked into a private prefix; the system's apt is untouched.
#
#   scripts/forky.sh fetch PACKAGE...   download and unpack the packages (idempotent); prints the prefix
#   scripts/forky.sh prefix             prints the prefix (it holds usr/bin, usr/sbin, usr/libexec, ...)
#
# Installing forky's packages would drag in a newer libc, so they are fetched with `apt-get download`
# (a private sources list and state directory) and unpacked with `dpkg-deb -x`. Most of their binaries
# (dockerd, containerd, docker-init, docker-proxy, the buildx and compose plugins) are static Go programs
# and run on this machine's glibc; forky's runc and podman are not: use the system's runc.
# State lives in $PREFLIGHT_FORKY_DIR (default /tmp/docker-preflight-forky).
set -euo pipefail

DIR=${PREFLIGHT_FORKY_DIR:-/tmp/docker-preflight-forky}
PREFIX=$DIR/root
SUITE=${PREFLIGHT_FORKY_SUITE:-forky}
MIRROR=${PREFLIGHT_DEBIAN_MIRROR:-http://deb.debian.org/debian}

say() { echo "forky: $*" >&2; }

apt_private() {
  apt-get -qq \
    -o Dir::State="$DIR/state" -o Dir::Cache="$DIR/cache" \
    -o Dir::Etc::SourceList="$DIR/sources.list" -o Dir::Etc::SourceParts=/dev/null \
    -o Dir::Etc::Preferences=/dev/null -o Dir::Etc::PreferencesParts=/dev/null \
    -o APT::Architecture=amd64 -o APT::Sandbox::User=root "$@"
}

update_lists() {
  mkdir -p "$DIR/state/lists/partial" "$DIR/cache/archives/partial" "$DIR/debs" "$PREFIX"
  echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $MIRROR $SUITE main" >"$DIR/sources.list"
  # Lists older than a day are refreshed; a fresh machine has none.
  if [ -z "$(find "$DIR/state/lists" -maxdepth 1 -name '*_Packages' -mmin -1440 2>/dev/null | head -n 1)" ]; then
    say "updating the $SUITE package lists"
    apt_private update >"$DIR/update.log" 2>&1 || { cat "$DIR/update.log" >&2; exit 1; }
  fi
}

fetch() {
  [ $# -gt 0 ] || { echo "usage: $0 fetch PACKAGE..." >&2; exit 2; }
  local pkg missing=()
  for pkg in "$@"; do
    [ -f "$DIR/unpacked/$pkg" ] || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    update_lists
    mkdir -p "$DIR/unpacked"
    say "downloading ${missing[*]}"
    (cd "$DIR/debs" && apt_private download "${missing[@]}" >"$DIR/download.log" 2>&1) ||
      { cat "$DIR/download.log" >&2; exit 1; }
    for pkg in "${missing[@]}"; do
      local deb
      deb=$(ls -t "$DIR/debs/${pkg}_"*.deb | head -n 1)
      dpkg-deb -x "$deb" "$PREFIX"
      basename "$deb" >"$DIR/unpacked/$pkg"
    done
  fi
  echo "$PREFIX"
}

case "${1:-}" in
  fetch) shift; fetch "$@" ;;
  prefix) echo "$PREFIX" ;;
  *) echo "usage: $0 fetch PACKAGE... | prefix" >&2; exit 2 ;;
esac
