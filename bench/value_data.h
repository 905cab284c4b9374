#pragma once
// The value-run data set of bench_generate (--mode value): customers and a purchases ledger
// drawn from a repeat-purchase process with churn, written in bulk (multi-row INSERTs, large
// transactions) with the per-customer purchase aggregates the server keeps computed in
// memory. See bench/value_data.cc and docs/PERFORMANCE.md "Value analysis run (issue 3)".

#include <cstdint>
#include <string>

#include "core/time.h"

namespace chaincrm::bench {

struct ValueDataOptions {
  std::string db;
  int customers = 100'000;
  double purchases = 10.0;  // purchase lines per customer, on average over all customers
  /// Observation end: every purchase is before it (midnight UTC of a date, or now).
  Millis end = 0;
  int span_days = 730;              // first purchases are uniform over the span before end
  double no_purchase_share = 0.05;  // customers who never bought (leads)
  int rows_per_statement = 500;     // rows of one multi-row INSERT
  int customers_per_transaction = 50'000;
  std::uint64_t seed = 7;
  // Pareto/NBD process, time in weeks: purchase rate lambda ~ Gamma(r, alpha) (alpha is
  // solved so that the mean number of lines is `purchases`), lifetime ~ Exp(mu) with
  // mu ~ Gamma(s, beta).
  double r = 0.75;
  double s = 0.8;
  double beta = 52.0;
  // Gamma-Gamma spend per transaction (CNY): z ~ Gamma(p, nu), nu ~ Gamma(q, gamma); mean
  // p * gamma / (q - 1) = 300 CNY.
  double gg_p = 6.0;
  double gg_q = 4.0;
  double gg_gamma = 150.0;
};

/// Fills an empty database (no customers, no purchases); prints progress on stderr and a
/// summary on stdout. Returns the process exit code.
int GenerateValueData(const ValueDataOptions& options);

}  // namespace chaincrm::bench
