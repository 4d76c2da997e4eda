// LeptonCalibrationTool.hpp -- momentum scale and resolution variations of one lepton flavour.
#ifndef HBL_LEPTONCALIBRATIONTOOL_HPP
#define HBL_LEPTONCALIBRATIONTOOL_HPP

#include <cstdint>
#include <string>
#include <vector>

#include "hbl/AnalysisTool.hpp"
#include "hbl/CalibrationTable.hpp"
#include "hbl/Lepton.hpp"

namespace hbl {

/// Common base of ElectronCalibrationTool and MuonCalibrationTool.
///
/// The 2020 ATLAS Open Data ntuples carry calibrated momenta, so the nominal calibration is
/// the identity. The tool provides four systematic variations, <P>_SCALE__1up/__1down and
/// <P>_RESOLUTION__1up/__1down with <P> = EG or MUON:
///   scale:      pt and E multiplied by (1 +/- s);
///   resolution: pt and E multiplied by (1 +/- r g), g a standard normal drawn
///               reproducibly per lepton (hbl::smearing, seeded by event number and the
///               lepton's index in its event).
/// s and r depend on the flavour and |eta| and come from the file named by the required
/// property CalibrationFile. Direction (eta, phi) is unchanged.
///
/// Note: "RESOLUTION__1down" is a symmetrised variation, the mirror image of "__1up" with
/// the same g. It does not reduce the smearing (an un-smearing is not defined); it exists
/// so that up/down envelopes can be formed the usual way.
class LeptonCalibrationTool : public AnalysisTool {
public:
    /// Index returned by findVariation() for "" and "NOMINAL".
    static constexpr int kNominal = -1;

    /// The systematic variations (NOMINAL not included), in a fixed order.
    const std::vector<std::string>& variations() const { return m_variations; }

    /// The flavour this tool calibrates (HBL_ELECTRON or HBL_MUON).
    std::uint32_t leptonType() const { return m_leptonType; }

    /// Resolves a variation name; HBL_ERROR_UNKNOWN_VARIATION listing the nearest names.
    StatusCode findVariation(const std::string& variation, int& index) const;

    /// Applies variation `index` (from findVariation) to one lepton of event `eventNumber`;
    /// leptons of the other flavour are left unchanged. HBL_ERROR_INVALID_VALUE when the
    /// lepton's |eta| lies outside every calibration bin. Requires initialize().
    StatusCode applyVariation(int index, std::int32_t eventNumber, Lepton& lepton) const;

protected:
    LeptonCalibrationTool(std::string name, std::uint32_t leptonType, std::string flavour,
                          const std::string& systematicPrefix, std::uint64_t stream);
    StatusCode initializeTool() override;

private:
    struct Variation {
        CalibrationKind kind;
        double sign;
    };
    StatusCode outsideBins(CalibrationKind kind, std::int32_t eventNumber,
                           const Lepton& lepton) const;

    std::string m_calibrationFile;
    std::uint32_t m_leptonType;
    std::string m_flavour;
    std::uint64_t m_stream;
    std::vector<std::string> m_variations;
    std::vector<Variation> m_variationSpecs;
    CalibrationTable m_table;
};

}  // namespace hbl

#endif  // HBL_LEPTONCALIBRATIONTOOL_HPP
