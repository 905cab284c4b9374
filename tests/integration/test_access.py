"""Who may do what: the permission matrix walk, the portal user's scope, sensitive fields."""

from __future__ import annotations

from support import (ROLES, STATE, ApiTestCase, Response, delete, get, patch, post, query,
                     quote_id, request, unique)

ALLOW = "allow"  # any 2xx
FORBID = 403
HIDDEN = 404
# A portal user writing to another customer: 404 (hidden) or 403 (portal users write no
# customers at all, so the 403 reveals nothing); PortalScopeTest checks that the answer
# is the same for an existing and a missing record.
PORTAL_WRITE_OTHER = (FORBID, HIDDEN)
EITHER = None  # the contract does not say: only "no 5xx, and 2xx/403/404"


def cpath(cid) -> str:
    return f"/api/v1/customers/{quote_id(cid)}"


def admin_create(body: dict) -> dict:
    resp = post("/api/v1/customers", body, role="admin")
    if resp.status != 201:
        raise AssertionError(f"fixture create failed: {resp!r}")
    return resp.json


def fresh_customer(owner_role: str | None = None) -> dict:
    body = {"kind": "organization", "name": unique("Mx ")}
    if owner_role:
        body["owner_id"] = STATE.users[owner_role]["id"]
    return admin_create(body)


def etag_of(cid) -> str:
    return get(cpath(cid), role="admin").etag or '"0"'


# Each route: (label, is_write, call, {role: expectation}). `call(role)` makes the
# request under test. A call marked @prepared first makes what it needs as admin (a
# fresh target, its current ETag) and returns a function that makes the one request
# under test; so every cell is independent of the others and "nothing written" is
# measured around that request alone.

def prepared(fn):
    fn.prepared = True
    return fn


def _patch_customer(owner_role):
    @prepared
    def call(role):
        c = fresh_customer(owner_role)
        etag = etag_of(c["id"])
        return lambda: patch(cpath(c["id"]), {"notes": "matrix " + role}, role=role,
                             headers={"If-Match": etag})
    return call


def _archive_customer(owner_role):
    @prepared
    def call(role):
        c = fresh_customer(owner_role)
        return lambda: delete(cpath(c["id"]), role=role)
    return call


@prepared
def _restore_customer(role):
    c = fresh_customer()
    delete(cpath(c["id"]), role="admin")
    return lambda: post(cpath(c["id"]) + "/restore", None, role=role)


@prepared
def _patch_own(role):
    etag = etag_of(_own())
    return lambda: patch(cpath(_own()), {"notes": "portal matrix " + role}, role=role,
                         headers={"If-Match": etag})


def _new_user(role):
    return post("/api/v1/users", {"email": unique("mx") + "@itest.example.com",
                                  "password": "Matrix-Passw0rd!", "name": "Matrix",
                                  "role": "agent"}, role=role)


def _new_custom_field(role):
    return post("/api/v1/custom-fields", {"entity": "customer",
                                          "key": "mx_" + unique("").lower(), "label": "Mx",
                                          "type": "text", "required": False}, role=role)


def _other():
    return STATE.other_customer_id


def _own():
    return STATE.portal_customer_id


def routes():
    o = cpath(_other())
    a = cpath(_own())
    every = {r: ALLOW for r in ROLES}
    staff_only = {"admin": ALLOW, "manager": ALLOW, "sales": ALLOW, "agent": ALLOW,
                  "analyst": ALLOW, "customer": HIDDEN}
    admin_only = {"admin": ALLOW, "manager": FORBID, "sales": FORBID, "agent": FORBID,
                  "analyst": FORBID, "customer": FORBID}
    return [
        ("GET /me", False, lambda r: get("/api/v1/me", role=r), every),
        ("GET /customers", False, lambda r: get("/api/v1/customers?limit=5", role=r), every),
        ("GET /customers/{own}", False, lambda r: get(a, role=r), every),
        ("GET /customers/{other}", False, lambda r: get(o, role=r), staff_only),
        ("GET /customers/{own}/360", False, lambda r: get(a + "/360", role=r), every),
        ("GET /customers/{other}/360", False, lambda r: get(o + "/360", role=r), staff_only),
        ("GET /customers/{other}/history", False, lambda r: get(o + "/history", role=r),
         staff_only),
        ("GET /customers/{other}/contacts", False, lambda r: get(o + "/contacts", role=r),
         staff_only),
        ("POST /customers", True,
         lambda r: post("/api/v1/customers", {"kind": "person", "name": unique("MxNew ")},
                        role=r),
         {"admin": ALLOW, "manager": ALLOW, "sales": ALLOW, "agent": FORBID,
          "analyst": FORBID, "customer": FORBID}),
        ("PATCH /customers/{owned by sales}", True, _patch_customer("sales"),
         {"admin": ALLOW, "manager": ALLOW, "sales": ALLOW, "agent": FORBID,
          "analyst": FORBID, "customer": PORTAL_WRITE_OTHER}),
        ("PATCH /customers/{owned by admin}", True, _patch_customer("admin"),
         {"admin": ALLOW, "manager": ALLOW, "sales": FORBID, "agent": FORBID,
          "analyst": FORBID, "customer": PORTAL_WRITE_OTHER}),
        ("PATCH /customers/{own portal customer}", True,
         _patch_own,
         {"admin": ALLOW, "manager": ALLOW, "sales": EITHER, "agent": FORBID,
          "analyst": FORBID, "customer": FORBID}),
        ("DELETE /customers/{owned by admin}", True, _archive_customer("admin"),
         {"admin": ALLOW, "manager": ALLOW, "sales": FORBID, "agent": FORBID,
          "analyst": FORBID, "customer": PORTAL_WRITE_OTHER}),
        ("DELETE /customers/{owned by sales}", True, _archive_customer("sales"),
         {"admin": ALLOW, "manager": ALLOW, "sales": EITHER, "agent": FORBID,
          "analyst": FORBID, "customer": PORTAL_WRITE_OTHER}),
        ("POST /customers/{id}/restore", True, _restore_customer,
         {"admin": ALLOW, "manager": ALLOW, "sales": FORBID, "agent": FORBID,
          "analyst": FORBID, "customer": PORTAL_WRITE_OTHER}),
        ("POST /customers/{other}/contacts", True,
         lambda r: post(o + "/contacts", {"name": unique("Mx Contact ")}, role=r),
         {"admin": ALLOW, "manager": ALLOW, "sales": EITHER, "agent": FORBID,
          "analyst": FORBID, "customer": PORTAL_WRITE_OTHER}),
        ("GET /interactions", False, lambda r: get("/api/v1/interactions?limit=5", role=r),
         {"admin": ALLOW, "manager": ALLOW, "sales": ALLOW, "agent": ALLOW,
          "analyst": EITHER, "customer": EITHER}),
        ("POST /interactions", True,
         lambda r: post("/api/v1/interactions", {
             "customer_id": _other(), "type": "call", "direction": "inbound",
             "channel": "phone", "occurred_at": "2024-05-01T10:00:00Z",
             "subject": "matrix " + r}, role=r),
         {"admin": ALLOW, "manager": ALLOW, "sales": EITHER, "agent": ALLOW,
          "analyst": FORBID, "customer": (FORBID, HIDDEN)}),
        ("GET /purchases", False, lambda r: get("/api/v1/purchases?limit=5", role=r),
         {"admin": ALLOW, "manager": ALLOW, "sales": EITHER, "agent": EITHER,
          "analyst": ALLOW, "customer": EITHER}),
        ("POST /purchases", True,
         lambda r: post("/api/v1/purchases", {
             "customer_id": _other(), "occurred_at": "2024-05-01T10:00:00Z", "sku": "MX-1",
             "product": "Matrix shirt", "quantity": 1,
             "revenue": {"amount": "10.00", "currency": "CNY"},
             "cost": {"amount": "4.00", "currency": "CNY"}}, role=r),
         {"admin": ALLOW, "manager": EITHER, "sales": EITHER, "agent": FORBID,
          "analyst": FORBID, "customer": (FORBID, HIDDEN)}),
        ("GET /custom-fields", False, lambda r: get("/api/v1/custom-fields", role=r),
         {"admin": ALLOW, "manager": ALLOW, "sales": EITHER, "agent": EITHER,
          "analyst": EITHER, "customer": EITHER}),
        ("POST /custom-fields", True, _new_custom_field, admin_only),
        ("GET /users", False, lambda r: get("/api/v1/users", role=r), admin_only),
        ("POST /users", True, _new_user, admin_only),
        ("POST /tokens", True,
         lambda r: post("/api/v1/tokens", {"name": "mx", "expires_in_days": 1}, role=r),
         admin_only),
        ("GET /audit", False, lambda r: get("/api/v1/audit?limit=1", role=r),
         {"admin": ALLOW, "manager": ALLOW, "sales": FORBID, "agent": FORBID,
          "analyst": FORBID, "customer": FORBID}),
        ("GET /lookup", False, lambda r: get("/api/v1/lookup?q=Textiles", role=r),
         {"admin": ALLOW, "manager": ALLOW, "sales": ALLOW, "agent": ALLOW,
          "analyst": ALLOW, "customer": EITHER}),
    ]


class PermissionMatrixTest(ApiTestCase):
    """Walk every role × route; a denied write must leave no trace."""

    def check_cell(self, role: str, label: str, is_write: bool, call, expected):
        act = call(role) if getattr(call, "prepared", False) else (lambda: call(role))
        before = self.write_marks() if is_write and expected not in (ALLOW,) else None
        resp: Response = act()
        self.assertLess(resp.status, 500, f"{role} {label}: no server error: {resp!r}")
        if expected == ALLOW:
            self.assertTrue(200 <= resp.status < 300, f"{role} {label}: allowed: {resp!r}")
        elif expected is EITHER:
            self.assertTrue(200 <= resp.status < 300 or resp.status in (403, 404),
                            f"{role} {label}: {resp!r}")
        else:
            wanted = expected if isinstance(expected, tuple) else (expected,)
            self.assertProblem(resp, wanted)
            if before is not None:
                self.assertNothingWritten(before, f"({role} {label} was denied)")

    def walk(self, role: str):
        for label, is_write, call, table in routes():
            with self.subTest(role=role, route=label):
                self.check_cell(role, label, is_write, call, table[role])

    def test_admin(self):
        self.walk("admin")

    def test_manager(self):
        self.walk("manager")

    def test_sales(self):
        self.walk("sales")

    def test_agent(self):
        self.walk("agent")

    def test_analyst(self):
        self.walk("analyst")

    def test_customer_portal(self):
        self.walk("customer")

    def test_every_route_has_every_role(self):
        for label, _, _, table in routes():
            self.assertEqual(set(table), set(ROLES), label)


class PortalScopeTest(ApiTestCase):
    def test_portal_reads_only_its_own_customer(self):
        a, b = STATE.portal_customer_id, STATE.other_customer_id
        self.assertProblem(get(cpath(b), role="customer"), 404)
        got = self.assertStatus(get(cpath(a), role="customer"), 200)
        self.assertEqual(got.json["id"], a)
        listed = self.list_all({}, role="customer")
        self.assertEqual([c["id"] for c in listed], [a], "the list holds only its customer")
        resp = self.assertStatus(self.list_customers([("filter[id]", b), ("total", "true")],
                                                     role="customer"), 200)
        self.assertEqual(resp.json["data"], [])
        self.assertEqual(resp.json.get("total"), 0)
        self.assertProblem(get(cpath(b) + "/360", role="customer"), 404)
        self.assertProblem(get(cpath(b) + "/history", role="customer"), 404)
        self.assertProblem(get("/api/v1/users", role="customer"), 403)
        self.assertProblem(get("/api/v1/audit", role="customer"), 403)

    def test_portal_writes_do_not_reveal_existence(self):
        for method, suffix, body in (("PATCH", "", {"notes": "x"}), ("DELETE", "", None),
                                     ("POST", "/restore", None),
                                     ("POST", "/contacts", {"name": "X"})):
            with self.subTest(route=f"{method} {suffix}"):
                hdr = {"If-Match": '"1"'} if method == "PATCH" else None
                other = request(method, cpath(STATE.other_customer_id) + suffix, body=body,
                                role="customer", headers=hdr)
                missing = request(method, cpath("999999999") + suffix, body=body,
                                  role="customer", headers=hdr)
                self.assertProblem(other, (403, 404))
                self.assertEqual(other.status, missing.status,
                                 "the same answer for another customer and a missing one")

    def test_portal_404_looks_like_a_missing_record(self):
        hidden = get(cpath(STATE.other_customer_id), role="customer")
        missing = get(cpath("999999999"), role="customer")
        self.assertEqual(hidden.status, 404)
        self.assertEqual(missing.status, 404)
        self.assertEqual(hidden.json.get("title"), missing.json.get("title"))

    def test_portal_lookup_and_activity_never_show_others(self):
        other = STATE.other_customer_id
        resp = get("/api/v1/lookup?" + query({"q": "Other Customer B"}), role="customer")
        if resp.status == 200:
            self.assertNotIn(other, [h["id"] for h in resp.json["data"]])
        else:
            self.assertProblem(resp, (403, 404))
        admin_post = post("/api/v1/interactions", {
            "customer_id": other, "type": "note", "direction": "outbound", "channel": "web",
            "occurred_at": "2024-05-02T10:00:00Z", "subject": "for B only"}, role="admin")
        self.assertStatus(admin_post, 201)
        for path in ("/api/v1/interactions", "/api/v1/purchases"):
            resp = get(path + "?limit=500", role="customer")
            if resp.status == 200:
                self.assertTrue(all(str(x["customer_id"]) == str(STATE.portal_customer_id)
                                    for x in resp.json["data"]), f"{path}: {resp!r}")
            else:
                self.assertProblem(resp, (403, 404))
        resp = get("/api/v1/interactions?" + query({"filter[customer_id]": other}),
                   role="customer")
        if resp.status == 200:
            self.assertEqual(resp.json["data"], [])


class SalesOwnRecordsTest(ApiTestCase):
    def test_sales_updates_only_its_own_customers(self):
        mine = fresh_customer("sales")
        self.assertEqual(str(mine.get("owner_id")), str(STATE.users["sales"]["id"]))
        resp = patch(cpath(mine["id"]), {"sector": "retail"}, role="sales",
                     headers={"If-Match": etag_of(mine["id"])})
        self.assertStatus(resp, 200)
        theirs = fresh_customer("admin")
        self.assertStatus(get(cpath(theirs["id"]), role="sales"), 200)  # reads all
        before = self.write_marks()
        resp = patch(cpath(theirs["id"]), {"sector": "retail"}, role="sales",
                     headers={"If-Match": etag_of(theirs["id"])})
        self.assertProblem(resp, 403)
        self.assertNothingWritten(before, "(sales PATCH of another's customer)")
        self.assertIsNone(get(cpath(theirs["id"]), role="admin").json.get("sector"))


SENSITIVE = ("birth_date", "income_band", "measurements")


class SensitiveFieldsTest(ApiTestCase):
    @classmethod
    def setUpClass(cls):
        cls.c = admin_create({"kind": "person", "name": unique("Sens "),
                              "birth_date": "1985-07-14", "gender": "female",
                              "income_band": "high",
                              "measurements": {"chest_cm": 92.5, "waist_cm": 71,
                                               "height_cm": 168}})

    def visible(self, role: str, record: dict) -> set:
        return {k for k in SENSITIVE if k in record}

    def expected(self, role: str) -> set:
        if role == "agent":
            return set()
        if role == "analyst":
            return {"birth_date", "income_band"}
        return set(SENSITIVE)

    def test_admin_sees_them_with_values(self):
        got = self.assertStatus(get(cpath(self.c["id"]), role="admin"), 200).json
        self.assertEqual(got["birth_date"], "1985-07-14")
        self.assertEqual(got["income_band"], "high")
        self.assertEqual(got["measurements"], {"chest_cm": 92.5, "waist_cm": 71,
                                               "height_cm": 168})

    def test_each_role_on_get_list_and_360(self):
        for role in ("admin", "manager", "sales", "agent", "analyst"):
            with self.subTest(role=role):
                want = self.expected(role)
                got = self.assertStatus(get(cpath(self.c["id"]), role=role), 200).json
                self.assertEqual(self.visible(role, got), want, f"GET as {role}")
                rows = self.list_all([("filter[id]", self.c["id"])], role=role)
                self.assertEqual(len(rows), 1)
                self.assertEqual(self.visible(role, rows[0]), want, f"list as {role}")
                v = self.assertStatus(get(cpath(self.c["id"]) + "/360", role=role), 200).json
                self.assertEqual(self.visible(role, v["customer"]), want, f"360 as {role}")

    def test_agent_cannot_probe_hidden_fields_with_filters(self):
        # Filtering on a hidden field would leak its value: the server may refuse the
        # filter (400/403) but must never select by the hidden value for that role.
        answers = {}
        for field, value in (("birth_date", "1985-07-14"), ("birth_date", "2001-01-01")):
            resp = get("/api/v1/customers?" + query({"filter[id]": self.c["id"],
                                                     f"filter[{field}]": value}),
                       role="agent")
            self.assertIn(resp.status, (200, 400, 403), repr(resp))
            answers[value] = (resp.status, [c["id"] for c in (resp.json or {}).get("data", [])]
                              if resp.status == 200 else None)
        self.assertEqual(answers["1985-07-14"], answers["2001-01-01"],
                         "the right and the wrong birth date answer the same for an agent")


class UnauthenticatedTest(ApiTestCase):
    def test_unauthenticated_requests_are_401_everywhere(self):
        for method, path in (("GET", "/api/v1/customers"), ("POST", "/api/v1/customers"),
                             ("GET", cpath(STATE.other_customer_id)),
                             ("GET", "/api/v1/audit"), ("GET", "/api/v1/users"),
                             ("GET", "/api/v1/lookup?q=x"), ("GET", "/api/v1/interactions"),
                             ("GET", "/api/v1/purchases"), ("GET", "/api/v1/custom-fields")):
            with self.subTest(route=f"{method} {path}"):
                resp = request(method, path, body={} if method == "POST" else None)
                self.assertProblem(resp, 401)
