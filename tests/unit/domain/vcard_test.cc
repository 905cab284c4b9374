#include "domain/vcard.h"

#include <gtest/gtest.h>

namespace chaincrm::domain::vcard {
namespace {

TEST(Vcard, ReadsVersion30WithFoldingAndEscapes) {
  const auto r = Parse(
      "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Smith\\, John\r\nN:Smith;John;;Dr.;\r\n"
      "NOTE:line one\\nline two\\; and\r\n  more\r\n"
      "EMAIL;TYPE=INTERNET,WORK:john@example.com\r\nEMAIL;TYPE=home:j@home.example\r\n"
      "TEL;TYPE=CELL:+1 555 0100\r\nADR;TYPE=work:;Suite 5;1 Main St;Springfield;IL;62701;USA\r\n"
      "ORG:Acme\\, Inc.;Sales\r\nTITLE:Boss\r\nBDAY:1980-02-03\r\nEND:VCARD\r\n");
  ASSERT_EQ(r.cards.size(), 1u);
  EXPECT_TRUE(r.problems.empty());
  const Card& c = r.cards[0];
  EXPECT_EQ(c.version, "3.0");
  EXPECT_EQ(c.fn, "Smith, John");
  EXPECT_EQ(c.n.family, "Smith");
  EXPECT_EQ(c.n.prefix, "Dr.");
  EXPECT_EQ(c.note, "line one\nline two; and more");
  ASSERT_EQ(c.emails.size(), 2u);
  EXPECT_EQ(c.emails[0].types, std::vector<std::string>{"work"});
  EXPECT_EQ(c.phones[0].value, "+1 555 0100");
  EXPECT_EQ(c.phones[0].types, std::vector<std::string>{"cell"});
  ASSERT_EQ(c.addresses.size(), 1u);
  EXPECT_EQ(c.addresses[0].street, "1 Main St");
  EXPECT_EQ(c.addresses[0].extended, "Suite 5");
  EXPECT_EQ(c.addresses[0].postal_code, "62701");
  ASSERT_EQ(c.org.size(), 2u);
  EXPECT_EQ(c.org[0], "Acme, Inc.");
  EXPECT_FALSE(c.IsOrganisation());
}

TEST(Vcard, ReadsVersion21QuotedPrintableSoftBreaksAndCharset) {
  // "Müller" in ISO-8859-1 (0xFC), a QP note over two lines, bare 2.1 parameters.
  const auto r = Parse(
      "BEGIN:VCARD\nVERSION:2.1\nN;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:M=FCller;Hans\n"
      "FN;CHARSET=UTF-8;QUOTED-PRINTABLE:J=C3=BCrgen =\nM=C3=BCller\n"
      "TEL;HOME;VOICE:030 1234567\nEND:VCARD\n");
  ASSERT_EQ(r.cards.size(), 1u);
  EXPECT_EQ(r.cards[0].n.family, "M\xC3\xBCller");
  EXPECT_EQ(r.cards[0].fn, "J\xC3\xBCrgen M\xC3\xBCller");
  EXPECT_EQ(r.cards[0].phones[0].types, (std::vector<std::string>{"home", "voice"}));
}

TEST(Vcard, ReadsVersion40UrisAndKind) {
  const auto r = Parse(
      "BEGIN:VCARD\r\nVERSION:4.0\r\nKIND:org\r\nFN:ACME\r\nORG:ACME\r\n"
      "TEL;VALUE=uri;TYPE=\"voice,work\":tel:+1-555-555-5555\r\nEND:VCARD\r\n");
  ASSERT_EQ(r.cards.size(), 1u);
  EXPECT_TRUE(r.cards[0].IsOrganisation());
  EXPECT_EQ(r.cards[0].phones[0].value, "+1-555-555-5555");
  EXPECT_EQ(r.cards[0].phones[0].types, (std::vector<std::string>{"voice", "work"}));
}

TEST(Vcard, UnknownCharsetIsReportedAndLegacyBytesConverted) {
  const auto r = Parse(
      "BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=KOI8-R:abc\r\n"
      "NOTE:caf\xE9\r\nEND:VCARD\r\n");
  ASSERT_EQ(r.cards.size(), 1u);
  ASSERT_FALSE(r.cards[0].warnings.empty());
  EXPECT_NE(r.cards[0].warnings[0].find("KOI8-R"), std::string::npos);
  EXPECT_EQ(r.cards[0].note, "caf\xC3\xA9");  // read as Windows-1252
}

TEST(Vcard, ManyCardsAndPositionedProblems) {
  const auto r = Parse(
      "junk before\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\nEND:VCARD\r\n"
      "BEGIN:VCARD\r\nVERSION:3.0\r\nNOTE:no name\r\nEND:VCARD\r\n"
      "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:B\r\nEND:VCARD\r\n"
      "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:C\r\n");
  ASSERT_EQ(r.cards.size(), 2u);
  EXPECT_EQ(r.cards[1].fn, "B");
  EXPECT_EQ(r.cards[1].number, 3);
  EXPECT_EQ(r.cards[1].line, 10);
  ASSERT_EQ(r.problems.size(), 3u);
  EXPECT_EQ(r.problems[0].line, 1);  // stray text
  EXPECT_EQ(r.problems[1].card, 2);
  EXPECT_EQ(r.problems[1].line, 6);
  EXPECT_EQ(r.problems[2].card, 4);
}

TEST(Vcard, Utf16AndBomAndCrOnlyLineEnds) {
  std::string u16 = "\xFF\xFE";
  for (char ch : std::string("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zoe\r\nEND:VCARD\r\n")) {
    u16 += ch;
    u16 += '\0';
  }
  auto r = Parse(u16);
  ASSERT_EQ(r.cards.size(), 1u);
  EXPECT_EQ(r.cards[0].fn, "Zoe");
  r = Parse(
      "\xEF\xBB\xBF"
      "BEGIN:VCARD\rVERSION:3.0\rFN:Al\rEND:VCARD\r");
  ASSERT_EQ(r.cards.size(), 1u);
  EXPECT_EQ(r.cards[0].fn, "Al");
}

TEST(Vcard, QuotedPrintableAndEscapeHelpers) {
  EXPECT_EQ(DecodeQuotedPrintable("a=3Db=\r"), "a=b=\r");
  EXPECT_EQ(DecodeQuotedPrintable("x=4"), "x=4");
  EXPECT_EQ(SplitEscaped("a\\;b;c\\,d;\\\\", ';'), (std::vector<std::string>{"a;b", "c,d", "\\"}));
  EXPECT_EQ(Escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
  std::string out;
  EXPECT_TRUE(ToUtf8("\x80", "windows-1252", out));
  EXPECT_EQ(out, "\xE2\x82\xAC");
  EXPECT_FALSE(ToUtf8("x", "shift_jis", out));
}

TEST(Vcard, WriterRoundTripsNamesEmailsPhonesAddresses) {
  Card c;
  c.kind = "individual";
  c.fn = "Zoë O'Brien, Jr.; 王小明";
  c.n = {"O'Brien", "Zoë", "", "", "Jr."};
  c.emails = {{"zoe@example.com", {"work"}}, {"z@home.example", {"home", "pref2"}}};
  c.phones = {{"+49 30 1234-56", {"cell"}}, {"(555) 0100 ext. 7", {}}};
  Adr a;
  a.types = {"home"};
  a.street = "Hauptstraße 1; Hinterhaus, 2. OG";
  a.locality = "Berlin";
  a.postal_code = "10115";
  a.country = "Deutschland";
  c.addresses = {a};
  c.note = std::string(200, 'x') + "\nend";
  const std::string text = Write(c);
  for (std::size_t start = 0, end; (end = text.find("\r\n", start)) != std::string::npos;
       start = end + 2) {
    EXPECT_LE(end - start, 75u);
  }
  const auto r = Parse(text);
  ASSERT_EQ(r.cards.size(), 1u);
  const Card& b = r.cards[0];
  EXPECT_EQ(b.version, "4.0");
  EXPECT_EQ(b.fn, c.fn);
  EXPECT_EQ(b.n.family, "O'Brien");
  EXPECT_EQ(b.n.suffix, "Jr.");
  ASSERT_EQ(b.emails.size(), 2u);
  EXPECT_EQ(b.emails[1].value, "z@home.example");
  EXPECT_EQ(b.emails[1].types, (std::vector<std::string>{"home", "pref2"}));
  ASSERT_EQ(b.phones.size(), 2u);
  EXPECT_EQ(b.phones[0].value, "+49 30 1234-56");
  EXPECT_EQ(b.phones[1].value, "(555) 0100 ext. 7");
  ASSERT_EQ(b.addresses.size(), 1u);
  EXPECT_EQ(b.addresses[0].street, a.street);
  EXPECT_EQ(b.addresses[0].country, "Deutschland");
  EXPECT_EQ(b.note, c.note);
}

TEST(Vcard, NeverHangsOnHostileInput) {
  std::string s = "BEGIN:VCARD\r\nNOTE;ENCODING=QUOTED-PRINTABLE:";
  for (int i = 0; i < 20000; ++i) s += "=\r\n";
  s += "\r\nEND:VCARD\r\n";
  s += std::string(1000, '\\') + ";\"\"\";:::;;";
  const auto r = Parse(s);
  EXPECT_LE(r.cards.size(), 1u);
}

}  // namespace
}  // namespace chaincrm::domain::vcard
