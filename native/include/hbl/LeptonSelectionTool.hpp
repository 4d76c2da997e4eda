// LeptonSelectionTool.hpp -- identification-level cuts of the H->ZZ*->4l lepton selection.
#ifndef HBL_LEPTONSELECTIONTOOL_HPP
#define HBL_LEPTONSELECTIONTOOL_HPP

#include <cstdint>

#include "hbl/AnalysisTool.hpp"
#include "hbl/Lepton.hpp"

namespace hbl {

/// Applies the lepton cuts of the 2020 ATLAS Open Data H->ZZ*->4l analysis and reports
/// every failed cut as a bit of hbl_lepton_cut (0 = selected).
///
/// A lepton passes a cut only when the strict inequality holds, so a value exactly at a
/// threshold fails, and a NaN (e.g. d0 / 0) fails every cut it enters:
///   pT > <Flavour>MinPt, |eta| < <Flavour>MaxAbsEta, |d0 / sigma(d0)| <
///   <Flavour>MaxD0Significance, |z0 sin(theta)| < MaxZ0SinTheta with sin(theta) =
///   1 / cosh(eta), ptcone30 / pT < MaxPtCone30OverPt, etcone20 / pT < MaxEtCone20OverPt.
/// A lepton of another type gets HBL_CUT_FLAVOUR and is tested only against the
/// flavour-independent cuts (z0, isolation). Properties are in MeV and mm; the defaults
/// are the working point of the 2020 analysis.
class LeptonSelectionTool : public AnalysisTool {
public:
    explicit LeptonSelectionTool(std::string name);
    const char* type() const override { return "LeptonSelectionTool"; }

    /// The hbl_lepton_cut bits of all cuts `lepton` fails.
    std::uint32_t cutMask(const Lepton& lepton) const;

protected:
    StatusCode initializeTool() override;

private:
    double m_electronMinPt = 7000.0;
    double m_electronMaxAbsEta = 2.47;
    double m_electronMaxD0Significance = 5.0;
    double m_muonMinPt = 5000.0;
    double m_muonMaxAbsEta = 2.5;
    double m_muonMaxD0Significance = 3.0;
    double m_maxZ0SinTheta = 0.5;
    double m_maxPtCone30OverPt = 0.3;
    double m_maxEtCone20OverPt = 0.3;
};

}  // namespace hbl

#endif  // HBL_LEPTONSELECTIONTOOL_HPP
