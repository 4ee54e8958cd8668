#!/usr/bin/env python3
"""Runs the side-by-side benchmark's queries on a peer system: Kuzu (an embedded Cypher graph database) or
NetworkX (Python's graph library), over the CSV folder that `orgraph generate --scale S|M|L` writes.

Usage: bench_peers.py --system kuzu|networkx --data DIR --scale S|M|L [--runs 5] --out RESULT.json

Loads DIR's CSV files (from DIR/csv, where `orgraph generate -o DIR` writes them, or from DIR itself) into the
system (timed, from nothing to queryable, converting proficiency words to ranks 1..5 on the way), runs each
query of DIR/benchmark.json once to warm up and then --runs times, and writes the median time of each, its
canonical answer, the load time and the process's peak RSS to RESULT.json, in the shape that
`scripts/bench_table.py` reads. The queries and their canonical answers:
  Q1       roles in team q1_team (in_team)                          sorted role ids
  Q2       competencies q2_level requires at rank >= 4 (advanced)   sorted competency ids
  Q3       other roles sharing >= 3 distinct required competencies  sorted role ids
           with q3_role (a role requires what its levels require)
  Q4-near  hops of a shortest path between the two levels, over     int, or null when none
  Q4-far   promotes_to and requires walked either way
  Q5       teams under q5_team through part_of, transitively        sorted team ids
  Q6 (L)   people holding a level that requires q6_competency,      sorted person ids
           assessed in it below that level's required rank
  Q7       for each competency q7_from or q7_to requires:           sorted [id, from rank or 0, to rank or 0]

The peers come from the benchmark's own venv: `python3 -m venv VENV && VENV/bin/pip install -r
scripts/bench-requirements.txt`.
"""
import argparse
import csv
import gc
import json
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
from collections import defaultdict

PROFICIENCY = {"awareness": 1, "foundational": 2, "working": 3, "advanced": 4, "expert": 5}
ADVANCED = PROFICIENCY["advanced"]

# Node tables: file, Kuzu label, columns after id (Kuzu type of each). The id prefix of a label's nodes is
# its lowercased name and a colon (`team:t7`), which is how a file whose rows span several node kinds is split.
NODES = [
    ("orgs.csv", "Org", [("name", "STRING")]),
    ("teams.csv", "Team", [("name", "STRING")]),
    ("roles.csv", "Role", [("name", "STRING")]),
    ("levels.csv", "Level", [("name", "STRING"), ("code", "STRING"), ("rank", "INT64")]),
    ("competencies.csv", "Competency", [("name", "STRING"), ("area", "STRING")]),
    ("values.csv", "Value", [("name", "STRING")]),
]
PEOPLE_NODES = [("people.csv", "Person", [("name", "STRING")])]

# Edge tables: file (= edge type), the (from, to) label pairs it holds, whether it has a proficiency column.
EDGES = [
    ("part_of.csv", [("Team", "Team"), ("Team", "Org")], False),
    ("in_team.csv", [("Role", "Team")], False),
    ("has_level.csv", [("Role", "Level")], False),
    ("promotes_to.csv", [("Level", "Level")], False),
    ("requires.csv", [("Level", "Competency")], True),
    ("embodies.csv", [("Team", "Value"), ("Role", "Value")], False),
]
PEOPLE_EDGES = [
    ("holds.csv", [("Person", "Level")], False),
    ("assessed.csv", [("Person", "Competency")], True),
]

class BenchError(Exception):
    """A problem with the input that deserves one clear line, not a traceback."""


def tables(scale):
    """The node and edge tables of a scale: people and their edges exist only at L."""
    people = scale == "L"
    return NODES + (PEOPLE_NODES if people else []), EDGES + (PEOPLE_EDGES if people else [])


def locate(data):
    """(folder of the CSV tables, path of benchmark.json) for --data DIR. `orgraph generate -o DIR` writes the
    tables into DIR/csv (beside their manifest) and benchmark.json into DIR; a folder holding both directly is
    taken as well."""
    tables_dir = data
    if not os.path.isfile(os.path.join(data, "orgs.csv")) and os.path.isdir(os.path.join(data, "csv")):
        tables_dir = os.path.join(data, "csv")
    params = os.path.join(data, "benchmark.json")
    if not os.path.isfile(params) and os.path.isfile(os.path.join(tables_dir, "benchmark.json")):
        params = os.path.join(tables_dir, "benchmark.json")
    return tables_dir, params


def check_data(data, scale):
    """Fails with a clear message when DIR lacks a file of the scale, or a file has an unexpected header, or
    benchmark.json lacks a parameter. Returns the tables' folder and benchmark.json's parameters. Not timed: it
    reads only headers."""
    if not os.path.isdir(data):
        raise BenchError(f"{data} is not a folder (expected the output of `orgraph generate --scale {scale}`)")
    folder, params_path = locate(data)
    nodes, edges = tables(scale)
    expected = {name: ["id"] + [c for c, _ in columns] for name, _, columns in nodes}
    expected.update({name: ["from", "to"] + (["proficiency"] if prof else []) for name, _, prof in edges})
    missing = [name for name in expected if not os.path.isfile(os.path.join(folder, name))]
    lacks = [f"{folder} lacks {', '.join(missing)} (needed at scale {scale})"] if missing else []
    lacks += [] if os.path.isfile(params_path) else [f"{data} lacks benchmark.json"]
    if lacks:
        raise BenchError("; ".join(lacks))
    for name, header in expected.items():
        with open(os.path.join(folder, name), encoding="utf-8", newline="") as f:
            found = next(csv.reader(f), [])
        if found != header:
            raise BenchError(f"{os.path.join(folder, name)}: header is {','.join(found) or '(empty)'}, "
                             f"expected {','.join(header)}")
    try:
        with open(params_path, encoding="utf-8") as f:
            params = json.load(f)
    except ValueError as error:
        raise BenchError(f"{params_path}: not JSON ({error})")
    if not isinstance(params, dict):
        raise BenchError(f"{params_path}: expected a JSON object")
    needed = ["q1_team", "q2_level", "q3_role", "q4_near", "q4_far", "q5_team", "q7_from", "q7_to"]
    needed += ["q6_competency"] if scale == "L" else []
    absent = [key for key in needed if key not in params]
    if absent:
        raise BenchError(f"{params_path} lacks {', '.join(absent)}")
    for key in ("q4_near", "q4_far"):
        if not (isinstance(params[key], list) and len(params[key]) == 2):
            raise BenchError(f"{params_path}: {key} must be a list of two level ids")
    return folder, params


def parameter_ids(params, scale):
    """Every node id benchmark.json names, to check they exist after the load (a typo would otherwise just
    give empty answers everywhere)."""
    ids = [params[k] for k in ("q1_team", "q2_level", "q3_role", "q5_team", "q7_from", "q7_to")]
    ids += params["q4_near"] + params["q4_far"]
    return ids + ([params["q6_competency"]] if scale == "L" else [])


def query_plan(params, scale):
    """(query name, parameter set) in run order; both peers answer the same names."""
    plan = [("Q1", {"team": params["q1_team"]}),
            ("Q2", {"level": params["q2_level"]}),
            ("Q3", {"role": params["q3_role"]}),
            ("Q4-near", {"a": params["q4_near"][0], "b": params["q4_near"][1]}),
            ("Q4-far", {"a": params["q4_far"][0], "b": params["q4_far"][1]}),
            ("Q5", {"team": params["q5_team"]})]
    if scale == "L":
        plan.append(("Q6", {"competency": params["q6_competency"]}))
    plan.append(("Q7", {"from": params["q7_from"], "to": params["q7_to"]}))
    return plan


# ----------------------------------------------------------------------------------------------------------
# Kuzu


def cypher_string(text):
    """A Cypher string literal (COPY takes the file name as a literal, not a parameter)."""
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


# One Cypher query per question; `$name` parameters come from query_plan. ORDER BY gives the canonical order.
KUZU_QUERIES = {
    "Q1": "MATCH (r:Role)-[:in_team]->(:Team {id: $team}) RETURN r.id ORDER BY r.id",
    "Q2": "MATCH (:Level {id: $level})-[q:requires]->(c:Competency) WHERE q.proficiency >= 4 "
          "RETURN c.id ORDER BY c.id",
    # count(DISTINCT c): a competency reached through several levels of either role counts once.
    "Q3": "MATCH (:Role {id: $role})-[:has_level]->(:Level)-[:requires]->(c:Competency)"
          "<-[:requires]-(:Level)<-[:has_level]-(o:Role) WHERE o.id <> $role "
          "WITH o, count(DISTINCT c) AS shared WHERE shared >= 3 RETURN o.id ORDER BY o.id",
    # Undirected (no arrow) over both rel tables; Kuzu's SHORTEST returns one path of the least length.
    "Q4": "MATCH p = (:Level {id: $a})-[:promotes_to|:requires* SHORTEST 1..64]-(:Level {id: $b}) "
          "RETURN length(p)",
    # SHORTEST makes this a breadth-first reachability (one row per team), whatever shape the hierarchy has.
    "Q5": "MATCH (t:Team)-[:part_of* SHORTEST 1..64]->(:Team {id: $team}) RETURN t.id ORDER BY t.id",
    # The competency is named at both ends rather than closing the cycle on one variable `c`: with the cycle,
    # Kuzu 0.11.3 plans a worst-case-optimal intersect fed by a scan of the assessed rel table; this way it expands
    # from the people who hold those levels. Same answer; 0.15 s instead of 0.28 s on `orgraph generate`'s L,
    # and 0.25 s instead of 2.0 s on a test L whose competencies each had 40 k assessments.
    "Q6": "MATCH (:Competency {id: $competency})<-[q:requires]-(:Level)<-[:holds]-(p:Person)"
          "-[a:assessed]->(:Competency {id: $competency}) "
          "WHERE a.proficiency < q.proficiency RETURN DISTINCT p.id ORDER BY p.id",
    # One scan of both levels' requirements, folded per competency: 0 where a level does not require it.
    "Q7": "MATCH (l:Level)-[q:requires]->(c:Competency) WHERE l.id = $from OR l.id = $to "
          "RETURN c.id, max(CASE WHEN l.id = $from THEN q.proficiency ELSE 0 END), "
          "max(CASE WHEN l.id = $to THEN q.proficiency ELSE 0 END) ORDER BY c.id",
}


def kuzu_answer(name, rows):
    """Kuzu's rows as the canonical answer (outside the timing)."""
    if name.startswith("Q4"):
        return rows[0][0] if rows else None
    if name == "Q7":
        return sorted([c, int(f), int(t)] for c, f, t in rows)
    return sorted(row[0] for row in rows)


def kuzu_schema_and_copy(folder, scale):
    """The statements that build the database: schema, then one COPY per node table and per (from, to) pair of
    each rel table."""
    nodes, edges = tables(scale)
    ranks = "[" + ", ".join(cypher_string(word) for word in PROFICIENCY) + "]"  # list_position is 1-based
    statements = []
    for _, label, columns in nodes:
        cols = ", ".join(f"{c} {t}" for c, t in columns)
        statements.append(f"CREATE NODE TABLE {label}(id STRING PRIMARY KEY, {cols})")
    for name, pairs, prof in edges:
        pair_list = ", ".join(f"FROM {a} TO {b}" for a, b in pairs)
        statements.append(f"CREATE REL TABLE {name[:-4]}({pair_list}{', proficiency INT64' if prof else ''})")
    for name, label, _ in nodes:
        statements.append(f"COPY {label} FROM {cypher_string(os.path.join(folder, name))} (header=true)")
    for name, pairs, prof in edges:
        path = cypher_string(os.path.join(folder, name))
        table = name[:-4]
        if len(pairs) == 1 and not prof:
            statements.append(f"COPY {table} FROM {path} (header=true)")
            continue
        # A rel table with several FROM/TO pairs takes one COPY per pair, each naming its pair and given only
        # that pair's rows (Kuzu rejects rows whose ends are not in the named tables), filtered by id prefix.
        # The proficiency word becomes its rank in the same pass.
        columns = "`from`, `to`" + (f", list_position({ranks}, proficiency)" if prof else "")
        for a, b in pairs:
            where = ""
            if len(pairs) > 1:
                where = (f" WHERE starts_with(`from`, {cypher_string(a.lower() + ':')})"
                         f" AND starts_with(`to`, {cypher_string(b.lower() + ':')})")
            options = f" (from={cypher_string(a)}, to={cypher_string(b)})" if len(pairs) > 1 else ""
            statements.append(f"COPY {table} FROM (LOAD FROM {path} (header=true){where} RETURN {columns})"
                              f"{options}")
    return statements


class KuzuPeer:
    def __init__(self, storage):
        import kuzu

        self.kuzu = kuzu
        self.version = kuzu.__version__
        self.storage = storage
        self.scratch = None
        self.db = None
        self.conn = None

    def load(self, folder, scale):
        if self.storage == "memory":
            self.db = self.kuzu.Database(":memory:")
        else:
            self.scratch = tempfile.mkdtemp(prefix="bench-kuzu-")
            self.db = self.kuzu.Database(os.path.join(self.scratch, "db"))
        self.conn = self.kuzu.Connection(self.db)
        # Recursive patterns are capped at 30 hops unless raised; the queries allow 64.
        self.conn.execute("CALL var_length_extend_max_depth=64")
        for statement in kuzu_schema_and_copy(os.path.abspath(folder), scale):
            self.conn.execute(statement)

    def problems(self, scale):
        """Data the load let through that would skew answers: a proficiency word list_position did not know
        became 0. (Kuzu itself rejects an edge whose end is not a node.)"""
        tables = "requires|assessed" if scale == "L" else "requires"
        rows = self.conn.execute(f"MATCH ()-[q:{tables}]->() WHERE q.proficiency = 0 RETURN count(*)").get_all()
        return [f"{rows[0][0]} edges with an unknown proficiency word"] if rows[0][0] else []

    def has_node(self, node_id):
        label = node_id.split(":", 1)[0].capitalize()
        try:
            rows = self.conn.execute(f"MATCH (n:{label} {{id: $id}}) RETURN count(n)", {"id": node_id}).get_all()
        except RuntimeError:  # no such node table: the id's kind is not one of the data's
            return False
        return rows[0][0] > 0

    def run(self, name, params):
        """One timed execution: parse, plan, run and fetch every row."""
        rows = self.conn.execute(KUZU_QUERIES[name[:2]], params).get_all()
        return rows

    def answer(self, name, rows):
        return kuzu_answer(name, rows)

    def note(self):
        where = 'Database(":memory:")' if self.storage == "memory" else "a temporary folder on disk"
        return (f"Kuzu {self.storage} database ({where}); "
                "node tables keyed by id, one rel table per edge type (part_of and embodies with two FROM/TO pairs, "
                "copied pair by pair through LOAD FROM … WHERE); proficiency converted by list_position in the COPY; "
                "default threads and buffer pool")

    def close(self):
        self.conn = None
        self.db = None
        if self.scratch:
            shutil.rmtree(self.scratch, ignore_errors=True)


# ----------------------------------------------------------------------------------------------------------
# NetworkX


class NetworkXPeer:
    """The whole graph as one nx.MultiDiGraph: every node with its kind and columns as attributes, every edge
    keyed by its type (so `"requires" in G.succ[level][c]`), requires and assessed edges with an int
    proficiency. Queries walk G.succ / G.pred and use NetworkX's own views and algorithms where one fits."""

    def __init__(self):
        import networkx

        self.nx = networkx
        self.version = networkx.__version__
        self.G = None

    def load(self, folder, scale):
        nx = self.nx
        G = nx.MultiDiGraph()
        nodes, edges = tables(scale)
        # Python's cyclic garbage collector rescans every tracked dict as the graph grows, which at millions of
        # edges costs more than the inserts; nothing built here is cyclic garbage, so it is paused for the load.
        # sys.intern: each CSV row's ids are fresh strings, and an edge keeps both as dict keys (in succ and
        # pred), so without it the 20 M assessed rows at L would hold 40 M copies of a few ids (~2.5 GB).
        intern = sys.intern
        gc.disable()
        try:
            for name, label, columns in nodes:
                kind = label.lower()
                names = [c for c, _ in columns]
                converters = [int if t == "INT64" else str for _, t in columns]
                with open(os.path.join(folder, name), encoding="utf-8", newline="") as f:
                    reader = csv.reader(f)
                    next(reader)
                    G.add_nodes_from(
                        (intern(row[0]), {"kind": kind, **{c: f(v) for c, f, v in zip(names, converters, row[1:])}})
                        for row in reader)
            for name, _, prof in edges:
                etype = name[:-4]
                with open(os.path.join(folder, name), encoding="utf-8", newline="") as f:
                    reader = csv.reader(f)
                    next(reader)
                    if prof:
                        G.add_edges_from((intern(u), intern(v), etype, {"proficiency": PROFICIENCY[p]})
                                         for u, v, p in reader)
                    else:
                        G.add_edges_from((intern(u), intern(v), etype, {}) for u, v in reader)
        except KeyError as error:
            raise BenchError(f"unknown proficiency {error} in the edge files")
        finally:
            gc.enable()
        self.G = G

    def problems(self, scale):
        """Data the load let through that would skew answers: NetworkX adds a node for any edge end it has not
        seen, so an edge to an id no node file has leaves a node without a kind."""
        dangling = [n for n, kind in self.G.nodes(data="kind") if kind is None]
        return [f"edges to ids no node file has: {', '.join(sorted(dangling)[:5])}"] if dangling else []

    def has_node(self, node_id):
        return node_id in self.G

    # The queries. Each returns the canonical answer; sorting is part of the query, as ORDER BY is in Cypher.

    def _out(self, node, etype):
        return [v for v, keys in self.G.succ[node].items() if etype in keys]

    def _in(self, node, etype):
        return [u for u, keys in self.G.pred[node].items() if etype in keys]

    def q1(self, team):
        return sorted(self._in(team, "in_team"))

    def q2(self, level):
        return sorted(c for c, keys in self.G.succ[level].items()
                      if "requires" in keys and keys["requires"]["proficiency"] >= ADVANCED)

    def _role_competencies(self, role):
        return {c for level in self._out(role, "has_level") for c in self._out(level, "requires")}

    def q3(self, role):
        mine = self._role_competencies(role)
        shared = defaultdict(set)  # other role -> the competencies of `mine` it requires
        for c in mine:
            for level in self._in(c, "requires"):
                for other in self._in(level, "has_level"):
                    shared[other].add(c)
        return sorted(other for other, cs in shared.items() if other != role and len(cs) >= 3)

    def q4(self, a, b):
        nx = self.nx
        walk = nx.subgraph_view(self.G, filter_edge=lambda u, v, k: k == "promotes_to" or k == "requires")
        try:
            return nx.shortest_path_length(walk.to_undirected(as_view=True), a, b)
        except nx.NetworkXNoPath:
            return None

    def q5(self, team):
        nx = self.nx
        hierarchy = nx.subgraph_view(self.G, filter_edge=lambda u, v, k: k == "part_of")
        return sorted(nx.ancestors(hierarchy, team))  # part_of points up: the teams under `team` reach it

    def q6(self, competency):
        G = self.G
        found = set()
        for level, keys in G.pred[competency].items():
            if "requires" not in keys:
                continue
            needed = keys["requires"]["proficiency"]
            for person in self._in(level, "holds"):
                assessed = G.succ[person].get(competency, {}).get("assessed")
                if assessed is not None and assessed["proficiency"] < needed:
                    found.add(person)
        return sorted(found)

    def q7(self, from_level, to_level):
        def ranks(level):
            return {c: keys["requires"]["proficiency"] for c, keys in self.G.succ[level].items() if "requires" in keys}

        before, after = ranks(from_level), ranks(to_level)
        return sorted([c, before.get(c, 0), after.get(c, 0)] for c in before.keys() | after.keys())

    def run(self, name, params):
        if name.startswith("Q4"):
            return self.q4(params["a"], params["b"])
        if name == "Q7":
            return self.q7(params["from"], params["to"])
        return getattr(self, name.lower())(*params.values())

    def answer(self, name, result):
        return result

    def note(self):
        return ("one nx.MultiDiGraph, edge key = edge type; csv module; ids interned and the cyclic GC paused "
                "during the load; Q4 = shortest_path_length on an undirected subgraph_view, Q5 = ancestors on a "
                "part_of subgraph_view")

    def close(self):
        self.G = None


# ----------------------------------------------------------------------------------------------------------


def median_ms(peer, name, params, runs):
    peer.run(name, params)  # warm-up
    times = []
    result = None
    for _ in range(runs):
        start = time.perf_counter()
        result = peer.run(name, params)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), result


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--system", required=True, choices=["kuzu", "networkx"])
    parser.add_argument("--data", required=True, help="folder written by `orgraph generate`")
    parser.add_argument("--scale", required=True, choices=["S", "M", "L"])
    parser.add_argument("--runs", type=int, default=5, help="timed runs per query after one warm-up (default 5)")
    parser.add_argument("--out", required=True, help="result JSON file to write")
    parser.add_argument("--kuzu-storage", choices=["memory", "disk"], default="memory",
                        help="Kuzu: in-memory database (default, the faster) or a temporary on-disk one")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")

    try:
        folder, params = check_data(args.data, args.scale)
        try:
            peer = KuzuPeer(args.kuzu_storage) if args.system == "kuzu" else NetworkXPeer()
        except ImportError as error:
            raise BenchError(f"{args.system} is not installed in this Python ({error.name}): "
                             "pip install -r scripts/bench-requirements.txt")
        try:
            start = time.perf_counter()
            try:
                peer.load(folder, args.scale)
            except RuntimeError as error:  # Kuzu reports bad data (an unknown id, a malformed row) this way
                raise BenchError(f"{args.system} could not load {folder}: {error}")
            load_s = time.perf_counter() - start
            print(f"{args.system} {args.scale}: loaded in {load_s:.3f} s", file=sys.stderr)

            # Checks outside the timing, so that bad data fails here rather than as disagreeing answers later.
            problems = peer.problems(args.scale)
            if problems:
                raise BenchError(f"{folder}: {'; '.join(problems)}")
            unknown = [i for i in parameter_ids(params, args.scale) if not peer.has_node(i)]
            if unknown:
                raise BenchError(f"benchmark.json names {', '.join(unknown)}, not in the data")

            queries = {}
            for name, query_params in query_plan(params, args.scale):
                ms, result = median_ms(peer, name, query_params, args.runs)
                queries[name] = {"median_ms": round(ms, 4), "answer": peer.answer(name, result)}
                print(f"{args.system} {args.scale}: {name} {ms:.3f} ms", file=sys.stderr)
            note = peer.note()
        finally:
            peer.close()
    except BenchError as error:
        print(f"bench_peers: {error}", file=sys.stderr)
        return 2

    # ru_maxrss is the peak over the process's life, in KiB on Linux.
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result = {"system": args.system, "version": peer.version, "scale": args.scale, "load_s": round(load_s, 3),
              "peak_mb": round(peak_mb, 1), "runs": args.runs, "note": note, "queries": queries}
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(result, f, indent=2, ensure_ascii=False)
        f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
