#pragma once
// vCard 2.1, 3.0 and 4.0 reading, and vCard 4.0 writing (RFC 2426, RFC 6350). Pure code:
// bytes in, cards and positioned problems out. docs/ORGANISE.md describes the mapping.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace chaincrm::domain::vcard {

/// An EMAIL, TEL or URL value with its TYPE parameters (lower case, e.g. "work", "cell").
struct Typed {
  std::string value;
  std::vector<std::string> types;
};

/// N: family; given; additional; prefixes; suffixes.
struct Name {
  std::string family, given, additional, prefix, suffix;
  bool Empty() const;
};

/// ADR: po box; extended; street; locality; region; postal code; country.
struct Adr {
  std::vector<std::string> types;
  std::string po_box, extended, street, locality, region, postal_code, country;
  bool Empty() const;
};

struct Card {
  int number = 0;  // 1-based position of the card in the file
  int line = 0;    // line of its BEGIN:VCARD
  std::string version;
  std::string kind;  // KIND (4.0) lower case: individual | org | group | ...
  std::string fn;
  Name n;
  std::vector<std::string> org;  // organisation name, then units
  std::string title, bday, note;
  std::vector<Typed> emails, phones, urls;
  std::vector<Adr> addresses;
  int ignored_properties = 0;         // PHOTO, X-..., and every other property not mapped
  std::vector<std::string> warnings;  // "line 7: charset KOI8-R is not supported ..."

  /// True when the card describes an organisation, not a person: KIND:org, or an ORG
  /// with neither a person name (N given/family) nor an FN other than the ORG.
  bool IsOrganisation() const;
  /// The display name: FN, else N "given family", else ORG, else the first email.
  std::string DisplayName() const;
};

/// A card (or a stretch of the file) that could not be read.
struct Problem {
  int card = 0;  // 0 when outside any card
  int line = 0;
  std::string message;
};

struct ParseResult {
  std::vector<Card> cards;
  std::vector<Problem> problems;
};

/// Reads every card of a file. Never fails as a whole: unreadable cards and stray text
/// become problems with their position. Accepts CRLF, LF, CR and CR CR LF line ends,
/// a UTF-8 or UTF-16 byte-order mark, folded lines, quoted-printable soft line breaks,
/// CHARSET UTF-8 / US-ASCII / ISO-8859-1 / ISO-8859-15 / Windows-1252 (others: a warning,
/// and bytes that are not UTF-8 are read as Windows-1252).
ParseResult Parse(std::string_view bytes);

/// Writes one card as vCard 4.0 (CRLF, folded at 75 octets). Parse(Write(c)) gives back
/// the same names, emails, phones (with types) and addresses.
std::string Write(const Card& card);

/// Text helpers, exposed for the tests.
std::string DecodeQuotedPrintable(std::string_view s);
/// Converts `bytes` in `charset` to UTF-8; false when the charset is not known.
bool ToUtf8(std::string_view bytes, std::string_view charset, std::string& out);
/// Splits a value on unescaped `sep` and removes the backslash escapes (\\ \, \; \n).
std::vector<std::string> SplitEscaped(std::string_view value, char sep);
std::string Unescape(std::string_view value);
std::string Escape(std::string_view text);

}  // namespace chaincrm::domain::vcard
