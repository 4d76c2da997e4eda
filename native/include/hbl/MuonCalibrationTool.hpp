// MuonCalibrationTool.hpp -- MUON_SCALE / MUON_RESOLUTION variations of muons.
#ifndef HBL_MUONCALIBRATIONTOOL_HPP
#define HBL_MUONCALIBRATIONTOOL_HPP

#include "hbl/LeptonCalibrationTool.hpp"

namespace hbl {

/// Muon momentum scale and resolution variations (records "muon ..." of the calibration
/// file). See LeptonCalibrationTool.
class MuonCalibrationTool : public LeptonCalibrationTool {
public:
    explicit MuonCalibrationTool(std::string name);
    const char* type() const override { return "MuonCalibrationTool"; }
};

}  // namespace hbl

#endif  // HBL_MUONCALIBRATIONTOOL_HPP
