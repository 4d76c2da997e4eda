/*
 * hbl_analysis.h -- the whole ATLAS H->ZZ*->4l analysis in C++, behind one C call.
 *
 * This is the benchmark companion of hbl.h, built into its own library libhbl_analysis.so
 * (hbl.h and libhbl.so are unchanged). Where hbl.h exposes each legacy tool with one call per
 * batch, this header runs the complete event loop of an experiment-style C++ analysis -- the
 * tools called per object (hbl::Lepton), the way ATLAS code uses them -- over a set of events
 * held in memory as Arrow-layout columns, and returns the histograms. It exists so that the
 * same C++ event loop can be timed natively and through a foreign-function interface.
 *
 * The analysis (selection "c" of hepbridge, the 2020 ATLAS H->ZZ*->4l selection):
 *   for each of the HBL_ANALYSIS_VARIATIONS variations, in the order of
 *   hbl_analysis_variation_name (NOMINAL, then the electron then the muon calibration
 *   variations): event fired trigE or trigM; leptons calibrated (the variation's tool applies
 *   it, the other flavour's tool applies its nominal), calibrated pT and E rounded to float as
 *   stored; leptons passing LeptonSelectionTool's default working point; the candidate of
 *   FourLeptonCandidateBuilder with RequireExactlyFour=true and
 *   LeadingLeptonMinPt=25000,15000,10000 has an event mask of 0.
 *   Each selected event fills, in GeV, m4l into the histogram of its channel and m12 (the Z1
 *   mass) into the Z1 histogram (see hbl_analysis_histogram).
 *
 * Histograms: counts_out of hbl_analysis_run holds HBL_ANALYSIS_COUNTS int64 counts,
 * [variation][histogram][cell]: cell 0 is the underflow, cells 1..24 the bins, cell 25 the
 * overflow (x >= high, and NaN). The bin of x is floor((x - low) / (high - low) * 24), computed
 * exactly so in double, as boost-histogram and hepbridge's RegularAxis do.
 *
 * Replication: a run over n_replicated events processes the stream whose event k is the
 * input event k mod n_events. Copies are identical (event numbers included, so resolution
 * smearing repeats): a throughput test, not physics.
 *
 * Conventions as in hbl.h: int32 status codes from enum hbl_status; no exception crosses the
 * interface; the caller owns every buffer it passes and the library keeps no pointer to one
 * after a call returns; one thread at a time per analysis handle.
 */
#ifndef HBL_HBL_ANALYSIS_H
#define HBL_HBL_ANALYSIS_H

#include <stddef.h>
#include <stdint.h>

#include "hbl/hbl.h"

#ifdef __cplusplus
extern "C" {
#endif

#define HBL_ANALYSIS_VARIATIONS 9
#define HBL_ANALYSIS_HISTOGRAMS 4
#define HBL_ANALYSIS_BINS 24
#define HBL_ANALYSIS_CELLS 26
#define HBL_ANALYSIS_COUNTS 936 /* VARIATIONS * HISTOGRAMS * CELLS */

/* The histograms of one variation, in counts_out order. Values are part of the ABI. */
typedef enum hbl_analysis_histogram {
    HBL_ANALYSIS_M4L_4E = 0,    /* m4l of 4e events, 24 bins in [80, 170) GeV */
    HBL_ANALYSIS_M4L_4MU = 1,   /* m4l of 4mu events, same binning */
    HBL_ANALYSIS_M4L_2E2MU = 2, /* m4l of 2e2mu events, same binning */
    HBL_ANALYSIS_M_Z1 = 3       /* m12 of every selected event, 24 bins in [60, 120) GeV */
} hbl_analysis_histogram;

/* Events as Arrow-layout columns (the sections of a hepbridge column dump, see
 * benchmarks/DUMP_FORMAT.md). The leptons of event i are [offsets[i], offsets[i+1]) of every
 * per-lepton column; offsets[0] must be 0. trig_e and trig_m hold 0 or 1 per event.
 * Energies and momenta in MeV, lengths in mm. Borrowed: the library only reads them. */
typedef struct hbl_event_columns {
    int64_t n_events;
    const int32_t *offsets;       /* n_events + 1 */
    const int32_t *run_number;    /* per event */
    const int32_t *event_number;  /* per event */
    const uint8_t *trig_e;        /* per event */
    const uint8_t *trig_m;        /* per event */
    const uint32_t *type;         /* per lepton: 11 electron, 13 muon */
    const int32_t *charge;        /* per lepton */
    const float *pt;              /* per lepton, the rest too */
    const float *eta;
    const float *phi;
    const float *e;
    const float *ptcone30;
    const float *etcone20;
    const float *d0;              /* lep_trackd0pvunbiased */
    const float *d0_sigma;        /* lep_tracksigd0pvunbiased */
    const float *z0;
} hbl_event_columns;

/* An initialized analysis: the four legacy tools, configured. */
typedef struct hbl_analysis hbl_analysis;

/* Creates the analysis and initializes its tools with the calibration constants of
 * calibration_file (the format of native/data/hbl_calibration.txt). On success *out receives
 * a handle to release with hbl_analysis_free. On failure *out is NULL, the status is
 * returned and, when message_out is not NULL, a NUL-terminated reason is written to it
 * (truncated to message_capacity bytes). */
HBL_API int32_t hbl_analysis_create(const char *calibration_file, hbl_analysis **out,
                                    char *message_out, int64_t message_capacity);

/* Releases an analysis; NULL is accepted and ignored. */
HBL_API void hbl_analysis_free(hbl_analysis *analysis);

/* Runs the analysis over n_replicated events of the replicated stream of `events` and ADDS
 * the counts to counts_out (HBL_ANALYSIS_COUNTS int64; zero it first for a fresh result).
 * n_replicated may exceed events->n_events, and needs n_events > 0 when it is positive.
 * Returns HBL_ERROR_NULL_ARGUMENT, HBL_ERROR_INVALID_BATCH (bad counts or offsets, checked
 * before any event is processed; counts_out is then unchanged), or the failure of a tool
 * (e.g. HBL_ERROR_INVALID_VALUE for a lepton outside the calibration bins; counts_out then
 * holds the events before it). The text is in hbl_analysis_last_error. */
HBL_API int32_t hbl_analysis_run(hbl_analysis *analysis, const hbl_event_columns *events,
                                 int64_t n_replicated, int64_t *counts_out);

/* The text of the analysis' last failure ("" if none); owned by the analysis, valid until
 * its next call. Never NULL ("" for a NULL analysis). */
HBL_API const char *hbl_analysis_last_error(const hbl_analysis *analysis);

/* Name of variation index, 0 <= index < HBL_ANALYSIS_VARIATIONS, e.g. "EG_SCALE__1up";
 * NULL outside that range. Static strings. */
HBL_API const char *hbl_analysis_variation_name(int32_t index);

/* ---- probes for the foreign-call micro-benchmarks ------------------------------------- */

/* Does nothing: the cost of a call is the cost of crossing the interface. */
HBL_API void hbl_bench_noop(void);

/* Returns the sum of values[0..n), accumulated in double in index order, or 0 for n <= 0 or
 * values NULL: a callee that reads every element of an n-element buffer. */
HBL_API double hbl_bench_sum(const float *values, int64_t n);

#ifdef __cplusplus
}
#endif

#endif /* HBL_HBL_ANALYSIS_H */
