/*
 * hbl.h -- the C interface of the hepbridge legacy analysis tools.
 *
 * The tools themselves are C++ classes (see the hbl/<Tool>.hpp headers). This header
 * exposes them to any language with a C foreign-function interface, one call per *batch*
 * of events, using the column layout of Apache Arrow:
 *
 *   - a per-lepton quantity is one flat value buffer holding the leptons of all events of
 *     the batch back to back;
 *   - "offsets" is an int32 buffer of n_events + 1 entries; the leptons of event i are
 *     [offsets[i], offsets[i+1]) in every per-lepton buffer. offsets[0] need not be 0.
 *
 * Conventions
 *   - Every function whose name does not end in _name/_message/_version returns an int status:
 *     HBL_OK (0) or one of the hbl_status codes below. Use hbl_is_error() and
 *     hbl_status_name(); the detailed text of the last failure of a tool is kept in the tool
 *     (hbl_tool_last_error). No C++ exception ever crosses this interface.
 *   - Handles are opaque. hbl_tool_free(NULL) is a no-op.
 *   - Energies and momenta are in MeV, lengths in mm, as in ATLAS ntuples.
 *   - The caller owns every buffer it passes; the library never keeps a pointer to one after
 *     the call returns. Output buffers may alias the matching input buffers.
 *   - A tool may be used by one thread at a time; different tools are independent.
 *
 * Kept simple for binding generators (jextract): no bit fields, no function-like macros in the
 * API, no long double, no errno; enum values are pinned and never renumbered.
 */
#ifndef HBL_HBL_H
#define HBL_HBL_H

#include <stddef.h>
#include <stdint.h>

#if defined(_WIN32)
#  define HBL_API __declspec(dllexport)
#elif defined(__GNUC__)
#  define HBL_API __attribute__((visibility("default")))
#else
#  define HBL_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* Version of this interface: major * 10000 + minor * 100 + patch. */
#define HBL_VERSION_MAJOR 1
#define HBL_VERSION_MINOR 0
#define HBL_VERSION_PATCH 0

/* Status codes. Values are part of the ABI. */
typedef enum hbl_status {
    HBL_OK = 0,
    HBL_ERROR_NULL_ARGUMENT = 1,      /* a required pointer was NULL */
    HBL_ERROR_UNKNOWN_TOOL_TYPE = 2,  /* hbl_tool_create: no tool of that type */
    HBL_ERROR_UNKNOWN_PROPERTY = 3,   /* the tool has no property of that name */
    HBL_ERROR_INVALID_VALUE = 4,      /* a property or argument value is out of range/unparsable */
    HBL_ERROR_NOT_INITIALIZED = 5,    /* a per-batch call before a successful initialize */
    HBL_ERROR_ALREADY_INITIALIZED = 6,/* set_property after initialize */
    HBL_ERROR_CALIBRATION_FILE = 7,   /* calibration file missing, unreadable or malformed */
    HBL_ERROR_UNKNOWN_VARIATION = 8,  /* systematic variation not provided by this tool */
    HBL_ERROR_WRONG_TOOL_TYPE = 9,    /* per-batch call given a tool of another type */
    HBL_ERROR_INVALID_BATCH = 10,     /* offsets not non-decreasing, negative count, ... */
    HBL_ERROR_INTERNAL = 11           /* an unexpected C++ exception; see the tool's message */
} hbl_status;

/* Lepton flavour codes, as in the ATLAS ntuples' lep_type branch. */
typedef enum hbl_lepton_type {
    HBL_ELECTRON = 11,
    HBL_MUON = 13
} hbl_lepton_type;

/* Bits of the per-lepton mask written by hbl_select_leptons: a set bit names a failed cut.
 * A lepton is selected when its mask is 0. */
typedef enum hbl_lepton_cut {
    HBL_CUT_FLAVOUR = 1,      /* neither electron nor muon */
    HBL_CUT_PT = 2,           /* pT below the flavour's threshold */
    HBL_CUT_ETA = 4,          /* |eta| above the flavour's acceptance */
    HBL_CUT_D0_SIGNIFICANCE = 8,  /* |d0 / sigma(d0)| too large */
    HBL_CUT_Z0_SIN_THETA = 16,    /* |z0 sin(theta)| too large */
    HBL_CUT_PTCONE30 = 32,    /* track isolation ptcone30 / pT too large */
    HBL_CUT_ETCONE20 = 64     /* calorimeter isolation etcone20 / pT too large */
} hbl_lepton_cut;

/* Bits of the per-event mask written by hbl_build_candidates: a set bit names a failed
 * requirement. An event has a valid ZZ candidate when its mask is 0. */
typedef enum hbl_event_cut {
    HBL_EVENT_TOO_FEW_LEPTONS = 1,   /* fewer than four usable leptons */
    HBL_EVENT_TOO_MANY_LEPTONS = 2,  /* more than four, when RequireExactlyFour is set */
    HBL_EVENT_LEPTON_PT = 4,         /* a leading-lepton pT threshold failed */
    HBL_EVENT_CHARGE = 8,            /* charges of the four leptons do not sum to zero */
    HBL_EVENT_FLAVOUR = 16           /* flavours are not 4e, 4mu or 2e2mu */
} hbl_event_cut;

/* Final-state channel written by hbl_build_candidates. */
typedef enum hbl_channel {
    HBL_CHANNEL_NONE = 0,
    HBL_CHANNEL_4E = 1,
    HBL_CHANNEL_4MU = 2,
    HBL_CHANNEL_2E2MU = 3
} hbl_channel;

/* An analysis tool. Types: "ElectronCalibrationTool", "MuonCalibrationTool",
 * "LeptonSelectionTool", "FourLeptonCandidateBuilder". */
typedef struct hbl_tool hbl_tool;

/* ---- library ------------------------------------------------------------------------- */

/* HBL_VERSION_MAJOR * 10000 + HBL_VERSION_MINOR * 100 + HBL_VERSION_PATCH of the built library. */
HBL_API uint32_t hbl_version(void);

/* Non-zero when status is an error. */
HBL_API int32_t hbl_is_error(int32_t status);

/* A static, never-NULL name for a status, e.g. "HBL_ERROR_CALIBRATION_FILE";
 * "HBL_UNKNOWN_STATUS" for values not listed above. */
HBL_API const char *hbl_status_name(int32_t status);

/* ---- tool life cycle ----------------------------------------------------------------- */

/* Creates a tool of the given type with an instance name (used in messages).
 * On success *out receives a handle the caller must release with hbl_tool_free.
 * Returns HBL_ERROR_UNKNOWN_TOOL_TYPE (and sets *out to NULL) for an unknown type. */
HBL_API int32_t hbl_tool_create(const char *type, const char *name, hbl_tool **out);

/* Releases a tool; NULL is accepted and ignored. */
HBL_API void hbl_tool_free(hbl_tool *tool);

/* Sets a named property from its text form (numbers in C locale, booleans "true"/"false",
 * lists comma-separated). Allowed before hbl_tool_initialize only. */
HBL_API int32_t hbl_tool_set_property(hbl_tool *tool, const char *name, const char *value);

/* Validates the configuration and loads external inputs (calibration file). */
HBL_API int32_t hbl_tool_initialize(hbl_tool *tool);

/* The text of the tool's last failure ("" if none). The pointer stays valid until the next
 * call on the same tool; the tool owns it. Never NULL for a non-NULL tool. */
HBL_API const char *hbl_tool_last_error(const hbl_tool *tool);

/* ---- calibration tools --------------------------------------------------------------- */

/* Number of systematic variations a calibration tool provides (after initialize). */
HBL_API int32_t hbl_calibration_variation_count(const hbl_tool *tool, int32_t *count_out);

/* Name of variation i, 0 <= i < count, e.g. "EG_SCALE__1up". The tool owns the string. */
HBL_API int32_t hbl_calibration_variation_name(const hbl_tool *tool, int32_t index,
                                               const char **name_out);

/* Applies a variation ("" or "NOMINAL" for the nominal, which is the identity for the 2020
 * ntuples) to the leptons of the tool's flavour; other leptons are copied unchanged.
 * Resolution variations smear reproducibly, seeded by event_number and the lepton's index in
 * its event. Per event: event_number[n_events]. Per lepton: type, pt, eta, e (inputs);
 * pt_out, e_out (outputs, may alias pt and e). Direction (eta, phi) is unchanged. */
HBL_API int32_t hbl_calibrate_leptons(hbl_tool *tool, const char *variation, int64_t n_events,
                                      const int32_t *offsets, const int32_t *event_number,
                                      const uint32_t *type, const float *pt, const float *eta,
                                      const float *e, float *pt_out, float *e_out);

/* ---- lepton selection ---------------------------------------------------------------- */

/* Writes for each of n_leptons leptons a mask of hbl_lepton_cut bits (0 = selected).
 * Inputs per lepton: type, pt, eta, ptcone30, etcone20, d0 (trackd0pvunbiased),
 * d0_sigma (tracksigd0pvunbiased), z0. */
HBL_API int32_t hbl_select_leptons(hbl_tool *tool, int64_t n_leptons, const uint32_t *type,
                                   const float *pt, const float *eta, const float *ptcone30,
                                   const float *etcone20, const float *d0, const float *d0_sigma,
                                   const float *z0, uint32_t *cut_mask_out);

/* ---- four-lepton candidates ---------------------------------------------------------- */

/* Builds one ZZ candidate per event from the usable leptons, in their stored (pT-ordered)
 * order. A lepton is usable when lepton_mask is NULL or its entry is 0 (e.g. the output of
 * hbl_select_leptons). The first four usable leptons form the candidate.
 * Per event outputs: event_mask_out (hbl_event_cut bits), channel_out (hbl_channel),
 * m4l_out, m12_out, m34_out (MeV; NaN when not computable), lepton_index_out[4 * n_events]
 * (indices within the event of Z1's two then Z2's two leptons; -1 when no pairing).
 * m4l is computed whenever four usable leptons exist, even if the charge or flavour cut
 * fails; Z1/Z2 need a same-flavour opposite-charge pairing. */
HBL_API int32_t hbl_build_candidates(hbl_tool *tool, int64_t n_events, const int32_t *offsets,
                                     const uint32_t *type, const int32_t *charge,
                                     const float *pt, const float *eta, const float *phi,
                                     const float *e, const uint32_t *lepton_mask,
                                     uint32_t *event_mask_out, int32_t *channel_out,
                                     double *m4l_out, double *m12_out, double *m34_out,
                                     int32_t *lepton_index_out);

#ifdef __cplusplus
}
#endif

#endif /* HBL_HBL_H */
