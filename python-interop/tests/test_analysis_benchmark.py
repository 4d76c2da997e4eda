"""benchmarks/analysis/bench_hzz.py times hepbridge against uproot + Awkward Array; these tests
keep its premise true: both sides compute the same cutflow and histograms, on the real files
and on the replicated file the script writes with uproot."""

import importlib.util

import pytest

from conftest import ATLAS_FILES, ATLAS_FOLDER, REPO, require_data

# Selection "c", summed over the four files: all events, trigger, exactly four good leptons,
# pT > 25/15/10 GeV, zero charge, flavours; from the uproot oracle (atlas_hzz_oracle.py).
CUTFLOW_C = [832, 832, 416, 380, 355, 321]


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location(
        "bench_hzz", REPO / "benchmarks" / "analysis" / "bench_hzz.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def atlas_files():
    return [str(require_data(f"{ATLAS_FOLDER}/{name}")) for name in ATLAS_FILES]


def test_both_sides_agree_on_the_real_files(bench, atlas_files):
    assert bench.check_agree(atlas_files) == CUTFLOW_C


def test_replicated_file_holds_the_events_k_times(bench, atlas_files, tmp_path):
    replicated = bench.replicated_file(atlas_files, 3, tmp_path)
    assert replicated.name == "atlas-4lep-2016-x3.root"
    assert bench.check_agree([str(replicated)]) == [3 * n for n in CUTFLOW_C]
    assert not list(tmp_path.glob("*.partial"))


def test_the_sides_disagreeing_stops_the_script(bench, atlas_files, monkeypatch):
    original = bench.analyse_python

    def one_event_short(paths):
        counts, histograms = original(paths)
        return [counts[0] - 1, *counts[1:]], histograms

    monkeypatch.setattr(bench, "analyse_python", one_event_short)
    with pytest.raises(SystemExit, match="cutflows differ"):
        bench.check_agree(atlas_files)
