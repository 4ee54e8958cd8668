#!/usr/bin/env bash
# Runs one libFuzzer target, or all of them, for a set time each, under AddressSanitizer:
#   scripts/fuzz.sh [query|evaluate|yaml|json|writers|import|export|tables|render|all] [SECONDS]      (default: all, 600 s each)
# The corpus of each target starts from the repository's own inputs (Queries/, Graph/, an export, the
# gallery's DOT) and grows in .build-fuzz/corpus/TARGET; crashes are written to .build-fuzz/crashes/TARGET.
# A crash is replayed, without the fuzzer, by `ORGRAPH_FUZZ_TARGET=TARGET swift run orgraph-fuzz FILE`.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
bash scripts/setup.sh
target="${1:-all}"
seconds="${2:-600}"
scratch=.build-fuzz
export ASAN_OPTIONS="detect_leaks=0:${ASAN_OPTIONS:-}"
ORGRAPH_FUZZ=1 swift build --scratch-path "$scratch" --product orgraph-fuzz >&2
swift build --product orgraph >&2
bin="$scratch/debug/orgraph-fuzz"
orgraph="$(swift build --product orgraph --show-bin-path)/orgraph"
# The render target lays diagrams out in the tool's own Graphviz helper (`orgraph __render-worker`).
export ORGRAPH_RENDER_WORKER_EXECUTABLE="$orgraph"
seed() {
  local name="$1" dir="$scratch/corpus/$1"
  mkdir -p "$dir" "$scratch/crashes/$name"
  [ -n "$(ls -A "$dir")" ] && return 0
  case "$name" in
    query | evaluate) cp Queries/*.oq "$dir/" ;;
    yaml) find Graph Tests/OrgGraphTests/Fixtures -name '*.yaml' | head -200 | while read -r f; do cp "$f" "$dir/$(echo "$f" | tr '/' '_')"; done ;;
    json) "$orgraph" export --force -o "$dir/default.json" ;;
    writers) printf 'Cloud Engineer\001Senior "Cloud" Engineer\001\\N <b>&amp;</b>' >"$dir/labels" ;;
    import) cp Tests/OrgImportTests/Fixtures/*.md Tests/OrgImportTests/Fixtures/L3-* "$dir/" 2>/dev/null || true
      cp Tests/OrgImportTests/Matrices/* Tests/OrgImportTests/Structured/* Tests/OrgImportTests/Workbooks/*.xlsx "$dir/" 2>/dev/null || true
      cp Tests/OrgImportTests/Fixtures/cumulative/*.md "$dir/" 2>/dev/null || true
      cp ../shared/corpora/octopus-people-2024/*/L* ../shared/corpora/octopus-people-2021/*.md "$dir/" 2>/dev/null || true
      cp ../shared/corpora/octopus-people-2024/Security-Operations/README.md "$dir/discipline-README.md" 2>/dev/null || true ;;
    export) cp Tests/OrgExportTests/Fixtures/graph.yaml "$dir/" ;;
    tables) cp Fuzz/Regressions/tables/* "$dir/" ;;
    render) cp Fuzz/Regressions/writers/* Fuzz/Regressions/render/* "$dir/" ;;
  esac
}
run() {
  local name="$1"
  seed "$name"
  echo "fuzz: $name for $seconds s" >&2
  ORGRAPH_FUZZ_TARGET="$name" "$bin" "$scratch/corpus/$name" -max_total_time="$seconds" -timeout=30 \
    -rss_limit_mb=4096 -artifact_prefix="$scratch/crashes/$name/" -print_final_stats=1 2>&1 | tail -15
}
if [ "$target" = all ]; then
  for t in query evaluate yaml json writers import export tables render; do run "$t"; done
else
  run "$target"
fi
