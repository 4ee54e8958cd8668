#!/usr/bin/env bash
# Renders the gallery (docs/gallery/queries.txt) to docs/gallery/NAME.svg with `orgraph render`.
# With PNG=1, also writes NAME.png beside them in /tmp/orgraph-gallery, for looking at.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
bash scripts/setup.sh
swift build --product orgraph >&2
bin="$(swift build --product orgraph --show-bin-path)/orgraph"
mkdir -p /tmp/orgraph-gallery
grep -v '^#' docs/gallery/queries.txt | grep -v '^$' | while IFS= read -r line; do
  name="${line%%: *}"
  query="${line#*: }"
  "$bin" render --force --format svg -o "docs/gallery/$name.svg" "$query"
  echo "docs/gallery/$name.svg"
  if [ "${PNG:-0}" = 1 ]; then "$bin" render --force --format png -o "/tmp/orgraph-gallery/$name.png" "$query"; fi
done
