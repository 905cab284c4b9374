#pragma once
// Readers for the CDNOW test files in tests/data/cdnow (Fader & Hardie data, see README).

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "analytics/rfm_summary.h"
#include "core/time.h"

namespace chaincrm::analytics::testing {

inline std::string CdnowPath(const std::string& file) {
  return std::string(CHAINCRM_SOURCE_DIR) + "/tests/data/cdnow/" + file;
}

/// Reads a summary CSV: ID,frequency,recency,T[,zbar]. Empty on a missing file.
inline std::vector<CustomerSummary> ReadCdnowSummary(const std::string& file) {
  std::vector<CustomerSummary> out;
  std::ifstream in(CdnowPath(file));
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    std::replace(line.begin(), line.end(), ',', ' ');
    std::istringstream row(line);
    CustomerSummary c;
    row >> c.customer_id >> c.frequency >> c.recency >> c.age;
    if (!(row >> c.monetary_value)) c.monetary_value = 0;
    out.push_back(c);
  }
  return out;
}

/// Reads CDNOW_sample.txt (master id, sample id, YYYYMMDD, CDs, dollars); the customer is
/// the sample id so that ids match the summary files.
inline std::vector<Transaction> ReadCdnowSample() {
  std::vector<Transaction> out;
  std::ifstream in(CdnowPath("CDNOW_sample.txt"));
  std::string master, date;
  long long sample_id = 0;
  int cds = 0;
  double dollars = 0;
  while (in >> master >> sample_id >> date >> cds >> dollars) {
    Transaction t;
    t.customer_id = sample_id;
    t.at = ParseDate(date).value_or(0);
    t.revenue = dollars;
    out.push_back(t);
  }
  return out;
}

}  // namespace chaincrm::analytics::testing
