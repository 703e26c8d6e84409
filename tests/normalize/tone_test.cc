// Canonical tone placement: word-final "oa", "oe", "uy" carry the tone on the first vowel (the
// traditional style), whatever style the input used.
#include <string>

#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "normalize/normalize.h"
#include "normalize/vn_chars.h"

namespace vnplan {
namespace {

struct ToneCase {
  const char* input;
  const char* want;
};

TEST(ToneTest, MovesToneOfWordFinalPairs) {
  const ToneCase cases[] = {
      {"hoà", "hòa"},
      {"hoá", "hóa"},
      {"hoả", "hỏa"},
      {"hoã", "hõa"},
      {"hoạ", "họa"},
      {"khoẻ", "khỏe"},
      {"xoè", "xòe"},
      {"thuỷ", "thủy"},
      {"tuỳ", "tùy"},
      {"thuý", "thúy"},
      {"luỹ", "lũy"},
      {"Uỷ ban", "Ủy ban"},
      {"Tỉnh uỷ", "Tỉnh ủy"},
      {"HOÀ", "HÒA"},
      {"Hoà", "Hòa"},
      {"CỘNG HOÀ", "CỘNG HÒA"},
      {"xã hội hoá.", "xã hội hóa."},
      {"toà,", "tòa,"},
      {"(hoà)", "(hòa)"},
      {"hoà_bình", "hòa bình"},
      {"**thuỷ**", "thủy"},
  };
  for (const ToneCase& c : cases) EXPECT_EQ(Normalize(c.input).text, c.want) << c.input;
}

TEST(ToneTest, LeavesOtherWordsAlone) {
  const char* const kept[] = {
      "quý",   "Quý",    "QUỸ",   "quỳ",     // "qu" is a consonant: the tone stays on y
      "hoàng", "thuyền", "hoạch", "khoảng",  // not word-final
      "ngoài", "khuỷu",  "người", "hòa",     // longer vowel groups, or already traditional
      "thủy",  "khỏe",   "hoa",   "thuy",    // untoned pairs
      "mùa",   "của",    "quốc",  "tuổi",
  };
  for (const char* word : kept) EXPECT_EQ(Normalize(word).text, word) << word;
}

TEST(ToneTest, CanBeTurnedOff) {
  NormalizeOptions options;
  options.canonical_tones = false;
  EXPECT_EQ(Normalize("hoà thuỷ", options).text, "hoà thuỷ");
}

TEST(ToneTest, MapCoversBothLetters) {
  const std::string src = "xã hội hoá.";
  const NormalizedText n = Normalize(src);
  ASSERT_EQ(n.text, "xã hội hóa.");
  const size_t at = n.text.find("hóa");
  const Span s = n.map.MapSpan({at, at + std::string("hóa").size()});
  EXPECT_EQ(src.substr(s.start, s.size()), "hoá");
}

// The precomposed table agrees with ICU's composition of base letter plus tone mark.
TEST(ToneTest, ToneTableMatchesUnicode) {
  using normalize_internal::JoinTone;
  using normalize_internal::SplitTone;
  using normalize_internal::Tone;
  using normalize_internal::ToneVowel;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  ASSERT_TRUE(U_SUCCESS(status));
  const char16_t marks[] = {0, 0x0300, 0x0301, 0x0309, 0x0303, 0x0323};
  for (char base : {'a', 'e', 'o', 'u', 'y'}) {
    for (int tone = 0; tone < 6; ++tone) {
      for (bool upper : {false, true}) {
        icu::UnicodeString s(static_cast<UChar32>(upper ? base - 32 : base));
        if (marks[tone]) s.append(static_cast<UChar>(marks[tone]));
        const icu::UnicodeString composed = nfc->normalize(s, status);
        ASSERT_EQ(composed.countChar32(), 1);
        const char32_t want = static_cast<char32_t>(composed.char32At(0));
        EXPECT_EQ(JoinTone(base, static_cast<Tone>(tone), upper), want) << base << tone;
        ToneVowel v;
        ASSERT_TRUE(SplitTone(want, &v));
        EXPECT_EQ(v.base, base);
        EXPECT_EQ(static_cast<int>(v.tone), tone);
        EXPECT_EQ(v.upper, upper);
      }
    }
  }
  ToneVowel v;
  EXPECT_FALSE(SplitTone(U'ơ', &v));
  EXPECT_FALSE(SplitTone(U'ấ', &v));
  EXPECT_FALSE(SplitTone(U'b', &v));
}

TEST(ToneTest, CharInfo) {
  using normalize_internal::GetCharInfo;
  EXPECT_TRUE(GetCharInfo(U'Ỷ').is_upper());
  EXPECT_EQ(GetCharInfo(U'Ỷ').base, 'Y');
  EXPECT_EQ(GetCharInfo(U'đ').base, 'd');
  EXPECT_EQ(GetCharInfo(U'Đ').base, 'D');
  EXPECT_TRUE(GetCharInfo(U'ư').is_lower());
  EXPECT_TRUE(GetCharInfo(U'ư').is_vowel());
  EXPECT_FALSE(GetCharInfo(U'đ').is_vowel());
  EXPECT_TRUE(GetCharInfo(0x0301).is_mark());
  EXPECT_TRUE(GetCharInfo(0x00A0).is_space());
  EXPECT_FALSE(GetCharInfo(U'-').is_word());
  EXPECT_TRUE(GetCharInfo(U'7').is_digit());
}

}  // namespace
}  // namespace vnplan
