#pragma once
// Normalisation of names, emails and phone numbers for lookup and duplicate detection.

#include <string>
#include <string_view>

namespace chaincrm {

/// Lower-cases ASCII and Latin letters, removes diacritics from Latin letters
/// (é→e, ß→ss, Ø→o), collapses runs of white space to one space and trims. Non-Latin
/// text (Chinese, Cyrillic...) is kept as is, so "杭州" still matches inside a name.
std::string FoldForSearch(std::string_view s);

/// Trims and lower-cases an email address. Returns "" if it is not a plausible address
/// (one '@', non-empty local part, a dot in the domain, no spaces).
std::string NormalizeEmail(std::string_view s);

/// Digits only, with an international prefix "00" turned into nothing ("+49 (30) 12-34"
/// → "493012 34" without spaces → "49301234"). Returns "" when fewer than 5 digits remain.
std::string NormalizePhone(std::string_view s);

/// The digits of a normalised phone reversed: stored so that a suffix search (a number
/// typed without country code) becomes an indexed prefix range on both backends.
std::string ReversedDigits(std::string_view normalized_phone);

/// Trims ASCII white space from both ends.
std::string_view Trim(std::string_view s);

/// True if the bytes are valid UTF-8.
bool IsValidUtf8(std::string_view s);

}  // namespace chaincrm
