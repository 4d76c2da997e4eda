#include "hbl/Hzz4lAnalysis.hpp"

#include <algorithm>

namespace hbl {

namespace {

constexpr double kMeVPerGeV = 1000.0;
constexpr double kM4lLow = 80.0;
constexpr double kM4lHigh = 170.0;
constexpr double kZ1Low = 60.0;
constexpr double kZ1High = 120.0;

std::size_t countIndex(std::size_t variation, int histogram, int cell) {
    return (variation * HBL_ANALYSIS_HISTOGRAMS + static_cast<std::size_t>(histogram))
               * HBL_ANALYSIS_CELLS
           + static_cast<std::size_t>(cell);
}

int histogramOf(hbl_channel channel) {
    switch (channel) {
        case HBL_CHANNEL_4E: return HBL_ANALYSIS_M4L_4E;
        case HBL_CHANNEL_4MU: return HBL_ANALYSIS_M4L_4MU;
        default: return HBL_ANALYSIS_M4L_2E2MU;  // a selected event has a channel
    }
}

StatusCode invalidBatch(const std::string& what) {
    return StatusCode::failure(HBL_ERROR_INVALID_BATCH, "hbl_analysis_run: " + what);
}

// The index a calibration tool uses for `variation`: its own, or its nominal.
int indexIn(const LeptonCalibrationTool& tool, const std::string& variation) {
    const auto& own = tool.variations();
    const auto it = std::find(own.begin(), own.end(), variation);
    return it == own.end() ? LeptonCalibrationTool::kNominal
                           : static_cast<int>(it - own.begin());
}

}  // namespace

int regularCell(double x, double low, double high, int bins) {
    const double z = (x - low) / (high - low);
    if (z < 1.0) return z >= 0.0 ? static_cast<int>(z * bins) + 1 : 0;
    return bins + 1;  // overflow, and NaN (every comparison with NaN is false)
}

Hzz4lAnalysis::Hzz4lAnalysis()
    : m_electrons("ElectronCalibration"),
      m_muons("MuonCalibration"),
      m_selection("LeptonSelection"),
      m_builder("FourLeptonCandidates") {}

StatusCode Hzz4lAnalysis::initialize(const std::string& calibrationFile) {
    HBL_CHECK(m_electrons.setProperty("CalibrationFile", calibrationFile));
    HBL_CHECK(m_muons.setProperty("CalibrationFile", calibrationFile));
    HBL_CHECK(m_builder.setProperty("RequireExactlyFour", "true"));
    HBL_CHECK(m_builder.setProperty("LeadingLeptonMinPt", "25000,15000,10000"));
    for (AnalysisTool* tool : std::initializer_list<AnalysisTool*>{
             &m_electrons, &m_muons, &m_selection, &m_builder}) {
        HBL_CHECK(tool->initialize());
    }
    m_variationNames = {"NOMINAL"};
    m_variationNames.insert(m_variationNames.end(), m_electrons.variations().begin(),
                            m_electrons.variations().end());
    m_variationNames.insert(m_variationNames.end(), m_muons.variations().begin(),
                            m_muons.variations().end());
    if (m_variationNames.size() != HBL_ANALYSIS_VARIATIONS) {
        return StatusCode::failure(HBL_ERROR_INTERNAL,
                                   "the calibration tools provide "
                                       + std::to_string(m_variationNames.size() - 1)
                                       + " variations, hbl_analysis.h expects "
                                       + std::to_string(HBL_ANALYSIS_VARIATIONS - 1));
    }
    for (const std::string& name : m_variationNames) {
        m_systematics.push_back({indexIn(m_electrons, name), indexIn(m_muons, name)});
    }
    m_initialized = true;
    return StatusCode::success();
}

StatusCode Hzz4lAnalysis::validate(const hbl_event_columns& e, std::int64_t nReplicated) {
    if (nReplicated < 0) {
        return invalidBatch("n_replicated = " + std::to_string(nReplicated) + " is negative");
    }
    if (e.n_events < 0 || (nReplicated > 0 && e.n_events == 0)) {
        return invalidBatch("n_events = " + std::to_string(e.n_events) + " (need > 0 to replicate "
                            + std::to_string(nReplicated) + " events)");
    }
    const void* columns[] = {e.offsets, e.run_number, e.event_number, e.trig_e, e.trig_m,
                             e.type, e.charge, e.pt, e.eta, e.phi, e.e, e.ptcone30,
                             e.etcone20, e.d0, e.d0_sigma, e.z0};
    for (std::size_t c = 0; c < std::size(columns); ++c) {
        if (e.n_events > 0 && columns[c] == nullptr) {
            return StatusCode::failure(HBL_ERROR_NULL_ARGUMENT,
                                       "hbl_analysis_run: column " + std::to_string(c)
                                           + " of the events (in hbl_event_columns order) is "
                                             "NULL");
        }
    }
    if (e.n_events > 0 && e.offsets[0] != 0) {
        return invalidBatch("offsets[0] = " + std::to_string(e.offsets[0]) + ", expected 0");
    }
    for (std::int64_t i = 1; i <= e.n_events; ++i) {
        if (e.offsets[i] < e.offsets[i - 1]) {
            return invalidBatch("offsets[" + std::to_string(i) + "] = "
                                + std::to_string(e.offsets[i]) + " is below offsets["
                                + std::to_string(i - 1) + "] = "
                                + std::to_string(e.offsets[i - 1]));
        }
    }
    return StatusCode::success();
}

StatusCode Hzz4lAnalysis::run(const hbl_event_columns& events, std::int64_t nReplicated,
                              Hzz4lCounts& counts) {
    if (!m_initialized) {
        return StatusCode::failure(HBL_ERROR_NOT_INITIALIZED,
                                   "Hzz4lAnalysis::run before a successful initialize");
    }
    std::int64_t i = 0;  // the input event behind stream event k
    for (std::int64_t k = 0; k < nReplicated; ++k) {
        if (events.trig_e[i] != 0 || events.trig_m[i] != 0) {
            readEvent(events, i);
            HBL_CHECK(analyseEvent(events.event_number[i], counts));
        }
        if (++i == events.n_events) i = 0;
    }
    return StatusCode::success();
}

// The "GetEntry" of the loop: the event's leptons as objects, in stored order.
void Hzz4lAnalysis::readEvent(const hbl_event_columns& e, std::int64_t i) {
    m_leptons.clear();
    for (std::int32_t j = e.offsets[i]; j < e.offsets[i + 1]; ++j) {
        m_leptons.push_back(Lepton{e.type[j], e.charge[j], e.pt[j], e.eta[j], e.phi[j], e.e[j],
                                   e.ptcone30[j], e.etcone20[j], e.d0[j], e.d0_sigma[j], e.z0[j],
                                   j - e.offsets[i]});
    }
}

StatusCode Hzz4lAnalysis::analyseEvent(std::int32_t eventNumber, Hzz4lCounts& counts) {
    for (std::size_t v = 0; v < m_systematics.size(); ++v) {
        HBL_CHECK(analyseVariation(v, eventNumber, counts));
    }
    return StatusCode::success();
}

StatusCode Hzz4lAnalysis::analyseVariation(std::size_t variation, std::int32_t eventNumber,
                                           Hzz4lCounts& counts) {
    const Systematic& systematic = m_systematics[variation];
    m_usable.clear();
    for (Lepton lepton : m_leptons) {  // a calibrated copy, as a shallow-copy container holds
        // Each flavour through its own tool, as electron and muon containers are calibrated.
        if (lepton.type == HBL_ELECTRON) {
            HBL_CHECK(m_electrons.applyVariation(systematic.electron, eventNumber, lepton));
        } else if (lepton.type == HBL_MUON) {
            HBL_CHECK(m_muons.applyVariation(systematic.muon, eventNumber, lepton));
        }
        // Calibrated momenta are stored in single precision, as in the ntuples.
        lepton.pt = static_cast<float>(lepton.pt);
        lepton.e = static_cast<float>(lepton.e);
        if (m_selection.cutMask(lepton) == 0) m_usable.push_back(lepton);
    }
    const FourLeptonCandidate candidate = m_builder.build(m_usable);
    if (candidate.eventMask == 0) fill(variation, candidate, counts);
    return StatusCode::success();
}

void Hzz4lAnalysis::fill(std::size_t variation, const FourLeptonCandidate& candidate,
                         Hzz4lCounts& counts) const {
    const int bins = HBL_ANALYSIS_BINS;
    const int m4lCell = regularCell(candidate.m4l / kMeVPerGeV, kM4lLow, kM4lHigh, bins);
    const int z1Cell = regularCell(candidate.m12 / kMeVPerGeV, kZ1Low, kZ1High, bins);
    ++counts[countIndex(variation, histogramOf(candidate.channel), m4lCell)];
    ++counts[countIndex(variation, HBL_ANALYSIS_M_Z1, z1Cell)];
}

}  // namespace hbl
