#!/usr/bin/env bash
# Renders every gallery diagram, the reproducers of Graphviz 2.42's double free, and a ladder of every
# track and role under valgrind, in-process (ORGRAPH_RENDER=in-process), and counts invalid frees, reads
# and writes. Prints one line per render and exits 1 if any had one. Needs valgrind (apt-get install
# valgrind). Swift 6.3's debug info makes valgrind give up, so it runs a stripped copy of the binary.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
bash scripts/setup.sh
command -v valgrind >/dev/null || { echo "check-render-memory: needs valgrind (apt-get install valgrind)" >&2; exit 1; }
swift build --product orgraph >&2
bin="$(swift build --product orgraph --show-bin-path)/orgraph"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
strip -o "$work/orgraph" "$bin"
queries=()
while IFS= read -r line; do queries+=("${line#*: }"); done < <(grep -v '^#' docs/gallery/queries.txt | grep -v '^$')
queries+=(
  'roles -- (requires | holds | has_level | leads | embodies)* | limit 27'
  'competencies -- (requires | expresses | expects | has_level | in_team | part_of)*'
  'roles -- (requires | holds)* | limit 60'
  'path from role "Backend Engineer" to level "Senior Cloud Security Engineer" via -> lateral{1,3} all simple'
)
while IFS= read -r name; do queries+=("track \"$name\""); done < <("$bin" query --format csv 'tracks | select name' | tail -n +2 | tr -d '"')
while IFS= read -r name; do queries+=("role \"$name\" -> has_level"); done < <("$bin" query --format csv 'roles | where exists(-> has_level) | select name' | tail -n +2 | tr -d '"')
failed=0
for q in "${queries[@]}"; do
  for format in svg png; do
    ORGRAPH_RENDER=in-process valgrind --undef-value-errors=no --leak-check=no -q \
      "$work/orgraph" render --format "$format" -o "$work/out.$format" "$q" >"$work/log" 2>&1 || true
    n=$(grep -cE 'Invalid (free|read|write)|double free|corrupted' "$work/log" || true)
    printf '%-6s %2s invalid  %s\n' "$format" "$n" "$q"
    if [ "$n" != 0 ]; then failed=1; fi
  done
done
exit $failed
