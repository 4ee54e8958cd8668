"""Reads an OrgGraph GraphML export with networkx and compares it with the JSON export of the same graph.

Usage: graphml_check.py GRAPH.graphml GRAPH.json
Prints `ok: N nodes, M edges, P properties` and exits 0 when every node, edge and property of the JSON
export is in the GraphML file with the same value (and nothing else is); otherwise prints each difference
and exits 1. Written independently of OrgGraph's GraphML writer: it reads the file with networkx.
"""
import json
import sys

import networkx as nx


def normal(value):
    """A JSON export value as GraphML carries it: lists as JSON text, numbers as numbers."""
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return value


def main():
    graphml_path, json_path = sys.argv[1], sys.argv[2]
    graph = nx.read_graphml(graphml_path)
    export = json.load(open(json_path, encoding="utf-8"))
    problems = []
    properties = 0
    expected_nodes = {n["id"]: n for n in export["nodes"]}
    if set(graph.nodes) != set(expected_nodes):
        problems.append(f"node ids differ: {sorted(set(graph.nodes) ^ set(expected_nodes))[:5]}")
    for node_id, node in expected_nodes.items():
        if node_id not in graph.nodes:
            continue
        attrs = dict(graph.nodes[node_id])
        expected = {k: normal(v) for k, v in node.items() if k != "id"}
        for key, value in expected.items():
            properties += 1
            got = attrs.get(key)
            if isinstance(value, float) or isinstance(got, float):
                same = got is not None and abs(float(got) - float(value)) < 1e-9
            else:
                same = got == value
            if not same:
                problems.append(f"node {node_id}: {key} is {got!r}, expected {value!r}")
        extra = set(attrs) - set(expected)
        if extra:
            problems.append(f"node {node_id}: unexpected attributes {sorted(extra)}")
    # Edges as (type, from, to, properties) multisets.
    def key(edge_type, source, target, props):
        return (edge_type, source, target, json.dumps(props, sort_keys=True, ensure_ascii=False))

    expected_edges = []
    for e in export["edges"]:
        props = {k: normal(v) for k, v in e.items() if k not in ("type", "from", "to")}
        expected_edges.append(key(e["type"], e["from"], e["to"], props))
    got_edges = []
    for source, target, attrs in graph.edges(data=True):
        attrs = dict(attrs)
        edge_type = attrs.pop("type", None)
        attrs.pop("id", None)
        got_edges.append(key(edge_type, source, target, attrs))
    properties += sum(len(json.loads(k[3])) for k in expected_edges)
    missing = sorted(set(expected_edges) - set(got_edges))
    unexpected = sorted(set(got_edges) - set(expected_edges))
    if len(got_edges) != len(expected_edges):
        problems.append(f"{len(got_edges)} edges read, {len(expected_edges)} expected")
    for m in missing[:10]:
        problems.append(f"missing edge {m}")
    for u in unexpected[:10]:
        problems.append(f"unexpected edge {u}")
    if problems:
        print("\n".join(problems))
        sys.exit(1)
    print(f"ok: {len(expected_nodes)} nodes, {len(expected_edges)} edges, {properties} properties")


main()
