"""CSV imports with a mapping (API jobs and CLI), dry-run reports, natural-key upserts,
all-or-nothing, progress, and streamed exports that round-trip through the import."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import tempfile
import time

from support import STATE, ApiTestCase, get, post, query, quote_id, request, unique

MAPPING = {
    "columns": {
        "E-mail": "email",
        "Full name": {"field": "name", "transform": ["trim"]},
        "Born": {"field": "birth_date", "transform": "date:%d/%m/%Y"},
        "Tier": {"field": "tags", "transform": "lower"},
        "Phone": {"field": "phone", "transform": "phone"},
    },
    "constants": {"kind": "person", "roles": "end_customer"},
}


def sample_csv(tag: str) -> str:
    """7 physical lines, 5 records: a bad date (line 3), no key (line 4), a quoted name
    with a newline (lines 5-6), a duplicate of line 2 with a new phone (line 7); an
    unknown column 'Extra'."""
    return ("\ufeff\"E-mail\",Full name,Born,Tier,Extra,Phone\r\n"
            f"ada.{tag}@example.com,  Ada {tag}  ,10/12/1815,GOLD,x,\r\n"
            f"bob.{tag}@example.com,\"Bob \"\"B\"\" {tag}\",31/02/1990,silver,y,\r\n"
            f",Nobody {tag},01/01/1990,gold,z,\r\n"
            f"carol.{tag}@example.com,\"Carol\n{tag}\",05/06/1970,bronze,w,\r\n"
            f"ada.{tag}@example.com,Ada {tag},10/12/1815,gold,x,+44 20 7946 0000\r\n")


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([STATE.binary, *args], capture_output=True, text=True, timeout=300)


def wait_for_job(job_id, timeout: float = 120) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        r = get(f"/api/v1/imports/{job_id}", role="admin")
        if r.status == 200 and r.json["status"] in ("succeeded", "failed"):
            return r.json
        time.sleep(0.1)
    raise AssertionError(f"import job {job_id} did not finish within {timeout:.0f} s")


class ImportApiTest(ApiTestCase):
    def run_job(self, text: str, chunk: int = 64, mapping=None, **options) -> dict:
        body = {"target": "customers", "mapping": mapping or MAPPING, "key": "email", **options}
        job = self.assertStatus(post("/api/v1/imports", body, role="admin"), 201).json
        self.assertEqual(job["status"], "uploading")
        # Small chunks split records, quoted newlines and the BOM across requests.
        for seq, start in enumerate(range(0, len(text), chunk)):
            self.assertStatus(post(f"/api/v1/imports/{job['id']}/chunks",
                                   {"seq": seq, "data": text[start:start + chunk]},
                                   role="admin"), 200)
        started = self.assertStatus(post(f"/api/v1/imports/{job['id']}/run", role="admin"), 202)
        self.assertIn(started.json["status"], ("queued", "running", "succeeded"))
        return wait_for_job(job["id"])

    def report(self, job_id) -> list[dict]:
        out, cursor = [], None
        while True:
            params = {"limit": 2}
            if cursor:
                params["cursor"] = cursor
            r = self.assertStatus(get(f"/api/v1/imports/{job_id}/report?" + query(params),
                                      role="admin"), 200)
            out += r.json["data"]
            cursor = r.json["next_cursor"]
            if not cursor:
                return out

    def customers_named(self, tag: str) -> list[dict]:
        return self.list_all({"q": tag})

    def test_dry_run_reports_each_problem_then_the_real_run_imports_the_good_lines(self):
        tag = unique("imp").lower()
        text = sample_csv(tag)
        dry = self.run_job(text, dry_run=True)
        self.assertEqual(dry["status"], "succeeded", dry)
        self.assertFalse(dry["committed"])
        self.assertEqual((dry["lines_read"], dry["created"], dry["updated"], dry["rejected"]),
                         (5, 2, 1, 2), dry)
        self.assertEqual(dry["unknown_columns"], ["Extra"])
        problems = self.report(dry["id"])
        by_line = {(p["line"], p["outcome"]): p for p in problems}
        self.assertEqual(by_line[(1, "warning")]["field"], "Extra")
        self.assertEqual(by_line[(3, "rejected")]["field"], "birth_date")
        self.assertIn("31/02/1990", by_line[(3, "rejected")]["message"])
        self.assertIn("Born", by_line[(3, "rejected")]["message"])
        self.assertEqual(by_line[(4, "rejected")]["field"], "email")
        self.assertEqual(len([p for p in problems if p["outcome"] == "rejected"]), 2)
        self.assertEqual(self.customers_named(tag), [], "a dry run writes nothing")

        real = self.run_job(text)
        self.assertTrue(real["committed"])
        self.assertEqual((real["created"], real["updated"], real["rejected"]), (2, 1, 2), real)
        got = {c["emails"][0]["address"]: c for c in self.customers_named(tag)}
        self.assertEqual(set(got), {f"ada.{tag}@example.com", f"carol.{tag}@example.com"})
        ada = got[f"ada.{tag}@example.com"]
        self.assertEqual(ada["name"], f"Ada {tag}")
        self.assertEqual(ada["birth_date"], "1815-12-10")
        self.assertEqual(ada["tags"], ["gold"])
        self.assertEqual(ada["phones"][0]["number"], "+442079460000")
        self.assertEqual(got[f"carol.{tag}@example.com"]["name"], f"Carol\n{tag}")
        history = self.assertStatus(get(f"/api/v1/customers/{ada['id']}/history", role="admin"),
                                    200).json["data"]
        self.assertEqual(sorted(h["op"] for h in history), ["create", "update"])

        again = self.run_job(text)
        self.assertEqual((again["created"], again["updated"], again["skipped"]), (0, 0, 3), again)
        self.assertEqual(len(self.customers_named(tag)), 2, "a re-run updates, not duplicates")

    def test_a_line_the_database_refuses_is_rejected_alone(self):
        # Line 3 passes every check but its external id belongs to another customer: the
        # database refuses it inside the batch, and the batch is redone line by line.
        tag = unique("own").lower()
        self.create_customer({"kind": "person", "name": f"Owner {tag}",
                              "external_ids": [{"system": "erp", "value": f"E-{tag}"}]})
        mapping = {"columns": {"Mail": "email", "Name": "name", "ERP": "external_id.erp"}}
        text = ("Mail,Name,ERP\n"
                f"one.{tag}@example.com,One {tag},F-{tag}\n"
                f"two.{tag}@example.com,Two {tag},E-{tag}\n"
                f"three.{tag}@example.com,Three {tag},\n")
        job = self.run_job(text, mapping=mapping)
        self.assertEqual((job["created"], job["rejected"]), (2, 1), job)
        rejected = [p for p in self.report(job["id"]) if p["outcome"] == "rejected"]
        self.assertEqual([(p["line"], p["field"]) for p in rejected], [(3, "external_ids")])
        self.assertIn("belongs to another customer", rejected[0]["message"])
        names = sorted(c["name"] for c in self.customers_named(tag))
        self.assertEqual(names, [f"One {tag}", f"Owner {tag}", f"Three {tag}"])
        one = [c for c in self.customers_named(tag) if c["name"] == f"One {tag}"][0]
        history = self.assertStatus(get(f"/api/v1/customers/{one['id']}/history", role="admin"),
                                    200).json["data"]
        self.assertEqual([h["op"] for h in history], ["create"])
        changed = {c["field"]: c["after"] for c in history[0]["changes"]}
        self.assertEqual(changed["name"], f"One {tag}")

    def test_all_or_nothing_writes_nothing_when_a_line_is_bad(self):
        tag = unique("aon").lower()
        before = self.write_marks()
        job = self.run_job(sample_csv(tag), all_or_nothing=True)
        self.assertEqual(job["status"], "succeeded")
        self.assertFalse(job["committed"])
        self.assertEqual(job["rejected"], 2)
        self.assertNothingWritten(before, "by an all-or-nothing import with rejected lines")
        good = "\n".join(sample_csv(tag).splitlines()[0:2]) + "\n"
        ok = self.run_job(good, all_or_nothing=True)
        self.assertTrue(ok["committed"])
        self.assertEqual(ok["created"], 1)

    def test_progress_endpoint_and_validation(self):
        tag = unique("prg").lower()
        rows = ["E-mail,Full name"] + [f"p{i}.{tag}@example.com,P{i} {tag}" for i in range(300)]
        job = self.run_job("\n".join(rows) + "\n", chunk=4096,
                           mapping={"columns": {"E-mail": "email", "Full name": "name"}})
        for key in ("lines_read", "created", "updated", "skipped", "rejected", "bytes_read",
                    "bytes_total", "status", "started_at", "finished_at"):
            self.assertIn(key, job)
        self.assertEqual((job["lines_read"], job["created"]), (300, 300))
        self.assertEqual(job["bytes_read"], job["bytes_total"])
        self.assertProblem(post("/api/v1/imports", {"target": "planets", "mapping": MAPPING},
                                role="admin"), 422, field="target")
        self.assertProblem(post("/api/v1/imports", {"target": "customers", "mapping": {
            "columns": {"A": {"field": "name", "transform": "shout"}}}}, role="admin"), 422)
        self.assertProblem(post("/api/v1/imports", {"target": "customers", "mapping": {
            "columns": {"A": "favourite_colour", "E": "email"}}}, role="admin"), 422)
        self.assertProblem(post("/api/v1/imports", {"target": "customers", "mapping": MAPPING},
                                role="sales"), 403)
        self.assertProblem(get(f"/api/v1/imports/{job['id']}", role="agent"), 403)
        self.assertProblem(get("/api/v1/imports/99999999", role="admin"), 404)
        # Once started, a job takes no more data.
        self.assertProblem(post(f"/api/v1/imports/{job['id']}/chunks",
                                {"seq": 99, "data": "x"}, role="admin"), 412)

    def test_mapped_column_missing_from_the_file_fails_the_job(self):
        job = self.run_job("E-mail,Full name\nx@example.com,X\n")
        self.assertEqual(job["status"], "failed")
        self.assertIn("Born", job["error"])


class ImportCliTest(ApiTestCase):
    def write(self, text: str, suffix: str = ".csv") -> str:
        fd, path = tempfile.mkstemp(suffix=suffix, dir=STATE.workdir or None)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        self.addCleanup(os.remove, path)
        return path

    def test_cli_dry_run_prints_rejected_lines_and_exits_non_zero_when_nothing_imports(self):
        tag = unique("cli").lower()
        data, mapping = self.write(sample_csv(tag)), self.write(json.dumps(MAPPING), ".json")
        proc = cli("import", "customers", "--db", STATE.db_url, data, "--mapping", mapping,
                   "--dry-run")
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertIn("2 would be created", proc.stdout)
        self.assertIn("line 3: rejected: birth_date", proc.stdout)
        self.assertIn("line 4: rejected: email", proc.stdout)
        self.assertIn("unknown column 'Extra'", proc.stdout)
        self.assertEqual(self.list_all({"q": tag}), [])
        proc = cli("import", "customers", "--db", STATE.db_url, data, "--mapping", mapping,
                   "--all-or-nothing")
        self.assertNotEqual(proc.returncode, 0)
        self.assertIn("nothing was written", proc.stdout)
        self.assertEqual(self.list_all({"q": tag}), [])
        bad = self.write("E-mail,Full name,Born,Tier,Phone\n,No key,,,\n")
        proc = cli("import", "customers", "--db", STATE.db_url, bad, "--mapping", mapping)
        self.assertNotEqual(proc.returncode, 0, "nothing could be imported")
        proc = cli("import", "customers", "--db", STATE.db_url, data, "--mapping", mapping)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertEqual(len(self.list_all({"q": tag})), 2)

    def test_contacts_import_by_customer_external_id(self):
        tag = unique("ctc").lower()
        org = self.create_customer({"kind": "organization", "name": f"Org {tag}",
                                    "external_ids": [{"system": "erp", "value": tag}]})
        mapping = self.write(json.dumps({"columns": {
            "ERP": "customer.external_id.erp", "Mail": "email", "Given": "given_name",
            "Family": "family_name", "Role": "title"}}), ".json")
        data = self.write(f"ERP;Mail;Given;Family;Role\n{tag};li.{tag}@example.com;Li;Wei;Buyer\n"
                          f"nope-{tag};x.{tag}@example.com;X;Y;Z\n")
        args = ["import", "contacts", "--db", STATE.db_url, data, "--mapping", mapping,
                "--delimiter", ";"]
        proc = cli(*args)
        self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)
        self.assertIn("1 created", proc.stdout)
        self.assertIn("line 3: rejected: customer.external_id.erp", proc.stdout)
        contacts = self.assertStatus(get(f"/api/v1/customers/{org['id']}/contacts", role="admin"),
                                     200).json["data"]
        self.assertEqual([(c["name"], c["title"]) for c in contacts], [("Li Wei", "Buyer")])
        proc = cli(*args)
        self.assertIn("0 created", proc.stdout)
        self.assertEqual(len(self.assertStatus(get(f"/api/v1/customers/{org['id']}/contacts",
                                                   role="admin"), 200).json["data"]), 1)


def minor(m: dict) -> int:
    """A money object's amount in minor units."""
    whole, _, frac = m["amount"].lstrip("-").partition(".")
    v = int(whole) * 100 + int((frac + "00")[:2])
    return -v if m["amount"].startswith("-") else v


class ImportTargetsTest(ApiTestCase):
    """The purchases, products and orders targets: a dry run names each bad line and
    field, the real run writes the good lines, a re-run updates or skips."""

    run_job = ImportApiTest.run_job
    report = ImportApiTest.report
    customers_named = ImportApiTest.customers_named
    write = ImportCliTest.write

    def problems(self, job: dict) -> dict:
        return {p["line"]: p for p in self.report(job["id"]) if p["outcome"] == "rejected"}

    def purchases_of(self, customer_id) -> list[dict]:
        r = get("/api/v1/purchases?" + query({"filter[customer_id]": customer_id, "limit": 500}),
                role="admin")
        return self.assertStatus(r, 200).json["data"]

    def products_with(self, tag: str) -> list[dict]:
        out, cursor = [], None
        while True:
            params = {"limit": 500, "include_inactive": "true"}
            if cursor:
                params["cursor"] = cursor
            r = self.assertStatus(get("/api/v1/products?" + query(params), role="admin"), 200)
            out += [p for p in r.json["data"] if tag in p["sku"]]
            cursor = r.json["next_cursor"]
            if not cursor:
                return out

    def orders_of(self, customer_id) -> dict:
        r = get("/api/v1/orders?" + query({"filter[customer_id]": customer_id, "limit": 500}),
                role="admin")
        out = {}
        for row in self.assertStatus(r, 200).json["data"]:
            o = self.assertStatus(get(f"/api/v1/orders/{quote_id(row['id'])}", role="admin"),
                                  200).json
            out[o["external_id"]] = o
        return out

    def test_purchases_post_through_the_ledger_once(self):
        tag = unique("pur").lower()
        c = self.create_customer({"kind": "person", "name": f"Buyer {tag}",
                                  "emails": [{"address": f"p.{tag}@example.com"}]})
        mapping = {"columns": {"Mail": "email", "Date": "occurred_at", "Amount": "revenue",
                               "Qty": "quantity", "Ref": "reference", "SKU": "sku"}}
        text = ("Mail,Date,Amount,Qty,Ref,SKU\n"
                f"p.{tag}@example.com,2024-03-01,100.00,1,R1-{tag},A\n"
                f"p.{tag}@example.com,2024-13-01,5.00,1,R2-{tag},A\n"
                f"nobody.{tag}@example.com,2024-03-02,5.00,1,R3-{tag},A\n"
                f"p.{tag}@example.com,2024-03-05,20.50,2,,B\n")
        spec = {"target": "purchases", "key": "email", "mapping": mapping}
        dry = self.run_job(text, dry_run=True, **spec)
        self.assertEqual((dry["created"], dry["rejected"]), (2, 2), dry)
        bad = self.problems(dry)
        self.assertEqual(bad[3]["field"], "occurred_at")
        self.assertIn("2024-13-01", bad[3]["message"])
        self.assertEqual(bad[4]["field"], "email")
        self.assertIn("no customer", bad[4]["message"])
        self.assertEqual(self.purchases_of(c["id"]), [], "a dry run posts nothing")

        real = self.run_job(text, **spec)
        self.assertTrue(real["committed"])
        self.assertEqual((real["created"], real["rejected"]), (2, 2), real)
        posted = self.purchases_of(c["id"])
        self.assertEqual(sum(minor(p["revenue"]) for p in posted), 12050)
        self.assertEqual(sorted(p["sku"] for p in posted), ["A", "B"])

        again = self.run_job(text, **spec)
        self.assertEqual((again["created"], again["skipped"], again["rejected"]), (0, 2, 2), again)
        after = self.purchases_of(c["id"])
        self.assertEqual(len(after), 2, "a re-run posts nothing twice")
        self.assertEqual(sum(minor(p["revenue"]) for p in after), 12050)

    def test_purchases_in_one_batch_keep_the_aggregates_of_one_by_one_posting(self):
        # The batch path posts all rows with a few statements: the customer's count, days,
        # totals and first/last dates must be what posting them one by one gives.
        tag = unique("agg").lower()
        c = self.create_customer({"kind": "person", "name": f"Agg {tag}",
                                  "emails": [{"address": f"a.{tag}@example.com"}]})
        currency = self.get_customer(c["id"]).json["stats"]["revenue_total"]["currency"]
        self.assertStatus(post("/api/v1/purchases", {
            "customer_id": c["id"], "occurred_at": "2024-03-01T09:00:00Z", "quantity": 1,
            "revenue": {"amount": "10.00", "currency": currency},
            "cost": {"amount": "0.00", "currency": currency}}, role="admin"), 201)
        mapping = {"columns": {"Mail": "email", "Date": "occurred_at", "Amount": "revenue",
                               "Ref": "reference"}}
        text = ("Mail,Date,Amount,Ref\n"
                f"a.{tag}@example.com,2024-03-01,5.00,{tag}-1\n"   # a day bought on before
                f"a.{tag}@example.com,2024-02-01,3.00,{tag}-2\n"   # the new first purchase
                f"a.{tag}@example.com,2024-04-01,1.00,{tag}-3\n"   # the new last purchase
                f"a.{tag}@example.com,2024-04-01,7.00,{tag}-4\n"   # a day seen in the file
                f"a.{tag}@example.com,2024-04-02,9.00,{tag}-1\n")  # a reference seen: skipped
        job = self.run_job(text, target="purchases", key="email", mapping=mapping)
        self.assertEqual((job["created"], job["skipped"], job["rejected"]), (4, 1, 0), job)
        stats = self.get_customer(c["id"]).json["stats"]
        self.assertEqual(stats["purchase_count"], 5)
        self.assertEqual(stats["purchase_days"], 3, "03-01, 02-01 and 04-01")
        self.assertEqual(minor(stats["revenue_total"]), 2600)
        self.assertSameInstant(stats["first_purchase_at"], "2024-02-01T00:00:00Z")
        self.assertSameInstant(stats["last_purchase_at"], "2024-04-01T00:00:00Z")
        skipped = [p for p in self.report(job["id"]) if p["outcome"] == "skipped"]
        self.assertEqual([p["line"] for p in skipped], [6])
        self.assertIn("already posted", skipped[0]["message"])

    def test_purchases_create_an_unknown_customer_when_the_row_names_it(self):
        tag = unique("puc").lower()
        mapping = {"columns": {"Cust": "external_id.shop", "Name": "customer.name",
                               "Date": "occurred_at", "Amount": "revenue"},
                   "constants": {"customer.kind": "person"}}
        text = ("Cust,Name,Date,Amount\n"
                f"{tag},Walk-in {tag},2024-05-01,30.00\n"
                f"{tag},Walk-in {tag},2024-05-02,12.00\n"
                f"{tag}-2,,2024-05-02,1.00\n")
        spec = {"target": "purchases", "key": "external_id:shop", "mapping": mapping}
        job = self.run_job(text, **spec)
        self.assertEqual((job["created"], job["rejected"]), (2, 1), job)
        self.assertEqual(self.problems(job)[4]["field"], "external_id.shop")
        found = self.customers_named(f"Walk-in {tag}")
        self.assertEqual(len(found), 1, "one customer, created by the first line")
        self.assertEqual(sum(minor(p["revenue"]) for p in self.purchases_of(found[0]["id"])),
                         4200)
        again = self.run_job(text, **spec)
        self.assertEqual((again["created"], again["skipped"]), (0, 2), again)
        self.assertEqual(len(self.customers_named(f"Walk-in {tag}")), 1)

    def test_products_upsert_by_sku(self):
        tag = unique("prd").lower()
        mapping = {"columns": {"SKU": "sku", "Name": "name", "Price": "price",
                               "Lead": "lead_time_days", "Ext": "external_id",
                               "Active": "active"}}
        head = "SKU,Name,Price,Lead,Ext,Active\n"
        rows = [f"P1-{tag},Widget {tag},12.50,3,x1-{tag},yes\n",
                f"P2-{tag},Gadget {tag},abc,2,x2-{tag},yes\n",
                f"P3-{tag},Gizmo {tag},7.00,soon,x3-{tag},yes\n",
                f"P4-{tag},Doohickey {tag},1.00,1,x4-{tag},no\n"]
        spec = {"target": "products", "key": "sku", "mapping": mapping}
        dry = self.run_job(head + "".join(rows), dry_run=True, **spec)
        self.assertEqual((dry["created"], dry["rejected"]), (2, 2), dry)
        bad = self.problems(dry)
        self.assertTrue(bad[3]["field"].startswith("price"), bad[3])
        self.assertEqual(bad[4]["field"], "lead_time_days")
        self.assertIn("soon", bad[4]["message"])
        self.assertEqual(self.products_with(tag), [], "a dry run writes nothing")

        real = self.run_job(head + "".join(rows), **spec)
        self.assertEqual((real["created"], real["rejected"]), (2, 2), real)
        got = {p["sku"]: p for p in self.products_with(tag)}
        self.assertEqual(set(got), {f"P1-{tag}", f"P4-{tag}"})
        p1 = got[f"P1-{tag}"]
        self.assertEqual((p1["name"], minor(p1["price"]), p1["lead_time_days"], p1["external_id"],
                          p1["active"]), (f"Widget {tag}", 1250, 3, f"x1-{tag}", True))
        self.assertFalse(got[f"P4-{tag}"]["active"])

        again = self.run_job(head + "".join(rows), **spec)
        self.assertEqual((again["created"], again["updated"], again["skipped"]), (0, 0, 2), again)
        rows[0] = f"P1-{tag},Widget {tag},13.00,3,x1-{tag},yes\n"
        changed = self.run_job(head + "".join(rows), **spec)
        self.assertEqual((changed["created"], changed["updated"], changed["skipped"]), (0, 1, 1))
        got = {p["sku"]: p for p in self.products_with(tag)}
        self.assertEqual(len(got), 2, "re-runs update, not duplicate")
        self.assertEqual(minor(got[f"P1-{tag}"]["price"]), 1300)
        # By external id: the SKU may change.
        by_ext = self.run_job(head + f"P1b-{tag},Widget {tag},13.00,3,x1-{tag},yes\n",
                              target="products", key="external_id", mapping=mapping)
        self.assertEqual(by_ext["updated"], 1, by_ext)
        self.assertEqual({p["sku"] for p in self.products_with(tag)}, {f"P1b-{tag}", f"P4-{tag}"})

    def test_orders_group_contiguous_rows_into_one_order(self):
        tag = unique("ord").lower()
        c = self.create_customer({"kind": "organization", "name": f"Org {tag}",
                                  "external_ids": [{"system": "erp", "value": tag}]})
        sku = f"S-{tag}"
        self.assertStatus(post("/api/v1/products", {
            "sku": sku, "name": "Tee", "price": {"amount": "8.00", "currency": "CNY"},
            "cost": {"amount": "2.00", "currency": "CNY"}}, role="admin"), 201)
        mapping = {"columns": {"Order": "external_id", "Customer": "customer.external_id.erp",
                               "SKU": "sku", "Qty": "quantity", "Price": "unit_price"}}
        text = ("Order,Customer,SKU,Qty,Price\n"
                f"O1-{tag},{tag},{sku},2,10.00\n"
                f"O1-{tag},{tag},{sku},3,\n"
                f"O2-{tag},{tag},NOPE-{tag},1,\n"
                f"O3-{tag},{tag},{sku},zero,\n"
                f"O4-{tag},{tag},{sku},1,\n")
        spec = {"target": "orders", "key": "external_id", "mapping": mapping}
        dry = self.run_job(text, dry_run=True, **spec)
        self.assertEqual((dry["created"], dry["updated"], dry["rejected"]), (2, 1, 2), dry)
        bad = self.problems(dry)
        self.assertIn("sku", bad[4]["field"])
        self.assertEqual(bad[5]["field"], "quantity")
        self.assertIn("zero", bad[5]["message"])
        self.assertEqual(self.orders_of(c["id"]), {}, "a dry run writes nothing")

        # One line per transaction: an order's rows span batches and still make one order.
        data = self.write(text)
        mfile = self.write(json.dumps(mapping), ".json")
        args = ["import", "orders", "--db", STATE.db_url, data, "--mapping", mfile,
                "--key", "external_id", "--batch", "1"]
        proc = cli(*args)
        self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)
        self.assertIn("2 created, 1 updated", proc.stdout)
        self.assertIn("line 5: rejected: quantity", proc.stdout)
        orders = self.orders_of(c["id"])
        self.assertEqual(set(orders), {f"O1-{tag}", f"O4-{tag}"})
        lines = orders[f"O1-{tag}"]["lines"]
        self.assertEqual([(l["quantity"], minor(l["unit_price"])) for l in lines],
                         [(2, 1000), (3, 800)])

        proc = cli(*args)
        self.assertIn("0 created, 3 updated", proc.stdout)
        again = self.orders_of(c["id"])
        self.assertEqual(set(again), {f"O1-{tag}", f"O4-{tag}"}, "a re-run does not duplicate")
        self.assertEqual([l["quantity"] for l in again[f"O1-{tag}"]["lines"]], [2, 3])
        self.assertEqual([l["quantity"] for l in again[f"O4-{tag}"]["lines"]], [1])

        # Rows of one order that are not contiguous: the later run replaces the lines.
        split = ("Order,Customer,SKU,Qty,Price\n"
                 f"O1-{tag},{tag},{sku},5,\n"
                 f"O4-{tag},{tag},{sku},6,\n"
                 f"O1-{tag},{tag},{sku},7,\n")
        self.run_job(split, **spec)
        self.assertEqual([l["quantity"] for l in self.orders_of(c["id"])[f"O1-{tag}"]["lines"]],
                         [7])

    def test_target_specific_keys_are_checked(self):
        r = post("/api/v1/imports", {"target": "products", "key": "email",
                                     "mapping": {"columns": {"S": "sku"}}}, role="admin")
        self.assertProblem(r, 422)
        r = post("/api/v1/imports", {"target": "orders", "key": "external_id",
                                     "mapping": {"columns": {"O": "external_id"}}}, role="admin")
        self.assertProblem(r, 422)
        r = post("/api/v1/imports", {"target": "purchases", "key": "sku",
                                     "mapping": {"columns": {"S": "sku"}}}, role="admin")
        self.assertProblem(r, 422)


class ExportTest(ApiTestCase):
    def test_export_honours_filters_and_round_trips_through_the_import(self):
        tag = unique("exp").lower()
        for i, sector in enumerate(["retail", "retail", "wholesale"]):
            self.create_customer({"kind": "organization", "name": f"Exp{i} {tag}",
                                  "sector": sector, "tags": ["a", "b"],
                                  "emails": [{"address": f"e{i}.{tag}@example.com"}]})
        params = {"q": tag, "filter[sector]": "retail", "sort": "name"}
        r = self.assertStatus(get("/api/v1/customers/export?" + query({**params, "format": "csv"}),
                                  role="admin"), 200)
        self.assertTrue(r.content_type.startswith("text/csv"))
        self.assertEqual((r.header("Transfer-Encoding") or "").lower(), "chunked")
        rows = list(csv.DictReader(io.StringIO(r.body.decode("utf-8"))))
        self.assertEqual([x["name"] for x in rows], [f"Exp0 {tag}", f"Exp1 {tag}"])
        self.assertEqual(rows[0]["tags"], "a,b")
        j = self.assertStatus(get("/api/v1/customers/export?" + query({**params, "format": "json"}),
                                  role="admin"), 200)
        self.assertEqual([x["name"] for x in j.json], [f"Exp0 {tag}", f"Exp1 {tag}"])
        self.assertProblem(get("/api/v1/customers/export?format=xml", role="admin"), 400)
        self.assertProblem(get("/api/v1/customers/export?filter[nope]=1", role="admin"), 400)
        # Portal users export only their own customer.
        mine = self.assertStatus(get("/api/v1/customers/export?format=json", role="customer"), 200)
        self.assertEqual([str(x["id"]) for x in mine.json], [str(STATE.portal_customer_id)])

        # Round trip: the CSV re-imports with an identity mapping as "unchanged".
        text = r.body.decode("utf-8")
        mapping = {"columns": {c: c for c in ("kind", "name", "sector", "email", "tags")}}
        job = post("/api/v1/imports", {"target": "customers", "mapping": mapping}, role="admin")
        self.assertStatus(job, 201)
        jid = job.json["id"]
        self.assertStatus(post(f"/api/v1/imports/{jid}/chunks", {"seq": 0, "data": text},
                               role="admin"), 200)
        self.assertStatus(post(f"/api/v1/imports/{jid}/run", role="admin"), 202)
        done = wait_for_job(jid)
        self.assertEqual((done["created"], done["updated"], done["skipped"], done["rejected"]),
                         (0, 0, 2, 0), done)
        self.assertIn("id", done["unknown_columns"])

    def test_interactions_and_purchases_export(self):
        c = self.create_customer({"kind": "person", "name": unique("Ix ")})
        for subject in ("first", "second"):
            self.assertStatus(post("/api/v1/interactions", {
                "customer_id": c["id"], "type": "call", "direction": "inbound",
                "channel": "phone", "occurred_at": "2024-03-05T09:30:00Z",
                "subject": subject}, role="admin"), 201)
        params = query({"filter[customer_id]": c["id"], "format": "csv"})
        r = self.assertStatus(get("/api/v1/interactions/export?" + params, role="admin"), 200)
        rows = list(csv.DictReader(io.StringIO(r.body.decode("utf-8"))))
        self.assertEqual(sorted(x["subject"] for x in rows), ["first", "second"])
        self.assertTrue(all(x["customer_id"] == str(c["id"]) for x in rows))
        j = self.assertStatus(get("/api/v1/purchases/export?" + query(
            {"filter[customer_id]": c["id"], "format": "json"}), role="admin"), 200)
        self.assertEqual(j.json, [])

    def test_cli_export(self):
        tag = unique("cxp").lower()
        self.create_customer({"kind": "person", "name": f"Cx {tag}", "sector": "retail"})
        proc = cli("export", "customers", "--db", STATE.db_url, "--format", "json",
                   "--q", tag, "--filter", "sector=retail")
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertEqual([x["name"] for x in json.loads(proc.stdout)], [f"Cx {tag}"])
        proc = cli("export", "customers", "--db", STATE.db_url, "--filter", "nope[eq]=1")
        self.assertNotEqual(proc.returncode, 0)
