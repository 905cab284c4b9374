#include "domain/similarity.h"

#include <algorithm>
#include <set>

namespace chaincrm::domain {

namespace {

std::u32string CodePoints(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
    if (i + static_cast<std::size_t>(len) > s.size()) len = 1;
    char32_t cp = len == 1 ? c : (c & (0xFF >> (len + 1)));
    for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back(cp);
    i += static_cast<std::size_t>(len);
  }
  return out;
}

bool ShareAny(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  for (const auto& x : a) {
    if (x.empty()) continue;
    if (std::find(b.begin(), b.end(), x) != b.end()) return true;
  }
  return false;
}

}  // namespace

double JaroWinkler(std::string_view a8, std::string_view b8) {
  const std::u32string a = CodePoints(a8), b = CodePoints(b8);
  if (a.empty() && b.empty()) return 1.0;
  if (a.empty() || b.empty()) return 0.0;
  const std::size_t window = std::max<std::size_t>(std::max(a.size(), b.size()) / 2, 1) - 1;
  std::vector<bool> am(a.size(), false), bm(b.size(), false);
  std::size_t matches = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const std::size_t lo = i > window ? i - window : 0;
    const std::size_t hi = std::min(b.size(), i + window + 1);
    for (std::size_t j = lo; j < hi; ++j) {
      if (bm[j] || a[i] != b[j]) continue;
      am[i] = bm[j] = true;
      ++matches;
      break;
    }
  }
  if (matches == 0) return 0.0;
  std::size_t t = 0, k = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (!am[i]) continue;
    while (!bm[k]) ++k;
    if (a[i] != b[k]) ++t;
    ++k;
  }
  const double m = static_cast<double>(matches);
  const double jaro = (m / static_cast<double>(a.size()) + m / static_cast<double>(b.size()) +
                       (m - static_cast<double>(t) / 2.0) / m) /
                      3.0;
  std::size_t prefix = 0;
  while (prefix < 4 && prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  return jaro + static_cast<double>(prefix) * 0.1 * (1.0 - jaro);
}

double TrigramSimilarity(std::string_view a8, std::string_view b8) {
  auto grams = [](std::string_view s) {
    std::u32string p = U"  " + CodePoints(s) + U" ";
    std::set<std::u32string> out;
    for (std::size_t i = 0; i + 3 <= p.size(); ++i) out.insert(p.substr(i, 3));
    return out;
  };
  if (a8.empty() || b8.empty()) return 0.0;
  const auto ga = grams(a8), gb = grams(b8);
  std::size_t common = 0;
  for (const auto& g : ga) common += gb.count(g);
  const std::size_t uni = ga.size() + gb.size() - common;
  return uni == 0 ? 0.0 : static_cast<double>(common) / static_cast<double>(uni);
}

DuplicateScore ScorePair(const DuplicateFeatures& a, const DuplicateFeatures& b) {
  DuplicateScore out;
  double keep = 1.0;  // Π(1 - w_i)
  auto add = [&](double w, const char* reason) {
    if (w <= 0) return;
    keep *= 1.0 - std::min(w, 1.0);
    out.reasons.emplace_back(reason);
  };
  const double kind_factor = a.kind == b.kind ? 1.0 : 0.5;
  if (!a.tax_id.empty() && a.tax_id == b.tax_id) add(kWeightTaxId, "tax_id");
  if (ShareAny(a.emails, b.emails)) add(kWeightEmail, "email");
  if (ShareAny(a.phones, b.phones)) add(kWeightPhone, "phone");
  const double jw = JaroWinkler(a.name, b.name);
  if (!a.name.empty() && jw >= kNameFloor) {
    add(kWeightName * jw * kind_factor, "name");
    if (!a.city.empty() && a.city == b.city) add(kWeightCity * kind_factor, "city");
    const double street = TrigramSimilarity(a.street, b.street);
    if (street >= 0.5) add(kWeightAddress * street * kind_factor, "address");
  }
  out.score = 1.0 - keep;
  return out;
}

}  // namespace chaincrm::domain
