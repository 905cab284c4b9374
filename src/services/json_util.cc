#include "services/json_util.h"

#include <algorithm>
#include <cmath>

#include "core/money.h"

namespace chaincrm::services {

namespace json = boost::json;

Result<json::object> ParseObject(std::string_view body) {
  boost::system::error_code ec;
  json::parse_options opts;
  opts.max_depth = 32;
  json::value v = json::parse(body, ec, {}, opts);
  if (ec) return Fail(Error::InvalidArgument("malformed JSON: " + ec.message()));
  if (!v.is_object())
    return Fail(Error::InvalidArgument("malformed JSON: the body must be an object"));
  return std::move(v.as_object());
}

std::string JsonReader::Field(std::string_view key) const {
  return prefix_.empty() ? std::string(key) : prefix_ + "." + std::string(key);
}

void JsonReader::Error(std::string_view key, std::string message) {
  errors_.push_back({Field(key), std::move(message)});
}

void JsonReader::Known(std::initializer_list<std::string_view> keys) {
  for (const auto& [k, v] : o_) {
    if (std::find(keys.begin(), keys.end(), std::string_view(k)) == keys.end()) {
      Error(k, "is not a known field");
    }
  }
}

bool JsonReader::IsNull(std::string_view key) const {
  const auto* v = o_.if_contains(key);
  return v && v->is_null();
}

std::optional<std::string> JsonReader::Str(std::string_view key) {
  const auto* v = o_.if_contains(key);
  if (!v || v->is_null()) return std::nullopt;
  if (!v->is_string()) {
    Error(key, "must be a string");
    return std::nullopt;
  }
  return std::string(v->as_string());
}

std::optional<std::int64_t> JsonReader::Int(std::string_view key) {
  const auto* v = o_.if_contains(key);
  if (!v || v->is_null()) return std::nullopt;
  if (v->is_int64()) return v->as_int64();
  if (v->is_uint64() && v->as_uint64() <= static_cast<std::uint64_t>(INT64_MAX)) {
    return static_cast<std::int64_t>(v->as_uint64());
  }
  if (v->is_double() && std::floor(v->as_double()) == v->as_double() &&
      std::abs(v->as_double()) < 9e15) {
    return static_cast<std::int64_t>(v->as_double());
  }
  Error(key, "must be a whole number");
  return std::nullopt;
}

std::optional<double> JsonReader::Num(std::string_view key) {
  const auto* v = o_.if_contains(key);
  if (!v || v->is_null()) return std::nullopt;
  if (v->is_number()) return v->to_number<double>();
  Error(key, "must be a number");
  return std::nullopt;
}

std::optional<bool> JsonReader::Bool(std::string_view key) {
  const auto* v = o_.if_contains(key);
  if (!v || v->is_null()) return std::nullopt;
  if (v->is_bool()) return v->as_bool();
  Error(key, "must be true or false");
  return std::nullopt;
}

std::optional<Millis> JsonReader::Time(std::string_view key) {
  auto s = Str(key);
  if (!s) return std::nullopt;
  auto t = ParseTime(*s);
  if (!t) {
    Error(key, t.error().message());
    return std::nullopt;
  }
  return *t;
}

std::optional<std::pair<std::int64_t, std::string>> JsonReader::Money(std::string_view key) {
  const auto* v = o_.if_contains(key);
  if (!v || v->is_null()) return std::nullopt;
  if (!v->is_object()) {
    Error(key, "must be {\"amount\": \"123.45\", \"currency\": \"CNY\"}");
    return std::nullopt;
  }
  JsonReader m(v->as_object(), Field(key));
  m.Known({"amount", "currency"});
  std::optional<std::int64_t> minor;
  if (const auto* a = m.Get("amount"); a && a->is_string()) {
    auto parsed = ParseAmount(a->as_string());
    if (parsed) {
      minor = *parsed;
    } else {
      m.Error("amount", parsed.error().message());
    }
  } else if (a && a->is_number()) {
    const double d = a->to_number<double>();
    if (std::abs(d) < 9e13) {
      minor = static_cast<std::int64_t>(std::llround(d * 100));
    } else {
      m.Error("amount", "is out of range");
    }
  } else {
    m.Error("amount", "is required (a decimal string such as \"123.45\")");
  }
  auto currency = m.Str("currency");
  if (!currency || !IsCurrencyCode(*currency)) {
    m.Error("currency", "must be an ISO 4217 code such as CNY");
  }
  for (auto& e : m.errors()) errors_.push_back(e);
  if (!minor || !currency || !IsCurrencyCode(*currency)) return std::nullopt;
  return std::make_pair(*minor, *currency);
}

json::value OptJson(const std::optional<std::string>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}
json::value OptJson(const std::optional<std::int64_t>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}
json::value OptTime(const std::optional<Millis>& v) {
  return v ? json::value(FormatTime(*v)) : json::value(nullptr);
}
json::object MoneyJson(std::int64_t minor, const std::string& currency) {
  return {{"amount", FormatAmount(minor)}, {"currency", currency}};
}

Status ErrorsToStatus(std::vector<FieldError> errors, std::string_view what) {
  if (errors.empty()) return Ok();
  return Fail(Error::InvalidArgument(std::string(what), std::move(errors)));
}

}  // namespace chaincrm::services
