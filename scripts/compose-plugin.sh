#!/usr/bin/env bash
# The docker compose v2 CLI plugin for the tests and local runs, in a private DOCKER_CONFIG.
#
#   scripts/compose-plugin.sh   prints the DOCKER_CONFIG directory whose cli-plugins/ holds docker-compose
#
# A plugin the machine already has (where the docker CLI looks: ~/.docker/cli-plugins and the system
# directories) is linked as it is; otherwise Debian forky's docker-compose package is fetched with
# scripts/forky.sh. Nothing global changes: the tests point DOCKER_CONFIG at this directory themselves.
# State lives in $PREFLIGHT_DOCKER_CONFIG (default /tmp/docker-preflight-docker-config).
set -euo pipefail

CONFIG_DIR=${PREFLIGHT_DOCKER_CONFIG:-/tmp/docker-preflight-docker-config}
LINK=$CONFIG_DIR/cli-plugins/docker-compose

if [ ! -x "$LINK" ]; then
  plugin=""
  for dir in "${HOME:-/root}/.docker/cli-plugins" /usr/local/lib/docker/cli-plugins \
    /usr/local/libexec/docker/cli-plugins /usr/lib/docker/cli-plugins /usr/libexec/docker/cli-plugins; do
    if [ -x "$dir/docker-compose" ]; then plugin=$dir/docker-compose; break; fi
  done
  if [ -z "$plugin" ]; then
    prefix=$(bash "$(dirname "$0")/forky.sh" fetch docker-compose)
    plugin=$prefix/usr/libexec/docker/cli-plugins/docker-compose
  fi
  mkdir -p "$CONFIG_DIR/cli-plugins"
  ln -sfn "$plugin" "$LINK"
  echo "compose-plugin: linked $plugin into $CONFIG_DIR/cli-plugins" >&2
fi
echo "$CONFIG_DIR"
