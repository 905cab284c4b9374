#pragma once
// Fault injection: a Database decorator whose write transactions fail at the N-th
// statement with a chosen error, to test rollback and error mapping.

#include <memory>

#include "store/database.h"

namespace chaincrm::testing {

class FailingDatabase final : public store::Database {
 public:
  explicit FailingDatabase(store::Database& inner) : inner_(inner) {}

  /// The next Write fails at its `n`-th statement (1-based) with `error`; 0 disables.
  void FailAt(int n, Error error = Error::Unavailable("injected failure")) {
    fail_at_ = n;
    error_ = std::move(error);
  }
  /// Statements the last Write ran (to know how many failure points there are).
  int last_statements() const { return last_statements_; }

  Status Write(const std::function<Status(store::Tx&)>& fn) override {
    const int fail_at = fail_at_;
    fail_at_ = 0;
    return inner_.Write([&](store::Tx& tx) -> Status {
      Tx wrapped(tx, fail_at, error_);
      Status s = fn(wrapped);
      last_statements_ = wrapped.count;
      return s;
    });
  }
  Status Read(const std::function<Status(store::Tx&)>& fn) override { return inner_.Read(fn); }
  const store::Dialect& dialect() const override { return inner_.dialect(); }

 private:
  struct Tx final : store::Tx {
    Tx(store::Tx& t, int f, const Error& e) : inner(t), fail_at(f), error(e) {}
    Status Tick() {
      if (++count == fail_at) return Fail(error);
      return Ok();
    }
    Result<store::Rows> Query(std::string_view sql, const store::Params& p) override {
      RETURN_IF_ERROR(Tick());
      return inner.Query(sql, p);
    }
    Result<std::int64_t> Exec(std::string_view sql, const store::Params& p) override {
      RETURN_IF_ERROR(Tick());
      return inner.Exec(sql, p);
    }
    Status ForEach(std::string_view sql, const store::Params& p,
                   const std::function<Status(const store::Row&)>& fn) override {
      RETURN_IF_ERROR(Tick());
      return inner.ForEach(sql, p, fn);
    }
    Status ScanInts(std::string_view sql, const store::Params& p,
                    const std::function<Status(const store::IntBlock&)>& fn) override {
      RETURN_IF_ERROR(Tick());
      return inner.ScanInts(sql, p, fn);
    }
    const store::Dialect& dialect() const override { return inner.dialect(); }
    store::Tx& inner;
    int fail_at;
    const Error& error;
    int count = 0;
  };

  store::Database& inner_;
  int fail_at_ = 0;
  int last_statements_ = 0;
  Error error_ = Error::Unavailable("injected failure");
};

}  // namespace chaincrm::testing
