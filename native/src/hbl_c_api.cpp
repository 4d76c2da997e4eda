// hbl_c_api.cpp -- the C interface (hbl.h) over the C++ tools. No exception leaves this file.
#include "hbl/hbl.h"

#include <exception>
#include <memory>
#include <string>
#include <vector>

#include "hbl/ElectronCalibrationTool.hpp"
#include "hbl/FourLeptonCandidateBuilder.hpp"
#include "hbl/LeptonSelectionTool.hpp"
#include "hbl/MuonCalibrationTool.hpp"

struct hbl_tool {
    std::unique_ptr<hbl::AnalysisTool> tool;
    std::string lastError;
    std::vector<hbl::Lepton> usable;  // per-event scratch of the candidate builder
};

namespace {

using hbl::StatusCode;

// Records a failure in the tool and returns its code.
int32_t fail(hbl_tool* tool, const StatusCode& status) {
    tool->lastError = status.message();
    return status.code();
}

// Runs `body` (returning StatusCode) and turns a failure or any exception into a code.
template <typename Body>
int32_t guarded(hbl_tool* tool, Body&& body) {
    if (tool == nullptr) return HBL_ERROR_NULL_ARGUMENT;
    try {
        const StatusCode status = body();
        return status.isSuccess() ? HBL_OK : fail(tool, status);
    } catch (const std::exception& e) {
        return fail(tool, StatusCode::failure(HBL_ERROR_INTERNAL,
                                              std::string("unexpected C++ exception: ")
                                                  + e.what()));
    } catch (...) {
        return fail(tool, StatusCode::failure(HBL_ERROR_INTERNAL,
                                              "unexpected C++ exception of unknown type"));
    }
}

StatusCode nullArgument(const char* function, const char* argument) {
    return StatusCode::failure(HBL_ERROR_NULL_ARGUMENT, std::string(function) + ": argument '"
                                                            + argument + "' is NULL");
}

// Checks that the tool is a T and initialized; `tool` points to the T on success.
template <typename T>
StatusCode usableAs(hbl_tool* handle, const char* function, const char* expected, T*& tool) {
    tool = dynamic_cast<T*>(handle->tool.get());
    if (tool == nullptr) {
        return StatusCode::failure(HBL_ERROR_WRONG_TOOL_TYPE,
                                   std::string(function) + " needs a " + expected + ", got "
                                       + handle->tool->type() + " '" + handle->tool->name()
                                       + "'");
    }
    if (!tool->isInitialized()) {
        return StatusCode::failure(HBL_ERROR_NOT_INITIALIZED,
                                   std::string(function) + " called before a successful "
                                                           "hbl_tool_initialize");
    }
    return StatusCode::success();
}

StatusCode checkCount(const char* function, const char* what, int64_t count) {
    if (count >= 0) return StatusCode::success();
    return StatusCode::failure(HBL_ERROR_INVALID_BATCH, std::string(function) + ": " + what
                                                            + " = " + std::to_string(count)
                                                            + " is negative");
}

// offsets[0] >= 0 and offsets non-decreasing over n_events + 1 entries.
StatusCode checkOffsets(const char* function, int64_t nEvents, const int32_t* offsets) {
    if (offsets[0] < 0) {
        return StatusCode::failure(HBL_ERROR_INVALID_BATCH,
                                   std::string(function) + ": offsets[0] = "
                                       + std::to_string(offsets[0]) + " is negative");
    }
    for (int64_t i = 1; i <= nEvents; ++i) {
        if (offsets[i] < offsets[i - 1]) {
            return StatusCode::failure(
                HBL_ERROR_INVALID_BATCH,
                std::string(function) + ": offsets[" + std::to_string(i) + "] = "
                    + std::to_string(offsets[i]) + " is below offsets[" + std::to_string(i - 1)
                    + "] = " + std::to_string(offsets[i - 1])
                    + " (offsets must be non-decreasing)");
        }
    }
    return StatusCode::success();
}

// The first NULL among named pointers, as a failure.
StatusCode checkNotNull(const char* function,
                        std::initializer_list<std::pair<const char*, const void*>> args) {
    for (const auto& [name, pointer] : args) {
        if (pointer == nullptr) return nullArgument(function, name);
    }
    return StatusCode::success();
}

std::unique_ptr<hbl::AnalysisTool> makeTool(const std::string& type, const std::string& name) {
    if (type == "ElectronCalibrationTool") {
        return std::make_unique<hbl::ElectronCalibrationTool>(name);
    }
    if (type == "MuonCalibrationTool") return std::make_unique<hbl::MuonCalibrationTool>(name);
    if (type == "LeptonSelectionTool") return std::make_unique<hbl::LeptonSelectionTool>(name);
    if (type == "FourLeptonCandidateBuilder") {
        return std::make_unique<hbl::FourLeptonCandidateBuilder>(name);
    }
    return nullptr;
}

// Every field initialized in the aggregate: a default-constructed Lepton is zero-filled first
// (rep stos), which a profile of the batch loops found to be a fifth of their time.
hbl::Lepton leptonAt(int64_t j, int32_t indexInEvent, const uint32_t* type, const float* pt,
                     const float* eta, const float* e) {
    return hbl::Lepton{type[j], 0, pt[j], eta[j], 0.0, e[j], 0.0, 0.0, 0.0, 0.0, 0.0,
                       indexInEvent};
}

// The leptons of event i, [lo, hi), read once and required to lie within [first, last): the
// range checkOffsets() validated and the caller sized the per-lepton buffers for. The offsets
// are read again here because an output buffer may overlap them (the loops would then write
// their own bounds) or another thread may write them during the call; either way the loop
// stops with INVALID_BATCH instead of reading or writing past the buffers. Inline: it runs
// once per event and call, and the message is only built when the bounds are broken.
inline bool eventLeptons(const int32_t* offsets, int64_t i, int32_t first, int32_t last,
                         int32_t& lo, int32_t& hi) {
    lo = offsets[i];
    hi = offsets[i + 1];
    return lo >= first && hi >= lo && hi <= last;
}

[[gnu::cold, gnu::noinline]] StatusCode offsetsChanged(const char* function, int64_t i,
                                                       int32_t lo, int32_t hi, int32_t first,
                                                       int32_t last) {
    return StatusCode::failure(
        HBL_ERROR_INVALID_BATCH,
        std::string(function) + ": offsets[" + std::to_string(i) + "..." + std::to_string(i + 1)
            + "] changed during the call to " + std::to_string(lo) + ", " + std::to_string(hi)
            + " (validated range [" + std::to_string(first) + ", " + std::to_string(last)
            + "]): an output buffer overlaps the offsets, or another thread wrote them");
}

// The per-batch loops. They live in functions of their own, taking the columns by value,
// because written inside the guarded() lambda every column was reached through the closure
// (a reference to the caller's argument, reloaded after each opaque per-object call: two
// loads per column and lepton); here the pointers are plain locals.

// Leptons the variation leaves as they are (the nominal, the other flavour) are copied
// without the per-object call, which would return them unchanged.
StatusCode calibrateBatch(const hbl::LeptonCalibrationTool& calibration, int variationIndex,
                          int64_t nEvents, const int32_t* offsets, const int32_t* eventNumber,
                          const uint32_t* type, const float* pt, const float* eta,
                          const float* e, float* ptOut, float* eOut) {
    const uint32_t flavour = calibration.leptonType();
    const bool identity = variationIndex == hbl::LeptonCalibrationTool::kNominal;
    const int32_t first = offsets[0];
    const int32_t last = offsets[nEvents];
    for (int64_t i = 0; i < nEvents; ++i) {
        int32_t lo = 0;
        int32_t hi = 0;
        if (!eventLeptons(offsets, i, first, last, lo, hi)) {
            return offsetsChanged("hbl_calibrate_leptons", i, lo, hi, first, last);
        }
        for (int64_t j = lo; j < hi; ++j) {
            if (identity || type[j] != flavour) {
                ptOut[j] = pt[j];
                eOut[j] = e[j];
                continue;
            }
            hbl::Lepton lepton = leptonAt(j, static_cast<int32_t>(j - lo), type, pt, eta, e);
            HBL_CHECK(calibration.applyVariation(variationIndex, eventNumber[i], lepton));
            ptOut[j] = static_cast<float>(lepton.pt);
            eOut[j] = static_cast<float>(lepton.e);
        }
    }
    return StatusCode::success();
}

StatusCode selectBatch(const hbl::LeptonSelectionTool& selection, int64_t nLeptons,
                       const uint32_t* type, const float* pt, const float* eta,
                       const float* ptcone30, const float* etcone20, const float* d0,
                       const float* d0Sigma, const float* z0, uint32_t* cutMaskOut) {
    for (int64_t j = 0; j < nLeptons; ++j) {
        hbl::Lepton lepton = leptonAt(j, 0, type, pt, eta, pt);
        lepton.ptcone30 = ptcone30[j];
        lepton.etcone20 = etcone20[j];
        lepton.d0 = d0[j];
        lepton.d0Sigma = d0Sigma[j];
        lepton.z0 = z0[j];
        cutMaskOut[j] = selection.cutMask(lepton);
    }
    return StatusCode::success();
}

inline bool usableLepton(const uint32_t* leptonMask, int64_t j) {
    return leptonMask == nullptr || leptonMask[j] == 0;
}

// `usable` is the tool's scratch vector, reused from call to call.
StatusCode buildBatch(const hbl::FourLeptonCandidateBuilder& builder,
                      std::vector<hbl::Lepton>& usable, int64_t nEvents, const int32_t* offsets,
                      const uint32_t* type, const int32_t* charge, const float* pt,
                      const float* eta, const float* phi, const float* e,
                      const uint32_t* leptonMask, uint32_t* eventMaskOut, int32_t* channelOut,
                      double* m4lOut, double* m12Out, double* m34Out,
                      int32_t* leptonIndexOut) {
    const int32_t first = offsets[0];
    const int32_t last = offsets[nEvents];
    for (int64_t i = 0; i < nEvents; ++i) {
        int32_t lo = 0;
        int32_t hi = 0;
        if (!eventLeptons(offsets, i, first, last, lo, hi)) {
            return offsetsChanged("hbl_build_candidates", i, lo, hi, first, last);
        }
        // The usable leptons are written where they live in `usable`, every field, so that
        // nothing stale is left from the previous event. Put together on the stack and then
        // pushed, each was copied with 16-byte loads of data just written by narrower stores,
        // which the CPU cannot forward (a store-forwarding stall per load: about two thirds
        // of this function's samples); pushed value-initialised, each was first cleared with
        // `rep stos`.
        // resize() only initialises slots beyond the previous event's count.
        std::size_t count = 0;
        for (int64_t j = lo; j < hi; ++j) count += usableLepton(leptonMask, j) ? 1 : 0;
        usable.resize(count);
        // The mask is read twice; if another thread changed it in between (which the caller
        // must not do), the second pass still writes no more than `count` slots.
        std::size_t filled = 0;
        for (int64_t j = lo; j < hi && filled < count; ++j) {
            if (!usableLepton(leptonMask, j)) continue;
            hbl::Lepton& slot = usable[filled++];
            slot.type = type[j];
            slot.charge = charge[j];
            slot.pt = pt[j];
            slot.eta = eta[j];
            slot.phi = phi[j];
            slot.e = e[j];
            // The builder reads none of these; they are set so that no lepton carries another's.
            slot.ptcone30 = slot.etcone20 = slot.d0 = slot.d0Sigma = slot.z0 = 0.0;
            slot.index = static_cast<int32_t>(j - lo);
        }
        usable.resize(filled);
        const hbl::FourLeptonCandidate c = builder.build(usable);
        eventMaskOut[i] = c.eventMask;
        channelOut[i] = c.channel;
        m4lOut[i] = c.m4l;
        m12Out[i] = c.m12;
        m34Out[i] = c.m34;
        for (int k = 0; k < 4; ++k) leptonIndexOut[4 * i + k] = c.leptonIndex[k];
    }
    return StatusCode::success();
}

}  // namespace

extern "C" {

uint32_t hbl_version(void) {
    return HBL_VERSION_MAJOR * 10000u + HBL_VERSION_MINOR * 100u + HBL_VERSION_PATCH;
}

int32_t hbl_is_error(int32_t status) { return status != HBL_OK ? 1 : 0; }

const char* hbl_status_name(int32_t status) {
    switch (status) {
        case HBL_OK: return "HBL_OK";
        case HBL_ERROR_NULL_ARGUMENT: return "HBL_ERROR_NULL_ARGUMENT";
        case HBL_ERROR_UNKNOWN_TOOL_TYPE: return "HBL_ERROR_UNKNOWN_TOOL_TYPE";
        case HBL_ERROR_UNKNOWN_PROPERTY: return "HBL_ERROR_UNKNOWN_PROPERTY";
        case HBL_ERROR_INVALID_VALUE: return "HBL_ERROR_INVALID_VALUE";
        case HBL_ERROR_NOT_INITIALIZED: return "HBL_ERROR_NOT_INITIALIZED";
        case HBL_ERROR_ALREADY_INITIALIZED: return "HBL_ERROR_ALREADY_INITIALIZED";
        case HBL_ERROR_CALIBRATION_FILE: return "HBL_ERROR_CALIBRATION_FILE";
        case HBL_ERROR_UNKNOWN_VARIATION: return "HBL_ERROR_UNKNOWN_VARIATION";
        case HBL_ERROR_WRONG_TOOL_TYPE: return "HBL_ERROR_WRONG_TOOL_TYPE";
        case HBL_ERROR_INVALID_BATCH: return "HBL_ERROR_INVALID_BATCH";
        case HBL_ERROR_INTERNAL: return "HBL_ERROR_INTERNAL";
        default: return "HBL_UNKNOWN_STATUS";
    }
}

int32_t hbl_tool_create(const char* type, const char* name, hbl_tool** out) {
    if (out == nullptr) return HBL_ERROR_NULL_ARGUMENT;
    *out = nullptr;
    if (type == nullptr || name == nullptr) return HBL_ERROR_NULL_ARGUMENT;
    try {
        std::unique_ptr<hbl::AnalysisTool> tool = makeTool(type, name);
        if (!tool) return HBL_ERROR_UNKNOWN_TOOL_TYPE;
        auto handle = std::make_unique<hbl_tool>();
        handle->tool = std::move(tool);
        *out = handle.release();
        return HBL_OK;
    } catch (...) {
        return HBL_ERROR_INTERNAL;  // only std::bad_alloc can get here; no tool to hold text
    }
}

void hbl_tool_free(hbl_tool* tool) { delete tool; }

int32_t hbl_tool_set_property(hbl_tool* tool, const char* name, const char* value) {
    return guarded(tool, [&] {
        HBL_CHECK(checkNotNull("hbl_tool_set_property", {{"name", name}, {"value", value}}));
        return tool->tool->setProperty(name, value);
    });
}

int32_t hbl_tool_initialize(hbl_tool* tool) {
    return guarded(tool, [&] { return tool->tool->initialize(); });
}

const char* hbl_tool_last_error(const hbl_tool* tool) {
    return tool == nullptr ? "" : tool->lastError.c_str();
}

int32_t hbl_calibration_variation_count(const hbl_tool* tool, int32_t* count_out) {
    hbl_tool* handle = const_cast<hbl_tool*>(tool);  // only lastError is written
    return guarded(handle, [&] {
        const char* function = "hbl_calibration_variation_count";
        HBL_CHECK(checkNotNull(function, {{"count_out", count_out}}));
        hbl::LeptonCalibrationTool* calibration = nullptr;
        HBL_CHECK(usableAs(handle, function, "calibration tool", calibration));
        *count_out = static_cast<int32_t>(calibration->variations().size());
        return StatusCode::success();
    });
}

int32_t hbl_calibration_variation_name(const hbl_tool* tool, int32_t index,
                                       const char** name_out) {
    hbl_tool* handle = const_cast<hbl_tool*>(tool);  // only lastError is written
    return guarded(handle, [&] {
        const char* function = "hbl_calibration_variation_name";
        HBL_CHECK(checkNotNull(function, {{"name_out", name_out}}));
        hbl::LeptonCalibrationTool* calibration = nullptr;
        HBL_CHECK(usableAs(handle, function, "calibration tool", calibration));
        const auto& names = calibration->variations();
        if (index < 0 || static_cast<std::size_t>(index) >= names.size()) {
            return StatusCode::failure(HBL_ERROR_INVALID_VALUE,
                                       std::string(function) + ": index "
                                           + std::to_string(index) + " is outside [0, "
                                           + std::to_string(names.size()) + ")");
        }
        *name_out = names[static_cast<std::size_t>(index)].c_str();
        return StatusCode::success();
    });
}

int32_t hbl_calibrate_leptons(hbl_tool* tool, const char* variation, int64_t n_events,
                              const int32_t* offsets, const int32_t* event_number,
                              const uint32_t* type, const float* pt, const float* eta,
                              const float* e, float* pt_out, float* e_out) {
    return guarded(tool, [&] {
        const char* function = "hbl_calibrate_leptons";
        hbl::LeptonCalibrationTool* calibration = nullptr;
        HBL_CHECK(usableAs(tool, function, "calibration tool", calibration));
        HBL_CHECK(checkNotNull(function, {{"variation", variation}}));
        int variationIndex = 0;
        HBL_CHECK(calibration->findVariation(variation, variationIndex));
        HBL_CHECK(checkCount(function, "n_events", n_events));
        if (n_events == 0) return StatusCode::success();
        HBL_CHECK(checkNotNull(function, {{"offsets", offsets}, {"event_number", event_number},
                                          {"type", type}, {"pt", pt}, {"eta", eta}, {"e", e},
                                          {"pt_out", pt_out}, {"e_out", e_out}}));
        HBL_CHECK(checkOffsets(function, n_events, offsets));
        return calibrateBatch(*calibration, variationIndex, n_events, offsets, event_number,
                              type, pt, eta, e, pt_out, e_out);
    });
}

int32_t hbl_select_leptons(hbl_tool* tool, int64_t n_leptons, const uint32_t* type,
                           const float* pt, const float* eta, const float* ptcone30,
                           const float* etcone20, const float* d0, const float* d0_sigma,
                           const float* z0, uint32_t* cut_mask_out) {
    return guarded(tool, [&] {
        const char* function = "hbl_select_leptons";
        hbl::LeptonSelectionTool* selection = nullptr;
        HBL_CHECK(usableAs(tool, function, "LeptonSelectionTool", selection));
        HBL_CHECK(checkCount(function, "n_leptons", n_leptons));
        if (n_leptons == 0) return StatusCode::success();
        HBL_CHECK(checkNotNull(function, {{"type", type}, {"pt", pt}, {"eta", eta},
                                          {"ptcone30", ptcone30}, {"etcone20", etcone20},
                                          {"d0", d0}, {"d0_sigma", d0_sigma}, {"z0", z0},
                                          {"cut_mask_out", cut_mask_out}}));
        return selectBatch(*selection, n_leptons, type, pt, eta, ptcone30, etcone20, d0,
                           d0_sigma, z0, cut_mask_out);
    });
}

int32_t hbl_build_candidates(hbl_tool* tool, int64_t n_events, const int32_t* offsets,
                             const uint32_t* type, const int32_t* charge, const float* pt,
                             const float* eta, const float* phi, const float* e,
                             const uint32_t* lepton_mask, uint32_t* event_mask_out,
                             int32_t* channel_out, double* m4l_out, double* m12_out,
                             double* m34_out, int32_t* lepton_index_out) {
    return guarded(tool, [&] {
        const char* function = "hbl_build_candidates";
        hbl::FourLeptonCandidateBuilder* builder = nullptr;
        HBL_CHECK(usableAs(tool, function, "FourLeptonCandidateBuilder", builder));
        HBL_CHECK(checkCount(function, "n_events", n_events));
        if (n_events == 0) return StatusCode::success();
        HBL_CHECK(checkNotNull(function,
                               {{"offsets", offsets}, {"type", type}, {"charge", charge},
                                {"pt", pt}, {"eta", eta}, {"phi", phi}, {"e", e},
                                {"event_mask_out", event_mask_out}, {"channel_out", channel_out},
                                {"m4l_out", m4l_out}, {"m12_out", m12_out},
                                {"m34_out", m34_out}, {"lepton_index_out", lepton_index_out}}));
        HBL_CHECK(checkOffsets(function, n_events, offsets));
        return buildBatch(*builder, tool->usable, n_events, offsets, type, charge, pt, eta, phi,
                          e, lepton_mask, event_mask_out, channel_out, m4l_out, m12_out,
                          m34_out, lepton_index_out);
    });
}

}  // extern "C"
