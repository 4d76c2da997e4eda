// hbl_hzz4l -- runs the pure C++ H->ZZ*->4l analysis once over a replicated column dump and
// prints the histograms, the time and the peak memory as one JSON object on stdout.
//
//   hbl_hzz4l --dump events.hbldump --calibration hbl_calibration.txt --events N
//
// Exit status: 0 success, 1 failure (unreadable dump, tool error), 2 bad usage.
#include <chrono>
#include <cstdio>
#include <iostream>

#include "BenchSupport.hpp"

int main(int argc, char** argv) {
    using namespace hbl;
    const bench::Options options = bench::parseOptions(argc, argv, "");
    if (!options.rest.empty()) bench::usage(argv[0], "unknown option " + options.rest.front(), "");

    ColumnDump dump;
    bench::orExit(argv[0], ColumnDump::read(options.dump, dump));
    Hzz4lAnalysis analysis;
    bench::orExit(argv[0], analysis.initialize(options.calibration));
    bench::orExit(argv[0], Hzz4lAnalysis::validate(dump.columns(), options.events));

    Hzz4lCounts counts{};
    const auto start = std::chrono::steady_clock::now();
    bench::orExit(argv[0], analysis.run(dump.columns(), options.events, counts));
    const std::chrono::duration<double> seconds = std::chrono::steady_clock::now() - start;

    std::cout << "{\"program\":\"hbl_hzz4l\",\"events\":" << options.events
              << ",\"input_events\":" << dump.columns().n_events << ",\"seconds\":";
    std::printf("%.9g", seconds.count());
    std::fflush(stdout);
    std::cout << ",\"peak_rss_kib\":" << bench::peakRssKiB() << ",\"variations\":[";
    for (std::size_t v = 0; v < analysis.variations().size(); ++v) {
        std::cout << (v ? "," : "") << '"' << analysis.variations()[v] << '"';
    }
    std::cout << "],\"counts\":[";
    for (std::size_t i = 0; i < counts.size(); ++i) std::cout << (i ? "," : "") << counts[i];
    std::cout << "]}\n";
    return 0;
}
