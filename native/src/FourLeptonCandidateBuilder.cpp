#include "hbl/FourLeptonCandidateBuilder.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <utility>

#include "hbl/TextUtils.hpp"

namespace hbl {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

bool sameFlavourOppositeCharge(const Lepton& a, const Lepton& b) {
    return a.type == b.type && a.charge + b.charge == 0 && a.charge != 0;
}

hbl_channel channelOf(const std::array<const Lepton*, 4>& four) {
    int electrons = 0;
    int muons = 0;
    for (const Lepton* lepton : four) {
        electrons += lepton->type == HBL_ELECTRON ? 1 : 0;
        muons += lepton->type == HBL_MUON ? 1 : 0;
    }
    if (electrons == 4) return HBL_CHANNEL_4E;
    if (muons == 4) return HBL_CHANNEL_4MU;
    if (electrons == 2 && muons == 2) return HBL_CHANNEL_2E2MU;
    return HBL_CHANNEL_NONE;
}

}  // namespace

double invariantMass(const Lepton* const* leptons, std::size_t count) {
    double px = 0.0, py = 0.0, pz = 0.0, e = 0.0;
    for (std::size_t i = 0; i < count; ++i) {
        const Lepton& l = *leptons[i];
        px += l.pt * std::cos(l.phi);
        py += l.pt * std::sin(l.phi);
        pz += l.pt * std::sinh(l.eta);
        e += l.e;
    }
    const double m2 = e * e - (px * px + py * py + pz * pz);
    return m2 > 0.0 ? std::sqrt(m2) : 0.0;
}

FourLeptonCandidateBuilder::FourLeptonCandidateBuilder(std::string name)
    : AnalysisTool(std::move(name)) {
    declareProperty("RequireExactlyFour", m_requireExactlyFour);
    declareProperty("LeadingLeptonMinPt", m_leadingLeptonMinPt);
    declareProperty("ZMass", m_zMass);
}

StatusCode FourLeptonCandidateBuilder::initializeTool() {
    if (m_leadingLeptonMinPt.size() > 4) {
        return invalidProperty("LeadingLeptonMinPt", "has " + std::to_string(
                               m_leadingLeptonMinPt.size()) + " thresholds, at most 4 allowed");
    }
    for (double threshold : m_leadingLeptonMinPt) {
        if (threshold < 0.0) {
            return invalidProperty("LeadingLeptonMinPt", "needs thresholds >= 0, got '"
                                   + text::formatNumber(threshold) + "'");
        }
    }
    if (!(m_zMass > 0.0)) {
        return invalidProperty("ZMass",
                               "must be > 0, got '" + text::formatNumber(m_zMass) + "'");
    }
    return StatusCode::success();
}

FourLeptonCandidate FourLeptonCandidateBuilder::build(const std::vector<Lepton>& usable) const {
    FourLeptonCandidate candidate;
    candidate.m4l = candidate.m12 = candidate.m34 = kNaN;
    if (usable.size() < 4) {
        candidate.eventMask |= HBL_EVENT_TOO_FEW_LEPTONS;
        return candidate;
    }
    if (usable.size() > 4 && m_requireExactlyFour) {
        candidate.eventMask |= HBL_EVENT_TOO_MANY_LEPTONS;
    }
    const std::array<const Lepton*, 4> four{{&usable[0], &usable[1], &usable[2], &usable[3]}};
    candidate.m4l = invariantMass(four.data(), 4);

    // Thresholds apply to the pT ranking, whatever the stored order.
    std::array<double, 4> pts{{four[0]->pt, four[1]->pt, four[2]->pt, four[3]->pt}};
    std::sort(pts.begin(), pts.end(), std::greater<double>());
    for (std::size_t i = 0; i < m_leadingLeptonMinPt.size(); ++i) {
        if (!(pts[i] > m_leadingLeptonMinPt[i])) candidate.eventMask |= HBL_EVENT_LEPTON_PT;
    }

    int chargeSum = 0;
    for (const Lepton* lepton : four) chargeSum += lepton->charge;
    if (chargeSum != 0) candidate.eventMask |= HBL_EVENT_CHARGE;
    candidate.channel = channelOf(four);
    if (candidate.channel == HBL_CHANNEL_NONE) candidate.eventMask |= HBL_EVENT_FLAVOUR;

    pair(four, candidate);
    return candidate;
}

void FourLeptonCandidateBuilder::pair(const std::array<const Lepton*, 4>& four,
                                      FourLeptonCandidate& candidate) const {
    // The three ways to split four leptons into two pairs, as (a, b | c, d).
    static constexpr int kSplits[3][4] = {{0, 1, 2, 3}, {0, 2, 1, 3}, {0, 3, 1, 2}};
    double bestDistance = std::numeric_limits<double>::infinity();
    for (const auto& split : kSplits) {
        const Lepton* p[2][2] = {{four[split[0]], four[split[1]]},
                                 {four[split[2]], four[split[3]]}};
        if (!sameFlavourOppositeCharge(*p[0][0], *p[0][1])
            || !sameFlavourOppositeCharge(*p[1][0], *p[1][1])) {
            continue;
        }
        for (int z1 = 0; z1 < 2; ++z1) {
            const double mass = invariantMass(p[z1], 2);
            const double distance = std::fabs(mass - m_zMass);
            if (!(distance < bestDistance)) continue;
            bestDistance = distance;
            candidate.m12 = mass;
            candidate.m34 = invariantMass(p[1 - z1], 2);
            candidate.leptonIndex = {{p[z1][0]->index, p[z1][1]->index,
                                      p[1 - z1][0]->index, p[1 - z1][1]->index}};
        }
    }
}

}  // namespace hbl
