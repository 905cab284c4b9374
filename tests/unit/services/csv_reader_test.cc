#include "services/csv_reader.h"

#include <gtest/gtest.h>

#include <sstream>

namespace chaincrm::services {
namespace {

using Records = std::vector<std::pair<std::int64_t, std::vector<std::string>>>;

Records ReadAll(const std::string& text, char delimiter = ',', std::string* error = nullptr) {
  std::istringstream in(text);
  CsvReader reader(in, delimiter);
  Records out;
  std::vector<std::string> fields;
  while (reader.Next(fields)) out.emplace_back(reader.line(), fields);
  if (error) *error = reader.error();
  return out;
}

TEST(CsvReader, QuotedFieldsWithDelimitersQuotesAndNewlines) {
  const auto r = ReadAll("a,b,c\r\n\"x,1\",\"say \"\"hi\"\"\",\"two\nlines\"\r\nlast,,\n");
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(r[1].second, (std::vector<std::string>{"x,1", "say \"hi\"", "two\nlines"}));
  EXPECT_EQ(r[2].first, 4) << "the record after a quoted newline starts on line 4";
  EXPECT_EQ(r[2].second, (std::vector<std::string>{"last", "", ""}));
}

TEST(CsvReader, SkipsTheByteOrderMarkAndBlankLines) {
  const auto r = ReadAll("\xEF\xBB\xBFname,email\n\n\r\nAda,ada@x.org");
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].second.front(), "name");
  EXPECT_EQ(r[1].first, 4);
  EXPECT_EQ(r[1].second, (std::vector<std::string>{"Ada", "ada@x.org"}));
}

TEST(CsvReader, SemicolonDelimiter) {
  const auto r = ReadAll("a;b\n\"1;2\";3\n", ';');
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[1].second, (std::vector<std::string>{"1;2", "3"}));
}

TEST(CsvReader, UnterminatedQuoteIsAnErrorWithItsLine) {
  std::string error;
  const auto r = ReadAll("a\nok\n\"never closed\nmore\n", ',', &error);
  EXPECT_EQ(r.size(), 2u);
  EXPECT_EQ(error, "line 3: unterminated quoted field");
}

TEST(CsvReader, QuoteRoundTrips) {
  const std::string fields[] = {"plain", "with,comma", "with \"quote\"", "two\nlines", ""};
  std::string line;
  for (const auto& f : fields) line += (line.empty() ? "" : ",") + CsvQuote(f);
  const auto r = ReadAll(line + "\n");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].second, std::vector<std::string>(std::begin(fields), std::end(fields)));
}

}  // namespace
}  // namespace chaincrm::services
