// CalibrationTable.hpp -- the |eta|-binned constants of the calibration tools, read from text.
#ifndef HBL_CALIBRATIONTABLE_HPP
#define HBL_CALIBRATIONTABLE_HPP

#include <istream>
#include <string>
#include <vector>

#include "hbl/StatusCode.hpp"

namespace hbl {

enum class CalibrationKind { Scale, Resolution };

/// One record of a calibration file: the constant of a flavour and kind in an |eta| bin.
struct CalibrationBin {
    std::string flavour;  ///< "electron" or "muon"
    CalibrationKind kind = CalibrationKind::Scale;
    double absEtaMin = 0.0;
    double absEtaMax = 0.0;
    double value = 0.0;
    int line = 0;  ///< line number in the file, for messages
};

/// Calibration constants read from a text file with one record per line,
///   <electron|muon> <scale|resolution> <abs_eta_min> <abs_eta_max> <value>
/// '#' starts a comment; blank lines are ignored. A bin holds abs_eta_min <= |eta| <
/// abs_eta_max, except that the highest bin of a flavour and kind also holds its upper
/// edge. Edges are compared in single precision, the precision of the ntuples, so that an
/// electron stored at |eta| = 2.47f falls in the bin ending at 2.47.
class CalibrationTable {
public:
    /// Reads `path`; HBL_ERROR_CALIBRATION_FILE naming the file (and line) on failure.
    static StatusCode read(const std::string& path, CalibrationTable& out);

    /// Parses records from `input`; `source` names it in messages ("<source>:<line>: ...").
    static StatusCode parse(std::istream& input, const std::string& source,
                            CalibrationTable& out);

    /// The constant for |eta|, or false when no bin of that flavour and kind holds it.
    bool lookup(const std::string& flavour, CalibrationKind kind, double absEta,
                double& value) const;

    /// Describes the covered range of a flavour and kind, e.g. "[0, 1.37) [1.37, 2.47]".
    std::string coverage(const std::string& flavour, CalibrationKind kind) const;

    bool has(const std::string& flavour, CalibrationKind kind) const;

    const std::vector<CalibrationBin>& bins() const { return m_bins; }

private:
    StatusCode addRecord(const std::string& source, int line, const std::string& text);
    bool isTopBin(const CalibrationBin& bin) const;

    std::vector<CalibrationBin> m_bins;
};

const char* toString(CalibrationKind kind);

}  // namespace hbl

#endif  // HBL_CALIBRATIONTABLE_HPP
