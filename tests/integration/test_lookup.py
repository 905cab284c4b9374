"""One-step lookup: phone in any formatting, email in any case, serial, external id, names."""

from __future__ import annotations

from support import ApiTestCase, delete, get, post, query, quote_id, unique


class LookupTest(ApiTestCase):
    @classmethod
    def setUpClass(cls):
        cls.tag = unique("lk")
        cls.serial = "SN-" + cls.tag.upper() + "-0042"
        cls.erp = "ERP-" + cls.tag.upper()
        bodies = {
            "phone": {"kind": "person", "name": "Wang Fang " + cls.tag,
                      "phones": ["+86 571-8888 1234"]},
            "email": {"kind": "person", "name": "Li Wei " + cls.tag,
                      "emails": [f"Li.Wei.{cls.tag}@Example.COM"]},
            "serial": {"kind": "person", "name": "Chen Jie " + cls.tag,
                       "serials": [{"serial": cls.serial, "product": "Sewing machine S9"}]},
            "external": {"kind": "organization", "name": "Ningbo Buttons " + cls.tag,
                         "external_ids": [{"system": "erp", "value": cls.erp}]},
            "prefix": {"kind": "organization", "name": "Zhangjiagang Knitwear " + cls.tag},
            "chinese": {"kind": "organization", "name": "杭州丝绸有限公司"},
            "accent": {"kind": "person", "name": "José Álvarez Núñez"},
        }
        cls.ids = {}
        for key, body in bodies.items():
            resp = post("/api/v1/customers", body, role="admin")
            if resp.status != 201:
                raise AssertionError(f"fixture create failed: {resp!r}")
            cls.ids[key] = resp.json["id"]

    def lookup(self, q: str, role: str = "admin") -> list[dict]:
        resp = self.assertStatus(get("/api/v1/lookup?" + query({"q": q}), role=role), 200)
        data = resp.json.get("data")
        self.assertIsInstance(data, list, repr(resp))
        for hit in data:
            for key in ("id", "name", "kind", "status", "matched_by"):
                self.assertIn(key, hit, f"lookup hit has '{key}': {hit}")
        return data

    def assertFindsAll(self, key: str, matched_by: str, *queries: str):
        for q in queries:
            with self.subTest(q=q):
                self.assertFinds(q, key, matched_by)

    def assertFinds(self, q: str, key: str, matched_by: str | None = None):
        hits = self.lookup(q)
        mine = [h for h in hits if h["id"] == self.ids[key]]
        self.assertTrue(mine, f"lookup {q!r} finds the {key} customer; got {hits}")
        if matched_by:
            self.assertEqual(mine[0]["matched_by"], matched_by, f"lookup {q!r}: {mine[0]}")
        return mine[0]

    def test_phone_as_stored(self):
        self.assertFinds("+86 571-8888 1234", "phone", "phone")

    def test_phone_with_spaces_without_country_code(self):
        self.assertFinds("571 8888 1234", "phone", "phone")

    def test_phone_with_0086_prefix(self):
        self.assertFinds("0086 571 88881234", "phone", "phone")

    def test_phone_digits_only_and_dashes(self):
        self.assertFindsAll("phone", "phone", "+8657188881234", "571-8888-1234")

    def test_other_phone_does_not_match(self):
        hits = self.lookup("571 8888 9999")
        self.assertNotIn(self.ids["phone"], [h["id"] for h in hits])

    def test_email_in_another_case(self):
        hit = self.assertFinds(f"li.wei.{self.tag}@example.com", "email", "email")
        self.assertTrue(hit.get("matched_value"))
        self.assertFinds(f"LI.WEI.{self.tag.upper()}@EXAMPLE.COM", "email", "email")

    def test_serial(self):
        self.assertFinds(self.serial, "serial", "serial")

    def test_external_id(self):
        self.assertFinds(self.erp, "external", "external_id")

    def test_name_prefix(self):
        self.assertFindsAll("prefix", "name", "Zhangjia", "zhangjiagang knit")

    def test_chinese_name_part(self):
        self.assertFindsAll("chinese", "name", "杭州", "丝绸", "杭州丝绸", "有限公司",
                            "杭州丝绸有限公司")

    def test_accent_and_case_insensitive(self):
        self.assertFindsAll("accent", "name", "jose", "JOSÉ", "alvarez", "nunez")

    def test_no_match_is_empty_list(self):
        self.assertEqual(self.lookup("qqzzxxyy" + self.tag), [])

    def test_archived_customer_still_found_with_status(self):
        c = post("/api/v1/customers", {"kind": "person", "name": "Archived Lookup " + self.tag,
                                       "phones": ["+86 21 5555 0" + str(len(self.tag))]},
                 role="admin")
        self.assertStatus(c, 201)
        self.assertStatus(delete(f"/api/v1/customers/{quote_id(c.json['id'])}",
                                 role="admin"), 200)
        hits = [h for h in self.lookup("Archived Lookup " + self.tag) if h["id"] == c.json["id"]]
        if hits:  # a lookup may hide archived customers; if it shows one it says so
            self.assertEqual(hits[0]["status"], "archived")

    def test_lookup_requires_auth(self):
        self.assertProblem(get("/api/v1/lookup?q=jose"), 401)
