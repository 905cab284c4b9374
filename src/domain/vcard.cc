#include "domain/vcard.h"

#include <algorithm>
#include <cctype>
#include <cstdint>

#include "core/text.h"

namespace chaincrm::domain::vcard {

namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (auto& ch : out) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return out;
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (auto& ch : out) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  return out;
}

void AppendUtf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Windows-1252 0x80..0x9F; 0 where undefined (read as the Latin-1 control code).
constexpr std::uint16_t kCp1252[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

std::string FromSingleByte(std::string_view bytes, bool cp1252, bool latin9) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 4);
  for (unsigned char b : bytes) {
    std::uint32_t cp = b;
    if (cp1252 && b >= 0x80 && b < 0xA0 && kCp1252[b - 0x80] != 0) cp = kCp1252[b - 0x80];
    if (latin9) {
      switch (b) {
        case 0xA4:
          cp = 0x20AC;
          break;
        case 0xA6:
          cp = 0x0160;
          break;
        case 0xA8:
          cp = 0x0161;
          break;
        case 0xB4:
          cp = 0x017D;
          break;
        case 0xB8:
          cp = 0x017E;
          break;
        case 0xBC:
          cp = 0x0152;
          break;
        case 0xBD:
          cp = 0x0153;
          break;
        case 0xBE:
          cp = 0x0178;
          break;
        default:
          break;
      }
    }
    AppendUtf8(out, cp);
  }
  return out;
}

std::string FromUtf16(std::string_view bytes, bool little_endian) {
  std::string out;
  out.reserve(bytes.size() / 2);
  std::size_t i = 0;
  auto unit = [&](std::size_t k) -> std::uint32_t {
    const auto a = static_cast<unsigned char>(bytes[k]);
    const auto b = static_cast<unsigned char>(bytes[k + 1]);
    return little_endian ? (a | (b << 8)) : ((a << 8) | b);
  };
  while (i + 1 < bytes.size()) {
    std::uint32_t u = unit(i);
    i += 2;
    if (u >= 0xD800 && u < 0xDC00 && i + 1 < bytes.size()) {
      const std::uint32_t lo = unit(i);
      if (lo >= 0xDC00 && lo < 0xE000) {
        i += 2;
        AppendUtf8(out, 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00));
        continue;
      }
    }
    if (u >= 0xD800 && u < 0xE000) u = 0xFFFD;
    AppendUtf8(out, u);
  }
  return out;
}

// One logical (unfolded) line and the physical line it started on.
struct Logical {
  std::string text;
  int line = 0;
  bool qp = false;  // its head names QUOTED-PRINTABLE (soft line breaks apply)
};

// The property name part (before ':' outside quotes) mentions QUOTED-PRINTABLE.
bool IsQuotedPrintableLine(std::string_view text) {
  bool quoted = false;
  std::size_t end = text.size();
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '"') quoted = !quoted;
    if (text[i] == ':' && !quoted) {
      end = i;
      break;
    }
  }
  return Upper(text.substr(0, end)).find("QUOTED-PRINTABLE") != std::string::npos;
}

std::vector<Logical> Unfold(std::string_view text) {
  std::vector<std::pair<std::string_view, int>> physical;
  int line = 1;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' || text[i] == '\n') {
      physical.emplace_back(text.substr(start, i - start), line);
      if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      ++line;
      start = i + 1;
    }
  }
  if (start < text.size()) physical.emplace_back(text.substr(start), line);

  std::vector<Logical> out;
  bool qp_open = false;  // the previous logical line ended with a QP soft break
  for (const auto& [p, n] : physical) {
    if (qp_open && !out.empty()) {
      out.back().text.pop_back();  // the '=' of the soft line break
      out.back().text.append(p);
    } else if (!p.empty() && (p[0] == ' ' || p[0] == '\t') && !out.empty()) {
      out.back().text.append(p.substr(1));
    } else if (p.empty()) {
      continue;  // blank lines (also from CR CR LF) carry nothing
    } else {
      out.push_back({std::string(p), n, IsQuotedPrintableLine(p)});
    }
    qp_open =
        !out.empty() && out.back().qp && !out.back().text.empty() && out.back().text.back() == '=';
  }
  return out;
}

struct Param {
  std::string name;  // upper case; TYPE for a bare 2.1 value
  std::vector<std::string> values;
};

struct Property {
  std::string group, name;  // name upper case
  std::vector<Param> params;
  std::string value;
};

// RFC 6868 caret escapes in parameter values.
std::string CaretDecode(std::string_view v) {
  std::string out;
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (v[i] == '^' && i + 1 < v.size()) {
      const char c = v[i + 1];
      if (c == 'n' || c == 'N') {
        out += '\n';
        ++i;
        continue;
      }
      if (c == '\'') {
        out += '"';
        ++i;
        continue;
      }
      if (c == '^') {
        out += '^';
        ++i;
        continue;
      }
    }
    out += v[i];
  }
  return out;
}

bool ValidName(std::string_view s) {
  if (s.empty()) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
  });
}

// Splits "group.NAME;P=V;P2:value". Returns an error message when the line is not one.
std::string ParseProperty(std::string_view text, Property& p) {
  std::size_t colon = std::string_view::npos;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '"') quoted = !quoted;
    if (text[i] == ':' && !quoted) {
      colon = i;
      break;
    }
  }
  if (colon == std::string_view::npos) return "no ':' between property name and value";
  p.value = std::string(text.substr(colon + 1));
  std::string_view head = text.substr(0, colon);
  // Split the head on ';' outside quotes.
  std::vector<std::string_view> parts;
  quoted = false;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= head.size(); ++i) {
    if (i < head.size() && head[i] == '"') quoted = !quoted;
    if (i == head.size() || (head[i] == ';' && !quoted)) {
      parts.push_back(head.substr(start, i - start));
      start = i + 1;
    }
  }
  std::string_view name = Trim(parts[0]);
  if (auto dot = name.rfind('.'); dot != std::string_view::npos) {
    p.group = std::string(name.substr(0, dot));
    name = name.substr(dot + 1);
    if (!ValidName(p.group)) return "group '" + p.group + "' is not a valid name";
  }
  if (!ValidName(name)) return "'" + std::string(name.substr(0, 40)) + "' is not a property name";
  p.name = Upper(name);
  for (std::size_t k = 1; k < parts.size(); ++k) {
    std::string_view raw = Trim(parts[k]);
    if (raw.empty()) continue;
    Param param;
    std::string_view vals;
    if (auto eq = raw.find('='); eq != std::string_view::npos) {
      param.name = Upper(Trim(raw.substr(0, eq)));
      vals = raw.substr(eq + 1);
      if (!ValidName(param.name)) return "'" + param.name + "' is not a parameter name";
    } else {
      const std::string up = Upper(raw);
      param.name =
          (up == "QUOTED-PRINTABLE" || up == "BASE64" || up == "8BIT" || up == "7BIT" || up == "B")
              ? "ENCODING"
              : "TYPE";
      vals = raw;
    }
    // Comma-separated values, each possibly quoted.
    std::size_t s = 0;
    bool q = false;
    for (std::size_t i = 0; i <= vals.size(); ++i) {
      if (i < vals.size() && vals[i] == '"') q = !q;
      if (i == vals.size() || (vals[i] == ',' && !q)) {
        std::string v(Trim(vals.substr(s, i - s)));
        v.erase(std::remove(v.begin(), v.end(), '"'), v.end());
        if (!v.empty()) param.values.push_back(CaretDecode(v));
        s = i + 1;
      }
    }
    p.params.push_back(std::move(param));
  }
  return "";
}

std::string ParamValue(const Property& p, std::string_view name) {
  for (const auto& x : p.params)
    if (x.name == name && !x.values.empty()) return x.values.front();
  return "";
}

std::vector<std::string> Types(const Property& p) {
  std::vector<std::string> out;
  for (const auto& x : p.params) {
    if (x.name != "TYPE") continue;
    for (const auto& v : x.values) {
      // "voice,home" may arrive as one quoted value in some writers.
      for (auto& piece : SplitEscaped(v, ',')) {
        std::string t = Lower(Trim(piece));
        if (!t.empty() && t != "internet" && t != "x400" &&
            std::find(out.begin(), out.end(), t) == out.end())
          out.push_back(std::move(t));
      }
    }
  }
  return out;
}

// Decodes the value's transfer encoding and charset into UTF-8.
std::string DecodeValue(const Property& p, int line, Card& card) {
  std::string v = p.value;
  const std::string enc = Upper(ParamValue(p, "ENCODING"));
  if (enc == "QUOTED-PRINTABLE") v = DecodeQuotedPrintable(v);
  const std::string charset = ParamValue(p, "CHARSET");
  if (!charset.empty()) {
    std::string out;
    if (ToUtf8(v, charset, out)) return out;
    card.warnings.push_back("line " + std::to_string(line) + ": charset " + charset +
                            " is not supported; read as " +
                            (IsValidUtf8(v) ? "UTF-8" : "Windows-1252"));
  }
  if (!IsValidUtf8(v)) {
    std::string out;
    ToUtf8(v, "windows-1252", out);
    return out;
  }
  return v;
}

std::string StripPrefix(std::string v, std::string_view prefix) {
  if (v.size() >= prefix.size() && Lower(v.substr(0, prefix.size())) == prefix)
    v.erase(0, prefix.size());
  return v;
}

std::string Component(const std::vector<std::string>& parts, std::size_t i) {
  return i < parts.size() ? std::string(Trim(parts[i])) : std::string();
}

// Applies one property to the card.
void Apply(const Property& p, int line, Card& card) {
  const std::string& name = p.name;
  if (name == "VERSION") {
    card.version = std::string(Trim(p.value));
    return;
  }
  static constexpr const char* kMapped[] = {"FN",   "N",    "ORG", "TITLE", "EMAIL",  "TEL", "ADR",
                                            "BDAY", "NOTE", "URL", "KIND",  "PRODID", "REV", "UID"};
  if (std::find_if(std::begin(kMapped), std::end(kMapped),
                   [&](const char* k) { return name == k; }) == std::end(kMapped)) {
    ++card.ignored_properties;
    return;
  }
  const std::string value = DecodeValue(p, line, card);
  if (name == "FN") {
    if (card.fn.empty()) card.fn = std::string(Trim(Unescape(value)));
  } else if (name == "N") {
    auto parts = SplitEscaped(value, ';');
    card.n = {Component(parts, 0), Component(parts, 1), Component(parts, 2), Component(parts, 3),
              Component(parts, 4)};
  } else if (name == "ORG") {
    card.org.clear();
    for (auto& part : SplitEscaped(value, ';')) {
      std::string t(Trim(part));
      if (!t.empty()) card.org.push_back(std::move(t));
    }
  } else if (name == "TITLE") {
    card.title = std::string(Trim(Unescape(value)));
  } else if (name == "NOTE") {
    if (!card.note.empty()) card.note += "\n";
    card.note += Unescape(value);
  } else if (name == "BDAY") {
    card.bday = std::string(Trim(value));
  } else if (name == "KIND") {
    card.kind = Lower(Trim(value));
  } else if (name == "EMAIL" || name == "TEL" || name == "URL") {
    std::string v(Trim(Unescape(value)));
    if (name == "EMAIL") v = StripPrefix(v, "mailto:");
    if (name == "TEL") v = StripPrefix(v, "tel:");
    if (v.empty()) return;
    auto& list = name == "EMAIL" ? card.emails : name == "TEL" ? card.phones : card.urls;
    list.push_back({std::move(v), Types(p)});
  } else if (name == "ADR") {
    auto parts = SplitEscaped(value, ';');
    Adr a{Types(p),
          Component(parts, 0),
          Component(parts, 1),
          Component(parts, 2),
          Component(parts, 3),
          Component(parts, 4),
          Component(parts, 5),
          Component(parts, 6)};
    if (!a.Empty()) card.addresses.push_back(std::move(a));
  }
}

void FoldInto(std::string& out, std::string_view line) {
  // At most 75 octets per physical line, never inside a UTF-8 sequence.
  std::size_t pos = 0;
  bool first = true;
  while (pos < line.size()) {
    const std::size_t budget = first ? 75 : 74;
    std::size_t n = std::min(budget, line.size() - pos);
    while (n > 0 && pos + n < line.size() &&
           (static_cast<unsigned char>(line[pos + n]) & 0xC0) == 0x80)
      --n;
    if (!first) out += ' ';
    out.append(line.substr(pos, n));
    out += "\r\n";
    pos += n;
    first = false;
  }
  if (line.empty()) out += "\r\n";
}

std::string TypeParam(const std::vector<std::string>& types) {
  if (types.empty()) return "";
  std::string out = ";TYPE=";
  bool need_quotes = false;
  std::string list;
  for (std::size_t i = 0; i < types.size(); ++i) {
    if (i) list += ',';
    list += types[i];
    if (types[i].find_first_of(":;\"") != std::string::npos) need_quotes = true;
  }
  if (need_quotes) {
    list.erase(std::remove(list.begin(), list.end(), '"'), list.end());
    return out + '"' + list + '"';
  }
  return out + list;
}

}  // namespace

bool Name::Empty() const {
  return family.empty() && given.empty() && additional.empty() && prefix.empty() && suffix.empty();
}

bool Adr::Empty() const {
  return po_box.empty() && extended.empty() && street.empty() && locality.empty() &&
         region.empty() && postal_code.empty() && country.empty();
}

bool Card::IsOrganisation() const {
  if (kind == "org" || kind == "organization") return true;
  if (kind == "individual") return false;
  if (org.empty()) return false;
  if (!n.family.empty() || !n.given.empty()) return false;
  return fn.empty() || fn == org.front();
}

std::string Card::DisplayName() const {
  if (!fn.empty()) return fn;
  std::string joined = n.given;
  if (!n.family.empty()) joined += (joined.empty() ? "" : " ") + n.family;
  if (!joined.empty()) return joined;
  if (!org.empty()) return org.front();
  if (!emails.empty()) return emails.front().value;
  return "";
}

std::string DecodeQuotedPrintable(std::string_view s) {
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
  };
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '=' && i + 2 < s.size()) {
      const int hi = hex(s[i + 1]), lo = hex(s[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
        continue;
      }
    }
    if (s[i] == '=' && i + 1 == s.size()) break;  // a soft break left at the very end
    out += s[i];
  }
  return out;
}

bool ToUtf8(std::string_view bytes, std::string_view charset, std::string& out) {
  std::string cs = Lower(Trim(charset));
  if (cs == "utf-8" || cs == "utf8") {
    out = IsValidUtf8(bytes) ? std::string(bytes) : FromSingleByte(bytes, true, false);
    return true;
  }
  if (cs == "us-ascii" || cs == "ascii") {
    out = IsValidUtf8(bytes) ? std::string(bytes) : FromSingleByte(bytes, true, false);
    return true;
  }
  if (cs == "iso-8859-1" || cs == "latin1" || cs == "iso8859-1" || cs == "iso_8859-1" ||
      cs == "l1") {
    out = FromSingleByte(bytes, false, false);
    return true;
  }
  if (cs == "windows-1252" || cs == "cp1252" || cs == "ansi") {
    out = FromSingleByte(bytes, true, false);
    return true;
  }
  if (cs == "iso-8859-15" || cs == "latin9" || cs == "latin-9") {
    out = FromSingleByte(bytes, false, true);
    return true;
  }
  return false;
}

std::vector<std::string> SplitEscaped(std::string_view value, char sep) {
  std::vector<std::string> out;
  std::string cur;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const char c = value[i];
    if (c == '\\' && i + 1 < value.size()) {
      const char e = value[++i];
      if (e == 'n' || e == 'N')
        cur += '\n';
      else if (e == '\\' || e == ',' || e == ';' || e == ':')
        cur += e;
      else {
        cur += '\\';
        cur += e;
      }
    } else if (c == sep) {
      out.push_back(std::move(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  out.push_back(std::move(cur));
  return out;
}

std::string Unescape(std::string_view value) {
  // A separator that cannot occur splits nothing: one component, escapes removed.
  return SplitEscaped(value, '\0').front();
}

std::string Escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case ',':
        out += "\\,";
        break;
      case ';':
        out += "\\;";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        break;
      default:
        out += c;
    }
  }
  return out;
}

ParseResult Parse(std::string_view bytes) {
  ParseResult result;
  std::string text;
  if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0xFF &&
      static_cast<unsigned char>(bytes[1]) == 0xFE) {
    text = FromUtf16(bytes.substr(2), true);
  } else if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0xFE &&
             static_cast<unsigned char>(bytes[1]) == 0xFF) {
    text = FromUtf16(bytes.substr(2), false);
  } else if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    text = std::string(bytes.substr(3));
  } else {
    text = std::string(bytes);
  }
  // NUL bytes would end C strings further down: treat them as the end of a value.
  std::replace(text.begin(), text.end(), '\0', ' ');

  const auto lines = Unfold(text);
  int card_count = 0;
  bool in_card = false;
  int depth = 0;  // nested BEGIN:VCARD (2.1 AGENT) are skipped
  Card card;
  bool bad = false;
  std::string bad_message;
  int bad_line = 0;
  int stray_from = 0;  // first line of text found outside any card
  auto flush_stray = [&](int upto) {
    if (stray_from) {
      result.problems.push_back({0, stray_from,
                                 "text outside BEGIN:VCARD ... END:VCARD (lines " +
                                     std::to_string(stray_from) + "-" + std::to_string(upto) +
                                     ") ignored"});
      stray_from = 0;
    }
  };
  int last_line = 0;
  for (const auto& l : lines) {
    last_line = l.line;
    Property p;
    const std::string err = ParseProperty(l.text, p);
    const bool is_begin = err.empty() && p.name == "BEGIN" && Upper(Trim(p.value)) == "VCARD";
    const bool is_end = err.empty() && p.name == "END" && Upper(Trim(p.value)) == "VCARD";
    if (!in_card) {
      if (is_begin) {
        flush_stray(l.line - 1);
        in_card = true;
        depth = 1;
        card = Card{};
        card.number = ++card_count;
        card.line = l.line;
        bad = false;
      } else if (!stray_from) {
        stray_from = l.line;
      }
      continue;
    }
    if (is_begin) {
      ++depth;
      continue;
    }
    if (is_end) {
      if (--depth > 0) continue;
      in_card = false;
      if (bad) {
        result.problems.push_back({card.number, bad_line, bad_message});
        continue;
      }
      if (card.version.empty()) {
        card.warnings.push_back("line " + std::to_string(card.line) + ": no VERSION; read as 3.0");
        card.version = "3.0";
      } else if (card.version != "2.1" && card.version != "3.0" && card.version != "4.0") {
        card.warnings.push_back("VERSION " + card.version + " is not 2.1, 3.0 or 4.0; read as " +
                                "the closest");
      }
      if (card.DisplayName().empty()) {
        result.problems.push_back(
            {card.number, card.line, "the card has no FN, N, ORG or EMAIL: nothing names it"});
        continue;
      }
      result.cards.push_back(std::move(card));
      continue;
    }
    if (depth > 1) continue;
    if (!err.empty()) {
      // A line that is not a property: skipped with a warning, unless nothing else is
      // readable (then the card has no name and is rejected below).
      card.warnings.push_back("line " + std::to_string(l.line) + ": " + err + "; skipped");
      continue;
    }
    if (p.name == "BEGIN" || p.name == "END") {
      if (!bad) {
        bad = true;
        bad_line = l.line;
        bad_message = p.name + ":" + std::string(Trim(p.value)).substr(0, 40) +
                      " inside a vCard is not allowed";
      }
      continue;
    }
    Apply(p, l.line, card);
  }
  flush_stray(last_line);
  if (in_card) {
    result.problems.push_back(
        {card.number, card.line,
         "no END:VCARD for the card that begins on line " + std::to_string(card.line)});
  }
  return result;
}

std::string Write(const Card& c) {
  std::string out;
  auto prop = [&](std::string_view line) { FoldInto(out, line); };
  prop("BEGIN:VCARD");
  prop("VERSION:4.0");
  const bool org = c.IsOrganisation();
  prop(std::string("KIND:") + (org ? "org" : "individual"));
  prop("FN:" + Escape(c.DisplayName()));
  if (!c.n.Empty()) {
    prop("N:" + Escape(c.n.family) + ";" + Escape(c.n.given) + ";" + Escape(c.n.additional) + ";" +
         Escape(c.n.prefix) + ";" + Escape(c.n.suffix));
  }
  if (!c.org.empty()) {
    std::string v = "ORG:";
    for (std::size_t i = 0; i < c.org.size(); ++i) v += (i ? ";" : "") + Escape(c.org[i]);
    prop(v);
  }
  if (!c.title.empty()) prop("TITLE:" + Escape(c.title));
  for (const auto& e : c.emails) prop("EMAIL" + TypeParam(e.types) + ":" + Escape(e.value));
  for (const auto& t : c.phones)
    prop("TEL;VALUE=text" + TypeParam(t.types) + ":" + Escape(t.value));
  for (const auto& a : c.addresses) {
    prop("ADR" + TypeParam(a.types) + ":" + Escape(a.po_box) + ";" + Escape(a.extended) + ";" +
         Escape(a.street) + ";" + Escape(a.locality) + ";" + Escape(a.region) + ";" +
         Escape(a.postal_code) + ";" + Escape(a.country));
  }
  for (const auto& u : c.urls) prop("URL" + TypeParam(u.types) + ":" + u.value);
  if (!c.bday.empty()) prop("BDAY:" + c.bday);
  if (!c.note.empty()) prop("NOTE:" + Escape(c.note));
  prop("END:VCARD");
  return out;
}

}  // namespace chaincrm::domain::vcard
