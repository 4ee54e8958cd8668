#!/usr/bin/env python3
"""Checks docs/graph.schema.json against graph files.

With no arguments: every file of Tests/OrgGraphTests/Fixtures/schema/valid*/ and Graph/ must validate, and every
file of Tests/OrgGraphTests/Fixtures/schema/invalid/ must be rejected (and, where it has a `# expect: TEXT`
line, with an error whose message contains TEXT). With arguments: every YAML file of the given folders or
files must validate.

Prints one line per file and exits 1 if any check fails (2 if the schema itself is broken).
Needs PyYAML and jsonschema: `scripts/setup.sh` installs them into .venv (`.venv/bin/python scripts/check-graph-schema.py`).
"""
import argparse
import json
import os
import re
import sys

import jsonschema
import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "Tests", "OrgGraphTests", "Fixtures", "schema")


class Loader(yaml.SafeLoader):
    """PyYAML's safe loader with YAML 1.2 core scalars, as editors and `orgraph` read them, and duplicate keys
    as errors.

    PyYAML follows YAML 1.1, where `off`, `yes` and `no` are booleans, `1:30` is an int and `2024-01-01` a date;
    editors (yaml-language-server, YAML 1.2 by default) and `orgraph` read those as strings.
    """

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, "duplicate key %r" % (key,), key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


Loader.yaml_implicit_resolvers = {}
for _tag, _pattern, _first in [
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("int", r"^[-+]?[0-9]+$", "-+0123456789"),
    ("float", r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$", "-+.0123456789"),
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
]:
    Loader.add_implicit_resolver("tag:yaml.org,2002:" + _tag, re.compile(_pattern), list(_first))
Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, Loader.construct_mapping)
Loader.add_constructor("tag:yaml.org,2002:int", lambda loader, node: int(loader.construct_scalar(node)))
Loader.add_constructor("tag:yaml.org,2002:float", lambda loader, node: float(loader.construct_scalar(node)))


def yaml_files(path):
    """The graph's files as the tool reads them: *.yaml and *.yml, sorted, skipping names starting with `.`."""
    if os.path.isfile(path):
        return [path]
    found = []
    for directory, dirs, files in os.walk(path):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found += [os.path.join(directory, f) for f in files
                  if not f.startswith(".") and f.endswith((".yaml", ".yml"))]
    return sorted(found)


def position(node, path):
    """The line and column (1-based) of the YAML node at a JSON path, or of its nearest ancestor."""
    for part in path:
        child = None
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if key.value == part:
                    child = value
                    break
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            child = node.value[part]
        if child is None:
            break
        node = child
    return node.start_mark.line + 1, node.start_mark.column + 1


def messages(error):
    """An error's message and those of the errors behind it (anyOf/oneOf branches)."""
    yield error.message
    if isinstance(error.schema, dict) and "errorMessage" in error.schema:
        yield error.schema["errorMessage"]
    for sub in error.context or []:
        yield from messages(sub)


def describe(error, node):
    """`line:column: $.json.path: message`, for the most relevant error behind `error`."""
    best = jsonschema.exceptions.best_match([error])
    line, column = position(node, best.absolute_path)
    where = "$" + "".join("[%d]" % p if isinstance(p, int) else "." + p for p in best.absolute_path)
    message = best.message
    if isinstance(best.schema, dict) and "errorMessage" in best.schema:
        message = best.schema["errorMessage"]  # the schema's own wording, as editors show it
    return "%d:%d: %s: %s" % (line, column, where, message)


def validate(validator, path):
    """(problem, errors): problem is a string when the file could not be read as YAML."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    try:
        node = yaml.compose(text, Loader=Loader)
        data = yaml.load(text, Loader=Loader)
    except yaml.YAMLError as e:
        return "not valid YAML: %s" % " ".join(str(e).split()), [], None
    if data is None:  # an empty file (or only comments): the tool skips it
        return None, [], node
    errors = sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    return None, errors, node


def check(validator, path, expect_valid, verbose):
    rel = os.path.relpath(path, ROOT) if os.path.abspath(path).startswith(ROOT + os.sep) else path
    problem, errors, node = validate(validator, path)
    if problem:
        print("FAIL %s: %s" % (rel, problem))
        return False
    if expect_valid:
        if not errors:
            print("ok   %s" % rel)
            return True
        print("FAIL %s:%s (%d error%s)" % (rel, describe(errors[0], node), len(errors), "s"[: len(errors) - 1]))
        if verbose:
            for e in errors:
                print("       %s:%s" % (rel, describe(e, node)))
        return False
    with open(path, encoding="utf-8") as f:
        expected = re.findall(r"^#\s*expect:\s*(.+?)\s*$", f.read(), re.M)
    if not errors:
        print("FAIL %s: accepted, but it should be rejected" % rel)
        return False
    found = [m for e in errors for m in messages(e)]
    missing = [x for x in expected if not any(x in m for m in found)]
    if missing:
        print("FAIL %s: rejected, but with no error containing %r; got: %s"
              % (rel, missing[0], describe(errors[0], node)))
        return False
    print("ok   %s (rejected: %s)" % (rel, describe(errors[0], node)))
    return True


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", help="graph folders or files that must validate")
    parser.add_argument("--schema", default=os.path.join(ROOT, "docs", "graph.schema.json"))
    parser.add_argument("-v", "--verbose", action="store_true", help="list every error of a failing file")
    args = parser.parse_args()

    with open(args.schema, encoding="utf-8") as f:
        schema = json.load(f)
    try:
        jsonschema.Draft7Validator.check_schema(schema)
    except jsonschema.exceptions.SchemaError as e:
        print("FAIL %s: not a valid draft-07 schema: %s" % (os.path.relpath(args.schema, ROOT), e.message))
        return 2
    validator = jsonschema.Draft7Validator(schema)

    checks = []  # (path, expect_valid)
    if args.paths:
        for p in args.paths:
            files = yaml_files(p)
            if not files:
                print("FAIL %s: no YAML files" % p)
                return 1
            checks += [(f, True) for f in files]
    else:
        for name in sorted(os.listdir(FIXTURES)):
            folder = os.path.join(FIXTURES, name)
            if os.path.isdir(folder) and name.startswith("valid"):
                checks += [(f, True) for f in yaml_files(folder)]
        checks += [(f, False) for f in yaml_files(os.path.join(FIXTURES, "invalid"))]
        checks += [(f, True) for f in yaml_files(os.path.join(ROOT, "Graph"))]

    results = [check(validator, path, expect_valid, args.verbose) for path, expect_valid in checks]
    failed = results.count(False)
    print("%d file%s checked, %d failed" % (len(results), "s"[: len(results) - 1], failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
