#!/usr/bin/env bash
# Bring up (or tear down) a real Docker engine for the tests and for local runs.
#
#   scripts/engine.sh up       install what is missing, start dockerd + a registry, seed images (idempotent)
#   scripts/engine.sh status   say what answers, exit 0 when the engine does
#   scripts/engine.sh down     stop what `up` started
#
# When DOCKER_HOST is set and answers, that engine is used as it is and nothing is installed.
# dockerd also listens on tcp://127.0.0.1:2375 (loopback only) so DOCKER_HOST over TCP can be tested.
# State lives in $PREFLIGHT_ENGINE_DIR (default /tmp/docker-preflight-engine): logs, pidfiles, registry config.
set -euo pipefail

STATE_DIR=${PREFLIGHT_ENGINE_DIR:-/tmp/docker-preflight-engine}
REGISTRY_ADDR=127.0.0.1:5000
DOCKERD_LOG=$STATE_DIR/dockerd.log
REGISTRY_LOG=$STATE_DIR/registry.log
SEED_DIR=$STATE_DIR/seed
# The client in PATH may be any version; the daemon decides the API version.
DOCKER=${DOCKER_CLI:-docker}

say() { echo "engine: $*" >&2; }

engine_answers() {
  timeout 5 "$DOCKER" version --format '{{.Server.Version}}' >/dev/null 2>&1
}

registry_answers() {
  curl -fsS -m 2 "http://$REGISTRY_ADDR/v2/" >/dev/null 2>&1
}

install_missing() {
  local need=()
  command -v dockerd >/dev/null 2>&1 || need+=(docker.io)
  command -v docker-registry >/dev/null 2>&1 || need+=(docker-registry)
  [ -x /bin/busybox ] && /bin/busybox --list 2>/dev/null | grep -qx httpd || need+=(busybox-static)
  command -v gcc >/dev/null 2>&1 || need+=(gcc libc6-dev)
  command -v curl >/dev/null 2>&1 || need+=(curl)
  command -v iptables >/dev/null 2>&1 || need+=(iptables)
  if [ ${#need[@]} -gt 0 ]; then
    local sudo=()
    # GitHub's hosted runners are not root but have password-less sudo.
    [ "$(id -u)" = 0 ] || { command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null && sudo=(sudo -n); }
    if { [ "$(id -u)" != 0 ] && [ ${#sudo[@]} -eq 0 ]; } || ! command -v apt-get >/dev/null 2>&1; then
      say "missing ${need[*]} and cannot install them (needs root or sudo on Debian/Ubuntu). Install Docker, or set DOCKER_HOST."
      exit 1
    fi
    say "installing ${need[*]}"
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >"$STATE_DIR/apt.log" 2>&1 ||
      { cat "$STATE_DIR/apt.log" >&2; exit 1; }
  fi
}

start_dockerd() {
  say "starting dockerd (log: $DOCKERD_LOG)"
  # setsid: the daemon must outlive the shell (and the test runner) that started it.
  setsid dockerd --pidfile "$STATE_DIR/dockerd.pid" -H unix:///var/run/docker.sock -H tcp://127.0.0.1:2375 >"$DOCKERD_LOG" 2>&1 < /dev/null &
  for _ in $(seq 1 150); do
    if curl -fsS -m 1 --unix-socket /var/run/docker.sock http://localhost/_ping >/dev/null 2>&1; then
      return 0
    fi
    sleep 0.2
  done
  say "dockerd did not answer /_ping within 30 s; last lines of $DOCKERD_LOG:"
  tail -n 20 "$DOCKERD_LOG" >&2
  exit 1
}

start_registry() {
  mkdir -p "$STATE_DIR/registry-data"
  cat >"$STATE_DIR/registry.yml" <<YML
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $STATE_DIR/registry-data
  delete:
    enabled: true
http:
  addr: $REGISTRY_ADDR
YML
  say "starting registry on $REGISTRY_ADDR (log: $REGISTRY_LOG)"
  setsid docker-registry serve "$STATE_DIR/registry.yml" >"$REGISTRY_LOG" 2>&1 < /dev/null &
  echo $! >"$STATE_DIR/registry.pid"
  for _ in $(seq 1 50); do
    registry_answers && return 0
    sleep 0.1
  done
  say "registry did not answer on $REGISTRY_ADDR; see $REGISTRY_LOG"
  exit 1
}

image_exists() { "$DOCKER" image inspect "$1" >/dev/null 2>&1; }

seed_hello_world() {
  image_exists hello-world:latest && return 0
  say "seeding hello-world:latest (FROM scratch, static binary)"
  mkdir -p "$SEED_DIR/hello"
  cat >"$SEED_DIR/hello/hello.c" <<'C'
#include <unistd.h>
static const char msg[] =
  "\nHello from Docker!\n"
  "This message shows that your installation appears to be working correctly.\n\n"
  "(docker-preflight's local stand-in for the hello-world image: a static binary FROM scratch.)\n\n";
int main(void) { return write(1, msg, sizeof msg - 1) == (ssize_t)(sizeof msg - 1) ? 0 : 1; }
C
  gcc -static -Os -s -o "$SEED_DIR/hello/hello" "$SEED_DIR/hello/hello.c"
  printf 'FROM scratch\nCOPY hello /hello\nCMD ["/hello"]\n' >"$SEED_DIR/hello/Dockerfile"
  DOCKER_BUILDKIT=0 "$DOCKER" build -q -t hello-world:latest "$SEED_DIR/hello" >/dev/null
}

seed_busybox() {
  image_exists busybox:latest && return 0
  say "seeding busybox:latest (docker import of busybox-static)"
  local root="$SEED_DIR/busybox-root"
  rm -rf "$root" && mkdir -p "$root"/{bin,sbin,usr/bin,usr/sbin,etc,tmp,root,var/www,proc,sys,dev}
  cp /bin/busybox "$root/bin/busybox"
  # Every applet as a link, as the real image has them (sh, echo, sleep, httpd, wget, ...).
  chroot "$root" /bin/busybox --install -s 2>/dev/null || {
    for a in $(/bin/busybox --list); do ln -sf /bin/busybox "$root/bin/$a"; done
  }
  echo 'root:x:0:0:root:/root:/bin/sh' >"$root/etc/passwd"
  echo 'nobody:x:65534:65534:nobody:/:/bin/false' >>"$root/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' >"$root/etc/group"
  chmod 1777 "$root/tmp"
  tar -C "$root" -c . | "$DOCKER" import -c 'CMD ["sh"]' - busybox:latest >/dev/null
}

push_to_registry() {
  local img
  for img in hello-world:latest busybox:latest; do
    if ! curl -fsS -m 2 "http://$REGISTRY_ADDR/v2/${img%%:*}/manifests/latest" \
      -H 'Accept: application/vnd.docker.distribution.manifest.v2+json' >/dev/null 2>&1; then
      say "pushing $img to $REGISTRY_ADDR"
      "$DOCKER" tag "$img" "$REGISTRY_ADDR/$img"
      "$DOCKER" push -q "$REGISTRY_ADDR/$img" >/dev/null
      "$DOCKER" rmi "$REGISTRY_ADDR/$img" >/dev/null
    fi
  done
}

up() {
  mkdir -p "$STATE_DIR"
  if [ -n "${DOCKER_HOST:-}" ]; then
    if engine_answers; then
      say "using the engine at DOCKER_HOST=$DOCKER_HOST"
    else
      say "DOCKER_HOST=$DOCKER_HOST does not answer; unset it to let this script start a local engine"
      exit 1
    fi
  else
    if ! engine_answers; then
      install_missing
      engine_answers || start_dockerd
    fi
  fi
  command -v docker-registry >/dev/null 2>&1 || install_missing
  registry_answers || start_registry
  seed_hello_world
  seed_busybox
  push_to_registry
  # The compose tests need the docker compose plugin: linked into a private DOCKER_CONFIG, never installed.
  bash "$(dirname "$0")/compose-plugin.sh" >/dev/null
  say "ready: $("$DOCKER" version --format 'server {{.Server.Version}}, API {{.Server.APIVersion}}')"
}

status() {
  local rc=0
  if engine_answers; then say "engine answers: $("$DOCKER" version --format '{{.Server.Version}}')"; else say "engine: no answer"; rc=1; fi
  if registry_answers; then say "registry answers on $REGISTRY_ADDR"; else say "registry: no answer"; fi
  return $rc
}

down() {
  local f
  for f in registry dockerd; do
    if [ -f "$STATE_DIR/$f.pid" ]; then
      kill "$(cat "$STATE_DIR/$f.pid")" 2>/dev/null || true
      rm -f "$STATE_DIR/$f.pid"
      say "stopped $f"
    fi
  done
}

case "${1:-up}" in
  up) up ;;
  status) status ;;
  down) down ;;
  *) echo "usage: $0 up|status|down" >&2; exit 2 ;;
esac
