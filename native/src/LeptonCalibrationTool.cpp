#include "hbl/LeptonCalibrationTool.hpp"

#include <cmath>
#include <sstream>
#include <utility>

#include "hbl/ElectronCalibrationTool.hpp"
#include "hbl/MuonCalibrationTool.hpp"
#include "hbl/Smearing.hpp"
#include "hbl/TextUtils.hpp"

namespace hbl {

LeptonCalibrationTool::LeptonCalibrationTool(std::string name, std::uint32_t leptonType,
                                             std::string flavour,
                                             const std::string& systematicPrefix,
                                             std::uint64_t stream)
    : AnalysisTool(std::move(name)),
      m_leptonType(leptonType),
      m_flavour(std::move(flavour)),
      m_stream(stream) {
    declareProperty("CalibrationFile", m_calibrationFile);
    const std::pair<const char*, CalibrationKind> kinds[] = {
        {"_SCALE", CalibrationKind::Scale}, {"_RESOLUTION", CalibrationKind::Resolution}};
    for (const auto& [suffix, kind] : kinds) {
        m_variations.push_back(systematicPrefix + suffix + "__1up");
        m_variationSpecs.push_back({kind, +1.0});
        m_variations.push_back(systematicPrefix + suffix + "__1down");
        m_variationSpecs.push_back({kind, -1.0});
    }
}

StatusCode LeptonCalibrationTool::initializeTool() {
    if (m_calibrationFile.empty()) {
        return StatusCode::failure(HBL_ERROR_CALIBRATION_FILE,
                                   "property 'CalibrationFile' is required: the path of the "
                                   "calibration text file (none was set)");
    }
    HBL_CHECK(CalibrationTable::read(m_calibrationFile, m_table));
    for (CalibrationKind kind : {CalibrationKind::Scale, CalibrationKind::Resolution}) {
        if (!m_table.has(m_flavour, kind)) {
            return StatusCode::failure(HBL_ERROR_CALIBRATION_FILE,
                                       m_calibrationFile + ": no '" + m_flavour + " "
                                           + toString(kind) + "' records");
        }
    }
    return StatusCode::success();
}

StatusCode LeptonCalibrationTool::findVariation(const std::string& variation, int& index) const {
    if (variation.empty() || variation == "NOMINAL") {
        index = kNominal;
        return StatusCode::success();
    }
    for (std::size_t i = 0; i < m_variations.size(); ++i) {
        if (m_variations[i] == variation) {
            index = static_cast<int>(i);
            return StatusCode::success();
        }
    }
    std::vector<std::string> known{"NOMINAL"};
    known.insert(known.end(), m_variations.begin(), m_variations.end());
    return StatusCode::failure(HBL_ERROR_UNKNOWN_VARIATION,
                               "unknown variation '" + variation + "' for " + type()
                                   + "; nearest: " + text::nearestNames(variation, known)
                                   + " (all: " + text::join(known) + ")");
}

StatusCode LeptonCalibrationTool::applyVariation(int index, std::int32_t eventNumber,
                                                 Lepton& lepton) const {
    if (!isInitialized()) {
        return StatusCode::failure(HBL_ERROR_NOT_INITIALIZED,
                                   "applyVariation() before a successful initialize()");
    }
    if (index == kNominal || lepton.type != m_leptonType) return StatusCode::success();
    const Variation& spec = m_variationSpecs.at(static_cast<std::size_t>(index));
    double size = 0.0;
    if (!m_table.lookup(m_flavour, spec.kind, std::fabs(lepton.eta), size)) {
        return outsideBins(spec.kind, eventNumber, lepton);
    }
    double shift = size;
    if (spec.kind == CalibrationKind::Resolution) {
        shift *= smearing::standardNormal(
            smearing::seedFor(eventNumber, lepton.index, m_stream));
    }
    const double factor = 1.0 + spec.sign * shift;
    lepton.pt *= factor;
    lepton.e *= factor;
    return StatusCode::success();
}

StatusCode LeptonCalibrationTool::outsideBins(CalibrationKind kind, std::int32_t eventNumber,
                                              const Lepton& lepton) const {
    std::ostringstream message;
    message.precision(9);
    message << m_flavour << ' ' << lepton.index << " of event " << eventNumber
            << " has |eta| = " << std::fabs(lepton.eta) << ", outside every '" << m_flavour
            << ' ' << toString(kind) << "' bin of " << m_calibrationFile << " (bins "
            << m_table.coverage(m_flavour, kind) << ")";
    return StatusCode::failure(HBL_ERROR_INVALID_VALUE, message.str());
}

ElectronCalibrationTool::ElectronCalibrationTool(std::string name)
    : LeptonCalibrationTool(std::move(name), HBL_ELECTRON, "electron", "EG",
                            smearing::kElectronStream) {}

MuonCalibrationTool::MuonCalibrationTool(std::string name)
    : LeptonCalibrationTool(std::move(name), HBL_MUON, "muon", "MUON", smearing::kMuonStream) {}

}  // namespace hbl
