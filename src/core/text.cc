#include "core/text.h"

#include <algorithm>

namespace chaincrm {

namespace {

// Latin-1 Supplement and Latin Extended-A code points folded to ASCII.
const char* FoldLatin(char32_t cp) {
  if (cp >= 0xC0 && cp <= 0xC5) return "a";
  if (cp >= 0xE0 && cp <= 0xE5) return "a";
  if (cp == 0xC6 || cp == 0xE6) return "ae";
  if (cp == 0xC7 || cp == 0xE7) return "c";
  if ((cp >= 0xC8 && cp <= 0xCB) || (cp >= 0xE8 && cp <= 0xEB)) return "e";
  if ((cp >= 0xCC && cp <= 0xCF) || (cp >= 0xEC && cp <= 0xEF)) return "i";
  if (cp == 0xD0 || cp == 0xF0) return "d";
  if (cp == 0xD1 || cp == 0xF1) return "n";
  if ((cp >= 0xD2 && cp <= 0xD6) || cp == 0xD8 || (cp >= 0xF2 && cp <= 0xF6) || cp == 0xF8)
    return "o";
  if ((cp >= 0xD9 && cp <= 0xDC) || (cp >= 0xF9 && cp <= 0xFC)) return "u";
  if (cp == 0xDD || cp == 0xFD || cp == 0xFF) return "y";
  if (cp == 0xDE || cp == 0xFE) return "th";
  if (cp == 0xDF) return "ss";
  if (cp >= 0x100 && cp <= 0x17F) {
    // Latin Extended-A: pairs of upper/lower case letters grouped by base letter.
    static constexpr struct {
      char32_t from, to;
      const char* base;
    } kRanges[] = {
        {0x100, 0x105, "a"}, {0x106, 0x10D, "c"},  {0x10E, 0x111, "d"}, {0x112, 0x11B, "e"},
        {0x11C, 0x123, "g"}, {0x124, 0x127, "h"},  {0x128, 0x131, "i"}, {0x132, 0x133, "ij"},
        {0x134, 0x135, "j"}, {0x136, 0x138, "k"},  {0x139, 0x142, "l"}, {0x143, 0x14B, "n"},
        {0x14C, 0x151, "o"}, {0x152, 0x153, "oe"}, {0x154, 0x159, "r"}, {0x15A, 0x161, "s"},
        {0x162, 0x167, "t"}, {0x168, 0x173, "u"},  {0x174, 0x175, "w"}, {0x176, 0x178, "y"},
        {0x179, 0x17E, "z"}, {0x17F, 0x17F, "s"}};
    for (const auto& r : kRanges)
      if (cp >= r.from && cp <= r.to) return r.base;
  }
  return nullptr;
}

// Decodes one UTF-8 sequence at s[i]; returns its length (1 for an invalid byte).
std::size_t Decode(std::string_view s, std::size_t i, char32_t& cp) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  auto cont = [&](std::size_t k) {
    return i + k < s.size() && (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
  };
  auto byte = [&](std::size_t k) {
    return static_cast<char32_t>(static_cast<unsigned char>(s[i + k]) & 0x3F);
  };
  if (b0 < 0x80) {
    cp = b0;
    return 1;
  }
  if ((b0 & 0xE0) == 0xC0 && cont(1)) {
    cp = ((b0 & 0x1Fu) << 6) | byte(1);
    return 2;
  }
  if ((b0 & 0xF0) == 0xE0 && cont(1) && cont(2)) {
    cp = ((b0 & 0x0Fu) << 12) | (byte(1) << 6) | byte(2);
    return 3;
  }
  if ((b0 & 0xF8) == 0xF0 && cont(1) && cont(2) && cont(3)) {
    cp = ((b0 & 0x07u) << 18) | (byte(1) << 12) | (byte(2) << 6) | byte(3);
    return 4;
  }
  cp = 0xFFFD;
  return 1;
}

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

}  // namespace

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

std::string FoldForSearch(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp;
    const std::size_t n = Decode(s, i, cp);
    if (cp < 0x80 && IsSpace(static_cast<char>(cp))) {
      pending_space = !out.empty();
      i += n;
      continue;
    }
    if (pending_space) {
      out.push_back(' ');
      pending_space = false;
    }
    if (cp < 0x80) {
      const char c = static_cast<char>(cp);
      out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    } else if (const char* folded = FoldLatin(cp)) {
      out += folded;
    } else if (cp == 0x3000) {  // ideographic space
      pending_space = !out.empty();
    } else {
      out.append(s.substr(i, n));
    }
    i += n;
  }
  return out;
}

std::string NormalizeEmail(std::string_view s) {
  s = Trim(s);
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (IsSpace(c) || c == '<' || c == '>' || c == ',' || c == ';') return "";
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  const auto at = out.find('@');
  if (at == std::string::npos || at == 0 || out.find('@', at + 1) != std::string::npos) return "";
  const auto dot = out.find('.', at + 2);
  if (dot == std::string::npos || dot + 1 >= out.size() || out.back() == '.') return "";
  return out;
}

std::string NormalizePhone(std::string_view s) {
  std::string digits;
  for (char c : s)
    if (c >= '0' && c <= '9') digits.push_back(c);
  if (digits.size() > 2 && digits[0] == '0' && digits[1] == '0') digits.erase(0, 2);
  if (digits.size() < 5 || digits.size() > 20) return "";
  return digits;
}

std::string ReversedDigits(std::string_view normalized_phone) {
  return std::string(normalized_phone.rbegin(), normalized_phone.rend());
}

bool IsValidUtf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp;
    const std::size_t n = Decode(s, i, cp);
    if (cp == 0xFFFD && n == 1) return false;
    i += n;
  }
  return true;
}

}  // namespace chaincrm
