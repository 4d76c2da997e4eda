#include <gtest/gtest.h>

#include <cmath>
#include <memory>

#include "hbl/ElectronCalibrationTool.hpp"
#include "hbl/MuonCalibrationTool.hpp"
#include "hbl/Smearing.hpp"
#include "TestHelpers.hpp"

namespace {

using hbl::ElectronCalibrationTool;
using hbl::Lepton;
using hbl::LeptonCalibrationTool;
using hbl::MuonCalibrationTool;
using hbl::test::masslessLepton;

template <typename Tool>
std::unique_ptr<Tool> initializedTool() {
    auto tool = std::make_unique<Tool>("calib");
    EXPECT_TRUE(tool->setProperty("CalibrationFile", HBL_CALIBRATION_FILE).isSuccess());
    EXPECT_TRUE(tool->initialize().isSuccess());
    return tool;
}

int variation(const LeptonCalibrationTool& tool, const std::string& name) {
    int index = -2;
    EXPECT_TRUE(tool.findVariation(name, index).isSuccess()) << name;
    return index;
}

TEST(LeptonCalibrationTool, ListsItsVariations) {
    ElectronCalibrationTool electrons("e");
    MuonCalibrationTool muons("mu");
    EXPECT_EQ(electrons.variations(),
              (std::vector<std::string>{"EG_SCALE__1up", "EG_SCALE__1down",
                                        "EG_RESOLUTION__1up", "EG_RESOLUTION__1down"}));
    EXPECT_EQ(muons.variations(),
              (std::vector<std::string>{"MUON_SCALE__1up", "MUON_SCALE__1down",
                                        "MUON_RESOLUTION__1up", "MUON_RESOLUTION__1down"}));
    EXPECT_EQ(variation(electrons, ""), LeptonCalibrationTool::kNominal);
    EXPECT_EQ(variation(electrons, "NOMINAL"), LeptonCalibrationTool::kNominal);
}

TEST(LeptonCalibrationTool, UnknownVariationListsTheNearestNames) {
    ElectronCalibrationTool electrons("e");
    int index = 0;
    const hbl::StatusCode status = electrons.findVariation("EG_SCALE_1up", index);
    EXPECT_EQ(status.code(), HBL_ERROR_UNKNOWN_VARIATION);
    EXPECT_EQ(status.message(),
              "unknown variation 'EG_SCALE_1up' for ElectronCalibrationTool; nearest: "
              "EG_SCALE__1up, EG_SCALE__1down, NOMINAL (all: NOMINAL, EG_SCALE__1up, "
              "EG_SCALE__1down, EG_RESOLUTION__1up, EG_RESOLUTION__1down)");
}

TEST(LeptonCalibrationTool, CalibrationFileIsRequired) {
    MuonCalibrationTool muons("mu");
    const hbl::StatusCode status = muons.initialize();
    EXPECT_EQ(status.code(), HBL_ERROR_CALIBRATION_FILE);
    EXPECT_EQ(status.message(), "property 'CalibrationFile' is required: the path of the "
                                "calibration text file (none was set)");
}

TEST(LeptonCalibrationTool, FileWithoutTheFlavourIsRejected) {
    const std::string path = hbl::test::writeTempFile(
        "electron-only.txt", "electron scale 0 2.47 0.004\nelectron resolution 0 2.47 0.01\n");
    MuonCalibrationTool muons("mu");
    ASSERT_TRUE(muons.setProperty("CalibrationFile", path).isSuccess());
    const hbl::StatusCode status = muons.initialize();
    EXPECT_EQ(status.code(), HBL_ERROR_CALIBRATION_FILE);
    EXPECT_EQ(status.message(), path + ": no 'muon scale' records");
}

TEST(LeptonCalibrationTool, MalformedFileNamesFileAndLine) {
    const std::string path = hbl::test::writeTempFile(
        "malformed.txt", "# header\nelectron scale 0 1.37 0.004\nelectron scale 1.37 x 0.008\n");
    ElectronCalibrationTool electrons("e");
    ASSERT_TRUE(electrons.setProperty("CalibrationFile", path).isSuccess());
    const hbl::StatusCode status = electrons.initialize();
    EXPECT_EQ(status.code(), HBL_ERROR_CALIBRATION_FILE);
    EXPECT_EQ(status.message(), path + ":3: abs_eta_max is not a finite number, got 'x'");
}

TEST(LeptonCalibrationTool, NominalIsTheIdentity) {
    auto tool = initializedTool<ElectronCalibrationTool>();
    Lepton lepton = masslessLepton(HBL_ELECTRON, -1, 40.0, 3.5, 0.0, 0);  // even outside bins
    ASSERT_TRUE(tool->applyVariation(LeptonCalibrationTool::kNominal, 1, lepton).isSuccess());
    EXPECT_EQ(lepton.pt, 40000.0);
    EXPECT_EQ(lepton.e, 40000.0 * std::cosh(3.5));
}

TEST(LeptonCalibrationTool, ElectronScaleUsesTheEtaBin) {
    auto tool = initializedTool<ElectronCalibrationTool>();
    // Barrel (|eta| = 0.5 < 1.37), s = 0.004: up 40000 * 1.004 = 40160, E 50000 -> 50200.
    Lepton barrel{};
    barrel.type = HBL_ELECTRON;
    barrel.pt = 40000.0;
    barrel.eta = -0.5;
    barrel.e = 50000.0;
    ASSERT_TRUE(tool->applyVariation(variation(*tool, "EG_SCALE__1up"), 1, barrel).isSuccess());
    EXPECT_DOUBLE_EQ(barrel.pt, 40160.0);
    EXPECT_DOUBLE_EQ(barrel.e, 50200.0);
    EXPECT_EQ(barrel.eta, -0.5);
    // End-cap (|eta| = 2.0), s = 0.008: down 40000 * 0.992 = 39680, E 150000 -> 148800.
    Lepton endcap = barrel;
    endcap.pt = 40000.0;
    endcap.eta = 2.0;
    endcap.e = 150000.0;
    ASSERT_TRUE(
        tool->applyVariation(variation(*tool, "EG_SCALE__1down"), 1, endcap).isSuccess());
    EXPECT_DOUBLE_EQ(endcap.pt, 39680.0);
    EXPECT_DOUBLE_EQ(endcap.e, 148800.0);
}

TEST(LeptonCalibrationTool, MuonScaleLeavesElectronsAlone) {
    auto tool = initializedTool<MuonCalibrationTool>();
    // |eta| = 1.5 is in the end-cap bin, s = 0.001: 30000 * 1.001 = 30030.
    Lepton muon = masslessLepton(HBL_MUON, 1, 30.0, 1.5, 0.0, 0);
    Lepton electron = masslessLepton(HBL_ELECTRON, 1, 30.0, 1.5, 0.0, 1);
    const int up = variation(*tool, "MUON_SCALE__1up");
    ASSERT_TRUE(tool->applyVariation(up, 5, muon).isSuccess());
    ASSERT_TRUE(tool->applyVariation(up, 5, electron).isSuccess());
    EXPECT_DOUBLE_EQ(muon.pt, 30030.0);
    EXPECT_EQ(electron.pt, 30000.0);
}

TEST(LeptonCalibrationTool, EtaOutsideAllBinsIsAnInvalidValue) {
    auto tool = initializedTool<ElectronCalibrationTool>();
    Lepton lepton = masslessLepton(HBL_ELECTRON, 1, 30.0, -2.6, 0.0, 2);
    const hbl::StatusCode status =
        tool->applyVariation(variation(*tool, "EG_SCALE__1up"), 7, lepton);
    EXPECT_EQ(status.code(), HBL_ERROR_INVALID_VALUE);
    EXPECT_EQ(status.message(), std::string("electron 2 of event 7 has |eta| = 2.6, outside "
                                            "every 'electron scale' bin of ")
                                    + HBL_CALIBRATION_FILE + " (bins [0, 1.37) [1.37, 2.47])");
}

TEST(LeptonCalibrationTool, NotInitializedIsRefused) {
    MuonCalibrationTool muons("mu");
    Lepton lepton = masslessLepton(HBL_MUON, 1, 30.0, 0.0, 0.0, 0);
    EXPECT_EQ(muons.applyVariation(0, 1, lepton).code(), HBL_ERROR_NOT_INITIALIZED);
}

TEST(Smearing, Splitmix64MatchesJavaSplittableRandom) {
    // Reference: new java.util.SplittableRandom(seed).nextLong(), an independent
    // implementation of the same generator (JDK 25).
    std::uint64_t state = 0;
    EXPECT_EQ(hbl::smearing::splitmix64(state), 0xE220A8397B1DCDAFULL);
    state = 0x0123456789ABCDEFULL;
    EXPECT_EQ(hbl::smearing::splitmix64(state), 0x157A3807A48FAA9DULL);
}

TEST(Smearing, SeedCombinesEventIndexAndStream) {
    // (7 << 32 | 3) ^ 0x45475F5245534F4C
    EXPECT_EQ(hbl::smearing::seedFor(7, 3, hbl::smearing::kElectronStream),
              0x00000007'00000003ULL ^ 0x45475F5245534F4CULL);
    // A negative event number is taken as its 32-bit pattern.
    EXPECT_EQ(hbl::smearing::seedFor(-1, 0, 0), 0xFFFFFFFF'00000000ULL);
}

TEST(Smearing, DeviatesHaveMeanZeroAndUnitWidth) {
    // 20000 draws: the mean has standard error 1/sqrt(20000) = 0.0071, the variance about
    // sqrt(2/20000) = 0.01; the bounds are about 4 standard errors.
    const int n = 20000;
    double sum = 0.0, sum2 = 0.0;
    for (int event = 0; event < n; ++event) {
        const double g = hbl::smearing::standardNormal(
            hbl::smearing::seedFor(event, 0, hbl::smearing::kMuonStream));
        sum += g;
        sum2 += g * g;
    }
    const double mean = sum / n;
    EXPECT_NEAR(mean, 0.0, 0.03);
    EXPECT_NEAR(sum2 / n - mean * mean, 1.0, 0.04);
}

TEST(LeptonCalibrationTool, ResolutionIsReproducibleAndMirrored) {
    auto tool = initializedTool<ElectronCalibrationTool>();
    const int up = variation(*tool, "EG_RESOLUTION__1up");
    const int down = variation(*tool, "EG_RESOLUTION__1down");
    const Lepton original = masslessLepton(HBL_ELECTRON, 1, 50.0, 0.3, 0.0, 1);
    Lepton a = original, b = original, c = original, other = original;
    ASSERT_TRUE(tool->applyVariation(up, 1234, a).isSuccess());
    ASSERT_TRUE(tool->applyVariation(up, 1234, b).isSuccess());
    ASSERT_TRUE(tool->applyVariation(down, 1234, c).isSuccess());
    ASSERT_TRUE(tool->applyVariation(up, 1235, other).isSuccess());
    EXPECT_EQ(a.pt, b.pt);                              // same seed, same result
    EXPECT_NE(a.pt, other.pt);                          // another event, another draw
    EXPECT_NE(a.pt, original.pt);
    EXPECT_NEAR(a.pt + c.pt, 2.0 * original.pt, 1e-6);  // down mirrors up
    // The factor is 1 + r g with r = 0.01 in the barrel and g from the documented seed.
    const double g = hbl::smearing::standardNormal(
        hbl::smearing::seedFor(1234, 1, hbl::smearing::kElectronStream));
    EXPECT_DOUBLE_EQ(a.pt, 50000.0 * (1.0 + 0.01 * g));
    EXPECT_DOUBLE_EQ(a.e / original.e, a.pt / original.pt);
}

TEST(LeptonCalibrationTool, ResolutionWidthIsTheConstant) {
    auto tool = initializedTool<MuonCalibrationTool>();
    const int up = variation(*tool, "MUON_RESOLUTION__1up");
    // End-cap muons (|eta| = 2.0), r = 0.02: (pt'/pt - 1) has mean 0 and width 0.02.
    const int n = 10000;
    double sum = 0.0, sum2 = 0.0;
    for (int event = 0; event < n; ++event) {
        Lepton muon = masslessLepton(HBL_MUON, -1, 25.0, 2.0, 0.0, 0);
        ASSERT_TRUE(tool->applyVariation(up, event, muon).isSuccess());
        const double shift = muon.pt / 25000.0 - 1.0;
        sum += shift;
        sum2 += shift * shift;
    }
    const double mean = sum / n;
    const double width = std::sqrt(sum2 / n - mean * mean);
    EXPECT_NEAR(mean, 0.0, 0.0008);   // 4 x 0.02 / sqrt(10000)
    EXPECT_NEAR(width, 0.02, 0.0006); // 4 x 0.02 / sqrt(2 x 10000), rounded up
}

}  // namespace
