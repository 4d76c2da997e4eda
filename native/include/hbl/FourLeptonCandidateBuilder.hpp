// FourLeptonCandidateBuilder.hpp -- the ZZ* candidate of an event: m4l, Z1/Z2 pairing, channel.
#ifndef HBL_FOURLEPTONCANDIDATEBUILDER_HPP
#define HBL_FOURLEPTONCANDIDATEBUILDER_HPP

#include <array>
#include <cstdint>
#include <vector>

#include "hbl/AnalysisTool.hpp"
#include "hbl/Lepton.hpp"

namespace hbl {

/// The four-lepton candidate of one event. Masses in MeV, NaN when not computable.
struct FourLeptonCandidate {
    std::uint32_t eventMask = 0;            ///< hbl_event_cut bits; 0 = valid candidate
    hbl_channel channel = HBL_CHANNEL_NONE;
    double m4l = 0.0;
    double m12 = 0.0;                       ///< mass of Z1, the pair closest to ZMass
    double m34 = 0.0;                       ///< mass of Z2, the other pair
    std::array<std::int32_t, 4> leptonIndex{{-1, -1, -1, -1}};  ///< Z1's two, then Z2's two
};

/// Builds the ZZ* candidate from the usable leptons of an event, in their stored order
/// (the ntuples store leptons by decreasing pT): the first four form the candidate.
///
/// Event requirements, each reported as a bit of hbl_event_cut: at least four usable
/// leptons; exactly four when RequireExactlyFour (default true); the i-th highest pT of the
/// four above the i-th entry of LeadingLeptonMinPt (MeV, comma list, default empty = no
/// thresholds); charges summing to zero; flavours 4e, 4mu or 2e2mu.
///
/// m4l is the invariant mass of the four leptons (pt, eta, phi, E turned into px, py, pz,
/// E in double); it is computed whenever four usable leptons exist, even when the charge or
/// flavour requirement fails. The pairing considers the same-flavour opposite-charge
/// (SFOS) pairs whose complementary pair is also SFOS; Z1 is the one with mass closest to
/// ZMass (default 91187.6 MeV; the first in index order on a tie) and Z2 its complement.
/// A negative m^2 from rounding (collinear massless leptons) gives a mass of 0.
class FourLeptonCandidateBuilder : public AnalysisTool {
public:
    explicit FourLeptonCandidateBuilder(std::string name);
    const char* type() const override { return "FourLeptonCandidateBuilder"; }

    /// The candidate built from `usable`, the usable leptons of one event in stored order
    /// (Lepton::index is their position in the event and is what leptonIndex reports).
    FourLeptonCandidate build(const std::vector<Lepton>& usable) const;

protected:
    StatusCode initializeTool() override;

private:
    void pair(const std::array<const Lepton*, 4>& four, FourLeptonCandidate& candidate) const;

    bool m_requireExactlyFour = true;
    std::vector<double> m_leadingLeptonMinPt;
    double m_zMass = 91187.6;
};

/// Invariant mass of a set of leptons (MeV); 0 when rounding makes m^2 negative.
double invariantMass(const Lepton* const* leptons, std::size_t count);

}  // namespace hbl

#endif  // HBL_FOURLEPTONCANDIDATEBUILDER_HPP
