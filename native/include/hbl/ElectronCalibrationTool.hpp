// ElectronCalibrationTool.hpp -- EG_SCALE / EG_RESOLUTION variations of electrons.
#ifndef HBL_ELECTRONCALIBRATIONTOOL_HPP
#define HBL_ELECTRONCALIBRATIONTOOL_HPP

#include "hbl/LeptonCalibrationTool.hpp"

namespace hbl {

/// Electron energy scale and resolution variations (records "electron ..." of the
/// calibration file). See LeptonCalibrationTool.
class ElectronCalibrationTool : public LeptonCalibrationTool {
public:
    explicit ElectronCalibrationTool(std::string name);
    const char* type() const override { return "ElectronCalibrationTool"; }
};

}  // namespace hbl

#endif  // HBL_ELECTRONCALIBRATIONTOOL_HPP
