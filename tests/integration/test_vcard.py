"""vCard import (every corpus file imports or is rejected with its position, never a
crash or a hang), upsert on re-import, and the lossless vCard 4.0 round trip."""

from __future__ import annotations

import glob
import os
import re
import tempfile

from organise_support import corpus_dirs, run_cli
from support import ApiTestCase, delete, get, post, quote_id, unique


def cpath(cid) -> str:
    return f"/api/v1/customers/{quote_id(cid)}"


class VcardCorpusTest(ApiTestCase):
    def test_every_file_imports_or_is_rejected_with_its_position(self):
        files = [f for d in corpus_dirs() for f in sorted(glob.glob(os.path.join(d, "*.vcf")))]
        self.assertGreaterEqual(len(files), 40, "the repository's vCard files are there")
        imported = 0
        for path in files:
            with self.subTest(file=os.path.basename(path)):
                proc = run_cli("import", "vcard", path, timeout=60)
                out = proc.stdout.decode("utf-8", "replace")
                err = proc.stderr.decode("utf-8", "replace")
                self.assertIn(proc.returncode, (0, 1), f"no crash: {proc.returncode} {err}")
                self.assertRegex(out, r"\d+ created, \d+ updated, \d+ rejected")
                for line in out.splitlines():
                    if "rejected:" in line:
                        self.assertRegex(line, r"^(card \d+ \(line \d+\)|line \d+): rejected: \S")
                if proc.returncode == 0:
                    imported += 1
                else:
                    self.assertIn("nothing in", err)
                    self.assertIn("rejected:", out)
        self.assertGreater(imported, len(files) // 2)

    def test_cli_contract_on_edge_inputs(self):
        with tempfile.TemporaryDirectory() as tmp:
            empty = os.path.join(tmp, "empty.vcf")
            open(empty, "wb").close()
            proc = run_cli("import", "vcard", empty)
            self.assertEqual(proc.returncode, 0, "a file with no cards is not an error")
            junk = os.path.join(tmp, "junk.vcf")
            with open(junk, "wb") as f:
                f.write(b"\x00\xff\xfe garbage\r\nBEGIN:VCARD\r\nFN:\r\n" + b"=" * 5000)
            proc = run_cli("import", "vcard", junk)
            self.assertEqual(proc.returncode, 1)
            self.assertIn(b"rejected", proc.stdout)
            proc = run_cli("import", "vcard", os.path.join(tmp, "missing.vcf"))
            self.assertNotEqual(proc.returncode, 0)


class VcardImportTest(ApiTestCase):
    def test_rules_and_reimport_updates_instead_of_duplicating(self):
        tag = unique("vc")
        text = (
            "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada {t} Person\r\nN:Person;Ada;;;\r\n"
            "EMAIL;TYPE=HOME:ada.{t}@example.com\r\nTEL;TYPE=CELL:+44 20 7946 0{n}\r\n"
            "END:VCARD\r\n"
            "BEGIN:VCARD\r\nVERSION:2.1\r\nN:Worker;Bob\r\nFN:Bob {t} Worker\r\nORG:Org {t} Ltd\r\n"
            "TITLE:Buyer\r\nEMAIL;WORK:bob.{t}@example.com\r\nEND:VCARD\r\n"
            "BEGIN:VCARD\r\nVERSION:4.0\r\nKIND:org\r\nFN:Shop {t}\r\nORG:Shop {t}\r\n"
            "EMAIL:shop.{t}@example.com\r\nEND:VCARD\r\n"
            "BEGIN:VCARD\r\nVERSION:3.0\r\nNOTE:nameless\r\nEND:VCARD\r\n"
        ).format(t=tag, n="123")
        resp = self.assertStatus(post("/api/v1/vcard/import", {"content": text}, role="admin"), 200)
        rep = resp.json
        self.assertEqual((rep["created"], rep["updated"], rep["rejected"]), (3, 0, 1), rep)
        by_card = {c["card"]: c for c in rep["cards"]}
        self.assertEqual(by_card[1]["entity"], "customer")
        self.assertEqual(by_card[2]["entity"], "contact")
        self.assertEqual(by_card[3]["entity"], "customer")
        self.assertEqual(by_card[4]["action"], "rejected")
        self.assertEqual(by_card[4]["line"], 23)
        person = self.assertStatus(self.get_customer(by_card[1]["id"]), 200).json
        self.assertEqual(person["kind"], "person")
        self.assertEqual(person["name"], f"Ada {tag} Person")
        self.assertEqual([e["address"] for e in person["emails"]], [f"ada.{tag}@example.com"])
        org = self.assertStatus(self.get_customer(by_card[2]["customer_id"]), 200).json
        self.assertEqual((org["kind"], org["name"]), ("organization", f"Org {tag} Ltd"))
        contacts = self.assertStatus(get(cpath(org["id"]) + "/contacts", role="admin"), 200)
        self.assertEqual([(c["name"], c["title"]) for c in contacts.json["data"]],
                         [(f"Bob {tag} Worker", "Buyer")])
        shop = self.assertStatus(self.get_customer(by_card[3]["id"]), 200).json
        self.assertEqual(shop["kind"], "organization")

        rep2 = self.assertStatus(post("/api/v1/vcard/import", {"content": text}, role="admin"),
                                 200).json
        self.assertEqual((rep2["created"], rep2["updated"]), (0, 3), rep2)
        self.assertEqual({c["id"] for c in rep2["cards"] if c["action"] == "updated"},
                         {by_card[i]["id"] for i in (1, 2, 3)})
        listed = self.list_ids({"q": tag})
        self.assertEqual(len(listed), 3, "re-import did not create duplicates")
        # The CLI prints what it did, with positions.
        with tempfile.NamedTemporaryFile("w", suffix=".vcf", delete=False) as f:
            f.write(text)
        try:
            proc = run_cli("import", "vcard", f.name)
        finally:
            os.unlink(f.name)
        out = proc.stdout.decode()
        self.assertEqual(proc.returncode, 0, out)
        self.assertIn(f"card 1 (line 1): updated customer {by_card[1]['id']}", out)
        self.assertIn("card 4 (line 23): rejected:", out)
        self.assertIn("0 created, 3 updated, 1 rejected", out)

    def test_round_trip_is_lossless_on_names_emails_phones_addresses(self):
        tag = unique("rt")
        body = {
            "kind": "person", "name": f"Zoë O'Brien, Jr.; 王{tag}",
            "emails": [{"address": f"zoe.{tag}@example.com", "label": "work"},
                       {"address": f"z.{tag}@home.example", "label": "home,pref"}],
            "phones": [{"number": "+49 30 1234-5601", "label": "cell"},
                       {"number": "(555) 0100 ext. 7", "label": ""}],
            "addresses": [
                {"label": "home", "line1": "Hauptstraße 1; Hinterhaus, 2. OG", "line2": "c/o Ä\\B",
                 "city": "Berlin", "region": "BE", "postal_code": "10115", "country": "DE"},
                {"label": "work", "line1": "1 Main St", "line2": "", "city": "Springfield",
                 "region": "IL", "postal_code": "62701", "country": "US"}],
            "notes": "line one\nline two",
        }
        orig = self.create_customer(body, headers={"X-Allow-Duplicate": "true"})
        resp = self.assertStatus(get(cpath(orig["id"]) + "/contacts.vcf", role="admin"), 200)
        self.assertTrue((resp.header("Content-Type") or "").startswith("text/vcard"))
        text = resp.body.decode("utf-8")
        self.assertTrue(text.startswith("BEGIN:VCARD\r\nVERSION:4.0\r\n"), text[:40])
        self.assertTrue(all(len(line.encode()) <= 75 for line in text.split("\r\n")))
        # With the original archived, the import creates a new customer to compare.
        self.assertStatus(delete(cpath(orig["id"]), role="admin"), 200, 204)
        rep = self.assertStatus(post("/api/v1/vcard/import", {"content": text}, role="admin"),
                                200).json
        self.assertEqual(rep["created"], 1, rep)
        copy = self.assertStatus(self.get_customer(rep["cards"][0]["id"]), 200).json
        self.assertNotEqual(copy["id"], orig["id"])
        self.assertEqual(copy["name"], orig["name"])
        self.assertEqual([(e["address"], e["label"]) for e in copy["emails"]],
                         [(e["address"], e["label"]) for e in orig["emails"]])
        self.assertEqual([(p["number"], p["label"]) for p in copy["phones"]],
                         [(p["number"], p["label"]) for p in orig["phones"]])
        strip = lambda a: {k: a.get(k) or "" for k in (
            "label", "line1", "line2", "city", "region", "postal_code", "country")}
        self.assertEqual([strip(a) for a in copy["addresses"]],
                         [strip(a) for a in orig["addresses"]])
        self.assertEqual(copy["notes"], orig["notes"])
        self.assertStatus(delete(cpath(copy["id"]), role="admin"), 200, 204)
        self.assertStatus(post(cpath(orig["id"]) + "/restore", role="admin"), 200)
        # And importing the unchanged file updates the original, adding nothing.
        rep = self.assertStatus(post("/api/v1/vcard/import", {"content": text}, role="admin"),
                                200).json
        self.assertEqual((rep["created"], rep["updated"]), (0, 1), rep)
        again = self.assertStatus(self.get_customer(orig["id"]), 200).json
        self.assertEqual(again["emails"], orig["emails"])
        self.assertEqual(again["addresses"], orig["addresses"])

    def test_organisation_with_contacts_exports_and_reimports(self):
        tag = unique("oc")
        org = self.create_customer({"kind": "organization", "name": f"Firm {tag}"},
                                   headers={"X-Allow-Duplicate": "true"})
        for name in ("Li Wei", "Ana Souza"):
            self.assertStatus(post(cpath(org["id"]) + "/contacts", {
                "name": f"{name} {tag}", "title": "Buyer",
                "email": f"{name.split()[0].lower()}.{tag}@example.com",
                "phone": "+86 571 8000 1111"}, role="admin"), 201)
        proc = run_cli("export", "vcard", "--customer", str(org["id"]))
        self.assertEqual(proc.returncode, 0, proc.stderr)
        text = proc.stdout.decode()
        self.assertEqual(text.count("BEGIN:VCARD"), 3)
        self.assertIn("KIND:org", text)
        self.assertIn(f"ORG:Firm {tag}", text)
        rep = self.assertStatus(post("/api/v1/vcard/import", {"content": text}, role="admin"),
                                200).json
        self.assertEqual((rep["created"], rep["updated"], rep["rejected"]), (0, 3, 0), rep)
        contacts = self.assertStatus(get(cpath(org["id"]) + "/contacts", role="admin"), 200)
        self.assertEqual(len(contacts.json["data"]), 2)

    def test_permissions(self):
        self.assertProblem(post("/api/v1/vcard/import", {"content": ""}, role="analyst"), 403)
        self.assertProblem(post("/api/v1/vcard/import", {}, role="admin"), 422, field="content")
        self.assertProblem(get(cpath(999999999) + "/contacts.vcf", role="admin"), 404)
