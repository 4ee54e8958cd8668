"""Loads an OrgGraph export into Kuzu (an embedded graph database that speaks Cypher) and answers three
questions there, printing the answers as JSON for the test to compare with OrgGraph's own.

Usage: kuzu_check.py cypher SCRIPT.cypher LEVEL_ID FROM_ID TO_ID START_ID END_ID
       kuzu_check.py csv FOLDER LEVEL_ID FROM_ID TO_ID START_ID END_ID
`cypher` runs a `--format cypher --dialect kuzu` script statement by statement; `csv` runs the
`load-kuzu.cypher` of a `--format neo4j` folder from inside the folder. Then:
  requirements: the competencies LEVEL requires, with proficiency;
  gap: for each competency TO requires, what FROM requires of it (before) and TO (after);
  path: the length of the shortest path START → END over promotes_to and lateral, and every such path's
        node ids.
"""
import json
import os
import shutil
import sys
import tempfile

import kuzu


def statements(text):
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("//"):
            yield line


def rows(connection, query, parameters=None):
    result = connection.execute(query, parameters or {})
    out = []
    while result.has_next():
        out.append(result.get_next())
    return out


def main():
    mode, source, level, start_a, target_b, path_from, path_to = sys.argv[1:8]
    folder = tempfile.mkdtemp(prefix="orgraph-kuzu-")
    try:
        database = kuzu.Database(os.path.join(folder, "db"))
        connection = kuzu.Connection(database)
        if mode == "cypher":
            for statement in statements(open(source, encoding="utf-8").read()):
                connection.execute(statement)
        else:
            here = os.getcwd()
            os.chdir(source)
            try:
                for statement in statements(open("load-kuzu.cypher", encoding="utf-8").read()):
                    connection.execute(statement)
            finally:
                os.chdir(here)
        counts = {
            "nodes": rows(connection, "MATCH (n) RETURN count(n)")[0][0],
            "edges": rows(connection, "MATCH ()-[r]->() RETURN count(r)")[0][0],
        }
        requirements = rows(
            connection,
            "MATCH (l:Level {id: $id})-[r:requires]->(c:Competency) "
            "RETURN c.name, r.proficiency ORDER BY c.name",
            {"id": level},
        )
        gap = rows(
            connection,
            "MATCH (b {id: $b})-[after:requires]->(c:Competency) "
            "OPTIONAL MATCH (a {id: $a})-[before:requires]->(c) "
            "RETURN c.name, before.proficiency, after.proficiency, before IS NOT NULL ORDER BY c.name",
            {"a": start_a, "b": target_b},
        )
        paths = rows(
            connection,
            "MATCH p = (a {id: $a})-[:promotes_to|:lateral* ALL SHORTEST 1..12]->(b {id: $b}) "
            "RETURN length(p), properties(nodes(p), 'id')",
            {"a": path_from, "b": path_to},
        )
        print(
            json.dumps(
                {
                    "counts": counts,
                    "requirements": [[name, proficiency] for name, proficiency in requirements],
                    "gap": [[name, before, after, held] for name, before, after, held in gap],
                    "path_length": paths[0][0] if paths else None,
                    "paths": sorted(nodes for _, nodes in paths),
                },
                ensure_ascii=False,
            )
        )
    finally:
        shutil.rmtree(folder, ignore_errors=True)


main()
