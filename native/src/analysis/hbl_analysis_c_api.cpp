// hbl_analysis_c_api.cpp -- the C interface of hbl_analysis.h. No exception leaves this file.
#include "hbl/hbl_analysis.h"

#include <algorithm>
#include <cstring>
#include <exception>
#include <memory>
#include <string>

#include "hbl/Hzz4lAnalysis.hpp"

struct hbl_analysis {
    hbl::Hzz4lAnalysis analysis;
    std::string lastError;
    hbl::Hzz4lCounts scratch{};
};

namespace {

using hbl::StatusCode;

const char* const kVariationNames[HBL_ANALYSIS_VARIATIONS] = {
    "NOMINAL",
    "EG_SCALE__1up",     "EG_SCALE__1down",     "EG_RESOLUTION__1up",   "EG_RESOLUTION__1down",
    "MUON_SCALE__1up",   "MUON_SCALE__1down",   "MUON_RESOLUTION__1up", "MUON_RESOLUTION__1down"};

void copyMessage(const std::string& message, char* out, int64_t capacity) {
    if (out == nullptr || capacity <= 0) return;
    const std::size_t n = std::min<std::size_t>(message.size(),
                                                static_cast<std::size_t>(capacity - 1));
    std::memcpy(out, message.data(), n);
    out[n] = '\0';
}

StatusCode internal(const char* what) {
    return StatusCode::failure(HBL_ERROR_INTERNAL, std::string("unexpected C++ exception: ")
                                                       + what);
}

// Runs `body` and turns any exception into HBL_ERROR_INTERNAL.
template <typename Body>
StatusCode guarded(Body&& body) {
    try {
        return body();
    } catch (const std::exception& e) {
        return internal(e.what());
    } catch (...) {
        return internal("of unknown type");
    }
}

StatusCode checkNames(const hbl::Hzz4lAnalysis& analysis) {
    for (int i = 0; i < HBL_ANALYSIS_VARIATIONS; ++i) {
        if (analysis.variations()[static_cast<std::size_t>(i)] != kVariationNames[i]) {
            return StatusCode::failure(HBL_ERROR_INTERNAL,
                                       "variation " + std::to_string(i) + " of the tools is '"
                                           + analysis.variations()[static_cast<std::size_t>(i)]
                                           + "', hbl_analysis_variation_name says '"
                                           + kVariationNames[i] + "'");
        }
    }
    return StatusCode::success();
}

}  // namespace

extern "C" {

int32_t hbl_analysis_create(const char* calibration_file, hbl_analysis** out,
                            char* message_out, int64_t message_capacity) {
    if (out == nullptr || calibration_file == nullptr) {
        copyMessage("hbl_analysis_create: argument 'out' or 'calibration_file' is NULL",
                    message_out, message_capacity);
        if (out != nullptr) *out = nullptr;
        return HBL_ERROR_NULL_ARGUMENT;
    }
    *out = nullptr;
    std::unique_ptr<hbl_analysis> created;
    const StatusCode status = guarded([&] {
        created = std::make_unique<hbl_analysis>();
        HBL_CHECK(created->analysis.initialize(calibration_file));
        return checkNames(created->analysis);
    });
    if (status.isFailure()) {
        copyMessage(status.message(), message_out, message_capacity);
        return status.code();
    }
    *out = created.release();
    return HBL_OK;
}

void hbl_analysis_free(hbl_analysis* analysis) { delete analysis; }

int32_t hbl_analysis_run(hbl_analysis* analysis, const hbl_event_columns* events,
                         int64_t n_replicated, int64_t* counts_out) {
    if (analysis == nullptr) return HBL_ERROR_NULL_ARGUMENT;
    const StatusCode status = guarded([&] {
        if (events == nullptr || counts_out == nullptr) {
            return StatusCode::failure(HBL_ERROR_NULL_ARGUMENT,
                                       "hbl_analysis_run: argument 'events' or 'counts_out' "
                                       "is NULL");
        }
        HBL_CHECK(hbl::Hzz4lAnalysis::validate(*events, n_replicated));
        // Counted into scratch and added at the end, so a failing run adds only the events
        // before the failure, as documented.
        analysis->scratch.fill(0);
        const StatusCode run = analysis->analysis.run(*events, n_replicated, analysis->scratch);
        for (int i = 0; i < HBL_ANALYSIS_COUNTS; ++i) counts_out[i] += analysis->scratch[i];
        return run;
    });
    analysis->lastError = status.message();
    return status.code();
}

const char* hbl_analysis_last_error(const hbl_analysis* analysis) {
    return analysis == nullptr ? "" : analysis->lastError.c_str();
}

const char* hbl_analysis_variation_name(int32_t index) {
    return index >= 0 && index < HBL_ANALYSIS_VARIATIONS ? kVariationNames[index] : nullptr;
}

void hbl_bench_noop(void) {}

double hbl_bench_sum(const float* values, int64_t n) {
    if (values == nullptr) return 0.0;
    double sum = 0.0;
    for (int64_t i = 0; i < n; ++i) sum += values[i];
    return sum;
}

}  // extern "C"
