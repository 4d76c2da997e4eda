#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "hbl/FourLeptonCandidateBuilder.hpp"
#include "TestHelpers.hpp"

namespace {

using hbl::FourLeptonCandidate;
using hbl::FourLeptonCandidateBuilder;
using hbl::Lepton;
using hbl::test::kPi;
using hbl::test::masslessLepton;

constexpr unsigned kE = HBL_ELECTRON;
constexpr unsigned kMu = HBL_MUON;
using Indices = std::array<std::int32_t, 4>;

// e+ e- back to back (50 GeV each, phi 0 and pi), mu+ mu- back to back (20 GeV each,
// phi pi/2 and -pi/2), all at eta = 0, massless.
//   m(ee)   = sqrt((50 + 50)^2 - 0^2)   = 100 GeV
//   m(mumu) = sqrt((20 + 20)^2 - 0^2)   =  40 GeV
//   m4l     = E_total with p_total = 0  = 140 GeV
// Z1 = ee (|100 - 91.1876| < |40 - 91.1876|).
std::vector<Lepton> twoElectronsTwoMuons() {
    return {masslessLepton(kE, +1, 50.0, 0.0, 0.0, 0),
            masslessLepton(kE, -1, 50.0, 0.0, kPi, 1),
            masslessLepton(kMu, +1, 20.0, 0.0, kPi / 2, 2),
            masslessLepton(kMu, -1, 20.0, 0.0, -kPi / 2, 3)};
}

// Four muons in the transverse plane, stored by decreasing pT:
//   0: 48 GeV, phi 0, +      1: 45 GeV, phi pi/2, +
//   2: 43.3 GeV, phi pi, -   3: 30 GeV, phi -pi/2, -
// SFOS splits: (0,2 | 1,3) and (0,3 | 1,2); (0,1 | 2,3) has same-sign pairs.
// Massless pair mass: m^2 = 2 pT1 pT2 (1 - cos dphi).
//   m(0,2) back to back   = 2 sqrt(48 * 43.3)  = 91.17894 GeV   <- closest to 91.1876
//   m(1,3) back to back   = 2 sqrt(45 * 30)    = 73.48469 GeV
//   m(0,3) perpendicular  = sqrt(2 * 48 * 30)  = 53.66563 GeV
//   m(1,2) perpendicular  = sqrt(2 * 45 * 43.3) = 62.42596 GeV
//   m4l: E = 166.3, px = 48 - 43.3 = 4.7, py = 45 - 30 = 15
//        sqrt(166.3^2 - 4.7^2 - 15^2) = sqrt(27408.6) = 165.55543 GeV
std::vector<Lepton> fourMuons() {
    return {masslessLepton(kMu, +1, 48.0, 0.0, 0.0, 0),
            masslessLepton(kMu, +1, 45.0, 0.0, kPi / 2, 1),
            masslessLepton(kMu, -1, 43.3, 0.0, kPi, 2),
            masslessLepton(kMu, -1, 30.0, 0.0, -kPi / 2, 3)};
}

FourLeptonCandidate build(const std::vector<Lepton>& leptons,
                          const std::vector<std::pair<const char*, const char*>>& properties = {}) {
    FourLeptonCandidateBuilder builder("builder");
    for (const auto& [name, value] : properties) {
        EXPECT_TRUE(builder.setProperty(name, value).isSuccess()) << name;
    }
    EXPECT_TRUE(builder.initialize().isSuccess());
    return builder.build(leptons);
}

TEST(FourLeptonCandidateBuilder, TwoElectronsTwoMuons) {
    const FourLeptonCandidate c = build(twoElectronsTwoMuons());
    EXPECT_EQ(c.eventMask, 0u);
    EXPECT_EQ(c.channel, HBL_CHANNEL_2E2MU);
    EXPECT_NEAR(c.m4l, 140000.0, 1e-6);
    EXPECT_NEAR(c.m12, 100000.0, 1e-6);
    EXPECT_NEAR(c.m34, 40000.0, 1e-6);
    EXPECT_EQ(c.leptonIndex, (Indices{0, 1, 2, 3}));
}

TEST(FourLeptonCandidateBuilder, FourMuonsPairTheSfosPairClosestToTheZ) {
    const FourLeptonCandidate c = build(fourMuons());
    EXPECT_EQ(c.eventMask, 0u);
    EXPECT_EQ(c.channel, HBL_CHANNEL_4MU);
    EXPECT_NEAR(c.m12, 91178.945, 1e-3);
    EXPECT_NEAR(c.m34, 73484.692, 1e-3);
    EXPECT_NEAR(c.m4l, 165555.429, 1e-3);
    EXPECT_EQ(c.leptonIndex, (Indices{0, 2, 1, 3}));
}

TEST(FourLeptonCandidateBuilder, ZMassPropertyMovesTheChoice) {
    // With ZMass = 73.5 GeV the back-to-back pair (1,3), 73.48 GeV, becomes Z1.
    const FourLeptonCandidate c = build(fourMuons(), {{"ZMass", "73500"}});
    EXPECT_NEAR(c.m12, 73484.692, 1e-3);
    EXPECT_NEAR(c.m34, 91178.945, 1e-3);
    EXPECT_EQ(c.leptonIndex, (Indices{1, 3, 0, 2}));
}

TEST(FourLeptonCandidateBuilder, FourElectronsUseTheSamePairing) {
    std::vector<Lepton> leptons = fourMuons();
    for (Lepton& lepton : leptons) lepton.type = kE;
    const FourLeptonCandidate c = build(leptons);
    EXPECT_EQ(c.channel, HBL_CHANNEL_4E);
    EXPECT_EQ(c.leptonIndex, (Indices{0, 2, 1, 3}));
}

TEST(FourLeptonCandidateBuilder, MassesIncludeTheLongitudinalMomentum) {
    // e+ (45 GeV, eta 1, phi 0) and e- (45 GeV, eta -1, phi pi) are back to back in 3D:
    // p_total = 0, E = 2 * 45 cosh(1), so m = 90 cosh(1) = 138.87726 GeV.
    const Lepton a = masslessLepton(kE, +1, 45.0, 1.0, 0.0, 0);
    const Lepton b = masslessLepton(kE, -1, 45.0, -1.0, kPi, 1);
    const Lepton* pair[] = {&a, &b};
    EXPECT_NEAR(hbl::invariantMass(pair, 2), 138877.257, 1e-3);
    // Collinear massless leptons: m^2 = 0 up to rounding, reported as 0, never NaN.
    const Lepton c = masslessLepton(kE, -1, 30.0, 1.0, 0.0, 1);
    const Lepton* collinear[] = {&a, &c};
    EXPECT_NEAR(hbl::invariantMass(collinear, 2), 0.0, 1e-3);
}

TEST(FourLeptonCandidateBuilder, ChargeFailureKeepsM4lButHasNoPairing) {
    std::vector<Lepton> leptons = fourMuons();
    leptons[2].charge = +1;  // charges + + + -: sum 2
    const FourLeptonCandidate c = build(leptons);
    EXPECT_EQ(c.eventMask, static_cast<std::uint32_t>(HBL_EVENT_CHARGE));
    EXPECT_EQ(c.channel, HBL_CHANNEL_4MU);
    EXPECT_NEAR(c.m4l, 165555.429, 1e-3);
    EXPECT_TRUE(std::isnan(c.m12));
    EXPECT_TRUE(std::isnan(c.m34));
    EXPECT_EQ(c.leptonIndex, (Indices{-1, -1, -1, -1}));
}

TEST(FourLeptonCandidateBuilder, FlavourFailureKeepsM4l) {
    std::vector<Lepton> leptons = twoElectronsTwoMuons();
    leptons[2].type = kE;  // e+ e- e+ mu-: three electrons
    const FourLeptonCandidate c = build(leptons);
    EXPECT_EQ(c.eventMask, static_cast<std::uint32_t>(HBL_EVENT_FLAVOUR));
    EXPECT_EQ(c.channel, HBL_CHANNEL_NONE);
    EXPECT_NEAR(c.m4l, 140000.0, 1e-6);
    EXPECT_TRUE(std::isnan(c.m12));
}

TEST(FourLeptonCandidateBuilder, TooFewLeptons) {
    std::vector<Lepton> leptons = twoElectronsTwoMuons();
    leptons.pop_back();
    const FourLeptonCandidate c = build(leptons);
    EXPECT_EQ(c.eventMask, static_cast<std::uint32_t>(HBL_EVENT_TOO_FEW_LEPTONS));
    EXPECT_EQ(c.channel, HBL_CHANNEL_NONE);
    EXPECT_TRUE(std::isnan(c.m4l));
    EXPECT_EQ(c.leptonIndex, (Indices{-1, -1, -1, -1}));
}

TEST(FourLeptonCandidateBuilder, FifthLeptonIsIgnoredUnlessExactlyFourIsRequired) {
    std::vector<Lepton> leptons = twoElectronsTwoMuons();
    leptons.push_back(masslessLepton(kMu, +1, 8.0, 0.0, 1.0, 4));
    FourLeptonCandidate c = build(leptons);
    EXPECT_EQ(c.eventMask, static_cast<std::uint32_t>(HBL_EVENT_TOO_MANY_LEPTONS));
    EXPECT_NEAR(c.m4l, 140000.0, 1e-6);  // from the first four
    c = build(leptons, {{"RequireExactlyFour", "false"}});
    EXPECT_EQ(c.eventMask, 0u);
    EXPECT_NEAR(c.m4l, 140000.0, 1e-6);
}

TEST(FourLeptonCandidateBuilder, LeadingLeptonThresholdsAreStrict) {
    // pT ranking 50, 50, 20, 20 GeV.
    EXPECT_EQ(build(twoElectronsTwoMuons(), {{"LeadingLeptonMinPt", "25000,15000,10000"}})
                  .eventMask, 0u);
    EXPECT_EQ(build(twoElectronsTwoMuons(), {{"LeadingLeptonMinPt", "25000,15000,20000"}})
                  .eventMask, static_cast<std::uint32_t>(HBL_EVENT_LEPTON_PT));
    EXPECT_EQ(build(twoElectronsTwoMuons(), {{"LeadingLeptonMinPt", "50000"}}).eventMask,
              static_cast<std::uint32_t>(HBL_EVENT_LEPTON_PT));
}

TEST(FourLeptonCandidateBuilder, AllFailedRequirementsAreReported) {
    std::vector<Lepton> leptons = twoElectronsTwoMuons();
    leptons[1].charge = +1;
    leptons[3].type = 15;
    leptons.push_back(masslessLepton(kMu, +1, 8.0, 0.0, 1.0, 4));
    const FourLeptonCandidate c = build(leptons, {{"LeadingLeptonMinPt", "60000"}});
    EXPECT_EQ(c.eventMask, static_cast<std::uint32_t>(HBL_EVENT_TOO_MANY_LEPTONS
                                                      | HBL_EVENT_LEPTON_PT | HBL_EVENT_CHARGE
                                                      | HBL_EVENT_FLAVOUR));
}

TEST(FourLeptonCandidateBuilder, BadConfigurationIsRefused) {
    FourLeptonCandidateBuilder builder("builder");
    ASSERT_TRUE(builder.setProperty("LeadingLeptonMinPt", "1,2,3,4,5").isSuccess());
    hbl::StatusCode status = builder.initialize();
    EXPECT_EQ(status.code(), HBL_ERROR_INVALID_VALUE);
    EXPECT_EQ(status.message(),
              "property 'LeadingLeptonMinPt' has 5 thresholds, at most 4 allowed");
    status = builder.setProperty("LeadingLeptonMinPt", "25000;15000");
    EXPECT_EQ(status.message(), "property 'LeadingLeptonMinPt' expects a comma-separated list "
                                "of finite numbers, got '25000;15000'");
    status = builder.setProperty("RequireExactlyFour", "yes");
    EXPECT_EQ(status.message(), "property 'RequireExactlyFour' expects true or false, got 'yes'");
}

}  // namespace
