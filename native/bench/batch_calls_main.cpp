// hbl_batch_calls -- the native calls of the benchmarks' Java path (b), made from C++: the
// replicated events copied batch by batch into columns, then through hbl.h the calibration
// tool of the varied flavour for each variation, the selection for each variation, and the
// candidate builder for each variation, one call each per batch and variation.
// org.hepbridge.bench.hzz.BatchedPath makes the same calls per tile of 256 events of its
// batch, so `--batch 256` is what it does. No JVM is involved: this is the
// program to put under valgrind --tool=callgrind or perf when the question is what the batch
// interface itself costs next to the C++ event loop (hbl_hzz4l).
//
//   hbl_batch_calls --dump events.hbldump --calibration hbl_calibration.txt --events N
//                   --batch B [--repeat R]
//
// The batch is capped at the event count. Prints each repetition's time and the nominal
// selected count on stdout. The histograms are not filled (Java fills them); the count is the
// check that the calls did the analysis.
// Exit status: 0 success, 1 failure (unreadable dump, tool error), 2 bad usage.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "BenchSupport.hpp"
#include "hbl/hbl.h"

namespace {

const char* program = "hbl_batch_calls";
const char* synopsis = "--batch B [--repeat R]";

void orExit(hbl_tool* tool, int32_t status) {
    if (hbl_is_error(status)) {
        std::fprintf(stderr, "%s: %s: %s\n", program, hbl_status_name(status),
                     tool != nullptr ? hbl_tool_last_error(tool) : "");
        std::exit(1);
    }
}

hbl_tool* makeTool(const char* type, const char* name) {
    hbl_tool* tool = nullptr;
    orExit(nullptr, hbl_tool_create(type, name, &tool));
    return tool;
}

// One batch of columns, sized for `capacity` events of at most `leptons` leptons, and the
// outputs every variation shares (the builder's m34 and lepton indices, which nothing reads).
struct Batch {
    std::vector<int32_t> offsets, eventNumber, charge, leptonIndex;
    std::vector<uint32_t> type;
    std::vector<uint8_t> trigE, trigM;
    std::vector<float> pt, eta, phi, e, ptcone30, etcone20, d0, d0Sigma, z0;
    std::vector<double> m34;
    int64_t events = 0;
    int64_t leptons = 0;

    Batch(int64_t capacity, int64_t leptons)
        : offsets(capacity + 1), eventNumber(capacity), charge(leptons),
          leptonIndex(4 * capacity), type(leptons), trigE(capacity), trigM(capacity),
          pt(leptons), eta(leptons), phi(leptons), e(leptons), ptcone30(leptons),
          etcone20(leptons), d0(leptons), d0Sigma(leptons), z0(leptons), m34(capacity) {}
};

// One variation's outputs for a batch: calibrated momenta, lepton cut masks, candidates.
struct VariationOutputs {
    std::vector<float> pt, e;
    std::vector<uint32_t> leptonMask, eventMask;
    std::vector<int32_t> channel;
    std::vector<double> m4l, m12;

    VariationOutputs(int64_t capacity, int64_t leptons)
        : pt(leptons), e(leptons), leptonMask(leptons), eventMask(capacity), channel(capacity),
          m4l(capacity), m12(capacity) {}
};

template <typename T>
void copyLeptons(const T* from, std::vector<T>& to, int64_t first, int64_t count, int64_t at) {
    std::memcpy(to.data() + at, from + first, sizeof(T) * static_cast<std::size_t>(count));
}

// Stream events [next, next + count) of the dump replicated end to end, as ReplicatedStream.
void readBatch(const hbl_event_columns& c, int64_t& next, int64_t count, Batch& b) {
    b.offsets[0] = 0;
    int64_t filled = 0;
    int64_t leptons = 0;
    while (filled < count) {
        const int64_t at = next % c.n_events;
        const int64_t run = std::min(count - filled, c.n_events - at);
        const int64_t first = c.offsets[at];
        const int64_t n = c.offsets[at + run] - first;
        for (int64_t k = 1; k <= run; ++k) {
            b.offsets[filled + k] = static_cast<int32_t>(c.offsets[at + k] - first + leptons);
        }
        std::memcpy(b.eventNumber.data() + filled, c.event_number + at,
                    sizeof(int32_t) * static_cast<std::size_t>(run));
        std::memcpy(b.trigE.data() + filled, c.trig_e + at, static_cast<std::size_t>(run));
        std::memcpy(b.trigM.data() + filled, c.trig_m + at, static_cast<std::size_t>(run));
        copyLeptons(c.type, b.type, first, n, leptons);
        copyLeptons(c.charge, b.charge, first, n, leptons);
        copyLeptons(c.pt, b.pt, first, n, leptons);
        copyLeptons(c.eta, b.eta, first, n, leptons);
        copyLeptons(c.phi, b.phi, first, n, leptons);
        copyLeptons(c.e, b.e, first, n, leptons);
        copyLeptons(c.ptcone30, b.ptcone30, first, n, leptons);
        copyLeptons(c.etcone20, b.etcone20, first, n, leptons);
        copyLeptons(c.d0, b.d0, first, n, leptons);
        copyLeptons(c.d0_sigma, b.d0Sigma, first, n, leptons);
        copyLeptons(c.z0, b.z0, first, n, leptons);
        leptons += n;
        filled += run;
        next += run;
    }
    b.events = count;
    b.leptons = leptons;
}

}  // namespace

int main(int argc, char** argv) {
    using namespace hbl;
    bench::Options options = bench::parseOptions(argc, argv, synopsis);
    int64_t batchSize = 0;
    int64_t repeat = 1;
    for (std::size_t i = 0; i < options.rest.size(); ++i) {
        const std::string& arg = options.rest[i];
        if (arg != "--batch" && arg != "--repeat") {
            bench::usage(program, "unknown option " + arg, synopsis);
        }
        if (i + 1 == options.rest.size()) {
            bench::usage(program, "option " + arg + " needs a value", synopsis);
        }
        const std::string& text = options.rest[++i];
        char* end = nullptr;
        const long long value = std::strtoll(text.c_str(), &end, 10);
        if (end == text.c_str() || *end != '\0' || value < 1 || value > 1000000000) {
            bench::usage(program, arg + " needs a count from 1 to 1e9, got '" + text + "'",
                         synopsis);
        }
        (arg == "--batch" ? batchSize : repeat) = value;
    }
    if (batchSize == 0) bench::usage(program, "--batch is required", synopsis);
    // A batch never holds more events than a run streams: the buffers are sized by it.
    batchSize = std::min(batchSize, std::max<int64_t>(options.events, 1));

    ColumnDump dump;
    bench::orExit(program, ColumnDump::read(options.dump, dump));
    const hbl_event_columns& columns = dump.columns();
    if (columns.n_events == 0) bench::usage(program, "the dump holds no events", synopsis);

    hbl_tool* electrons = makeTool("ElectronCalibrationTool", "ElectronCalibration");
    hbl_tool* muons = makeTool("MuonCalibrationTool", "MuonCalibration");
    hbl_tool* selection = makeTool("LeptonSelectionTool", "LeptonSelection");
    hbl_tool* builder = makeTool("FourLeptonCandidateBuilder", "FourLeptonCandidates");
    const char* calibration = options.calibration.c_str();
    orExit(electrons, hbl_tool_set_property(electrons, "CalibrationFile", calibration));
    orExit(muons, hbl_tool_set_property(muons, "CalibrationFile", calibration));
    orExit(builder, hbl_tool_set_property(builder, "RequireExactlyFour", "true"));
    orExit(builder, hbl_tool_set_property(builder, "LeadingLeptonMinPt", "25000,15000,10000"));
    for (hbl_tool* tool : {electrons, muons, selection, builder}) {
        orExit(tool, hbl_tool_initialize(tool));
    }

    // Variation v: NOMINAL, then the electron tool's, then the muon tool's; the tool whose
    // variation it is runs, the other is not called (NOMINAL is the identity).
    struct Step {
        hbl_tool* tool;
        const char* variation;
    };
    std::vector<Step> steps{{nullptr, "NOMINAL"}};
    for (hbl_tool* tool : {electrons, muons}) {
        int32_t count = 0;
        orExit(tool, hbl_calibration_variation_count(tool, &count));
        for (int32_t i = 0; i < count; ++i) {
            const char* name = nullptr;
            orExit(tool, hbl_calibration_variation_name(tool, i, &name));
            steps.push_back({tool, name});
        }
    }

    // Room for the fullest batch: at most batchSize events of the dump's largest event.
    int32_t mostLeptons = 0;
    for (int64_t i = 0; i < columns.n_events; ++i) {
        mostLeptons = std::max(mostLeptons, columns.offsets[i + 1] - columns.offsets[i]);
    }
    Batch b(batchSize, batchSize * mostLeptons);
    std::vector<VariationOutputs> out(steps.size(),
                                      VariationOutputs(batchSize, batchSize * mostLeptons));
    // Per variation, the pt and E columns its selection and builder read (input or calibrated).
    std::vector<const float*> pt(steps.size());
    std::vector<const float*> e(steps.size());

    for (int64_t r = 0; r < repeat; ++r) {
        const auto start = std::chrono::steady_clock::now();
        int64_t next = 0;
        int64_t nominalSelected = 0;
        for (int64_t done = 0; done < options.events; done += b.events) {
            readBatch(columns, next, std::min(batchSize, options.events - done), b);
            // Each tool for every variation before the next tool, as BatchedPath does per tile.
            for (std::size_t v = 0; v < steps.size(); ++v) {
                const Step& step = steps[v];
                pt[v] = b.pt.data();
                e[v] = b.e.data();
                if (step.tool == nullptr) continue;
                orExit(step.tool, hbl_calibrate_leptons(
                                      step.tool, step.variation, b.events, b.offsets.data(),
                                      b.eventNumber.data(), b.type.data(), b.pt.data(),
                                      b.eta.data(), b.e.data(), out[v].pt.data(),
                                      out[v].e.data()));
                pt[v] = out[v].pt.data();
                e[v] = out[v].e.data();
            }
            for (std::size_t v = 0; v < steps.size(); ++v) {
                orExit(selection, hbl_select_leptons(selection, b.leptons, b.type.data(), pt[v],
                                                     b.eta.data(), b.ptcone30.data(),
                                                     b.etcone20.data(), b.d0.data(),
                                                     b.d0Sigma.data(), b.z0.data(),
                                                     out[v].leptonMask.data()));
            }
            for (std::size_t v = 0; v < steps.size(); ++v) {
                orExit(builder, hbl_build_candidates(
                                    builder, b.events, b.offsets.data(), b.type.data(),
                                    b.charge.data(), pt[v], b.eta.data(), b.phi.data(), e[v],
                                    out[v].leptonMask.data(), out[v].eventMask.data(),
                                    out[v].channel.data(), out[v].m4l.data(),
                                    out[v].m12.data(), b.m34.data(), b.leptonIndex.data()));
            }
            for (int64_t i = 0; i < b.events; ++i) {
                const bool triggered = b.trigE[i] != 0 || b.trigM[i] != 0;
                nominalSelected += triggered && out[0].eventMask[i] == 0;
            }
        }
        const std::chrono::duration<double, std::milli> ms =
            std::chrono::steady_clock::now() - start;
        std::printf("repetition %d: %lld events in batches of %lld: %.1f ms, %lld nominal "
                    "selected\n",
                    static_cast<int>(r), static_cast<long long>(options.events),
                    static_cast<long long>(batchSize), ms.count(),
                    static_cast<long long>(nominalSelected));
    }
    for (hbl_tool* tool : {builder, selection, muons, electrons}) hbl_tool_free(tool);
    return 0;
}
