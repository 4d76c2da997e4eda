// BenchSupport.hpp -- command-line options, peak memory and the loaded input shared by the
// C++ benchmark programs.
#ifndef HBL_BENCH_BENCHSUPPORT_HPP
#define HBL_BENCH_BENCHSUPPORT_HPP

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "hbl/ColumnDump.hpp"
#include "hbl/Hzz4lAnalysis.hpp"

namespace hbl::bench {

/// The options every program takes; unknown "--benchmark_*" options are left in `rest`.
struct Options {
    std::string dump;
    std::string calibration;
    std::int64_t events = 0;
    std::vector<std::string> rest;
};

/// Prints the problem and the synopsis (the shared options, then `more`, the program's own)
/// on stderr and exits with status 2.
[[noreturn]] inline void usage(const char* program, const std::string& problem,
                               const char* more) {
    std::cerr << program << ": " << problem << "\nusage: " << program
              << " --dump FILE --calibration FILE --events N" << (*more ? " " : "") << more
              << "\n";
    std::exit(2);
}

/// The shared options; anything else is left in `rest` for the program. `more` is the
/// program's own part of the synopsis, for usage().
inline Options parseOptions(int argc, char** argv, const char* more) {
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const bool hasValue = i + 1 < argc;
        if ((arg == "--dump" || arg == "--calibration" || arg == "--events") && !hasValue) {
            usage(argv[0], "option " + arg + " needs a value", more);
        }
        if (arg == "--dump") {
            options.dump = argv[++i];
        } else if (arg == "--calibration") {
            options.calibration = argv[++i];
        } else if (arg == "--events") {
            char* end = nullptr;
            options.events = std::strtoll(argv[++i], &end, 10);
            if (*end != '\0' || options.events < 0) {
                usage(argv[0], std::string("--events needs a count >= 0, got '") + argv[i] + "'",
                      more);
            }
        } else {
            options.rest.push_back(arg);
        }
    }
    if (options.dump.empty() || options.calibration.empty()) {
        usage(argv[0], "--dump and --calibration are required", more);
    }
    return options;
}

/// The peak resident set size of this process (VmHWM of /proc/self/status), in KiB; -1 when
/// the file is not there (not Linux).
inline std::int64_t peakRssKiB() {
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);) {
        if (line.rfind("VmHWM:", 0) == 0) return std::strtoll(line.c_str() + 6, nullptr, 10);
    }
    return -1;
}

/// Prints the failure and exits with status 1 unless `status` is a success.
inline void orExit(const char* program, const StatusCode& status) {
    if (status.isFailure()) {
        std::cerr << program << ": failed with hbl_status " << status.code() << ": "
                  << status.message() << "\n";
        std::exit(1);
    }
}

}  // namespace hbl::bench

#endif  // HBL_BENCH_BENCHSUPPORT_HPP
