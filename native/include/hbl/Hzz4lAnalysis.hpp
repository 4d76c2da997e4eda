// Hzz4lAnalysis.hpp -- the H->ZZ*->4l analysis as experiment C++ code: an event loop over
// the per-object tool API, with a systematics loop inside each event.
#ifndef HBL_HZZ4LANALYSIS_HPP
#define HBL_HZZ4LANALYSIS_HPP

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "hbl/ElectronCalibrationTool.hpp"
#include "hbl/FourLeptonCandidateBuilder.hpp"
#include "hbl/LeptonSelectionTool.hpp"
#include "hbl/MuonCalibrationTool.hpp"
#include "hbl/StatusCode.hpp"
#include "hbl/hbl_analysis.h"

namespace hbl {

/// The counts of every histogram of the analysis, in the order of hbl_analysis.h:
/// [variation][histogram][cell], cell 0 underflow, 1..24 bins, 25 overflow and NaN.
using Hzz4lCounts = std::array<std::int64_t, HBL_ANALYSIS_COUNTS>;

/// The bin cell (0 underflow, 1..bins, bins + 1 overflow or NaN) of `x` on a regular axis,
/// computed as floor((x - low) / (high - low) * bins), like boost-histogram.
int regularCell(double x, double low, double high, int bins);

/// The analysis of hbl_analysis.h (selection "c", nominal plus eight calibration variations).
///
/// Owns its four tools. Not thread-safe (the tools are not); not copyable.
class Hzz4lAnalysis {
public:
    Hzz4lAnalysis();
    Hzz4lAnalysis(const Hzz4lAnalysis&) = delete;
    Hzz4lAnalysis& operator=(const Hzz4lAnalysis&) = delete;

    /// Configures and initializes the tools; `calibrationFile` feeds both calibration tools.
    StatusCode initialize(const std::string& calibrationFile);

    /// The variation names, NOMINAL first, in histogram order.
    const std::vector<std::string>& variations() const { return m_variationNames; }

    /// Checks `events` (counts, pointers, offsets) without processing any event.
    static StatusCode validate(const hbl_event_columns& events, std::int64_t nReplicated);

    /// Processes `nReplicated` events of the replicated stream of `events` (event k is input
    /// event k mod n_events) and adds their counts to `counts`. Requires initialize() and a
    /// successful validate().
    StatusCode run(const hbl_event_columns& events, std::int64_t nReplicated,
                   Hzz4lCounts& counts);

private:
    /// The calibration each tool applies for one variation (kNominal when not its own).
    struct Systematic {
        int electron;
        int muon;
    };

    void readEvent(const hbl_event_columns& events, std::int64_t i);
    StatusCode analyseEvent(std::int32_t eventNumber, Hzz4lCounts& counts);
    StatusCode analyseVariation(std::size_t variation, std::int32_t eventNumber,
                                Hzz4lCounts& counts);
    void fill(std::size_t variation, const FourLeptonCandidate& candidate,
              Hzz4lCounts& counts) const;

    ElectronCalibrationTool m_electrons;
    MuonCalibrationTool m_muons;
    LeptonSelectionTool m_selection;
    FourLeptonCandidateBuilder m_builder;
    std::vector<std::string> m_variationNames;
    std::vector<Systematic> m_systematics;
    bool m_initialized = false;

    // Per-event scratch, reused so that the loop does not allocate.
    std::vector<Lepton> m_leptons;
    std::vector<Lepton> m_usable;
};

}  // namespace hbl

#endif  // HBL_HZZ4LANALYSIS_HPP
