#include <gtest/gtest.h>

#include "hbl/TextUtils.hpp"

namespace {

using hbl::text::nearestNames;
using hbl::text::parseDouble;

TEST(TextUtils, ParsesNumbersInTheCLocale) {
    double value = 0.0;
    EXPECT_TRUE(parseDouble("7000", value));
    EXPECT_EQ(value, 7000.0);
    EXPECT_TRUE(parseDouble(" 2.47 ", value));
    EXPECT_EQ(value, 2.47);
    EXPECT_TRUE(parseDouble("+1e3", value));
    EXPECT_EQ(value, 1000.0);
    EXPECT_TRUE(parseDouble("-0.5", value));
    EXPECT_EQ(value, -0.5);
}

TEST(TextUtils, RejectsTextThatIsNotOneFiniteNumber) {
    double value = 42.0;
    for (const char* bad : {"", "  ", "2,47", "7000 MeV", "abc", "inf", "nan", "1e999"}) {
        EXPECT_FALSE(parseDouble(bad, value)) << bad;
    }
    EXPECT_EQ(value, 42.0);  // untouched on failure
}

TEST(TextUtils, NearestNamesRanksByEditDistance) {
    const std::vector<std::string> names{"ElectronMinPt", "MuonMinPt", "ElectronMaxAbsEta",
                                         "ZMass"};
    // Case-insensitive edit distances from "electronminpt": ElectronMinPt 0; MuonMinPt 6
    // ("electr" -> "mu": 2 substitutions, 4 deletions); ElectronMaxAbsEta 7 ("inp" ->
    // "axabse": 3 substitutions, 3 insertions; "t" kept; "a" inserted); ZMass 12.
    EXPECT_EQ(nearestNames("electronminpt", names),
              "ElectronMinPt, MuonMinPt, ElectronMaxAbsEta");
}

}  // namespace
