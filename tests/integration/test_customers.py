"""Customers: create, get, list (filters, sort, cursor pages, total), PATCH, archive, idempotency."""

from __future__ import annotations

import threading
import time
import uuid

from support import ApiTestCase, delete, patch, post, quote_id, strip_quotes, unique


def cpath(cid) -> str:
    return f"/api/v1/customers/{quote_id(cid)}"


class CreateGetTest(ApiTestCase):
    def test_create_returns_201_with_location_etag_and_record(self):
        name = unique("Create ") + " Silk Mill"
        resp = post("/api/v1/customers", {
            "kind": "organization", "name": name,
            "roles": ["business_buyer", "retailer"],
            "sector": "apparel", "employees": 120,
            "annual_revenue": {"amount": "1250000.50", "currency": "CNY"},
            "emails": ["Orders@Example.com"],
            "phones": [{"number": "+86 571 8700 0001", "label": "office"}],
            "addresses": [{"label": "hq", "line1": "1 West Lake Rd", "city": "Hangzhou",
                           "country": "CN"}],
            "external_ids": [{"system": "erp", "value": unique("ERP-")}],
            "tags": ["vip", "silk"],
            "notes": "created by the integration suite",
        }, role="admin")
        self.assertStatus(resp, 201)
        c = resp.json
        self.assertIsNotNone(resp.etag, "create answers with an ETag")
        self.assertEqual(strip_quotes(resp.etag), str(c["version"]),
                         'ETag is "<version>"')
        self.assertTrue(resp.header("Location"), "create answers with Location")
        self.assertTrue(resp.header("Location").endswith(f"/api/v1/customers/{c['id']}"),
                        resp.header("Location"))
        self.assertEqual(c["kind"], "organization")
        self.assertEqual(c["name"], name)
        self.assertEqual(c["status"], "active")
        self.assertEqual(sorted(c["roles"]), ["business_buyer", "retailer"])
        self.assertEqual(c["employees"], 120)
        self.assertEqual(c["annual_revenue"], {"amount": "1250000.50", "currency": "CNY"})
        self.assertEqual(sorted(c["tags"]), ["silk", "vip"])
        # Plain-string emails become objects.
        self.assertEqual(len(c["emails"]), 1)
        self.assertEqual(c["emails"][0]["address"].lower(), "orders@example.com")
        self.assertEqual(c["phones"][0]["number"], "+86 571 8700 0001")
        self.assertTrue(c["phones"][0].get("normalized"), "phones carry a normalized form")
        self.assertIsNone(c.get("archived_at"))
        for key in ("created_at", "updated_at", "version", "stats", "custom"):
            self.assertIn(key, c)

        got = self.assertStatus(self.get_customer(c["id"]), 200)
        self.assertEqual(got.json["id"], c["id"])
        self.assertEqual(got.json["name"], name)
        self.assertEqual(got.json["addresses"][0]["city"], "Hangzhou")
        self.assertEqual(strip_quotes(got.etag), str(got.json["version"]))
        self.assertEqual(got.etag, resp.etag)

    def test_person_with_plain_string_phone(self):
        c = self.create_customer({"kind": "person", "name": unique("Person "),
                                  "phones": ["+86 138 0000 0001"],
                                  "birth_date": "1990-04-01", "gender": "female"})
        self.assertEqual(c["kind"], "person")
        self.assertEqual(c["phones"][0]["number"], "+86 138 0000 0001")
        self.assertEqual(c["birth_date"], "1990-04-01")

    def test_get_unknown_customer_is_404_problem(self):
        self.assertProblem(self.get_customer("999999999"), 404)
        self.assertProblem(self.get_customer("does-not-exist"), (404, 400))

    def test_missing_required_fields_are_422_naming_them(self):
        before = self.write_marks()
        self.assertProblem(post("/api/v1/customers", {"kind": "person"}, role="admin"),
                           422, field="name")
        self.assertProblem(post("/api/v1/customers", {"name": unique("NoKind ")},
                                role="admin"), 422, field="kind")
        self.assertProblem(post("/api/v1/customers", {"kind": "robot", "name": "x"},
                                role="admin"), 422, field="kind")
        self.assertProblem(post("/api/v1/customers", {"kind": "person", "name": "x",
                                                      "emails": ["not-an-email"]},
                                role="admin"), 422, field="emails[0]")
        self.assertProblem(post("/api/v1/customers", {"kind": "person", "name": "x",
                                                      "roles": ["pirate"]},
                                role="admin"), 422, mention="roles")
        self.assertNothingWritten(before, "(invalid creates)")


class ListFilterSortTest(ApiTestCase):
    """A private batch of customers, scoped by a unique name prefix."""

    @classmethod
    def setUpClass(cls):
        cls.prefix = unique("Flt") + " "
        specs = [
            # name suffix, country, city, employees, sector, tags, kind, revenue
            ("Alpha Silk", "CN", "Hangzhou", 10, "apparel", ["vip"], "organization", "100.00"),
            ("Beta Cotton", "CN", "Suzhou", 50, None, [], "organization", "2500.00"),
            ("Gamma Wool", "IT", "Prato", 50, "textiles", ["vip", "eu"], "organization", None),
            ("Delta Linen", "DE", "Berlin", 200, "retail", ["eu"], "organization", "99.99"),
            ("Epsilon Dye", "CN", "Hangzhou", 5, None, [], "organization", None),
            ("Zeta Silk", "CN", "Shaoxing", 50, "apparel", [], "organization", "50000.00"),
            ("Eta Person", "CN", "Hangzhou", None, None, [], "person", None),
        ]
        cls.by_suffix = {}
        for suffix, country, city, employees, sector, tags, kind, revenue in specs:
            body = {"kind": kind, "name": cls.prefix + suffix,
                    "addresses": [{"label": "main", "line1": "1 Main St", "city": city,
                                   "country": country}],
                    "tags": tags}
            if employees is not None:  # organisations only
                body["employees"] = employees
            if sector is not None:
                body["sector"] = sector
            if revenue is not None:
                body["annual_revenue"] = {"amount": revenue, "currency": "CNY"}
            resp = post("/api/v1/customers", body, role="admin",
                        headers={"X-Allow-Duplicate": "true"})
            if resp.status != 201:
                raise AssertionError(f"fixture create failed: {resp!r}")
            cls.by_suffix[suffix] = resp.json
        cls.ids = {c["id"] for c in cls.by_suffix.values()}

    def ids_of(self, *suffixes):
        return {self.by_suffix[s]["id"] for s in suffixes}

    def scoped(self, *params):
        return self.set_of([("filter[name][starts-with]", self.prefix)] + list(params))

    def set_of(self, params):
        return set(c["id"] for c in self.list_all(params))

    def test_starts_with_scopes_exactly_the_batch(self):
        self.assertEqual(self.scoped(), self.ids)

    def test_eq_shorthand_and_explicit(self):
        cn = self.ids_of("Alpha Silk", "Beta Cotton", "Epsilon Dye", "Zeta Silk", "Eta Person")
        self.assertEqual(self.scoped(("filter[country]", "CN")), cn)
        self.assertEqual(self.scoped(("filter[country][eq]", "CN")), cn)
        self.assertEqual(self.scoped(("filter[kind]", "person")), self.ids_of("Eta Person"))

    def test_neq(self):
        self.assertEqual(self.scoped(("filter[country][neq]", "CN")),
                         self.ids_of("Gamma Wool", "Delta Linen"))

    def test_in(self):
        self.assertEqual(self.scoped(("filter[city][in]", "Prato,Berlin,Nowhere")),
                         self.ids_of("Gamma Wool", "Delta Linen"))

    def test_numeric_comparisons(self):
        self.assertEqual(self.scoped(("filter[employees][gt]", 50)),
                         self.ids_of("Delta Linen"))
        self.assertEqual(self.scoped(("filter[employees][gte]", 50)),
                         self.ids_of("Beta Cotton", "Gamma Wool", "Delta Linen", "Zeta Silk"))
        self.assertEqual(self.scoped(("filter[employees][lt]", 10)),
                         self.ids_of("Epsilon Dye"))
        self.assertEqual(self.scoped(("filter[employees][lte]", 10)),
                         self.ids_of("Alpha Silk", "Epsilon Dye"))
        # Ranges combine (AND).
        self.assertEqual(self.scoped(("filter[employees][gt]", 5),
                                     ("filter[employees][lt]", 200)),
                         self.ids_of("Alpha Silk", "Beta Cotton", "Gamma Wool", "Zeta Silk"))

    def test_money_comparison_on_annual_revenue(self):
        self.assertEqual(self.scoped(("filter[annual_revenue][gte]", "2500")),
                         self.ids_of("Beta Cotton", "Zeta Silk"))
        self.assertEqual(self.scoped(("filter[annual_revenue][lt]", "100.00")),
                         self.ids_of("Delta Linen"))

    def test_contains_and_starts_with(self):
        self.assertEqual(self.scoped(("filter[name][contains]", "Silk")),
                         self.ids_of("Alpha Silk", "Zeta Silk"))
        self.assertEqual(self.scoped(("filter[name][contains]", "silk")),
                         self.ids_of("Alpha Silk", "Zeta Silk"),
                         "contains is case-insensitive")
        self.assertEqual(self.set_of([("filter[name][starts-with]", self.prefix + "Gam")]),
                         self.ids_of("Gamma Wool"))

    def test_is_null(self):
        self.assertEqual(self.scoped(("filter[sector][is-null]", "true")),
                         self.ids_of("Beta Cotton", "Epsilon Dye", "Eta Person"))
        self.assertEqual(self.scoped(("filter[sector][is-null]", "false")),
                         self.ids_of("Alpha Silk", "Gamma Wool", "Delta Linen", "Zeta Silk"))
        self.assertEqual(self.scoped(("filter[annual_revenue][is-null]", "true")),
                         self.ids_of("Gamma Wool", "Epsilon Dye", "Eta Person"))
        self.assertEqual(self.scoped(("filter[employees][is-null]", "true")),
                         self.ids_of("Eta Person"))

    def test_tags_filter_matches_an_element(self):
        self.assertEqual(self.scoped(("filter[tags]", "eu")),
                         self.ids_of("Gamma Wool", "Delta Linen"))

    def test_created_at_range(self):
        alpha = self.by_suffix["Alpha Silk"]
        got = self.scoped(("filter[created_at][gte]", alpha["created_at"]))
        self.assertEqual(got, self.ids, "every batch record was created at/after the first")
        self.assertEqual(self.scoped(("filter[created_at][lt]", alpha["created_at"])), set())

    def test_id_filters(self):
        a, b = self.by_suffix["Alpha Silk"]["id"], self.by_suffix["Beta Cotton"]["id"]
        self.assertEqual(self.scoped(("filter[id]", a)), {a})
        self.assertEqual(self.scoped(("filter[id][in]", f"{a},{b}")), {a, b})

    def test_multi_field_sort(self):
        # Organisations only: they all have employees, so no null ordering question.
        orgs = {s: c for s, c in self.by_suffix.items() if c["kind"] == "organization"}
        scope = [("filter[name][starts-with]", self.prefix), ("filter[kind]", "organization")]
        rows = self.list_all(scope + [("sort", "-employees,name")])
        got = [r["name"][len(self.prefix):] for r in rows]
        want = [s for s, _ in sorted(((s, c["employees"]) for s, c in orgs.items()),
                                     key=lambda t: (-t[1], t[0]))]
        self.assertEqual(got, want)
        rows = self.list_all(scope + [("sort", "employees,-name")])
        got = [r["name"][len(self.prefix):] for r in rows]
        want = sorted(orgs, reverse=True)
        want.sort(key=lambda s: orgs[s]["employees"])  # stable: name desc kept
        self.assertEqual(got, want)

    def test_sort_across_small_pages(self):
        rows = self.list_all([("filter[name][starts-with]", self.prefix),
                              ("filter[kind]", "organization"),
                              ("sort", "employees,-name")], limit=2)
        got = [(r["employees"], r["name"]) for r in rows]
        want = sorted(got, key=lambda t: t[1], reverse=True)
        want.sort(key=lambda t: t[0])
        self.assertEqual(got, want)
        self.assertEqual(len(rows), len(self.ids) - 1)

    def test_total(self):
        resp = self.assertStatus(self.list_customers(
            [("filter[name][starts-with]", self.prefix), ("total", "true"), ("limit", 2)]), 200)
        self.assertEqual(resp.json.get("total"), len(self.ids))
        self.assertEqual(len(resp.json["data"]), 2)
        self.assertIsNotNone(resp.json["next_cursor"])
        resp = self.assertStatus(self.list_customers(
            [("filter[name][starts-with]", self.prefix), ("filter[country]", "CN"),
             ("total", "true")]), 200)
        self.assertEqual(resp.json.get("total"), 5)

    def test_last_page_has_null_next_cursor(self):
        resp = self.assertStatus(self.list_customers(
            [("filter[name][starts-with]", self.prefix), ("limit", 500)]), 200)
        self.assertIn("next_cursor", resp.json)
        self.assertIsNone(resp.json["next_cursor"])
        self.assertEqual(len(resp.json["data"]), len(self.ids))

    def test_q_searches_names(self):
        resp = self.assertStatus(self.list_customers(
            [("q", self.prefix.strip()), ("filter[name][contains]", "Wool")]), 200)
        self.assertEqual({c["id"] for c in resp.json["data"]}, self.ids_of("Gamma Wool"))

    def test_unknown_filter_field_or_op_is_400_naming_it(self):
        self.assertProblem(self.list_customers([("filter[shoe_colour]", "red")]), 400,
                           mention="shoe_colour")
        self.assertProblem(self.list_customers([("filter[name][resembles]", "x")]), 400,
                           mention="resembles")
        self.assertProblem(self.list_customers([("sort", "-shoe_colour")]), 400,
                           mention="shoe_colour")

    def test_limit_is_bounded(self):
        # limit is 1..500: out of range is refused (400), never more than 500 rows.
        self.assertProblem(self.list_customers([("limit", 0)]), 400)
        self.assertProblem(self.list_customers([("limit", 501)]), 400)
        self.assertProblem(self.list_customers([("limit", "ten")]), 400)
        resp = self.assertStatus(self.list_customers([("limit", 500)]), 200)
        self.assertLessEqual(len(resp.json["data"]), 500)

    def test_bad_cursor_is_400(self):
        self.assertProblem(self.list_customers([("cursor", "not-a-real-cursor!!")]), 400)


class CursorUnderConcurrentInsertsTest(ApiTestCase):
    """Keyset pages: no record lost or repeated while other threads insert rows."""

    PRE_EXISTING = 90
    PAGE = 7

    @classmethod
    def setUpClass(cls):
        cls.prefix = unique("Cur") + " "
        cls.pre_ids = []
        cls.inserted = []  # by every test of the class: all carry the prefix
        # Names interleave with the ones inserted during paging (same alphabet).
        for i in range(cls.PRE_EXISTING):
            resp = post("/api/v1/customers", {
                "kind": "organization", "name": f"{cls.prefix}{(i * 37) % 100:02d} pre {i}",
                "employees": i % 4}, role="admin")
            if resp.status != 201:
                raise AssertionError(f"fixture create failed: {resp!r}")
            cls.pre_ids.append(resp.json["id"])

    def page_while_inserting(self, sort: str | None):
        stop = threading.Event()
        inserted = self.inserted
        inserted_before = len(inserted)
        errors: list = []

        def writer(n: int):
            i = 0
            while not stop.is_set() and i < 200:
                r = post("/api/v1/customers", {
                    "kind": "organization",
                    "name": f"{self.prefix}{(i * 13 + n * 7) % 100:02d} new {n}-{i}",
                    "employees": i % 4}, role="admin")
                if r.status != 201:
                    errors.append(repr(r))
                    return
                inserted.append(r.json["id"])
                i += 1
                time.sleep(0.005)

        threads = [threading.Thread(target=writer, args=(n,)) for n in range(2)]
        for t in threads:
            t.start()
        seen: list = []
        try:
            params = [("filter[name][starts-with]", self.prefix), ("limit", self.PAGE)]
            if sort:
                params.append(("sort", sort))
            cursor = None
            pages = 0
            while True:
                p = params + ([("cursor", cursor)] if cursor else [])
                resp = self.assertStatus(self.list_customers(p), 200)
                self.assertLessEqual(len(resp.json["data"]), self.PAGE)
                seen.extend(c["id"] for c in resp.json["data"])
                cursor = resp.json.get("next_cursor")
                pages += 1
                if not cursor:
                    break
                self.assertLess(pages, 500, "pagination must end")
                time.sleep(0.01)  # give the writers time to land rows between pages
        finally:
            stop.set()
            for t in threads:
                t.join(timeout=60)
        self.assertEqual(errors, [], "concurrent inserts succeeded")
        self.assertGreater(len(inserted), inserted_before, "rows were inserted while paging")
        dupes = {i for i in seen if seen.count(i) > 1}
        self.assertEqual(dupes, set(), f"no record repeated across pages (sort={sort})")
        missing = set(self.pre_ids) - set(seen)
        self.assertEqual(missing, set(), f"every pre-existing record seen (sort={sort})")
        unknown = set(seen) - set(self.pre_ids) - set(inserted)
        self.assertEqual(unknown, set(), "only batch records are listed")

    def test_default_order(self):
        self.page_while_inserting(None)

    def test_sort_by_name(self):
        self.page_while_inserting("name")

    def test_sort_by_employees_desc_then_name(self):
        self.page_while_inserting("-employees,-name")

    def test_sort_by_created_at_desc(self):
        self.page_while_inserting("-created_at")


class PatchEtagTest(ApiTestCase):
    def setUp(self):
        self.c = self.create_customer({"kind": "organization", "name": unique("Patch "),
                                       "sector": "apparel", "tags": ["a", "b"],
                                       "emails": ["first@example.com"]})
        self.etag = self.get_customer(self.c["id"]).etag

    def test_fresh_etag_updates_and_returns_new_etag(self):
        resp = patch(cpath(self.c["id"]), {"sector": "textiles", "tags": ["c"]},
                     role="admin", headers={"If-Match": self.etag})
        self.assertStatus(resp, 200)
        self.assertEqual(resp.json["sector"], "textiles")
        self.assertEqual(resp.json["tags"], ["c"], "arrays are replaced whole")
        self.assertEqual(resp.json["name"], self.c["name"], "untouched fields stay")
        self.assertEqual(len(resp.json["emails"]), 1)
        self.assertTrue(resp.etag)
        self.assertNotEqual(resp.etag, self.etag, "a new ETag after an update")
        self.assertEqual(strip_quotes(resp.etag), str(resp.json["version"]))
        got = self.get_customer(self.c["id"])
        self.assertEqual(got.json["sector"], "textiles")
        self.assertEqual(got.etag, resp.etag)

    def test_merge_patch_null_removes_a_field(self):
        resp = patch(cpath(self.c["id"]), {"sector": None}, role="admin",
                     headers={"If-Match": self.etag})
        self.assertStatus(resp, 200)
        self.assertIsNone(resp.json.get("sector"))

    def test_stale_etag_is_412_and_writes_nothing(self):
        first = patch(cpath(self.c["id"]), {"sector": "one"}, role="admin",
                      headers={"If-Match": self.etag})
        self.assertStatus(first, 200)
        before = self.write_marks()
        stale = patch(cpath(self.c["id"]), {"sector": "two"}, role="admin",
                      headers={"If-Match": self.etag})
        self.assertProblem(stale, 412)
        self.assertNothingWritten(before, "(412)")
        self.assertEqual(self.get_customer(self.c["id"]).json["sector"], "one",
                         "the stale update is not applied")

    def test_missing_if_match_is_428(self):
        before = self.write_marks()
        self.assertProblem(patch(cpath(self.c["id"]), {"sector": "x"}, role="admin"), 428)
        self.assertNothingWritten(before, "(428)")

    def test_invalid_patch_is_422_and_writes_nothing(self):
        before = self.write_marks()
        self.assertProblem(patch(cpath(self.c["id"]), {"emails": ["nope"]}, role="admin",
                                 headers={"If-Match": self.etag}), 422, field="emails[0]")
        self.assertProblem(patch(cpath(self.c["id"]), {"bogus_field": 1}, role="admin",
                                 headers={"If-Match": self.etag}), 422, field="bogus_field")
        self.assertProblem(patch(cpath(self.c["id"]), {"kind": "robot"}, role="admin",
                                 headers={"If-Match": self.etag}), 422, field="kind")
        self.assertNothingWritten(before, "(invalid PATCH)")

    def test_patch_unknown_customer_is_404(self):
        self.assertProblem(patch(cpath("999999999"), {"sector": "x"}, role="admin",
                                 headers={"If-Match": '"1"'}), 404)


class ArchiveRestoreTest(ApiTestCase):
    def test_archive_then_restore(self):
        prefix = unique("Arch") + " "
        c = self.create_customer({"kind": "person", "name": prefix + "Archived One"})
        keep = self.create_customer({"kind": "person", "name": prefix + "Kept One"})
        scope = ("filter[name][starts-with]", prefix)

        resp = self.assertStatus(delete(cpath(c["id"]), role="admin"), 200)
        self.assertEqual(resp.json["status"], "archived")
        self.assertTrue(resp.json.get("archived_at"), "archived_at is set")

        self.assertEqual(set(self.list_ids([scope])), {keep["id"]},
                         "archived customers are excluded from the default list")
        self.assertEqual(set(self.list_ids([scope, ("filter[status]", "archived")])),
                         {c["id"]}, "filter[status]=archived finds them")
        got = self.assertStatus(self.get_customer(c["id"]), 200)
        self.assertEqual(got.json["status"], "archived")

        resp = self.assertStatus(post(cpath(c["id"]) + "/restore", None, role="admin"), 200)
        self.assertEqual(resp.json["status"], "active")
        self.assertIsNone(resp.json.get("archived_at"))
        self.assertEqual(set(self.list_ids([scope])), {keep["id"], c["id"]})

    def test_archive_unknown_is_404(self):
        self.assertProblem(delete(cpath("999999999"), role="admin"), 404)


class IdempotencyTest(ApiTestCase):
    def test_same_key_same_body_replays_one_record(self):
        key = str(uuid.uuid4())
        body = {"kind": "person", "name": unique("Idem ")}
        first = post("/api/v1/customers", body, role="admin",
                     headers={"Idempotency-Key": key})
        self.assertStatus(first, 201)
        before = self.write_marks()
        second = post("/api/v1/customers", body, role="admin",
                      headers={"Idempotency-Key": key})
        self.assertEqual(second.status, first.status, f"same response: {second!r}")
        self.assertEqual(second.json, first.json, "same response body")
        self.assertEqual(second.header("Location"), first.header("Location"))
        self.assertNothingWritten(before, "(idempotent replay)")
        ids = self.list_ids([("filter[name]", body["name"])])
        self.assertEqual(ids, [first.json["id"]], "exactly one record")

    def test_same_key_different_body_is_rejected(self):
        key = str(uuid.uuid4())
        name = unique("Idem2 ")
        first = post("/api/v1/customers", {"kind": "person", "name": name}, role="admin",
                     headers={"Idempotency-Key": key})
        self.assertStatus(first, 201)
        before = self.write_marks()
        other = post("/api/v1/customers", {"kind": "person", "name": name + " changed"},
                     role="admin", headers={"Idempotency-Key": key})
        self.assertProblem(other, (422, 409))
        self.assertNothingWritten(before, "(idempotency key reuse)")
        self.assertEqual(self.list_ids([("filter[name]", name + " changed")]), [])

    def test_different_keys_create_two_records(self):
        body = {"kind": "person", "name": unique("Idem3 ")}
        for _ in range(2):
            self.assertStatus(post("/api/v1/customers", body, role="admin",
                                   headers={"Idempotency-Key": str(uuid.uuid4())}), 201)
        self.assertEqual(len(self.list_ids([("filter[name]", body["name"])])), 2)
