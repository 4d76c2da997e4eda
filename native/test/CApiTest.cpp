// Tests of the C interface, linked against libhbl.so exactly as foreign callers use it.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "hbl/hbl.h"
#include "TestHelpers.hpp"

namespace {

constexpr float kPiF = 3.14159265f;

// Owns a tool handle for one test.
class Tool {
public:
    Tool(const char* type, const char* name) {
        EXPECT_EQ(hbl_tool_create(type, name, &m_tool), HBL_OK) << type;
    }
    ~Tool() { hbl_tool_free(m_tool); }
    Tool(const Tool&) = delete;
    Tool& operator=(const Tool&) = delete;
    hbl_tool* get() const { return m_tool; }
    std::string lastError() const { return hbl_tool_last_error(m_tool); }

private:
    hbl_tool* m_tool = nullptr;
};

struct Calibrated : Tool {
    explicit Calibrated(const char* type) : Tool(type, "calib") {
        EXPECT_EQ(hbl_tool_set_property(get(), "CalibrationFile", HBL_CALIBRATION_FILE), HBL_OK);
        EXPECT_EQ(hbl_tool_initialize(get()), HBL_OK);
    }
};

TEST(CApi, VersionAndStatusNames) {
    EXPECT_EQ(hbl_version(), 10000u);  // 1.0.0
    EXPECT_STREQ(hbl_status_name(HBL_OK), "HBL_OK");
    EXPECT_STREQ(hbl_status_name(7), "HBL_ERROR_CALIBRATION_FILE");
    EXPECT_STREQ(hbl_status_name(11), "HBL_ERROR_INTERNAL");
    EXPECT_STREQ(hbl_status_name(12), "HBL_UNKNOWN_STATUS");
    EXPECT_STREQ(hbl_status_name(-1), "HBL_UNKNOWN_STATUS");
    EXPECT_EQ(hbl_is_error(HBL_OK), 0);
    EXPECT_NE(hbl_is_error(HBL_ERROR_INVALID_BATCH), 0);
}

TEST(CApi, CreateRejectsUnknownTypesAndNulls) {
    hbl_tool* tool = reinterpret_cast<hbl_tool*>(&tool);  // any non-NULL garbage
    EXPECT_EQ(hbl_tool_create("ElectronCalibration", "x", &tool), HBL_ERROR_UNKNOWN_TOOL_TYPE);
    EXPECT_EQ(tool, nullptr);
    EXPECT_EQ(hbl_tool_create(nullptr, "x", &tool), HBL_ERROR_NULL_ARGUMENT);
    EXPECT_EQ(hbl_tool_create("LeptonSelectionTool", nullptr, &tool), HBL_ERROR_NULL_ARGUMENT);
    EXPECT_EQ(hbl_tool_create("LeptonSelectionTool", "x", nullptr), HBL_ERROR_NULL_ARGUMENT);
    hbl_tool_free(nullptr);  // a no-op
    EXPECT_STREQ(hbl_tool_last_error(nullptr), "");
}

TEST(CApi, PropertyErrorsKeepTheirText) {
    Tool tool("LeptonSelectionTool", "sel");
    EXPECT_EQ(tool.lastError(), "");
    EXPECT_EQ(hbl_tool_set_property(tool.get(), "MuonMinPT", "6000"),
              HBL_ERROR_UNKNOWN_PROPERTY);
    EXPECT_TRUE(hbl::test::startsWith(
        tool.lastError(), "no property 'MuonMinPT' in LeptonSelectionTool; nearest: MuonMinPt"));
    EXPECT_EQ(hbl_tool_set_property(tool.get(), nullptr, "6000"), HBL_ERROR_NULL_ARGUMENT);
    EXPECT_EQ(tool.lastError(), "hbl_tool_set_property: argument 'name' is NULL");
    EXPECT_EQ(hbl_tool_set_property(nullptr, "MuonMinPt", "6000"), HBL_ERROR_NULL_ARGUMENT);
    EXPECT_EQ(hbl_tool_initialize(nullptr), HBL_ERROR_NULL_ARGUMENT);
}

TEST(CApi, MalformedCalibrationFileViaProperty) {
    const std::string path =
        hbl::test::writeTempFile("capi-bad.txt", "muon scale 0 2.7 0.001\nmuon resolution\n");
    Tool tool("MuonCalibrationTool", "mu");
    ASSERT_EQ(hbl_tool_set_property(tool.get(), "CalibrationFile", path.c_str()), HBL_OK);
    EXPECT_EQ(hbl_tool_initialize(tool.get()), HBL_ERROR_CALIBRATION_FILE);
    EXPECT_EQ(tool.lastError(), path + ":2: expected 5 fields '<electron|muon> "
                                       "<scale|resolution> <abs_eta_min> <abs_eta_max> "
                                       "<value>', got 'muon resolution'");
}

TEST(CApi, WrongToolTypeAndNotInitialized) {
    Tool builder("FourLeptonCandidateBuilder", "zz");
    uint32_t type = HBL_MUON, mask = 0;
    float x = 1.0f;
    EXPECT_EQ(hbl_select_leptons(builder.get(), 1, &type, &x, &x, &x, &x, &x, &x, &x, &mask),
              HBL_ERROR_WRONG_TOOL_TYPE);
    EXPECT_EQ(builder.lastError(), "hbl_select_leptons needs a LeptonSelectionTool, got "
                                   "FourLeptonCandidateBuilder 'zz'");
    int32_t count = 0;
    EXPECT_EQ(hbl_calibration_variation_count(builder.get(), &count), HBL_ERROR_WRONG_TOOL_TYPE);

    Tool selection("LeptonSelectionTool", "sel");
    EXPECT_EQ(hbl_select_leptons(selection.get(), 1, &type, &x, &x, &x, &x, &x, &x, &x, &mask),
              HBL_ERROR_NOT_INITIALIZED);
    EXPECT_EQ(selection.lastError(),
              "hbl_select_leptons called before a successful hbl_tool_initialize");
}

TEST(CApi, VariationNames) {
    Calibrated tool("ElectronCalibrationTool");
    int32_t count = 0;
    ASSERT_EQ(hbl_calibration_variation_count(tool.get(), &count), HBL_OK);
    ASSERT_EQ(count, 4);
    const char* name = nullptr;
    ASSERT_EQ(hbl_calibration_variation_name(tool.get(), 3, &name), HBL_OK);
    EXPECT_STREQ(name, "EG_RESOLUTION__1down");
    EXPECT_EQ(hbl_calibration_variation_name(tool.get(), 4, &name), HBL_ERROR_INVALID_VALUE);
    EXPECT_EQ(tool.lastError(), "hbl_calibration_variation_name: index 4 is outside [0, 4)");
    EXPECT_EQ(hbl_calibration_variation_name(tool.get(), 0, nullptr), HBL_ERROR_NULL_ARGUMENT);
}

TEST(CApi, CalibratesABatchWithOffsetsNotStartingAtZero) {
    Calibrated tool("MuonCalibrationTool");
    // Buffer slot 0 is outside the batch; event 0 = slots [1, 3), event 1 = slot [3, 4).
    const int32_t offsets[] = {1, 3, 4};
    const int32_t eventNumber[] = {100, 101};
    const uint32_t type[] = {HBL_MUON, HBL_MUON, HBL_ELECTRON, HBL_MUON};
    float pt[] = {-1.0f, 40000.0f, 30000.0f, 20000.0f};
    const float eta[] = {0.0f, 0.5f, 0.5f, -2.0f};
    float e[] = {-1.0f, 50000.0f, 30000.0f, 80000.0f};
    // MUON_SCALE__1down, outputs aliasing the inputs:
    //   muon |eta| 0.5 (s = 0.0005): 40000 * 0.9995 = 39980, E 50000 * 0.9995 = 49975
    //   electron: unchanged; muon |eta| 2.0 (s = 0.001): 20000 * 0.999 = 19980, E 79920
    ASSERT_EQ(hbl_calibrate_leptons(tool.get(), "MUON_SCALE__1down", 2, offsets, eventNumber,
                                    type, pt, eta, e, pt, e), HBL_OK) << tool.lastError();
    EXPECT_EQ(pt[0], -1.0f);
    EXPECT_FLOAT_EQ(pt[1], 39980.0f);
    EXPECT_FLOAT_EQ(e[1], 49975.0f);
    EXPECT_EQ(pt[2], 30000.0f);
    EXPECT_FLOAT_EQ(pt[3], 19980.0f);
    EXPECT_FLOAT_EQ(e[3], 79920.0f);
}

TEST(CApi, CalibrationErrors) {
    Calibrated tool("ElectronCalibrationTool");
    const int32_t offsets[] = {0, 1};
    const int32_t eventNumber[] = {9};
    const uint32_t type[] = {HBL_ELECTRON};
    float pt[] = {40000.0f}, eta[] = {2.6f}, e[] = {50000.0f};
    EXPECT_EQ(hbl_calibrate_leptons(tool.get(), "EG_SCALE__up", 1, offsets, eventNumber, type,
                                    pt, eta, e, pt, e), HBL_ERROR_UNKNOWN_VARIATION);
    EXPECT_TRUE(hbl::test::startsWith(tool.lastError(),
                                      "unknown variation 'EG_SCALE__up' for "
                                      "ElectronCalibrationTool; nearest: EG_SCALE__1up"));
    EXPECT_EQ(hbl_calibrate_leptons(tool.get(), "EG_SCALE__1up", 1, offsets, eventNumber, type,
                                    pt, eta, e, pt, e), HBL_ERROR_INVALID_VALUE);
    // 2.6f is 2.5999999046...; the message prints 9 significant digits.
    EXPECT_TRUE(hbl::test::startsWith(tool.lastError(),
                                      "electron 0 of event 9 has |eta| = 2.5999999, outside"));
    EXPECT_EQ(hbl_calibrate_leptons(tool.get(), nullptr, 1, offsets, eventNumber, type, pt, eta,
                                    e, pt, e), HBL_ERROR_NULL_ARGUMENT);
    EXPECT_EQ(tool.lastError(), "hbl_calibrate_leptons: argument 'variation' is NULL");
}

TEST(CApi, BatchValidation) {
    Tool tool("FourLeptonCandidateBuilder", "zz");
    ASSERT_EQ(hbl_tool_initialize(tool.get()), HBL_OK);
    std::vector<uint32_t> type(4, HBL_MUON), mask(2);
    std::vector<int32_t> charge(4, 1), channel(2), index(8);
    std::vector<float> f(4, 1.0f);
    std::vector<double> m4l(2), m12(2), m34(2);
    auto call = [&](int64_t n, const int32_t* offsets) {
        return hbl_build_candidates(tool.get(), n, offsets, type.data(), charge.data(),
                                    f.data(), f.data(), f.data(), f.data(), nullptr,
                                    mask.data(), channel.data(), m4l.data(), m12.data(),
                                    m34.data(), index.data());
    };
    const int32_t decreasing[] = {0, 3, 2};
    EXPECT_EQ(call(2, decreasing), HBL_ERROR_INVALID_BATCH);
    EXPECT_EQ(tool.lastError(), "hbl_build_candidates: offsets[2] = 2 is below offsets[1] = 3 "
                                "(offsets must be non-decreasing)");
    const int32_t negative[] = {-1, 2, 3};
    EXPECT_EQ(call(2, negative), HBL_ERROR_INVALID_BATCH);
    EXPECT_EQ(tool.lastError(), "hbl_build_candidates: offsets[0] = -1 is negative");
    EXPECT_EQ(call(-1, decreasing), HBL_ERROR_INVALID_BATCH);
    EXPECT_EQ(tool.lastError(), "hbl_build_candidates: n_events = -1 is negative");
    EXPECT_EQ(call(2, nullptr), HBL_ERROR_NULL_ARGUMENT);
    EXPECT_EQ(tool.lastError(), "hbl_build_candidates: argument 'offsets' is NULL");
    EXPECT_EQ(call(0, nullptr), HBL_OK);  // an empty batch reads no buffer
}

TEST(CApi, SelectsABatch) {
    Tool tool("LeptonSelectionTool", "sel");
    ASSERT_EQ(hbl_tool_initialize(tool.get()), HBL_OK);
    // Lepton 0 passes; lepton 1 is a 6 GeV electron (pT > 7 GeV fails) with
    // ptcone30 / pT = 3000 / 6000 = 0.5 (fails); lepton 2 is a 6 GeV muon (passes).
    const uint32_t type[] = {HBL_ELECTRON, HBL_ELECTRON, HBL_MUON};
    const float pt[] = {20000.0f, 6000.0f, 6000.0f};
    const float zero[] = {0.0f, 0.0f, 0.0f};
    const float ptcone30[] = {0.0f, 3000.0f, 0.0f};
    const float sigma[] = {1.0f, 1.0f, 1.0f};
    uint32_t mask[3] = {99, 99, 99};
    ASSERT_EQ(hbl_select_leptons(tool.get(), 3, type, pt, zero, ptcone30, zero, zero, sigma,
                                 zero, mask), HBL_OK);
    EXPECT_EQ(mask[0], 0u);
    EXPECT_EQ(mask[1], static_cast<uint32_t>(HBL_CUT_PT | HBL_CUT_PTCONE30));
    EXPECT_EQ(mask[2], 0u);
    EXPECT_EQ(hbl_select_leptons(tool.get(), 3, type, nullptr, zero, ptcone30, zero, zero, sigma,
                                 zero, mask), HBL_ERROR_NULL_ARGUMENT);
    EXPECT_EQ(tool.lastError(), "hbl_select_leptons: argument 'pt' is NULL");
}

TEST(CApi, BuildsCandidatesHonouringTheLeptonMask) {
    Tool tool("FourLeptonCandidateBuilder", "zz");
    ASSERT_EQ(hbl_tool_initialize(tool.get()), HBL_OK);
    // Event 0: a rejected 60 GeV muon at index 0, then the 2e2mu set of the C++ test
    // (m12 = 100, m34 = 40, m4l = 140 GeV) at indices 1..4. Event 1: two leptons only.
    const int32_t offsets[] = {0, 5, 7};
    const uint32_t type[] = {HBL_MUON, HBL_ELECTRON, HBL_ELECTRON, HBL_MUON, HBL_MUON,
                             HBL_MUON, HBL_MUON};
    const int32_t charge[] = {1, 1, -1, 1, -1, 1, -1};
    const float pt[] = {60000, 50000, 50000, 20000, 20000, 30000, 30000};
    const float eta[7] = {};
    const float phi[] = {1.0f, 0.0f, kPiF, kPiF / 2, -kPiF / 2, 0.0f, kPiF};
    const float e[] = {60000, 50000, 50000, 20000, 20000, 30000, 30000};
    const uint32_t leptonMask[] = {HBL_CUT_ETCONE20, 0, 0, 0, 0, 0, 0};
    uint32_t eventMask[2];
    int32_t channel[2];
    double m4l[2], m12[2], m34[2];
    int32_t index[8];
    ASSERT_EQ(hbl_build_candidates(tool.get(), 2, offsets, type, charge, pt, eta, phi, e,
                                   leptonMask, eventMask, channel, m4l, m12, m34, index), HBL_OK);
    EXPECT_EQ(eventMask[0], 0u);
    EXPECT_EQ(channel[0], HBL_CHANNEL_2E2MU);
    EXPECT_NEAR(m4l[0], 140000.0, 0.01);
    EXPECT_NEAR(m12[0], 100000.0, 0.01);
    EXPECT_NEAR(m34[0], 40000.0, 0.01);
    EXPECT_EQ(std::vector<int32_t>(index, index + 4), (std::vector<int32_t>{1, 2, 3, 4}));
    EXPECT_EQ(eventMask[1], static_cast<uint32_t>(HBL_EVENT_TOO_FEW_LEPTONS));
    EXPECT_EQ(channel[1], HBL_CHANNEL_NONE);
    EXPECT_TRUE(std::isnan(m4l[1]));
    EXPECT_EQ(std::vector<int32_t>(index + 4, index + 8), (std::vector<int32_t>(4, -1)));
}

// An output buffer that overlaps the offsets makes the loop write its own bounds: the batch
// is stopped before any index outside the validated [offsets[0], offsets[n]) is used.
TEST(CApi, OutputsOverlappingTheOffsetsStopTheBatch) {
    Calibrated calibration("MuonCalibrationTool");
    // One buffer of four 4-byte slots: offsets {0, 1, 2} (two events of one muon each) in
    // slots 0-2, pt_out in slots 2-3. Calibrating event 0's muon writes a float over
    // offsets[2], the end of event 1.
    union Slot {
        int32_t i;
        float f;
    };
    Slot buffer[4] = {{0}, {1}, {2}, {0}};
    const int32_t eventNumber[] = {1, 2};
    const uint32_t type[] = {HBL_MUON, HBL_MUON};
    const float pt[] = {40000.0f, 40000.0f};
    const float eta[] = {0.5f, 0.5f};
    const float e[] = {50000.0f, 50000.0f};
    float eOut[2];
    EXPECT_EQ(hbl_calibrate_leptons(calibration.get(), "MUON_SCALE__1up", 2, &buffer[0].i,
                                    eventNumber, type, pt, eta, e, &buffer[2].f, eOut),
              HBL_ERROR_INVALID_BATCH);
    EXPECT_NE(calibration.lastError().find("changed during the call"), std::string::npos)
        << calibration.lastError();

    Tool builder("FourLeptonCandidateBuilder", "zz");
    ASSERT_EQ(hbl_tool_initialize(builder.get()), HBL_OK);
    // offsets {0, 4, 4}; event_mask_out[0] is offsets[2]: event 0's mask (too few good
    // leptons, all masked) would make event 1 span leptons [4, mask) beyond the buffers.
    int32_t offsets[3] = {0, 4, 4};
    const uint32_t types[4] = {HBL_MUON, HBL_MUON, HBL_MUON, HBL_MUON};
    const int32_t charge[4] = {1, -1, 1, -1};
    const float values[4] = {30000, 30000, 30000, 30000};
    const uint32_t allRejected[4] = {HBL_CUT_PT, HBL_CUT_PT, HBL_CUT_PT, HBL_CUT_PT};
    int32_t channel[2];
    double m4l[2], m12[2], m34[2];
    int32_t index[8];
    auto* eventMask = reinterpret_cast<uint32_t*>(&offsets[2]);
    EXPECT_EQ(hbl_build_candidates(builder.get(), 2, offsets, types, charge, values, values,
                                   values, values, allRejected, eventMask, channel, m4l, m12,
                                   m34, index),
              HBL_ERROR_INVALID_BATCH);
    EXPECT_NE(builder.lastError().find("changed during the call"), std::string::npos)
        << builder.lastError();
}

}  // namespace
