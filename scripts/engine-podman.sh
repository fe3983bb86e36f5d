#!/usr/bin/env bash
# Podman's Docker-compatible API as a test engine, beside the default dockerd (which keeps /var/run/docker.sock).
#
#   scripts/engine-podman.sh up       install podman if missing, start `podman system service`, seed images (idempotent)
#   scripts/engine-podman.sh status   say what answers, exit 0 when the Podman API does
#   scripts/engine-podman.sh host     print the DOCKER_HOST that reaches it
#   scripts/engine-podman.sh down     stop the service `up` started (images and storage stay for the next `up`)
#
# `PREFLIGHT_ENGINE=podman bash scripts/engine.sh up` hands over to this script.
# It is Debian 12's podman 4.3 on this machine's glibc (forky's 5.x needs glibc 2.38), with two settings
# that make it start containers where the process lacks CAP_SYS_RESOURCE (CI sandboxes, containers):
#   - default_ulimits: podman asks for nofile/nproc 1048576, which only CAP_SYS_RESOURCE may raise to;
#     we ask for the limits the podman process itself has (nproc: conmon runs with at most 32768).
#   - runtime runc: crun 1.8 refuses hybrid cgroup v1/v2 hosts ("cgroups in hybrid mode not supported").
# Everything else is private to $PREFLIGHT_PODMAN_DIR (default /tmp/docker-preflight-podman): storage,
# run state, config, log. Images come from the registry on 127.0.0.1:5000 (marked insecure here), which
# the default engine's `scripts/engine.sh up` starts and fills.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
DIR=${PREFLIGHT_PODMAN_DIR:-/tmp/docker-preflight-podman}
SOCK_DIR=${PREFLIGHT_PODMAN_SOCK_DIR:-/run/docker-preflight/podman}
SOCK=$SOCK_DIR/docker.sock
REGISTRY_ADDR=127.0.0.1:5000
LOG=$DIR/service.log

export CONTAINERS_CONF=$DIR/containers.conf
export CONTAINERS_STORAGE_CONF=$DIR/storage.conf
export CONTAINERS_REGISTRIES_CONF=$DIR/registries.conf

say() { echo "engine (podman): $*" >&2; }

api_answers() {
  curl -fsS -m 2 --unix-socket "$SOCK" http://d/_ping >/dev/null 2>&1
}

install_missing() {
  local need=()
  command -v podman >/dev/null 2>&1 || need+=(podman)
  command -v runc >/dev/null 2>&1 || need+=(runc)
  command -v curl >/dev/null 2>&1 || need+=(curl)
  [ ${#need[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null 2>&1 || { say "missing ${need[*]}; install podman (Debian/Ubuntu: apt-get install podman)"; exit 1; }
  say "installing ${need[*]}"
  env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
  env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >"$DIR/apt.log" 2>&1 ||
    { cat "$DIR/apt.log" >&2; exit 1; }
}

write_config() {
  local nofile nproc
  nofile=$(ulimit -Hn)
  nproc=$(ulimit -Hu)
  [ "$nofile" = unlimited ] || [ "$nofile" -gt 1048576 ] && nofile=1048576
  [ "$nproc" = unlimited ] || [ "$nproc" -gt 32768 ] && nproc=32768
  mkdir -p "$DIR/storage" "$DIR/run" "$DIR/tmp" "$SOCK_DIR"
  cat >"$DIR/containers.conf" <<CONF
[containers]
default_ulimits = ["nofile=$nofile:$nofile", "nproc=$nproc:$nproc"]

[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
# No journald here (and none needed): events go to a file under the private tmp dir.
events_logger = "file"
tmp_dir = "$DIR/tmp"
CONF
  cat >"$DIR/storage.conf" <<CONF
[storage]
driver = "overlay"
graphroot = "$DIR/storage"
runroot = "$DIR/run"
CONF
  cat >"$DIR/registries.conf" <<CONF
unqualified-search-registries = ["docker.io"]

[[registry]]
location = "$REGISTRY_ADDR"
insecure = true
CONF
}

start_service() {
  say "starting podman system service on $SOCK (log: $LOG)"
  rm -f "$SOCK"
  # setsid: the service must outlive the shell (and the test runner) that started it.
  setsid podman system service --time=0 "unix://$SOCK" >"$LOG" 2>&1 </dev/null &
  echo $! >"$DIR/service.pid"
  for _ in $(seq 1 150); do
    api_answers && return 0
    sleep 0.2
  done
  say "the Podman API did not answer /_ping within 30 s; last lines of $LOG:"
  tail -n 20 "$LOG" >&2
  exit 1
}

seed() {
  local img
  for img in hello-world busybox; do
    podman image exists "docker.io/library/$img:latest" && continue
    say "seeding $img:latest from $REGISTRY_ADDR"
    podman pull -q "$REGISTRY_ADDR/$img:latest" >/dev/null
    podman tag "$REGISTRY_ADDR/$img:latest" "docker.io/library/$img:latest"
    podman untag "$REGISTRY_ADDR/$img:latest" "$REGISTRY_ADDR/$img:latest"
  done
}

up() {
  # Rootless podman needs subordinate ids and its own storage rules; the tests use rootful Podman.
  [ "$(id -u)" = 0 ] || { say "the podman engine runs rootful podman and needs root"; exit 1; }
  mkdir -p "$DIR"
  install_missing
  # The registry (and the images in it) come with the default engine, which the Podman tests also compare
  # against; its `up` is idempotent and quick when all is there.
  env -u DOCKER_HOST PREFLIGHT_ENGINE=20.10 bash "$HERE/engine.sh" up
  write_config
  api_answers || start_service
  seed
  say "ready: $(curl -fsS --unix-socket "$SOCK" http://d/version | sed -n 's/.*"Components":\[{"Name":"\([^"]*\)","Version":"\([^"]*\)".*/\1 \2/p'), DOCKER_HOST=unix://$SOCK"
}

status() {
  if api_answers; then
    say "answers on unix://$SOCK"
  else
    say "no answer on unix://$SOCK"
    return 1
  fi
}

down() {
  if [ -f "$DIR/service.pid" ]; then
    kill "$(cat "$DIR/service.pid")" 2>/dev/null || true
    rm -f "$DIR/service.pid" "$SOCK"
    say "stopped the podman service"
  fi
}

case "${1:-up}" in
  up) up ;;
  status) status ;;
  host) echo "unix://$SOCK" ;;
  down) down ;;
  *) echo "usage: $0 up|status|host|down" >&2; exit 2 ;;
esac
