// Tests of the benchmark analysis: the column-dump reader, the event loop on a hand-computed
// event, and the C interface of hbl_analysis.h.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "TestHelpers.hpp"
#include "hbl/ColumnDump.hpp"
#include "hbl/Hzz4lAnalysis.hpp"
#include "hbl/hbl_analysis.h"

namespace {

using hbl::test::kPi;

// One event of four muons, stored by decreasing pT, all passing the lepton cuts:
//   0: +, 46 GeV, phi 0     1: -, 46 GeV, phi pi     (back to back: m01 = 2 * 46 = 92 GeV)
//   2: +, 20 GeV, phi pi/2  3: -, 20 GeV, phi 3pi/2  (back to back: m23 = 40 GeV)
// at eta 0 and massless (E = pT). The momenta cancel, so m4l = sum of E = 132 GeV. Pairings:
// (01)(23) gives |92 - 91.1876| = 0.81; (03)(12) gives two pairs at 90 degrees, m = sqrt(2 *
// 46 * 20) = 42.9 GeV, farther from the Z. So Z1 = (0, 1), m12 = 92 GeV. Both masses sit well
// inside their bins, away from float rounding at the edges:
//   m4l cell: floor((132 - 80) / 90 * 24) = floor(13.87) = 13, cell 14 (cell 0 is underflow)
//   m12 cell: floor((92 - 60) / 60 * 24) = floor(12.8) = 12, cell 13
struct Columns {
    std::vector<std::int32_t> offsets{0, 4};
    std::vector<std::int32_t> runNumber{1};
    std::vector<std::int32_t> eventNumber{7};
    std::vector<std::uint8_t> trigE{0};
    std::vector<std::uint8_t> trigM{1};
    std::vector<std::uint32_t> type{13, 13, 13, 13};
    std::vector<std::int32_t> charge{1, -1, 1, -1};
    std::vector<float> pt{46000.f, 46000.f, 20000.f, 20000.f};
    std::vector<float> eta{0.f, 0.f, 0.f, 0.f};
    std::vector<float> phi{0.f, static_cast<float>(kPi), static_cast<float>(kPi / 2),
                           static_cast<float>(3 * kPi / 2)};
    std::vector<float> e{46000.f, 46000.f, 20000.f, 20000.f};
    std::vector<float> zeros{0.f, 0.f, 0.f, 0.f};
    std::vector<float> ones{1.f, 1.f, 1.f, 1.f};

    hbl_event_columns view() const {
        return {1, offsets.data(), runNumber.data(), eventNumber.data(), trigE.data(),
                trigM.data(), type.data(), charge.data(), pt.data(), eta.data(), phi.data(),
                e.data(), zeros.data(), zeros.data(), zeros.data(), ones.data(), zeros.data()};
    }
};

constexpr int kM4lCell = 14;
constexpr int kZ1Cell = 13;

std::size_t at(int variation, int histogram, int cell) {
    return static_cast<std::size_t>((variation * HBL_ANALYSIS_HISTOGRAMS + histogram)
                                        * HBL_ANALYSIS_CELLS + cell);
}

// A dump image of `columns` in the format of benchmarks/DUMP_FORMAT.md.
std::vector<std::uint64_t> dumpImage(const Columns& c, std::int64_t& bytes) {
    const std::int64_t events = 1, leptons = 4;
    bytes = hbl::ColumnDump::expectedSize(events, leptons);
    std::vector<std::uint64_t> words(static_cast<std::size_t>(bytes / 8), 0);
    auto* out = reinterpret_cast<unsigned char*>(words.data());
    std::memcpy(out, "HBLDUMP", 8);
    const std::uint32_t version = 1, columns = 16;
    std::memcpy(out + 8, &version, 4);
    std::memcpy(out + 12, &columns, 4);
    std::memcpy(out + 16, &events, 8);
    std::memcpy(out + 24, &leptons, 8);
    const std::pair<const void*, std::size_t> sections[] = {
        {c.offsets.data(), 8}, {c.runNumber.data(), 4}, {c.eventNumber.data(), 4},
        {c.trigE.data(), 1}, {c.trigM.data(), 1}, {c.type.data(), 16}, {c.charge.data(), 16},
        {c.pt.data(), 16}, {c.eta.data(), 16}, {c.phi.data(), 16}, {c.e.data(), 16},
        {c.zeros.data(), 16}, {c.zeros.data(), 16}, {c.zeros.data(), 16}, {c.ones.data(), 16},
        {c.zeros.data(), 16}};
    std::size_t offset = 64;
    for (const auto& [data, size] : sections) {
        std::memcpy(out + offset, data, size);
        offset += 64;  // every section of this dump is below 64 bytes
    }
    return words;
}

std::string parseError(std::vector<std::uint64_t> words, std::int64_t bytes) {
    hbl::ColumnDump dump;
    const hbl::StatusCode status = hbl::ColumnDump::parse(std::move(words), bytes, "test", dump);
    return status.isSuccess() ? "" : status.message();
}

TEST(ColumnDump, ReadsTheSectionsOfAValidImage) {
    Columns c;
    std::int64_t bytes = 0;
    std::vector<std::uint64_t> image = dumpImage(c, bytes);
    hbl::ColumnDump dump;
    ASSERT_TRUE(hbl::ColumnDump::parse(std::move(image), bytes, "test", dump).isSuccess());
    EXPECT_EQ(bytes, 64 + 16 * 64);
    EXPECT_EQ(dump.columns().n_events, 1);
    EXPECT_EQ(dump.leptons(), 4);
    EXPECT_EQ(dump.columns().event_number[0], 7);
    EXPECT_EQ(dump.columns().trig_m[0], 1);
    EXPECT_EQ(dump.columns().charge[3], -1);
    EXPECT_EQ(dump.columns().pt[2], 20000.f);
    EXPECT_EQ(dump.columns().d0_sigma[1], 1.f);
}

TEST(ColumnDump, NamesWhatIsWrong) {
    Columns c;
    std::int64_t bytes = 0;
    std::vector<std::uint64_t> image = dumpImage(c, bytes);

    EXPECT_EQ(parseError(image, 32), "column dump test: has 32 bytes, less than the 64-byte "
                                     "header");
    std::vector<std::uint64_t> badMagic = image;
    reinterpret_cast<char*>(badMagic.data())[0] = 'X';
    EXPECT_EQ(parseError(badMagic, bytes),
              "column dump test: does not start with the magic \"HBLDUMP\\0\"");
    std::vector<std::uint64_t> badVersion = image;
    reinterpret_cast<std::uint32_t*>(badVersion.data())[2] = 2;
    EXPECT_EQ(parseError(badVersion, bytes), "column dump test: version 2, this reader knows 1");
    EXPECT_EQ(parseError(image, bytes - 64),
              "column dump test: has 1024 bytes, expected 1088 for 1 events and 4 leptons");
    std::vector<std::uint64_t> badOffsets = image;
    reinterpret_cast<std::int32_t*>(badOffsets.data())[17] = 3;  // offsets[1], after the header
    EXPECT_EQ(parseError(badOffsets, bytes),
              "column dump test: offsets run from 0 to 3, expected 0 to 4");
}

TEST(ColumnDump, ReportsAMissingFile) {
    hbl::ColumnDump dump;
    const hbl::StatusCode status = hbl::ColumnDump::read("/nonexistent/x.hbldump", dump);
    EXPECT_EQ(status.code(), HBL_ERROR_INVALID_VALUE);
    EXPECT_EQ(status.message(),
              "column dump /nonexistent/x.hbldump: cannot open: No such file or directory");
}

TEST(Hzz4lAnalysis, FillsTheHandComputedCellsOnceForEveryCopy) {
    Columns c;
    hbl::Hzz4lAnalysis analysis;
    ASSERT_TRUE(analysis.initialize(HBL_CALIBRATION_FILE).isSuccess());
    ASSERT_EQ(analysis.variations().size(), 9u);
    hbl::Hzz4lCounts counts{};
    ASSERT_TRUE(analysis.run(c.view(), 3, counts).isSuccess());

    EXPECT_EQ(counts[at(0, HBL_ANALYSIS_M4L_4MU, kM4lCell)], 3);
    EXPECT_EQ(counts[at(0, HBL_ANALYSIS_M_Z1, kZ1Cell)], 3);
    for (int v = 0; v < HBL_ANALYSIS_VARIATIONS; ++v) {
        std::int64_t m4l = 0, z1 = 0, others = 0;
        for (int cell = 0; cell < HBL_ANALYSIS_CELLS; ++cell) {
            m4l += counts[at(v, HBL_ANALYSIS_M4L_4MU, cell)];
            z1 += counts[at(v, HBL_ANALYSIS_M_Z1, cell)];
            others += counts[at(v, HBL_ANALYSIS_M4L_4E, cell)]
                      + counts[at(v, HBL_ANALYSIS_M4L_2E2MU, cell)];
        }
        EXPECT_EQ(m4l, 3) << analysis.variations()[static_cast<std::size_t>(v)];
        EXPECT_EQ(z1, 3);
        EXPECT_EQ(others, 0);
    }
    // Electron variations leave muons alone: the same cells as the nominal.
    for (int v = 1; v <= 4; ++v) {
        EXPECT_EQ(counts[at(v, HBL_ANALYSIS_M4L_4MU, kM4lCell)], 3);
    }
}

TEST(Hzz4lAnalysis, AnUntriggeredEventFillsNothing) {
    Columns c;
    c.trigM = {0};
    hbl::Hzz4lAnalysis analysis;
    ASSERT_TRUE(analysis.initialize(HBL_CALIBRATION_FILE).isSuccess());
    hbl::Hzz4lCounts counts{};
    ASSERT_TRUE(analysis.run(c.view(), 5, counts).isSuccess());
    for (std::int64_t count : counts) EXPECT_EQ(count, 0);
}

TEST(Hzz4lAnalysis, RegularCellMatchesBoostHistogram) {
    EXPECT_EQ(hbl::regularCell(79.999, 80, 170, 24), 0);
    EXPECT_EQ(hbl::regularCell(80.0, 80, 170, 24), 1);
    EXPECT_EQ(hbl::regularCell(83.75, 80, 170, 24), 2);  // an inner edge opens the next bin
    EXPECT_EQ(hbl::regularCell(169.999, 80, 170, 24), 24);
    EXPECT_EQ(hbl::regularCell(170.0, 80, 170, 24), 25);
    EXPECT_EQ(hbl::regularCell(std::nan(""), 80, 170, 24), 25);
}

TEST(Hzz4lAnalysis, ValidateRejectsBadInputs) {
    Columns c;
    hbl_event_columns view = c.view();
    EXPECT_EQ(hbl::Hzz4lAnalysis::validate(view, -1).message(),
              "hbl_analysis_run: n_replicated = -1 is negative");
    view.pt = nullptr;
    EXPECT_EQ(hbl::Hzz4lAnalysis::validate(view, 1).message(),
              "hbl_analysis_run: column 7 of the events (in hbl_event_columns order) is NULL");
    view = c.view();
    view.n_events = 0;
    EXPECT_EQ(hbl::Hzz4lAnalysis::validate(view, 2).message(),
              "hbl_analysis_run: n_events = 0 (need > 0 to replicate 2 events)");
    c.offsets = {1, 4};
    EXPECT_EQ(hbl::Hzz4lAnalysis::validate(c.view(), 1).message(),
              "hbl_analysis_run: offsets[0] = 1, expected 0");
}

TEST(HblAnalysisCApi, RunsAndReportsErrors) {
    char message[256] = "unchanged";
    hbl_analysis* analysis = nullptr;
    EXPECT_EQ(hbl_analysis_create("/nonexistent/calibration.txt", &analysis, message,
                                  sizeof message), HBL_ERROR_CALIBRATION_FILE);
    EXPECT_EQ(analysis, nullptr);
    EXPECT_TRUE(hbl::test::startsWith(message, "cannot open calibration file "
                                               "'/nonexistent/calibration.txt'"));

    ASSERT_EQ(hbl_analysis_create(HBL_CALIBRATION_FILE, &analysis, message, sizeof message),
              HBL_OK);
    Columns c;
    const hbl_event_columns view = c.view();
    std::vector<std::int64_t> counts(HBL_ANALYSIS_COUNTS, 1);
    ASSERT_EQ(hbl_analysis_run(analysis, &view, 2, counts.data()), HBL_OK);
    EXPECT_EQ(counts[at(0, HBL_ANALYSIS_M4L_4MU, kM4lCell)], 1 + 2);  // counts are added
    EXPECT_STREQ(hbl_analysis_last_error(analysis), "");

    EXPECT_EQ(hbl_analysis_run(analysis, &view, -5, counts.data()), HBL_ERROR_INVALID_BATCH);
    EXPECT_STREQ(hbl_analysis_last_error(analysis),
                 "hbl_analysis_run: n_replicated = -5 is negative");
    EXPECT_EQ(hbl_analysis_run(analysis, nullptr, 1, counts.data()), HBL_ERROR_NULL_ARGUMENT);
    EXPECT_EQ(hbl_analysis_run(nullptr, &view, 1, counts.data()), HBL_ERROR_NULL_ARGUMENT);
    hbl_analysis_free(analysis);
    hbl_analysis_free(nullptr);

    EXPECT_STREQ(hbl_analysis_variation_name(0), "NOMINAL");
    EXPECT_STREQ(hbl_analysis_variation_name(8), "MUON_RESOLUTION__1down");
    EXPECT_EQ(hbl_analysis_variation_name(9), nullptr);
    EXPECT_STREQ(hbl_analysis_last_error(nullptr), "");
}

TEST(HblAnalysisCApi, BenchProbes) {
    const float values[] = {1.5f, 2.0f, -0.5f};
    EXPECT_EQ(hbl_bench_sum(values, 3), 3.0);
    EXPECT_EQ(hbl_bench_sum(values, 0), 0.0);
    EXPECT_EQ(hbl_bench_sum(nullptr, 3), 0.0);
    hbl_bench_noop();
}

}  // namespace

namespace {

// hbl_calibrate_leptons copies the leptons a variation leaves alone without calling the tool
// per object; the result must be what the per-object call gives: unchanged values, even for
// an |eta| outside every bin (2.6, electron bins end at 2.47), which only a lookup rejects.
TEST(CApiCalibrationCopies, NominalAndOtherFlavourReachSeparateOutputsUnchanged) {
    hbl_tool* tool = nullptr;
    ASSERT_EQ(hbl_tool_create("ElectronCalibrationTool", "copies", &tool), HBL_OK);
    ASSERT_EQ(hbl_tool_set_property(tool, "CalibrationFile", HBL_CALIBRATION_FILE), HBL_OK);
    ASSERT_EQ(hbl_tool_initialize(tool), HBL_OK);
    const std::int32_t offsets[] = {0, 3};
    const std::int32_t eventNumber[] = {5};
    const std::uint32_t type[] = {HBL_ELECTRON, HBL_MUON, HBL_ELECTRON};
    const float pt[] = {40000.f, 30000.f, 20000.f};
    const float eta[] = {2.6f, 3.0f, 0.5f};
    const float e[] = {41000.f, 31000.f, 21000.f};
    float ptOut[3] = {-1.f, -1.f, -1.f};
    float eOut[3] = {-1.f, -1.f, -1.f};

    ASSERT_EQ(hbl_calibrate_leptons(tool, "NOMINAL", 1, offsets, eventNumber, type, pt, eta, e,
                                    ptOut, eOut), HBL_OK);
    for (int j = 0; j < 3; ++j) {
        EXPECT_EQ(ptOut[j], pt[j]);
        EXPECT_EQ(eOut[j], e[j]);
    }
    // EG_SCALE__1up on the muon and on the barrel electron (s = 0.004): 20000 * 1.004 = 20080.
    const std::int32_t lastTwo[] = {1, 3};
    ASSERT_EQ(hbl_calibrate_leptons(tool, "EG_SCALE__1up", 1, lastTwo, eventNumber, type, pt,
                                    eta, e, ptOut, eOut), HBL_OK);
    EXPECT_EQ(ptOut[1], 30000.f);
    EXPECT_EQ(eOut[1], 31000.f);
    EXPECT_FLOAT_EQ(ptOut[2], 20080.f);
    EXPECT_FLOAT_EQ(eOut[2], 21084.f);
    hbl_tool_free(tool);
}

}  // namespace
