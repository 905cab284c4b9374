"""Sessions, logout, API tokens, login throttling, users."""

from __future__ import annotations

from support import STATE, ApiTestCase, delete, get, login, post, unique


def creds(name: str) -> tuple[str, str]:
    email = STATE.emails[name]
    return email, STATE.passwords[email]


class SessionTest(ApiTestCase):
    def test_login_returns_token_and_user(self):
        email, password = creds("analyst")
        resp = self.assertStatus(login(email, password), 201)
        body = resp.json
        self.assertTrue(body.get("token"))
        self.assertTrue(body.get("expires_at"))
        user = body.get("user") or {}
        self.assertEqual(user.get("email"), email)
        self.assertEqual(user.get("role"), "analyst")
        self.assertIn("id", user)
        self.assertIn("customer_id", user)
        self.assertNotIn("password", user)
        self.assertNotIn("password_hash", user)
        me = self.assertStatus(get("/api/v1/me", token=body["token"]), 200)
        self.assertEqual(me.json.get("email"), email)
        self.assertEqual(me.json.get("role"), "analyst")

    def test_wrong_password_is_401_problem(self):
        email, _ = creds("wrongpw")
        self.assertProblem(login(email, "not-the-password"), 401)

    def test_unknown_email_is_401(self):
        self.assertProblem(login(unique("nobody") + "@itest.example.com", "whatever-123"), 401)

    def test_missing_credentials_is_4xx(self):
        self.assertProblem(post("/api/v1/sessions", {"email": STATE.emails["admin"]}),
                           (400, 422))

    def test_no_token_or_bad_token_is_401(self):
        self.assertProblem(get("/api/v1/customers"), 401)
        self.assertProblem(get("/api/v1/me", token="not-a-real-token"), 401)
        self.assertProblem(get("/api/v1/me", headers={"Authorization": "Basic Zm9vOmJhcg=="}),
                           401)

    def test_portal_user_is_linked_to_its_customer(self):
        me = self.assertStatus(get("/api/v1/me", role="customer"), 200)
        self.assertEqual(me.json.get("role"), "customer")
        self.assertEqual(str(me.json.get("customer_id")), str(STATE.portal_customer_id))

    def test_logout_revokes_the_token(self):
        email, password = creds("logout")
        token = self.assertStatus(login(email, password), 201).json["token"]
        other = self.assertStatus(login(email, password), 201).json["token"]
        self.assertStatus(get("/api/v1/me", token=token), 200)
        self.assertStatus(delete("/api/v1/sessions/current", token=token), 204)
        self.assertProblem(get("/api/v1/me", token=token), 401)
        self.assertProblem(get("/api/v1/customers", token=token), 401)
        self.assertStatus(get("/api/v1/me", token=other), 200)  # only that session ends


class ApiTokenTest(ApiTestCase):
    def test_admin_creates_a_long_lived_token(self):
        resp = self.assertStatus(post("/api/v1/tokens", {"name": unique("erp-sync "),
                                                         "expires_in_days": 30},
                                      role="admin"), 201)
        body = resp.json
        for key in ("token", "id", "name", "expires_at"):
            self.assertIn(key, body)
        me = self.assertStatus(get("/api/v1/me", token=body["token"]), 200)
        self.assertEqual(me.json.get("role"), "admin")
        self.assertStatus(get("/api/v1/customers?limit=1", token=body["token"]), 200)

    def test_only_admin_creates_tokens(self):
        for role in ("manager", "sales", "agent", "analyst", "customer"):
            self.assertProblem(post("/api/v1/tokens", {"name": "x", "expires_in_days": 1},
                                    role=role), 403)


class UsersTest(ApiTestCase):
    def test_admin_lists_and_creates_users(self):
        resp = self.assertStatus(get("/api/v1/users", role="admin"), 200)
        emails = [u.get("email") for u in resp.json["data"]]
        self.assertIn(STATE.emails["agent"], emails)
        for u in resp.json["data"]:
            self.assertNotIn("password", u)
            self.assertNotIn("password_hash", u)
        email = unique("new") + "@itest.example.com"
        created = self.assertStatus(post("/api/v1/users", {
            "email": email, "password": "Another-Passw0rd!", "name": "New Sales",
            "role": "sales"}, role="admin"), 201)
        self.assertEqual(created.json.get("role"), "sales")
        self.assertNotIn("password", created.json)
        self.assertStatus(login(email, "Another-Passw0rd!"), 201)

    def test_create_user_validation(self):
        self.assertProblem(post("/api/v1/users", {
            "email": unique("bad") + "@itest.example.com", "password": "Another-Passw0rd!",
            "name": "X", "role": "overlord"}, role="admin"), 422, field="role")
        self.assertProblem(post("/api/v1/users", {
            "email": STATE.emails["agent"], "password": "Another-Passw0rd!",
            "name": "Dup", "role": "agent"}, role="admin"), (409, 422))


class ThrottleTest(ApiTestCase):
    """Runs in its own class on its own email so no other login is affected."""

    def test_repeated_failures_are_throttled(self):
        email, password = creds("throttle")
        statuses = []
        throttled = None
        for _ in range(10):
            resp = login(email, "wrong-password")
            statuses.append(resp.status)
            if resp.status == 429:
                throttled = resp
                break
            self.assertProblem(resp, 401)
        self.assertIsNotNone(throttled, f"no 429 after repeated failures: {statuses}")
        self.assertGreaterEqual(len(statuses), 2, "the first failure is a plain 401")
        self.assertLessEqual(len(statuses), 7, f"429 by the 7th attempt: {statuses}")
        self.assertProblem(throttled, 429)
        retry_after = throttled.header("Retry-After")
        self.assertTrue(retry_after and retry_after.strip().isdigit(),
                        f"429 carries Retry-After seconds: {retry_after!r}")
        # While throttled even the right password is refused...
        self.assertProblem(login(email, password), 429)
        # ...but only for that email.
        n_email, n_password = creds("neighbour")
        self.assertStatus(login(n_email, n_password), 201)
