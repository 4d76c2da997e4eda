"""The H->ZZ*->4l analysis run from Python, against published numbers (SOURCES.md), the uproot
oracle (java-api/src/test/python/atlas_hzz_oracle.py) and the Java command-line run."""

import json

import pyarrow as pa
import pyarrow.ipc
import pytest

from conftest import ATLAS_FILES

# SOURCES.md, "Reference numbers": the ATLAS notebook's counts per period A, B, C, D.
PUBLISHED_SELECTED = {"a": [27, 86, 146, 248], "b": [21, 66, 116, 209]}
# Selection c per period, from the uproot oracle (independent uproot + numpy selection).
ORACLE_SELECTED_C = [18, 52, 93, 158]
# SOURCES.md: m4l after selections 1 and 2 in 5 GeV bins from 80 to 250 GeV (JSROOT).
PUBLISHED_M4L_WIDE = {
    "a": [6, 28, 39, 8, 3, 6, 7, 8, 24, 12, 10, 8, 9, 11, 7, 6, 11, 6, 7, 5, 15, 16, 8, 15,
          11, 12, 10, 9, 6, 13, 8, 8, 10, 9],
    "b": [2, 13, 16, 4, 2, 3, 5, 5, 17, 9, 10, 5, 8, 8, 7, 5, 11, 5, 4, 5, 14, 15, 7, 14, 11,
          11, 9, 9, 6, 13, 7, 8, 10, 8],
}


def selected_per_input(result):
    return [result.cutflow_per_input[name][result.steps[-1]] for name in ATLAS_FILES]


@pytest.mark.parametrize("selection", ["a", "b"])
def test_selections_a_and_b_give_the_published_counts_and_histograms(hzz_runs, selection):
    result = hzz_runs[selection]

    assert result.inputs == ATLAS_FILES
    assert selected_per_input(result) == PUBLISHED_SELECTED[selection]
    assert result.cutflow["all events"] == 832
    assert list(result.histogram("m4l_80_250").values) == PUBLISHED_M4L_WIDE[selection]


def test_selection_c_gives_the_oracle_counts(hzz_runs):
    assert selected_per_input(hzz_runs["c"]) == ORACLE_SELECTED_C
    assert hzz_runs["c"].selected == sum(ORACLE_SELECTED_C)


@pytest.mark.parametrize("selection", ["a", "b", "c"])
def test_every_cutflow_step_and_histogram_agrees_with_uproot(hzz_runs, uproot_oracle,
                                                            selection):
    result = hzz_runs[selection]

    for name in ATLAS_FILES:
        expected = uproot_oracle[name][selection]
        assert list(result.cutflow_per_input[name].values()) == expected["cutflow"], name
    for binning in ("m4l_80_170", "m4l_80_250"):
        expected = [sum(uproot_oracle[name][selection][binning][i] for name in ATLAS_FILES)
                    for i in range(len(uproot_oracle[ATLAS_FILES[0]][selection][binning]))]
        assert list(result.histogram(binning).values) == expected, binning


def test_python_run_equals_the_java_command_line_run(hzz_runs, java_run):
    summary = json.loads((java_run / "summary.json").read_text())
    result = hzz_runs["c"]

    assert result.steps == summary["cutflow"]["steps"]
    assert {name: list(counts.values()) for name, counts in result.cutflow_per_input.items()} \
        == summary["cutflow"]["per_input"]
    assert list(result.cutflow.values()) == summary["cutflow"]["total"]
    assert len(summary["histograms"]) == len(result.histograms) == 2 * 9 * 4
    for h in summary["histograms"]:
        ours = result.histogram(h["name"], h["variation"], h["channel"])
        key = (h["name"], h["variation"], h["channel"])
        assert list(ours.edges) == h["edges"], key
        assert list(ours.values) == h["values"], key
        assert list(ours.variances) == h["variances"], key
        assert (ours.underflow, ours.overflow) == (h["underflow"], h["overflow"]), key


def test_fit_equals_the_java_command_line_fit(hzz_runs, java_run):
    java_fit = json.loads((java_run / "summary.json").read_text())["fit"]
    fit = hzz_runs["c"].fit
    same = {"rel": 1e-12}

    assert fit.performed and java_fit["performed"]
    assert fit.mass == pytest.approx(java_fit["mass_gev"], **same)
    assert fit.mass_error == pytest.approx(java_fit["mass_total_error_gev"], **same)
    assert fit.mass_stat_error == pytest.approx(java_fit["mass_stat_error_gev"], **same)
    assert fit.mass_syst_error == pytest.approx(java_fit["mass_syst_error_gev"], **same)
    assert list(fit.mass_interval) == pytest.approx(java_fit["mass_interval_gev"]["total"], **same)
    assert list(fit.mass_stat_interval) == pytest.approx(java_fit["mass_interval_gev"]["stat"],
                                                         **same)
    assert list(fit.nuisances) == [n["name"] for n in java_fit["nuisance_parameters"]]
    assert fit.signal_yield == pytest.approx(java_fit["signal_yield"], **same)
    assert fit.signal_width == pytest.approx(java_fit["signal_width_gev"], **same)
    assert fit.local_significance == pytest.approx(java_fit["local_significance"], **same)
    assert fit.events_in_range == java_fit["events_in_window"]
    # Loose physics sanity bounds, independent of the code: the Higgs peak of the notebook.
    assert 118 < fit.mass < 130
    assert fit.mass_interval[0] < fit.mass < fit.mass_interval[1]


def test_selected_events_equal_the_java_runs_arrow_file(hzz_runs, java_run):
    with pa.memory_map(str(java_run / "selected_events.arrow")) as source:
        expected = pa.ipc.open_file(source).read_all()
        events = hzz_runs["c"].selected_events()

        assert events.num_rows == sum(ORACLE_SELECTED_C)
        assert events.equals(expected)
        del events, expected


def test_selected_events_as_a_record_batch_reader(hzz_runs):
    reader = hzz_runs["b"].selected_events(reader=True)

    assert isinstance(reader, pa.RecordBatchReader)
    table = reader.read_all()
    assert table.num_rows == sum(PUBLISHED_SELECTED["b"])
    # Selection b keeps e.g. e+e+mu-mu- events, which have no Z pairing: m12 and m34 are NaN
    # there, and NaN != NaN in Table.equals, hence the comparison of the IPC bytes.
    assert ipc_bytes(table) == ipc_bytes(hzz_runs["b"].selected_events())


def ipc_bytes(table):
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return sink.getvalue().to_pybytes()


def test_histogram_to_hist_keeps_bins_values_variances_and_flow(hzz_runs):
    ours = hzz_runs["c"].histogram("m4l_80_170", "NOMINAL", "4mu")
    h = ours.to_hist()

    assert list(h.axes[0].edges) == pytest.approx(list(ours.edges), rel=1e-12)
    assert list(h.values()) == list(ours.values)
    assert list(h.variances()) == list(ours.variances)
    assert h.values(flow=True)[-1] == ours.overflow
    assert h.sum(flow=True).value == sum(ours.values) + ours.underflow + ours.overflow
