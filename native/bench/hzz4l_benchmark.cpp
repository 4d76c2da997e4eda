// hbl_hzz4l_bench -- times the pure C++ H->ZZ*->4l analysis over a replicated column dump.
//
//   hbl_hzz4l_bench --dump events.hbldump --calibration hbl_calibration.txt --events N
//                   [--benchmark_repetitions=R] [--benchmark_min_time=SECONDS] ...
//
// With Google Benchmark (libbenchmark-dev) the remaining options are Google Benchmark's and
// the output is its JSON when --benchmark_format=json is given. Without it, a small
// std::chrono harness takes --benchmark_repetitions and --benchmark_min_time and always
// prints the subset of Google Benchmark's JSON that benchmarks/run reads. Either way the
// benchmark "hzz4l_cpp/events:N" reports items_per_second (events per second) and the
// counter peak_rss_kib, and the counts of its last iteration are checked against the
// replication identity counts(N) = (N div n) counts(n) + counts(N mod n), n the dump's
// events, before anything is printed.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <functional>
#include <iostream>

#include "BenchSupport.hpp"

#ifdef HBL_HAVE_GOOGLE_BENCHMARK
#include <benchmark/benchmark.h>
#endif

namespace {

constexpr const char* kSynopsis = "[--benchmark_...]";

using hbl::Hzz4lAnalysis;
using hbl::Hzz4lCounts;

struct Fixture {
    hbl::ColumnDump dump;
    Hzz4lAnalysis analysis;
    std::int64_t events = 0;
    Hzz4lCounts expected{};
    Hzz4lCounts last{};
};

Hzz4lCounts runOnce(Fixture& f, std::int64_t events, const char* program) {
    Hzz4lCounts counts{};
    hbl::bench::orExit(program, f.analysis.run(f.dump.columns(), events, counts));
    return counts;
}

// The counts the identity predicts, from two short runs.
Hzz4lCounts predicted(Fixture& f, const char* program) {
    const std::int64_t n = f.dump.columns().n_events;
    if (n == 0) return Hzz4lCounts{};
    Hzz4lCounts whole = runOnce(f, n, program);
    Hzz4lCounts rest = runOnce(f, f.events % n, program);
    for (std::size_t i = 0; i < rest.size(); ++i) rest[i] += (f.events / n) * whole[i];
    return rest;
}

void checkLast(const Fixture& f, const char* program) {
    for (std::size_t i = 0; i < f.last.size(); ++i) {
        if (f.last[i] != f.expected[i]) {
            std::cerr << program << ": count " << i << " is " << f.last[i] << " after "
                      << f.events << " events, the replication identity predicts "
                      << f.expected[i] << "\n";
            std::exit(1);
        }
    }
}

std::string benchmarkName(std::int64_t events) {
    return "hzz4l_cpp/events:" + std::to_string(events);
}

#ifdef HBL_HAVE_GOOGLE_BENCHMARK

int runBenchmarks(Fixture& f, int, char** argv, const hbl::bench::Options& options) {
    std::vector<char*> args{argv[0]};
    std::vector<std::string> rest = options.rest;
    for (std::string& arg : rest) args.push_back(arg.data());
    int count = static_cast<int>(args.size());
    benchmark::Initialize(&count, args.data());
    if (benchmark::ReportUnrecognizedArguments(count, args.data())) return 2;
    benchmark::RegisterBenchmark(benchmarkName(f.events).c_str(), [&f, argv](
                                     benchmark::State& state) {
        for (auto _ : state) {
            f.last = runOnce(f, f.events, argv[0]);
            benchmark::DoNotOptimize(f.last.data());
        }
        state.SetItemsProcessed(state.iterations() * f.events);
        state.counters["peak_rss_kib"] = static_cast<double>(hbl::bench::peakRssKiB());
    })->Unit(benchmark::kMillisecond)->UseRealTime();
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    checkLast(f, argv[0]);
    return 0;
}

#else

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    const std::size_t m = values.size();
    return m % 2 ? values[m / 2] : (values[m / 2 - 1] + values[m / 2]) / 2;
}

// Each repetition, then their median, in the layout of Google Benchmark's JSON.
void printJson(std::int64_t events, const std::vector<double>& wall,
               const std::vector<double>& cpu) {
    const std::int64_t rss = hbl::bench::peakRssKiB();
    std::printf("{\"context\":{\"harness\":\"std::chrono (no Google Benchmark)\"},"
                "\"benchmarks\":[");
    for (std::size_t r = 0; r <= wall.size(); ++r) {
        const bool aggregate = r == wall.size();
        const double ms = aggregate ? median(wall) : wall[r];
        const double cpuMs = aggregate ? median(cpu) : cpu[r];
        std::printf("%s{\"name\":\"%s%s\",\"run_type\":\"%s\",%s\"real_time\":%.9g,"
                    "\"cpu_time\":%.9g,\"time_unit\":\"ms\",\"items_per_second\":%.9g,"
                    "\"peak_rss_kib\":%lld}",
                    r ? "," : "", benchmarkName(events).c_str(), aggregate ? "_median" : "",
                    aggregate ? "aggregate" : "iteration",
                    aggregate ? "\"aggregate_name\":\"median\"," : "", ms, cpuMs,
                    static_cast<double>(events) / (ms / 1e3), static_cast<long long>(rss));
    }
    std::printf("]}\n");
}

// The std::chrono stand-in for Google Benchmark: repetitions of as many iterations as fit in
// the minimum time (at least one), reported like Google Benchmark's JSON.
int runBenchmarks(Fixture& f, int, char** argv, const hbl::bench::Options& options) {
    int repetitions = 1;
    double minTime = 0.5;
    for (const std::string& arg : options.rest) {
        if (arg.rfind("--benchmark_repetitions=", 0) == 0) {
            repetitions = std::atoi(arg.c_str() + 24);
        } else if (arg.rfind("--benchmark_min_time=", 0) == 0) {
            minTime = std::atof(arg.c_str() + 21);  // "0.5" or "0.5s"
        } else if (arg.rfind("--benchmark_", 0) != 0) {
            hbl::bench::usage(argv[0], "unknown option " + arg, kSynopsis);
        }
    }
    if (repetitions < 1) {
        hbl::bench::usage(argv[0], "--benchmark_repetitions needs >= 1", kSynopsis);
    }
    std::vector<double> wall;
    std::vector<double> cpu;
    for (int r = 0; r < repetitions; ++r) {
        std::int64_t iterations = 0;
        const auto start = std::chrono::steady_clock::now();
        const std::clock_t cpuStart = std::clock();
        std::chrono::duration<double> elapsed{};
        do {
            f.last = runOnce(f, f.events, argv[0]);
            ++iterations;
            elapsed = std::chrono::steady_clock::now() - start;
        } while (elapsed.count() < minTime);
        const double perIteration = 1e3 / static_cast<double>(iterations);
        wall.push_back(elapsed.count() * perIteration);
        cpu.push_back(static_cast<double>(std::clock() - cpuStart) / CLOCKS_PER_SEC
                      * perIteration);
    }
    checkLast(f, argv[0]);
    printJson(f.events, wall, cpu);
    return 0;
}

#endif

}  // namespace

int main(int argc, char** argv) {
    const hbl::bench::Options options = hbl::bench::parseOptions(argc, argv, kSynopsis);
    Fixture f;
    f.events = options.events;
    hbl::bench::orExit(argv[0], hbl::ColumnDump::read(options.dump, f.dump));
    hbl::bench::orExit(argv[0], f.analysis.initialize(options.calibration));
    hbl::bench::orExit(argv[0], Hzz4lAnalysis::validate(f.dump.columns(), f.events));
    f.expected = predicted(f, argv[0]);
    return runBenchmarks(f, argc, argv, options);
}
