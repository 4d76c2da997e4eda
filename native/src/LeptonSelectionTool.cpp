#include "hbl/LeptonSelectionTool.hpp"

#include <cmath>
#include <utility>

#include "hbl/TextUtils.hpp"

namespace hbl {

LeptonSelectionTool::LeptonSelectionTool(std::string name) : AnalysisTool(std::move(name)) {
    declareProperty("ElectronMinPt", m_electronMinPt);
    declareProperty("ElectronMaxAbsEta", m_electronMaxAbsEta);
    declareProperty("ElectronMaxD0Significance", m_electronMaxD0Significance);
    declareProperty("MuonMinPt", m_muonMinPt);
    declareProperty("MuonMaxAbsEta", m_muonMaxAbsEta);
    declareProperty("MuonMaxD0Significance", m_muonMaxD0Significance);
    declareProperty("MaxZ0SinTheta", m_maxZ0SinTheta);
    declareProperty("MaxPtCone30OverPt", m_maxPtCone30OverPt);
    declareProperty("MaxEtCone20OverPt", m_maxEtCone20OverPt);
}

StatusCode LeptonSelectionTool::initializeTool() {
    // Every threshold is a magnitude; a negative one would silently reject everything.
    const std::pair<const char*, double> thresholds[] = {
        {"ElectronMinPt", m_electronMinPt},
        {"ElectronMaxAbsEta", m_electronMaxAbsEta},
        {"ElectronMaxD0Significance", m_electronMaxD0Significance},
        {"MuonMinPt", m_muonMinPt},
        {"MuonMaxAbsEta", m_muonMaxAbsEta},
        {"MuonMaxD0Significance", m_muonMaxD0Significance},
        {"MaxZ0SinTheta", m_maxZ0SinTheta},
        {"MaxPtCone30OverPt", m_maxPtCone30OverPt},
        {"MaxEtCone20OverPt", m_maxEtCone20OverPt}};
    for (const auto& [property, value] : thresholds) {
        if (value < 0.0) {
            return invalidProperty(property,
                                   "must be >= 0, got '" + text::formatNumber(value) + "'");
        }
    }
    return StatusCode::success();
}

namespace {

// True when value < limit; false for NaN, so undefined ratios fail the cut.
bool below(double value, double limit) { return value < limit; }

}  // namespace

std::uint32_t LeptonSelectionTool::cutMask(const Lepton& lepton) const {
    std::uint32_t mask = 0;
    const bool electron = lepton.type == HBL_ELECTRON;
    const bool muon = lepton.type == HBL_MUON;
    if (electron || muon) {
        const double minPt = electron ? m_electronMinPt : m_muonMinPt;
        const double maxAbsEta = electron ? m_electronMaxAbsEta : m_muonMaxAbsEta;
        const double maxD0Sig = electron ? m_electronMaxD0Significance
                                         : m_muonMaxD0Significance;
        if (!(lepton.pt > minPt)) mask |= HBL_CUT_PT;
        if (!below(std::fabs(lepton.eta), maxAbsEta)) mask |= HBL_CUT_ETA;
        if (!below(std::fabs(lepton.d0 / lepton.d0Sigma), maxD0Sig)) {
            mask |= HBL_CUT_D0_SIGNIFICANCE;
        }
    } else {
        mask |= HBL_CUT_FLAVOUR;
    }
    const double sinTheta = 1.0 / std::cosh(lepton.eta);
    if (!below(std::fabs(lepton.z0 * sinTheta), m_maxZ0SinTheta)) mask |= HBL_CUT_Z0_SIN_THETA;
    if (!below(lepton.ptcone30 / lepton.pt, m_maxPtCone30OverPt)) mask |= HBL_CUT_PTCONE30;
    if (!below(lepton.etcone20 / lepton.pt, m_maxEtCone20OverPt)) mask |= HBL_CUT_ETCONE20;
    return mask;
}

}  // namespace hbl
