#!/usr/bin/env python3
"""Prints the side-by-side benchmark's results as one table and checks that every system gave the same answers.

Usage: bench_table.py RESULT.json... [--markdown]

Each RESULT.json is what `scripts/bench_peers.py` writes for Kuzu or NetworkX, or OrgGraph's own benchmark
writes: {"system", "version", "scale", "load_s", "peak_mb", "note", "queries": {"Q1": {"median_ms", "answer"},
…}}, OrgGraph's with an optional "snapshot_open_s"; a system/scale that was not run has "skipped": "reason" and
no queries. The table has a row per scale and system, and columns load (s), peak (MB) and each query's median
in ms; a peer's cell also shows its ratio to OrgGraph's at the same scale (`12.3 (41×)`: 41 times OrgGraph's).
Plain aligned text, or a Markdown table with --markdown.

Then, for each scale, every system's answer to each query must equal OrgGraph's (or, where OrgGraph has no
result at that scale, the first system's): prints `answers: all systems agree at S, M`, or each disagreement
with a short diff and exits 1. Exits 2 when a result file cannot be read.
"""
import argparse
import json
import sys
from collections import Counter

REFERENCE = "orgraph"
SYSTEM_ORDER = ["orgraph", "kuzu", "networkx"]
SCALE_ORDER = ["S", "M", "L"]
QUERY_ORDER = ["Q1", "Q2", "Q3", "Q4-near", "Q4-far", "Q5", "Q6", "Q7"]


class TableError(Exception):
    pass


def read_result(path):
    try:
        with open(path, encoding="utf-8") as f:
            result = json.load(f)
    except OSError as error:
        raise TableError(f"{path}: {error.strerror}")
    except ValueError as error:
        raise TableError(f"{path}: not JSON ({error})")
    if not isinstance(result, dict):
        raise TableError(f"{path}: expected a JSON object")
    required = ["system", "scale"] + ([] if "skipped" in result else ["load_s", "peak_mb", "queries"])
    missing = [key for key in required if key not in result]
    if missing:
        raise TableError(f"{path}: lacks {', '.join(missing)}")
    if not result.get("skipped"):
        def is_number(value):
            return isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 0

        for key in ("load_s", "peak_mb", "snapshot_open_s"):
            if key in result and not is_number(result[key]):
                raise TableError(f"{path}: {key} is not a number")
        if not isinstance(result["queries"], dict):
            raise TableError(f"{path}: queries is not an object")
        for name, query in result["queries"].items():
            if not isinstance(query, dict) or "answer" not in query or not is_number(query.get("median_ms")):
                raise TableError(f"{path}: query {name} lacks a median_ms number or an answer")
    result["_path"] = path
    return result


def order_key(order, value):
    return (order.index(value), "") if value in order else (len(order), str(value))


def number(value):
    """A compact number: three significant digits, no exponent, thousands as plain integers."""
    # Thresholds just under 100, 10 and 1 so that 9.998 prints as 10.0, not 10.00.
    if value >= 99.95:
        return f"{value:.0f}"
    if value >= 9.995:
        return f"{value:.1f}"
    if value >= 0.9995:
        return f"{value:.2f}"
    if value >= 0.001:
        return f"{value:.3g}"
    return "0" if value == 0 else "<0.001"


def cell(value, reference):
    """A measurement, with its ratio to OrgGraph's where there is one to compare with."""
    if value is None:
        return "—"
    text = number(value)
    if reference:  # None, or 0 (nothing to divide by)
        ratio = value / reference
        text += f" ({ratio:.0f}×)" if ratio >= 10 else f" ({ratio:.1f}×)" if ratio >= 1 else f" ({ratio:.2g}×)"
    return text


def measure(result, path):
    """result[path[0]][path[1]]…, or None where any step is missing."""
    value = result
    for key in path:
        value = value.get(key) if isinstance(value, dict) else None
    return value


def build_table(results):
    """(header, rows, right-aligned flags, footnotes) of the one table."""
    has_open = any("snapshot_open_s" in r for r in results)
    queries = sorted({q for r in results for q in r.get("queries") or {}}, key=lambda q: order_key(QUERY_ORDER, q))
    header = ["scale", "system", "load (s)"] + (["open (s)"] if has_open else []) + ["peak (MB)"] + queries
    by_key = {(r["scale"], r["system"]): r for r in results}
    rows, footnotes = [], []
    for r in results:
        if r.get("skipped"):
            footnotes.append(f"{r['system']} at {r['scale']} skipped: {r['skipped']}")
            rows.append([r["scale"], r["system"], "skipped"] + [""] * (len(header) - 3))
            continue
        ref = by_key.get((r["scale"], REFERENCE))
        if r["system"] == REFERENCE or not ref or ref.get("skipped"):
            ref = None  # no ratio: this is OrgGraph, or OrgGraph has no figures at this scale
        paths = [("load_s",)] + ([("snapshot_open_s",)] if has_open else []) + [("peak_mb",)]
        paths += [("queries", q, "median_ms") for q in queries]
        rows.append([r["scale"], r["system"]] + [cell(measure(r, path), measure(ref, path)) for path in paths])
    right = [False, False] + [True] * (len(header) - 2)
    return header, rows, right, footnotes


def render_text(header, rows, right):
    widths = [max(len(str(x)) for x in column) for column in zip(header, *rows)]

    def line(values):
        return "  ".join(v.rjust(w) if r else v.ljust(w) for v, w, r in zip(values, widths, right)).rstrip()

    return "\n".join([line(header), line(["-" * w for w in widths])] + [line(row) for row in rows])


def render_markdown(header, rows, right):
    def line(values):
        return "| " + " | ".join(str(v).replace("|", "\\|") for v in values) + " |"

    rule = "|" + "|".join("---:" if r else "---" for r in right) + "|"
    return "\n".join([line(header), rule] + [line(row) for row in rows])


def short(items, limit=3):
    shown = ", ".join(json.dumps(x, ensure_ascii=False) for x in items[:limit])
    return f"[{shown}{', …' if len(items) > limit else ''}] ({len(items)})"


def diff(reference_name, expected, name, actual):
    """What differs between two answers, in a line."""
    if isinstance(expected, list) and isinstance(actual, list):
        def freeze(x):
            return json.dumps(x, sort_keys=True, ensure_ascii=False)

        want, got = Counter(map(freeze, expected)), Counter(map(freeze, actual))
        if want == got:
            return "same items in a different order"
        only_ref = [json.loads(x) for x in sorted((want - got).elements())]
        only_sys = [json.loads(x) for x in sorted((got - want).elements())]
        parts = []
        if only_ref:
            parts.append(f"only {reference_name}: {short(only_ref)}")
        if only_sys:
            parts.append(f"only {name}: {short(only_sys)}")
        return "; ".join(parts)
    def text(answer):
        return json.dumps(answer, ensure_ascii=False)

    return f"{reference_name} {text(expected)}, {name} {text(actual)}"


def check_answers(results):
    """(scales where two or more systems agree, scales with a single system, list of disagreement lines)."""
    agreed, alone, problems = [], [], []
    for scale in sorted({r["scale"] for r in results}, key=lambda s: order_key(SCALE_ORDER, s)):
        ran = [r for r in results if r["scale"] == scale and not r.get("skipped")]
        if len(ran) < 2:
            if ran:
                alone.append(f"{scale} ({ran[0]['system']} only)")
            continue
        reference = next((r for r in ran if r["system"] == REFERENCE), ran[0])
        before = len(problems)
        for r in ran:
            if r is reference:
                continue
            for q in sorted(set(reference["queries"]) | set(r["queries"]), key=lambda q: order_key(QUERY_ORDER, q)):
                if q not in r["queries"]:
                    problems.append(f"{r['system']} at {scale}, {q}: no answer ({reference['system']} has one)")
                elif q not in reference["queries"]:
                    problems.append(f"{r['system']} at {scale}, {q}: answered, {reference['system']} did not")
                else:
                    expected, actual = reference["queries"][q]["answer"], r["queries"][q]["answer"]
                    if expected != actual:
                        problems.append(f"{r['system']} at {scale}, {q}: "
                                        + diff(reference["system"], expected, r["system"], actual))
        if len(problems) == before:
            agreed.append(scale)
    return agreed, alone, problems


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("results", nargs="+", metavar="RESULT.json")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table instead of aligned text")
    args = parser.parse_args(argv)

    try:
        results = [read_result(path) for path in args.results]
        seen = {}
        for r in results:
            key = (r["scale"], r["system"])
            if key in seen:
                raise TableError(f"two results for {r['system']} at {r['scale']}: {seen[key]} and {r['_path']}")
            seen[key] = r["_path"]
    except TableError as error:
        print(f"bench_table: {error}", file=sys.stderr)
        return 2
    results.sort(key=lambda r: (order_key(SCALE_ORDER, r["scale"]), order_key(SYSTEM_ORDER, r["system"])))

    header, rows, right, footnotes = build_table(results)
    print((render_markdown if args.markdown else render_text)(header, rows, right))
    print()
    ratios = any(r["system"] != REFERENCE for r in results) and any(r["system"] == REFERENCE for r in results)
    print("Query times are medians in ms" + (f"; (n×) = n times {REFERENCE}'s at the same scale." if ratios else "."))
    for note in footnotes:
        print(f"{'- ' if args.markdown else ''}{note}")
    versions = {}
    for r in results:
        if r.get("version"):
            versions.setdefault(r["system"], r["version"])
    if versions:
        print(("- " if args.markdown else "") + "versions: " + ", ".join(f"{s} {v}" for s, v in versions.items()))
    for system in dict.fromkeys(r["system"] for r in results):
        for note in dict.fromkeys(r["note"] for r in results if r["system"] == system and r.get("note")):
            print(f"{'- ' if args.markdown else ''}{system}: {note}")
    print()

    agreed, alone, problems = check_answers(results)
    if problems:
        print(f"answers: {len(problems)} disagreement{'s' if len(problems) != 1 else ''}")
        for problem in problems:
            print(f"  {problem}")
        return 1
    unchecked = f" (not compared: {', '.join(alone)})" if alone else ""
    if agreed:
        print(f"answers: all systems agree at {', '.join(agreed)}{unchecked}")
    else:
        print(f"answers: nothing to compare{unchecked}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
