#include <gtest/gtest.h>

#include <sstream>

#include "hbl/CalibrationTable.hpp"
#include "TestHelpers.hpp"

namespace {

using hbl::CalibrationKind;
using hbl::CalibrationTable;
using hbl::StatusCode;

StatusCode parse(const std::string& text, CalibrationTable& table) {
    std::istringstream input(text);
    return CalibrationTable::parse(input, "cal.txt", table);
}

const char* kElectronScale =
    "# comment line\n"
    "\n"
    "electron scale 0.00 1.37 0.004   # barrel\n"
    "electron scale 1.37 2.47 0.008\n";

TEST(CalibrationTable, LooksUpHalfOpenBinsWithTheTopEdgeIncluded) {
    CalibrationTable table;
    ASSERT_TRUE(parse(kElectronScale, table).isSuccess());
    ASSERT_EQ(table.bins().size(), 2u);
    EXPECT_EQ(table.bins()[0].line, 3);
    double value = 0.0;
    ASSERT_TRUE(table.lookup("electron", CalibrationKind::Scale, 0.0, value));
    EXPECT_EQ(value, 0.004);
    ASSERT_TRUE(table.lookup("electron", CalibrationKind::Scale, 1.36, value));
    EXPECT_EQ(value, 0.004);
    ASSERT_TRUE(table.lookup("electron", CalibrationKind::Scale, 1.37, value));  // [1.37, ..
    EXPECT_EQ(value, 0.008);
    ASSERT_TRUE(table.lookup("electron", CalibrationKind::Scale, 2.47, value));  // top edge
    EXPECT_EQ(value, 0.008);
    // The single-precision value of 2.47 stored in an ntuple is slightly above 2.47.
    ASSERT_TRUE(table.lookup("electron", CalibrationKind::Scale, double(2.47f), value));
    EXPECT_FALSE(table.lookup("electron", CalibrationKind::Scale, 2.48, value));
    EXPECT_FALSE(table.lookup("electron", CalibrationKind::Resolution, 0.5, value));
    EXPECT_FALSE(table.lookup("muon", CalibrationKind::Scale, 0.5, value));
    EXPECT_EQ(table.coverage("electron", CalibrationKind::Scale), "[0, 1.37) [1.37, 2.47]");
}

struct MalformedCase {
    const char* line;
    const char* message;
};

class MalformedLine : public ::testing::TestWithParam<MalformedCase> {};

TEST_P(MalformedLine, IsReportedWithFileLineAndText) {
    CalibrationTable table;
    // The bad record is on line 2, after a valid one.
    const StatusCode status =
        parse(std::string("muon scale 0 1.05 0.0005\n") + GetParam().line + "\n", table);
    ASSERT_TRUE(status.isFailure());
    EXPECT_EQ(status.code(), HBL_ERROR_CALIBRATION_FILE);
    EXPECT_EQ(status.message(), GetParam().message);
}

INSTANTIATE_TEST_SUITE_P(
    CalibrationTable, MalformedLine,
    ::testing::Values(
        MalformedCase{"electron scale 0 1.37",
                      "cal.txt:2: expected 5 fields '<electron|muon> <scale|resolution> "
                      "<abs_eta_min> <abs_eta_max> <value>', got 'electron scale 0 1.37'"},
        MalformedCase{"electron scale 0 1.37 0.004 extra",
                      "cal.txt:2: expected 5 fields '<electron|muon> <scale|resolution> "
                      "<abs_eta_min> <abs_eta_max> <value>', got "
                      "'electron scale 0 1.37 0.004 extra'"},
        MalformedCase{"tau scale 0 1 0.01",
                      "cal.txt:2: flavour must be electron or muon, got 'tau'"},
        MalformedCase{"muon offset 0 1 0.01",
                      "cal.txt:2: kind must be scale or resolution, got 'offset'"},
        MalformedCase{"muon resolution 0 1,05 0.01",
                      "cal.txt:2: abs_eta_max is not a finite number, got '1,05'"},
        MalformedCase{"muon resolution 0 1.05 one",
                      "cal.txt:2: value is not a finite number, got 'one'"},
        MalformedCase{"muon resolution 1.05 1.05 0.01",
                      "cal.txt:2: need 0 <= abs_eta_min < abs_eta_max, got '1.05 1.05'"},
        MalformedCase{"muon resolution -1 1.05 0.01",
                      "cal.txt:2: need 0 <= abs_eta_min < abs_eta_max, got '-1 1.05'"},
        MalformedCase{"muon resolution 0 1.05 1.5",
                      "cal.txt:2: value must be a relative size in [0, 1), got '1.5'"},
        MalformedCase{"muon scale 1.0 2.7 0.001",
                      "cal.txt:2: |eta| bin overlaps the bin on line 1, got '1.0 2.7'"}));

TEST(CalibrationTable, MissingFileNamesThePath) {
    CalibrationTable table;
    const StatusCode status = CalibrationTable::read("/nonexistent/hbl/cal.txt", table);
    EXPECT_EQ(status.code(), HBL_ERROR_CALIBRATION_FILE);
    EXPECT_EQ(status.message(), "cannot open calibration file '/nonexistent/hbl/cal.txt': "
                                "No such file or directory");
}

TEST(CalibrationTable, ReadsTheShippedFile) {
    CalibrationTable table;
    ASSERT_TRUE(CalibrationTable::read(HBL_CALIBRATION_FILE, table).isSuccess());
    EXPECT_EQ(table.bins().size(), 8u);
    double value = 0.0;
    ASSERT_TRUE(table.lookup("muon", CalibrationKind::Resolution, 2.0, value));
    EXPECT_EQ(value, 0.02);
    ASSERT_TRUE(table.lookup("muon", CalibrationKind::Scale, 1.0, value));
    EXPECT_EQ(value, 0.0005);
}

}  // namespace
