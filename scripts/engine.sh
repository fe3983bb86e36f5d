#!/usr/bin/env bash
# Bring up (or tear down) a real Docker engine for the tests and for local runs.
#
#   scripts/engine.sh up              install what is missing, start the engine + a registry, seed images (idempotent)
#   scripts/engine.sh status          say what answers, exit 0 when the engine does
#   scripts/engine.sh down            stop what `up` started for that engine
#   scripts/engine.sh host            print the DOCKER_HOST of the engine (empty for the default socket)
#   scripts/engine.sh tidy            `up`, then remove the engine's build cache and untagged images (CI, before a suite)
#   scripts/engine.sh run -- CMD...   `up`, then run CMD with DOCKER_HOST set to the engine (npm test/start use it)
#
# PREFLIGHT_ENGINE picks the engine:
#   20.10           (default) the system's dockerd at /var/run/docker.sock (Debian 12's docker.io)
#   28              dockerd 28.5 from Debian forky (scripts/forky.sh), overlay2
#   28-containerd   the same with the containerd image store (daemon.json features.containerd-snapshotter)
#   NAME            any other name is handed to scripts/engine-NAME.sh, which answers up|down|status|host the same way
# The 28 engines run BESIDE the default one, which keeps serving /var/run/docker.sock: each has its own
# socket (/run/docker-preflight/ENGINE/docker.sock), containerd, --data-root, --exec-root, pidfile and
# bridge. They are seeded from the default engine and pull from the same registry (127.0.0.1:5000).
#
# With PREFLIGHT_ENGINE unset, a DOCKER_HOST that answers is used as it is and nothing is installed.
# dockerd listens on its unix socket only: a plain-TCP listener would be a root shell for every local
# user. Tests that need TCP open their own front (TLS or plain) for their duration
# (__tests__/helpers/tls-front.ts).
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
  # The endpoint and push tests make their certificates with openssl (and the endpoint tests their
  # contexts with the docker CLI).
  command -v openssl >/dev/null 2>&1 || need+=(openssl)
  # The push tests' registry takes a bcrypt htpasswd file for its basic auth.
  command -v htpasswd >/dev/null 2>&1 || need+=(apache2-utils)
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
  setsid dockerd --pidfile "$STATE_DIR/dockerd.pid" -H unix:///var/run/docker.sock >"$DOCKERD_LOG" 2>&1 < /dev/null &
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

# The push tests put their test CA in /etc/docker/certs.d/<host:port>/ca.crt (dockerd reads it per request)
# and remove it again; a runner that is not root gets that one directory made its own.
certs_dir_writable() {
  local dir=/etc/docker/certs.d
  { [ -d "$dir" ] && [ -w "$dir" ]; } && return 0
  if [ "$(id -u)" = 0 ]; then mkdir -p "$dir"; return 0; fi
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo -n install -d -m 0755 -o "$(id -u)" "$dir"
  else
    say "$dir is not writable (needs root or sudo): the push tests cannot make the engine trust their CA"
  fi
}

# Seen here (not yet explained): docker0 went missing while other daemons started and stopped beside the
# default one, and dockerd only creates its bridge at start-up, so every bridged container of the default
# engine failed with "could not find bridge docker0". Put it back as the daemon describes it (its NAT rules
# name the interface, so they apply again), rather than restarting a daemon other runs may be using.
ensure_default_bridge() {
  ip link show docker0 >/dev/null 2>&1 && return 0
  local gateway subnet
  gateway=$("$DOCKER" network inspect bridge --format '{{range .IPAM.Config}}{{.Gateway}}{{end}}' 2>/dev/null) || return 0
  subnet=$("$DOCKER" network inspect bridge --format '{{range .IPAM.Config}}{{.Subnet}}{{end}}' 2>/dev/null) || return 0
  [ -n "$subnet" ] || return 0
  # 20.10 lists no gateway for its default bridge: dockerd gives it the subnet's first address.
  if [ -z "$gateway" ]; then gateway=${subnet%/*} && gateway=${gateway%.*}.1; fi
  say "docker0 is missing: recreating it as $gateway/${subnet#*/}"
  ip link add docker0 type bridge && ip addr add "$gateway/${subnet#*/}" dev docker0 && ip link set docker0 up
}

up_default() {
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
  [ -n "${DOCKER_HOST:-}" ] || ensure_default_bridge
  { command -v docker-registry && command -v openssl && command -v htpasswd; } >/dev/null 2>&1 || install_missing
  certs_dir_writable
  registry_answers || start_registry
  seed_hello_world
  seed_busybox
  push_to_registry
  # The compose tests need the docker compose plugin: linked into a private DOCKER_CONFIG, never installed.
  bash "$(dirname "$0")/compose-plugin.sh" >/dev/null
  say "ready: $(describe)"
}

status_default() {
  local rc=0
  if engine_answers; then say "engine answers: $("$DOCKER" version --format '{{.Server.Version}}')"; else say "engine: no answer"; rc=1; fi
  if registry_answers; then say "registry answers on $REGISTRY_ADDR"; else say "registry: no answer"; fi
  return $rc
}

down_default() {
  local f
  for f in registry dockerd; do
    if [ -f "$STATE_DIR/$f.pid" ]; then
      kill "$(cat "$STATE_DIR/$f.pid")" 2>/dev/null || true
      rm -f "$STATE_DIR/$f.pid"
      say "stopped $f"
    fi
  done
}


# What answers: version, API, storage driver and image store (the containerd store reports
# DriverStatus "driver-type io.containerd.snapshotter.v1").
describe() {
  local v i
  v=$("$DOCKER" version --format 'server {{.Server.Version}}, API {{.Server.APIVersion}}')
  i=$("$DOCKER" info --format '{{.Driver}}{{range .DriverStatus}}{{if eq (index . 0) "driver-type"}} ({{index . 1}}){{end}}{{end}}')
  case "$i" in
    *io.containerd.snapshotter.v1*) i="storage driver ${i%% *}, image store containerd" ;;
    *) i="storage driver $i, image store graphdriver" ;;
  esac
  echo "$v, $i"
}

# ---- the forky dockerd 28 engines, beside the default one -------------------------------------------
ENGINE=${PREFLIGHT_ENGINE:-20.10}
E_STATE=$STATE_DIR/$ENGINE
# Short paths: containerd's and the shims' sockets live under them (unix socket paths max 108 bytes).
E_RUN=/run/docker-preflight/$ENGINE
E_DATA=/var/lib/docker-preflight/$ENGINE
E_SOCK=$E_RUN/docker.sock
E_CTRD_SOCK=$E_RUN/containerd.sock

# Bridge names (max 15 characters) and subnets of their own: away from docker0 (172.17/16), the default
# pools (172.16-31, 192.168) and the disposable daemons of __tests__/helpers/second-dockerd.ts (10.213/16).
engine_net() {
  case "$ENGINE" in
    28) BRIDGE=pf-e28 BRIDGE_CIDR=10.214.28.1/24 POOL=10.215.0.0/16 ;;
    28-containerd) BRIDGE=pf-e28c BRIDGE_CIDR=10.214.29.1/24 POOL=10.216.0.0/16 ;;
  esac
}

# A process that is gone or a zombie (PID 1 here does not reap orphans) counts as stopped.
alive() {
  local pid=$1 state
  [ -n "$pid" ] && [ -r "/proc/$pid/stat" ] || return 1
  state=$(sed -E 's/^[0-9]+ \(.*\) (.).*/\1/' "/proc/$pid/stat" 2>/dev/null) || return 1
  [ "$state" != Z ]
}

pidof_file() { [ -f "$1" ] && cat "$1" 2>/dev/null || true; }

forky_path() {
  local prefix
  prefix=$(bash "$(dirname "$0")/forky.sh" fetch docker.io containerd)
  # forky's dockerd, containerd, shim, docker-init and docker-proxy; runc stays the system's (forky's
  # needs glibc 2.38).
  FORKY_PATH="$prefix/usr/sbin:$prefix/usr/bin:$PATH"
  command -v runc >/dev/null 2>&1 || install_runc
}

install_runc() {
  [ "$(id -u)" = 0 ] || { say "the $ENGINE engine needs root (runc is missing)"; exit 1; }
  say "installing runc"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends runc >"$STATE_DIR/apt.log" 2>&1 ||
    { cat "$STATE_DIR/apt.log" >&2; exit 1; }
}

e_docker() { "$DOCKER" -H "unix://$E_SOCK" "$@"; }
e_answers() { curl -fsS -m 2 --unix-socket "$E_SOCK" http://localhost/_ping >/dev/null 2>&1; }

start_containerd() {
  local pid
  pid=$(pidof_file "$E_STATE/containerd.pid")
  if alive "$pid" && [ -S "$E_CTRD_SOCK" ]; then return 0; fi
  # Started here and handed to dockerd with --containerd (not left to dockerd): a containerd that
  # dockerd starts becomes an unreaped zombie when dockerd dies, and blocks the next start
  # (see __tests__/helpers/second-dockerd.ts).
  cat >"$E_STATE/containerd.toml" <<TOML
version = 2
disabled_plugins = ["io.containerd.grpc.v1.cri", "io.containerd.cri.v1.images", "io.containerd.cri.v1.runtime"]
TOML
  rm -f "$E_CTRD_SOCK"
  say "starting containerd for $ENGINE (log: $E_STATE/containerd.log)"
  PATH=$FORKY_PATH setsid containerd --config "$E_STATE/containerd.toml" --root "$E_DATA/containerd" \
    --state "$E_RUN/containerd" --address "$E_CTRD_SOCK" >>"$E_STATE/containerd.log" 2>&1 </dev/null &
  echo $! >"$E_STATE/containerd.pid"
  for _ in $(seq 1 100); do
    [ -S "$E_CTRD_SOCK" ] && return 0
    alive "$!" || break
    sleep 0.1
  done
  say "containerd for $ENGINE did not start; last lines of $E_STATE/containerd.log:"
  tail -n 20 "$E_STATE/containerd.log" >&2
  exit 1
}

# --iptables=false leaves the default daemon's chains alone; the host's FORWARD policy is DROP (set by
# that daemon) and bridged traffic goes through it (br_netfilter), so let this engine's containers talk
# to each other: on its default bridge, and on the networks it makes from its own pool (compose stacks).
forward_rules() {
  local op=$1 rule
  for rule in "-i $BRIDGE -o $BRIDGE" "-s $POOL -d $POOL"; do
    # shellcheck disable=SC2086 # the rule is words
    if [ "$op" = add ]; then
      iptables -C FORWARD $rule -j ACCEPT 2>/dev/null || iptables -I FORWARD $rule -j ACCEPT 2>/dev/null || true
    else
      while iptables -D FORWARD $rule -j ACCEPT 2>/dev/null; do :; done
    fi
  done
}

start_engine_dockerd() {
  engine_net
  if ! ip link show "$BRIDGE" >/dev/null 2>&1; then
    ip link add "$BRIDGE" type bridge
    ip addr add "$BRIDGE_CIDR" dev "$BRIDGE"
    ip link set "$BRIDGE" up
  fi
  local features='{}'
  [ "$ENGINE" = 28-containerd ] && features='{"containerd-snapshotter": true}'
  printf '{\n  "features": %s,\n  "default-address-pools": [{"base": "%s", "size": 24}]\n}\n' "$features" "$POOL" >"$E_STATE/daemon.json"
  rm -f "$E_SOCK"
  say "starting dockerd $ENGINE on unix://$E_SOCK (log: $E_STATE/dockerd.log)"
  # Not --bridge=none: dockerd with the bridge disabled deletes the kernel's docker0 at start-up, which
  # breaks every container of the default engine (see __tests__/helpers/second-dockerd.ts).
  PATH=$FORKY_PATH setsid dockerd --config-file "$E_STATE/daemon.json" -H "unix://$E_SOCK" \
    --containerd "$E_CTRD_SOCK" --data-root "$E_DATA/docker" --exec-root "$E_RUN/exec" \
    --pidfile "$E_STATE/dockerd.pid" --bridge "$BRIDGE" --iptables=false --ip-masq=false \
    >>"$E_STATE/dockerd.log" 2>&1 </dev/null &
  local pid=$!
  for _ in $(seq 1 300); do
    e_answers && return 0
    alive "$pid" || break
    sleep 0.2
  done
  say "dockerd $ENGINE did not answer /_ping; last lines of $E_STATE/dockerd.log:"
  tail -n 20 "$E_STATE/dockerd.log" >&2
  exit 1
}

seed_engine() {
  local img missing=()
  for img in hello-world:latest busybox:latest; do
    e_docker image inspect "$img" >/dev/null 2>&1 || missing+=("$img")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "seeding ${missing[*]} into $ENGINE (docker save | docker load)"
  "$DOCKER" -H unix:///var/run/docker.sock save "${missing[@]}" | e_docker load -q >/dev/null
}

up_engine() {
  [ "$(id -u)" = 0 ] || { say "the $ENGINE engine runs its own dockerd and needs root"; exit 1; }
  # The default engine and the registry first: the seed images come from there.
  (unset DOCKER_HOST PREFLIGHT_ENGINE; up_default) 2>&1 | grep -v '^engine: ready:' >&2 || true
  curl -fsS -m 2 --unix-socket /var/run/docker.sock http://localhost/_ping >/dev/null 2>&1 ||
    { say "the default engine (the seed images' source) did not come up"; exit 1; }
  mkdir -p "$E_STATE" "$E_RUN" "$E_DATA"
  if ! e_answers; then
    local pid
    pid=$(pidof_file "$E_STATE/dockerd.pid")
    if alive "$pid"; then
      say "dockerd $ENGINE (pid $pid) runs but does not answer on $E_SOCK; run: $0 down"
      exit 1
    fi
    rm -f "$E_STATE/dockerd.pid"
    forky_path
    start_containerd
    start_engine_dockerd
  fi
  engine_net
  forward_rules add
  seed_engine
  say "ready: $ENGINE at unix://$E_SOCK: $(DOCKER_HOST=unix://$E_SOCK describe)"
}

stop_pidfile() {
  local name=$1 file=$2 pid
  pid=$(pidof_file "$file")
  if alive "$pid"; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 150); do alive "$pid" || break; sleep 0.2; done
    alive "$pid" && kill -9 "$pid" 2>/dev/null || true
    say "stopped $name"
  fi
  rm -f "$file"
}

down_engine() {
  engine_net
  stop_pidfile "dockerd $ENGINE" "$E_STATE/dockerd.pid"
  stop_pidfile "containerd $ENGINE" "$E_STATE/containerd.pid"
  # What the daemons left mounted (shm, overlay, netns) under their own dirs only.
  local m
  for m in $(awk '{print $2}' /proc/mounts | grep -E "^($E_RUN|$E_DATA)/" | sort -r); do umount -l "$m" 2>/dev/null || true; done
  rm -f "$E_SOCK" "$E_CTRD_SOCK"
  forward_rules del
  ip link delete "$BRIDGE" 2>/dev/null || true
}

status_engine() {
  if e_answers; then
    say "$ENGINE answers at unix://$E_SOCK: $(DOCKER_HOST=unix://$E_SOCK describe)"
  else
    say "$ENGINE: no answer at unix://$E_SOCK"
    return 1
  fi
  registry_answers && say "registry answers on $REGISTRY_ADDR" || say "registry: no answer"
}

engine_host() {
  case "$ENGINE" in
    20.10) echo "${DOCKER_HOST:-}" ;;
    28 | 28-containerd) echo "unix://$E_SOCK" ;;
    *) delegate host ;;
  esac
}

# Another engine's script (scripts/engine-NAME.sh) answers up|down|status|host for it.
delegate() {
  local script
  script="$(dirname "$0")/engine-$ENGINE.sh"
  if [ ! -f "$script" ]; then
    say "unknown PREFLIGHT_ENGINE=$ENGINE: use 20.10, 28 or 28-containerd (or add $script)"
    exit 2
  fi
  bash "$script" "$@"
}

# PREFLIGHT_ENGINE names the engine; a DOCKER_HOST that names another one is a mistake to stop on.
check_host_agrees() {
  [ -n "${PREFLIGHT_ENGINE:-}" ] && [ -n "${DOCKER_HOST:-}" ] || return 0
  local want
  want=$(engine_host)
  [ "$want" = "$DOCKER_HOST" ] && return 0
  [ -z "$want" ] && [ "$DOCKER_HOST" = unix:///var/run/docker.sock ] && return 0
  say "DOCKER_HOST=$DOCKER_HOST names another engine than PREFLIGHT_ENGINE=$ENGINE (${want:-unix:///var/run/docker.sock}); unset one of them"
  exit 2
}

dispatch() {
  local cmd=$1
  case "$ENGINE" in
    20.10)
      case "$cmd" in up) up_default ;; status) status_default ;; down) down_default ;; esac ;;
    28 | 28-containerd)
      case "$cmd" in up) up_engine ;; status) status_engine ;; down) down_engine ;; esac ;;
    *) delegate "$cmd" ;;
  esac
}

# A machine that keeps its engines (the 28 engines' --data-root is under /var/lib) gathers every suite's
# build cache and untagged images: thousands of records made /system/df take 5 s idle and fail under a
# suite's load (the drift tests lost their disk use so). CI starts each suite from a tidy store. Only what
# nothing names: the seeded and tagged images stay.
tidy() {
  dispatch up
  local host
  host=$(engine_host)
  local docker=("$DOCKER")
  [ -n "$host" ] && docker+=(-H "$host")
  # (stderr kept aside: without buildx, `docker builder` prints the legacy builder's deprecation notice)
  { "${docker[@]}" builder prune -af && "${docker[@]}" image prune -f; } >/dev/null 2>"$STATE_DIR/tidy.log" ||
    { cat "$STATE_DIR/tidy.log" >&2; exit 1; }
  say "tidied $ENGINE: no build cache, no untagged image"
}

case "${1:-up}" in
  tidy)
    check_host_agrees
    tidy ;;
  up | status | down)
    check_host_agrees
    dispatch "${1:-up}" ;;
  host) engine_host ;;
  run)
    shift
    [ "${1:-}" = -- ] && shift
    [ $# -gt 0 ] || { echo "usage: $0 run -- COMMAND..." >&2; exit 2; }
    check_host_agrees
    dispatch up
    host=$(engine_host)
    if [ -n "$host" ]; then export DOCKER_HOST=$host; fi
    exec "$@" ;;
  *) echo "usage: $0 up|status|down|host|tidy|run -- COMMAND..." >&2; exit 2 ;;
esac
