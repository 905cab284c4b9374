"""Change log: a customer's history and the audit log."""

from __future__ import annotations

from support import ApiTestCase, STATE, delete, get, patch, post, query, quote_id, unique


class HistoryTest(ApiTestCase):
    def test_history_shows_create_then_update_with_before_after(self):
        c = self.create_customer({"kind": "organization", "name": unique("Hist "),
                                  "sector": "apparel"})
        path = f"/api/v1/customers/{quote_id(c['id'])}"
        etag = self.get_customer(c["id"]).etag
        self.assertStatus(patch(path, {"sector": "textiles"}, role="admin",
                                headers={"If-Match": etag}), 200)

        resp = self.assertStatus(get(path + "/history", role="admin"), 200)
        data = resp.json["data"]
        self.assertIn("next_cursor", resp.json)
        self.assertEqual(len(data), 2, f"one create and one update: {data}")
        update, create = data  # newest first
        self.assertGreater(update["seq"], create["seq"], "newest first")
        for e in data:
            for key in ("seq", "at", "actor", "entity", "entity_id", "op", "changes"):
                self.assertIn(key, e)
            self.assertEqual(e["entity"], "customer")
            self.assertEqual(str(e["entity_id"]), str(c["id"]))
        self.assertTrue(str(create["op"]).startswith("create"), create)
        self.assertTrue(str(update["op"]).startswith("update"), update)
        changes = {ch["field"]: ch for ch in update["changes"]}
        self.assertIn("sector", changes, update)
        self.assertEqual(changes["sector"]["before"], "apparel")
        self.assertEqual(changes["sector"]["after"], "textiles")
        self.assertNotIn("name", changes, "only changed fields are listed")
        self.assertActorIsAdmin(update["actor"])

    def assertActorIsAdmin(self, actor):
        # The contract leaves the actor's form open: an object with id/email, the user
        # id, or a text naming the user (e.g. "user:1 admin@x") all identify the admin.
        admin = STATE.users["admin"]
        if isinstance(actor, dict):
            ok = (str(actor.get("id")) == str(admin.get("id"))
                  or actor.get("email") == admin.get("email"))
        else:
            text = str(actor)
            ok = (text == str(admin.get("id")) or admin.get("email") in text.split()
                  or text == admin.get("email"))
        self.assertTrue(ok, f"the actor {actor!r} is the admin user {admin}")

    def test_audit_filters_by_user_id_and_by_label(self):
        admin = STATE.users["admin"]
        manager = STATE.users["manager"]
        c = self.create_customer({"kind": "person", "name": unique("AuditBy ")}, role="manager")
        by_manager = self.assertStatus(
            get("/api/v1/audit?" + query({"filter[actor]": manager["id"], "limit": 50}), role="admin"), 200)
        entries = by_manager.json["data"]
        self.assertTrue(entries, "the manager's create is in the audit")
        self.assertTrue(all(f"user:{manager['id']} " in e["actor"] for e in entries), entries)
        self.assertIn(str(c["id"]), [str(e["entity_id"]) for e in entries])
        by_admin = get("/api/v1/audit?" + query({"filter[actor]": admin["id"], "limit": 50}), role="admin")
        self.assertNotIn(str(c["id"]), [str(e["entity_id"]) for e in self.assertStatus(by_admin, 200).json["data"]
                                        if e["entity"] == "customer"])
        label = entries[0]["actor"]
        exact = get("/api/v1/audit?" + query({"filter[actor]": label, "limit": 5}), role="admin")
        self.assertTrue(all(e["actor"] == label for e in self.assertStatus(exact, 200).json["data"]))

    def test_history_pages_newest_first(self):
        c = self.create_customer({"kind": "person", "name": unique("HistPg ")})
        path = f"/api/v1/customers/{quote_id(c['id'])}"
        for i in range(1, 5):
            etag = self.get_customer(c["id"]).etag
            self.assertStatus(patch(path, {"notes": f"note {i}"}, role="admin",
                                    headers={"If-Match": etag}), 200)
        seqs = []
        cursor = None
        for _ in range(10):
            params = {"limit": 2}
            if cursor:
                params["cursor"] = cursor
            resp = self.assertStatus(get(path + "/history?" + query(params), role="admin"), 200)
            self.assertLessEqual(len(resp.json["data"]), 2)
            seqs.extend(e["seq"] for e in resp.json["data"])
            cursor = resp.json.get("next_cursor")
            if not cursor:
                break
        self.assertEqual(len(seqs), 5)
        self.assertEqual(seqs, sorted(seqs, reverse=True))
        self.assertEqual(len(set(seqs)), 5)

    def test_history_of_unknown_customer_is_404(self):
        self.assertProblem(get("/api/v1/customers/999999999/history", role="admin"), 404)

    def test_archive_and_restore_are_recorded(self):
        c = self.create_customer({"kind": "person", "name": unique("HistArc ")})
        path = f"/api/v1/customers/{quote_id(c['id'])}"
        self.assertStatus(delete(path, role="admin"), 200)
        self.assertStatus(post(path + "/restore", None, role="admin"), 200)
        data = self.assertStatus(get(path + "/history", role="admin"), 200).json["data"]
        self.assertEqual(len(data), 3, data)
        changed = {ch["field"]: ch for ch in data[1]["changes"]}
        self.assertIn("status", changed, data[1])
        self.assertEqual(changed["status"]["after"], "archived")


class AuditTest(ApiTestCase):
    assertActorIsAdmin = HistoryTest.assertActorIsAdmin

    def test_admin_and_manager_read_the_audit_log(self):
        c = self.create_customer({"kind": "person", "name": unique("Aud ")})
        for role in ("admin", "manager"):
            resp = self.assertStatus(get("/api/v1/audit?limit=5", role=role), 200)
            data = resp.json["data"]
            self.assertTrue(data)
            self.assertLessEqual(len(data), 5)
            seqs = [e["seq"] for e in data]
            self.assertEqual(seqs, sorted(seqs, reverse=True), "newest first")
            self.assertIn("next_cursor", resp.json)
        newest = self.assertStatus(get("/api/v1/audit?limit=1", role="admin"), 200).json
        self.assertEqual(str(newest["data"][0]["entity_id"]), str(c["id"]),
                         "the latest write is the newest entry")

    def test_audit_filters(self):
        c = self.create_customer({"kind": "person", "name": unique("AudF ")})
        resp = self.assertStatus(get("/api/v1/audit?" + query(
            {"filter[entity]": "customer", "limit": 50}), role="admin"), 200)
        self.assertTrue(all(e["entity"] == "customer" for e in resp.json["data"]))
        self.assertIn(str(c["id"]), [str(e["entity_id"]) for e in resp.json["data"]])
        # filter[actor] takes an actor as the entries show it.
        actor = next(e["actor"] for e in resp.json["data"]
                     if str(e["entity_id"]) == str(c["id"]))
        self.assertActorIsAdmin(actor)
        resp = self.assertStatus(get("/api/v1/audit?" + query(
            {"filter[actor]": actor if isinstance(actor, (str, int)) else actor.get("id"),
             "limit": 50}), role="admin"), 200)
        self.assertTrue(resp.json["data"])
        self.assertIn(str(c["id"]), [str(e["entity_id"]) for e in resp.json["data"]])
        self.assertTrue(all(e["actor"] == actor for e in resp.json["data"]))
        agent_only = self.assertStatus(get("/api/v1/audit?" + query(
            {"filter[actor]": "no-such-actor", "limit": 5}), role="admin"), 200)
        self.assertEqual(agent_only.json["data"], [])

    def test_audit_pages_without_overlap(self):
        first = self.assertStatus(get("/api/v1/audit?limit=3", role="admin"), 200).json
        self.assertTrue(first["next_cursor"])
        second = self.assertStatus(get("/api/v1/audit?" + query(
            {"limit": 3, "cursor": first["next_cursor"]}), role="admin"), 200).json
        self.assertTrue(second["data"])
        self.assertLess(second["data"][0]["seq"], first["data"][-1]["seq"])

    def test_other_roles_are_forbidden(self):
        for role in ("sales", "agent", "analyst", "customer"):
            self.assertProblem(get("/api/v1/audit", role=role), 403)
