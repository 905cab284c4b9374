#include "api/http_types.h"

#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>
#include <cctype>
#include <string_view>

namespace chaincrm::api {

const std::string& HttpRequest::Header(const std::string& lower_name) const {
  static const std::string kEmpty;
  auto it = headers.find(lower_name);
  return it == headers.end() ? kEmpty : it->second;
}

std::string HttpRequest::Query(const std::string& name) const {
  auto it = query.find(name);
  return it == query.end() ? "" : it->second;
}

namespace {

// Browsers and curl send characters such as [ ] | unencoded in query strings
// (filter[status]=archived); RFC 3986 does not allow them there, so encode them first.
std::string EncodeLenient(const std::string& target) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : target) {
    const bool ok =
        std::isalnum(c) || std::string_view("-._~!$&'()*+,;=:@/?%").find(static_cast<char>(c)) !=
                               std::string_view::npos;
    if (ok) {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

}  // namespace

bool ParseTarget(HttpRequest& req) {
  auto parsed = boost::urls::parse_origin_form(req.target);
  if (!parsed) {
    req.target = EncodeLenient(req.target);
    parsed = boost::urls::parse_origin_form(req.target);
  }
  if (!parsed) return false;
  const boost::urls::url_view& u = *parsed;
  req.path = u.path();
  for (const auto& p : u.params()) req.query.emplace(p.key, p.value);
  return true;
}

}  // namespace chaincrm::api
