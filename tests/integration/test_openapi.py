"""The OpenAPI 3.1 document: served, complete, and clean under an external linter.

The linter is @redocly/cli from npm, pinned in tests/integration/package.json and
installed by `npm ci` in tests/integration (the Makefile does it before the tests).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
import unittest

from support import ApiTestCase, get

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.join(HERE, "..", "..", "src", "api", "openapi_document.cc")
REDOCLY = os.path.join(HERE, "node_modules", ".bin", "redocly")

# Every route of the API contract, as (path, method).
CONTRACT_ROUTES = [
    ("/api/v1/sessions", "post"), ("/api/v1/sessions/current", "delete"),
    ("/api/v1/me", "get"), ("/api/v1/tokens", "post"),
    ("/api/v1/users", "get"), ("/api/v1/users", "post"),
    ("/api/v1/customers", "get"), ("/api/v1/customers", "post"),
    ("/api/v1/customers/{id}", "get"), ("/api/v1/customers/{id}", "patch"),
    ("/api/v1/customers/{id}", "delete"), ("/api/v1/customers/{id}/restore", "post"),
    ("/api/v1/customers/{id}/360", "get"), ("/api/v1/customers/{id}/history", "get"),
    ("/api/v1/customers/{id}/contacts", "get"), ("/api/v1/customers/{id}/contacts", "post"),
    ("/api/v1/contacts/{id}", "get"), ("/api/v1/contacts/{id}", "patch"),
    ("/api/v1/contacts/{id}", "delete"),
    ("/api/v1/interactions", "get"), ("/api/v1/interactions", "post"),
    ("/api/v1/purchases", "get"), ("/api/v1/purchases", "post"),
    ("/api/v1/custom-fields", "get"), ("/api/v1/custom-fields", "post"),
    ("/api/v1/custom-fields/{id}", "patch"), ("/api/v1/custom-fields/{id}", "delete"),
    ("/api/v1/lookup", "get"), ("/api/v1/audit", "get"),
    ("/api/openapi.json", "get"), ("/healthz", "get"), ("/metrics", "get"),
]


# The fragments of src/api/openapi/, merged in this order (as openapi_document.cc does).
FRAGMENTS = ["sales", "pipeline", "service", "sla", "imports", "privacy"]


def raw_literal(path: str) -> dict:
    with open(path, encoding="utf-8") as f:
        text = f.read()
    m = re.search(r'R"openapi\((.*)\)openapi"', text, re.S)
    if not m:
        raise AssertionError(f"no R\"openapi(...)openapi\" literal in {path}")
    return json.loads(m.group(1))


def source_document() -> dict:
    """The document as written in src/api/openapi_document.cc (the raw string literal),
    with the fragments of src/api/openapi/*.cc merged: tags appended, paths and component
    entries added key by key."""
    doc = raw_literal(SOURCE)
    for name in FRAGMENTS:
        part = raw_literal(os.path.join(os.path.dirname(SOURCE), "openapi", name + ".cc"))
        doc["tags"].extend(part.get("tags", []))
        doc["paths"].update(part.get("paths", {}))
        for section, entries in part.get("components", {}).items():
            doc["components"].setdefault(section, {}).update(entries)
    return doc


def lint(doc: dict) -> subprocess.CompletedProcess:
    with tempfile.TemporaryDirectory(prefix="chaincrm-openapi-") as tmp:
        path = os.path.join(tmp, "openapi.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(doc, f, ensure_ascii=False, indent=1)
        env = dict(os.environ, REDOCLY_TELEMETRY="off", REDOCLY_SUPPRESS_UPDATE_NOTICE="true",
                   NO_COLOR="1", CI="true")
        return subprocess.run(
            ["npx", "--no-install", "redocly", "lint", "--config", ".redocly.yaml", path],
            cwd=HERE, capture_output=True, text=True, timeout=300, env=env)


class OpenApiDocumentTest(unittest.TestCase):
    """Checks of the source document; they need no server."""

    def assertDocumentComplete(self, doc: dict):
        self.assertTrue(str(doc.get("openapi", "")).startswith("3.1"), doc.get("openapi"))
        self.assertEqual(doc["info"]["license"].get("identifier"), "Apache-2.0")
        self.assertEqual([s["url"] for s in doc["servers"]], ["/"])
        scheme = doc["components"]["securitySchemes"]["bearerAuth"]
        self.assertEqual((scheme["type"], scheme["scheme"]), ("http", "bearer"))
        self.assertEqual(doc["security"], [{"bearerAuth": []}])
        for name in ("Customer", "Problem", "CustomerList", "Contact", "Interaction",
                     "Purchase", "CustomField", "ChangeEntry", "LookupHit", "User", "Session"):
            self.assertIn(name, doc["components"]["schemas"])
        paths = doc["paths"]
        missing = [f"{m.upper()} {p}" for p, m in CONTRACT_ROUTES
                   if m not in paths.get(p, {})]
        self.assertEqual(missing, [], "every contract route is described")
        op_ids = []
        for p, item in paths.items():
            for method, op in item.items():
                if method not in ("get", "post", "patch", "put", "delete"):
                    continue
                op_ids.append(op.get("operationId"))
                self.assertTrue(op.get("operationId"), f"{method} {p} has an operationId")
                for code, resp in op["responses"].items():
                    if code.startswith("4"):
                        ref = resp.get("$ref", "")
                        target = (doc["components"]["responses"][ref.rsplit("/", 1)[-1]]
                                  if ref else resp)
                        schema = target["content"]["application/problem+json"]["schema"]
                        self.assertEqual(schema, {"$ref": "#/components/schemas/Problem"},
                                         f"{method} {p} {code} uses Problem")
        self.assertEqual(len(op_ids), len(set(op_ids)), "operationIds are unique")

    def test_source_document_is_complete(self):
        self.assertDocumentComplete(source_document())

    def test_source_document_passes_the_linter(self):
        self.assertTrue(shutil.which("npx"), "npx (Node.js) is installed")
        self.assertTrue(os.path.exists(REDOCLY),
                        "@redocly/cli is installed: run `npm ci` in tests/integration")
        proc = lint(source_document())
        self.assertEqual(proc.returncode, 0,
                         f"redocly lint failed:\n{proc.stdout[-6000:]}\n{proc.stderr[-3000:]}")


class ServedOpenApiTest(ApiTestCase):
    def test_served_document_parses_and_lists_customers(self):
        resp = self.assertStatus(get("/api/openapi.json"), 200)
        self.assertEqual(resp.content_type, "application/json")
        doc = resp.json
        self.assertIsInstance(doc, dict, "the document is JSON")
        self.assertIn("/api/v1/customers", doc["paths"])
        self.assertIn("get", doc["paths"]["/api/v1/customers"])
        self.assertTrue(str(doc["openapi"]).startswith("3.1"))
        # The served document is src/api/openapi_document.cc plus the fragments of
        # src/api/openapi/*.cc, which only add paths, schemas and tags.
        source = source_document()
        for key, value in source.items():
            if key in ("paths", "components", "tags"):
                continue
            self.assertEqual(doc[key], value, f"the server serves '{key}' as written")
        for path, item in source["paths"].items():
            self.assertEqual(doc["paths"].get(path), item, f"the server serves {path} as written")
        for part, entries in source["components"].items():
            for name, value in entries.items():
                self.assertEqual(doc["components"][part].get(name), value,
                                 f"the server serves components.{part}.{name} as written")
        self.assertEqual(doc["tags"][:len(source["tags"])], source["tags"])

    def test_served_document_passes_the_linter(self):
        self.assertTrue(os.path.exists(REDOCLY),
                        "@redocly/cli is installed: run `npm ci` in tests/integration")
        doc = self.assertStatus(get("/api/openapi.json"), 200).json
        proc = lint(doc)
        self.assertEqual(proc.returncode, 0,
                         f"redocly lint failed:\n{proc.stdout[-6000:]}\n{proc.stderr[-3000:]}")
