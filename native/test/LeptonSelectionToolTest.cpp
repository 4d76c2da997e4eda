#include <gtest/gtest.h>

#include <cmath>

#include "hbl/LeptonSelectionTool.hpp"
#include "TestHelpers.hpp"

namespace {

using hbl::Lepton;
using hbl::LeptonSelectionTool;

// A lepton far inside every cut: pT 20 GeV, central, isolated, from the primary vertex.
Lepton good(unsigned type) {
    Lepton lepton;
    lepton.type = type;
    lepton.charge = 1;
    lepton.pt = 20000.0;
    lepton.e = 20000.0;
    lepton.d0Sigma = 1.0;
    return lepton;
}

class LeptonSelectionToolTest : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_TRUE(tool.initialize().isSuccess()); }
    std::uint32_t maskWith(unsigned type, void (*change)(Lepton&)) const {
        Lepton lepton = good(type);
        change(lepton);
        return tool.cutMask(lepton);
    }
    LeptonSelectionTool tool{"selection"};
};

TEST_F(LeptonSelectionToolTest, GoodLeptonsPass) {
    EXPECT_EQ(tool.cutMask(good(HBL_ELECTRON)), 0u);
    EXPECT_EQ(tool.cutMask(good(HBL_MUON)), 0u);
}

TEST_F(LeptonSelectionToolTest, PtThresholdIsStrictAndPerFlavour) {
    // Electrons need pT > 7000 MeV, muons pT > 5000 MeV.
    EXPECT_EQ(maskWith(HBL_ELECTRON, [](Lepton& l) { l.pt = 7000.0; }), HBL_CUT_PT);
    EXPECT_EQ(maskWith(HBL_ELECTRON, [](Lepton& l) { l.pt = 7000.5; }), 0u);
    EXPECT_EQ(maskWith(HBL_ELECTRON, [](Lepton& l) { l.pt = 6000.0; }), HBL_CUT_PT);
    EXPECT_EQ(maskWith(HBL_MUON, [](Lepton& l) { l.pt = 6000.0; }), 0u);
    EXPECT_EQ(maskWith(HBL_MUON, [](Lepton& l) { l.pt = 5000.0; }), HBL_CUT_PT);
    EXPECT_EQ(maskWith(HBL_MUON, [](Lepton& l) { l.pt = 5000.5; }), 0u);
}

TEST_F(LeptonSelectionToolTest, EtaAcceptanceIsStrictAndPerFlavour) {
    // Electrons |eta| < 2.47, muons |eta| < 2.5; the sign of eta does not matter.
    EXPECT_EQ(maskWith(HBL_ELECTRON, [](Lepton& l) { l.eta = 2.47; }), HBL_CUT_ETA);
    EXPECT_EQ(maskWith(HBL_ELECTRON, [](Lepton& l) { l.eta = -2.47; }), HBL_CUT_ETA);
    EXPECT_EQ(maskWith(HBL_ELECTRON, [](Lepton& l) { l.eta = -2.46; }), 0u);
    EXPECT_EQ(maskWith(HBL_MUON, [](Lepton& l) { l.eta = 2.47; }), 0u);
    EXPECT_EQ(maskWith(HBL_MUON, [](Lepton& l) { l.eta = -2.5; }), HBL_CUT_ETA);
    EXPECT_EQ(maskWith(HBL_MUON, [](Lepton& l) { l.eta = 2.49; }), 0u);
}

TEST_F(LeptonSelectionToolTest, D0SignificanceIsStrictAndPerFlavour) {
    // |d0 / sigma| < 5 for electrons, < 3 for muons; sigma = 0.125 mm (exact in binary):
    // d0 = 0.625 gives 5, d0 = 0.375 gives 3.
    auto d0 = [](double value) {
        return [value](Lepton& l) { l.d0 = value; l.d0Sigma = 0.125; };
    };
    Lepton e = good(HBL_ELECTRON);
    d0(0.625)(e);
    EXPECT_EQ(tool.cutMask(e), HBL_CUT_D0_SIGNIFICANCE);
    d0(-0.625)(e);
    EXPECT_EQ(tool.cutMask(e), HBL_CUT_D0_SIGNIFICANCE);
    d0(0.62)(e);  // 4.96
    EXPECT_EQ(tool.cutMask(e), 0u);
    Lepton mu = good(HBL_MUON);
    d0(0.375)(mu);
    EXPECT_EQ(tool.cutMask(mu), HBL_CUT_D0_SIGNIFICANCE);
    d0(0.37)(mu);  // 2.96
    EXPECT_EQ(tool.cutMask(mu), 0u);
    d0(0.62)(mu);  // 4.96: fine for an electron, not for a muon
    EXPECT_EQ(tool.cutMask(mu), HBL_CUT_D0_SIGNIFICANCE);
    // sigma(d0) = 0 makes the significance infinite or NaN: the cut fails.
    EXPECT_EQ(maskWith(HBL_MUON, [](Lepton& l) { l.d0Sigma = 0.0; }),
              HBL_CUT_D0_SIGNIFICANCE);
}

TEST_F(LeptonSelectionToolTest, Z0SinThetaUsesOneOverCoshEta) {
    // At eta = 0, sin(theta) = 1: |z0| < 0.5 mm.
    EXPECT_EQ(maskWith(HBL_MUON, [](Lepton& l) { l.z0 = 0.5; }), HBL_CUT_Z0_SIN_THETA);
    EXPECT_EQ(maskWith(HBL_MUON, [](Lepton& l) { l.z0 = -0.5; }), HBL_CUT_Z0_SIN_THETA);
    EXPECT_EQ(maskWith(HBL_MUON, [](Lepton& l) { l.z0 = 0.49; }), 0u);
    // At eta = acosh(2.5) = 1.5668, sin(theta) = 1 / 2.5 = 0.4:
    // z0 = 1.0 gives 0.4 (passes), z0 = 1.5 gives 0.6 (fails).
    EXPECT_EQ(maskWith(HBL_MUON, [](Lepton& l) { l.eta = std::acosh(2.5); l.z0 = 1.0; }), 0u);
    EXPECT_EQ(maskWith(HBL_MUON, [](Lepton& l) { l.eta = std::acosh(2.5); l.z0 = 1.5; }),
              HBL_CUT_Z0_SIN_THETA);
}

TEST_F(LeptonSelectionToolTest, IsolationRatiosAreStrict) {
    // pT = 20000: ptcone30 = 6000 gives 0.3 (fails), 5990 gives 0.2995 (passes).
    EXPECT_EQ(maskWith(HBL_ELECTRON, [](Lepton& l) { l.ptcone30 = 6000.0; }),
              HBL_CUT_PTCONE30);
    EXPECT_EQ(maskWith(HBL_ELECTRON, [](Lepton& l) { l.ptcone30 = 5990.0; }), 0u);
    EXPECT_EQ(maskWith(HBL_MUON, [](Lepton& l) { l.etcone20 = 6000.0; }), HBL_CUT_ETCONE20);
    EXPECT_EQ(maskWith(HBL_MUON, [](Lepton& l) { l.etcone20 = 5990.0; }), 0u);
    // Negative (pile-up subtracted) isolation passes.
    EXPECT_EQ(maskWith(HBL_MUON, [](Lepton& l) { l.etcone20 = -500.0; }), 0u);
}

TEST_F(LeptonSelectionToolTest, EveryFailedCutIsReported) {
    Lepton bad = good(HBL_MUON);
    bad.pt = 1000.0;      // < 5000
    bad.eta = 3.0;        // > 2.5; sin(theta) = 1/cosh(3) = 0.0993
    bad.d0 = 10.0;        // significance 10 > 3
    bad.z0 = 10.0;        // 0.993 > 0.5
    bad.ptcone30 = 500.0; // 0.5 > 0.3
    bad.etcone20 = 500.0; // 0.5 > 0.3
    EXPECT_EQ(tool.cutMask(bad), 2u | 4u | 8u | 16u | 32u | 64u);
}

TEST_F(LeptonSelectionToolTest, OtherFlavoursFailOnlyFlavourAndCommonCuts) {
    // A tau (15) with pT 1 GeV: no flavour-specific threshold applies.
    EXPECT_EQ(maskWith(15, [](Lepton& l) { l.pt = 1000.0; }), HBL_CUT_FLAVOUR);
    EXPECT_EQ(maskWith(15, [](Lepton& l) { l.z0 = 1.0; }),
              HBL_CUT_FLAVOUR | HBL_CUT_Z0_SIN_THETA);
}

TEST(LeptonSelectionToolConfig, PropertiesOverrideTheDefaults) {
    LeptonSelectionTool tool("tight");
    ASSERT_TRUE(tool.setProperty("ElectronMinPt", "10000").isSuccess());
    ASSERT_TRUE(tool.setProperty("MaxPtCone30OverPt", "0.15").isSuccess());
    ASSERT_TRUE(tool.initialize().isSuccess());
    Lepton lepton = good(HBL_ELECTRON);
    lepton.pt = 9000.0;
    lepton.ptcone30 = 1800.0;  // 0.2 > 0.15
    EXPECT_EQ(tool.cutMask(lepton), HBL_CUT_PT | HBL_CUT_PTCONE30);
}

TEST(LeptonSelectionToolConfig, BadPropertiesAreRefusedWithTheirValue) {
    LeptonSelectionTool tool("selection");
    hbl::StatusCode status = tool.setProperty("ElectronMinPt", "7 GeV");
    EXPECT_EQ(status.code(), HBL_ERROR_INVALID_VALUE);
    EXPECT_EQ(status.message(), "property 'ElectronMinPt' expects a finite number, got '7 GeV'");

    status = tool.setProperty("ElectronMinPT", "7000");
    EXPECT_EQ(status.code(), HBL_ERROR_UNKNOWN_PROPERTY);
    EXPECT_TRUE(hbl::test::startsWith(status.message(),
              "no property 'ElectronMinPT' in LeptonSelectionTool; nearest: ElectronMinPt"));

    ASSERT_TRUE(tool.setProperty("MuonMaxAbsEta", "-2.5").isSuccess());
    status = tool.initialize();
    EXPECT_EQ(status.code(), HBL_ERROR_INVALID_VALUE);
    EXPECT_EQ(status.message(), "property 'MuonMaxAbsEta' must be >= 0, got '-2.5'");
}

TEST(LeptonSelectionToolConfig, PropertiesAreFrozenAfterInitialize) {
    LeptonSelectionTool tool("selection");
    ASSERT_TRUE(tool.initialize().isSuccess());
    const hbl::StatusCode status = tool.setProperty("MuonMinPt", "6000");
    EXPECT_EQ(status.code(), HBL_ERROR_ALREADY_INITIALIZED);
    EXPECT_EQ(status.message(),
              "cannot set property 'MuonMinPt' to '6000': the tool is already initialized");
    EXPECT_EQ(tool.initialize().code(), HBL_ERROR_ALREADY_INITIALIZED);
}

}  // namespace
