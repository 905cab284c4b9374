#pragma once
// Small helpers for reading and writing Boost.JSON values with field-level errors.

#include <boost/json.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/result.h"
#include "core/time.h"

namespace chaincrm::services {

/// Parses a request body; InvalidArgument("malformed JSON ...") when it does not parse,
/// or when it is not an object.
Result<boost::json::object> ParseObject(std::string_view body);

/// Collects field errors while reading an object; rejects unknown keys.
class JsonReader {
 public:
  JsonReader(const boost::json::object& o, std::string prefix = "")
      : o_(o), prefix_(std::move(prefix)) {}

  /// Declares the known keys; every other key becomes "is not a known field".
  void Known(std::initializer_list<std::string_view> keys);
  std::optional<std::string> Str(std::string_view key);
  std::optional<std::int64_t> Int(std::string_view key);
  std::optional<double> Num(std::string_view key);
  std::optional<bool> Bool(std::string_view key);
  std::optional<Millis> Time(std::string_view key);
  /// Money {"amount": "12.34", "currency": "CNY"} → minor units and currency.
  std::optional<std::pair<std::int64_t, std::string>> Money(std::string_view key);
  const boost::json::value* Get(std::string_view key) const { return o_.if_contains(key); }
  bool Has(std::string_view key) const { return o_.contains(key); }
  /// True when the key is present with JSON null.
  bool IsNull(std::string_view key) const;
  void Error(std::string_view key, std::string message);
  std::string Field(std::string_view key) const;
  std::vector<FieldError>& errors() { return errors_; }

 private:
  const boost::json::object& o_;
  std::string prefix_;
  std::vector<FieldError> errors_;
};

/// JSON for optional values: null when empty.
boost::json::value OptJson(const std::optional<std::string>& v);
boost::json::value OptJson(const std::optional<std::int64_t>& v);
boost::json::value OptTime(const std::optional<Millis>& v);
boost::json::object MoneyJson(std::int64_t minor, const std::string& currency);

/// InvalidArgument("invalid input") with the collected errors, if any.
Status ErrorsToStatus(std::vector<FieldError> errors,
                      std::string_view what = "the input is invalid");

}  // namespace chaincrm::services
