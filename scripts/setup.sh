#!/usr/bin/env bash
# Installs what OrgGraph needs on a Debian machine, once: the C libraries it links (Graphviz for
# rendering, libedit for the REPL), fonts for diagrams, tmux for the terminal tests. Safe to run again:
# it installs only what is missing.
set -euo pipefail

packages=(pkg-config libgraphviz-dev libedit-dev fonts-dejavu-core tmux)

missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      echo "setup: need root to install ${missing[*]} (run as root, or install them yourself)" >&2
      exit 1
    fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The JSON Schema check of the graph files (scripts/check-graph-schema.py) uses PyYAML and jsonschema.
if ! python3 -c 'import yaml, jsonschema' >/dev/null 2>&1; then
  echo "setup: installing the Python packages pyyaml and jsonschema" >&2
  python3 -m pip install --quiet pyyaml jsonschema >&2 || {
    echo "setup: could not install pyyaml and jsonschema with pip" >&2
    exit 1
  }
fi

if ! command -v swift >/dev/null 2>&1; then
  echo "setup: Swift 6 is needed and was not found on PATH (https://www.swift.org/install/linux/)" >&2
  exit 1
fi
