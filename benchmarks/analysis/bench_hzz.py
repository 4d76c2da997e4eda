"""The H->ZZ*->4l analysis, file to histogram: hepbridge (pure-Java ROOT reading, the legacy
C++ tools through FFM, Java histograms) against the Python stack (uproot + Awkward Array +
NumPy), on the same ROOT files, in one Python process.

Both sides do the same work per file: read the 15 branches the analysis needs, apply
selection "c" (trigger, exactly four good leptons, pT > 25/15/10 GeV, zero total charge,
4e/4mu/2e2mu), compute m4l and pair the leptons into Z1/Z2, keep the cutflow and fill the m4l
histograms (80-170 GeV in 24 bins, 80-250 GeV in 34, per channel). Nominal only: the
calibration variations need the legacy tools' smearing, which the Python side does not have.
hepbridge is called through its Python package (JPype, CPython), so its times include the
call into the JVM; it also computes each input's SHA-256 for its provenance record, which the
Python side does not. Before timing, both sides' cutflows and histograms must agree count for
count, or the script stops.

Inputs: the four 2016 files (832 events), and files of the same events replicated K times
(--copies), written once by uproot into benchmarks/target/analysis/ (its jagged arrays become
counted-array branches lep_pt[nlep], which hepbridge reads as it reads vector<float>): a
throughput test, not physics.

    .venv/bin/python benchmarks/analysis/bench_hzz.py [--copies 100,1000] [--repeat 7]

Not run by the tests. Needs the jars built (mvn -pl native,bindings,java-api,python-interop
package -DskipTests) and HEPBRIDGE_HOME or a run from inside the checkout.
"""

import argparse
import os
import platform
import statistics
import sys
import time
from pathlib import Path

import awkward as ak
import numpy as np
import uproot

REPO = Path(__file__).resolve().parents[2]
os.environ.setdefault("HEPBRIDGE_HOME", str(REPO))
sys.path.insert(0, str(REPO / "python-interop" / "python"))

import hepbridge  # noqa: E402
from hepbridge.analysis import HZZ, atlas_data_files  # noqa: E402

BRANCHES = ["runNumber", "eventNumber", "trigE", "trigM", "lep_pt", "lep_eta", "lep_phi",
            "lep_E", "lep_charge", "lep_type", "lep_ptcone30", "lep_etcone20",
            "lep_trackd0pvunbiased", "lep_tracksigd0pvunbiased", "lep_z0"]
LEPTON_FIELDS = [b[len("lep_"):] for b in BRANCHES if b.startswith("lep_")]
Z_MASS_MEV = 91187.6
BINNINGS = {"m4l_80_170": (24, 80.0, 170.0), "m4l_80_250": (34, 80.0, 250.0)}
CHANNELS = {"4e": (4, 0), "4mu": (0, 4), "2e2mu": (2, 2)}


def analyse_awkward(path):
    """Selection "c" on one file, vectorised: (cutflow counts, {(binning, channel): counts}
    with under- and overflow cells)."""
    with uproot.open(path) as f:
        events = f["mini"].arrays(BRANCHES)
    pt = ak.values_astype(events.lep_pt, np.float64)
    eta = ak.values_astype(events.lep_eta, np.float64)
    kind = events.lep_type
    d0sig = abs(ak.values_astype(events.lep_trackd0pvunbiased, np.float64)
                / events.lep_tracksigd0pvunbiased)
    isolated = ((events.lep_ptcone30 / pt < 0.3) & (events.lep_etcone20 / pt < 0.3))
    electron = (kind == 11) & (pt > 7000) & (abs(eta) < 2.47) & (d0sig < 5)
    muon = (kind == 13) & (pt > 5000) & (abs(eta) < 2.5) & (d0sig < 3)
    good = (electron | muon) & isolated & (abs(events.lep_z0 / np.cosh(eta)) < 0.5)

    counts = [len(events)]
    triggered = events.trigE | events.trigM
    counts.append(int(ak.sum(triggered)))
    four = triggered & (ak.sum(good, axis=1) == 4)
    counts.append(int(ak.sum(four)))
    lep = events[four]
    keep = good[four]
    l_pt, l_eta = pt[four][keep], eta[four][keep]
    l_phi = ak.values_astype(lep.lep_phi[keep], np.float64)
    l_e = ak.values_astype(lep.lep_E[keep], np.float64)
    l_charge, l_type = lep.lep_charge[keep], lep.lep_type[keep]

    ranked = ak.sort(l_pt, axis=1, ascending=False)
    passed = (ranked[:, 0] > 25000) & (ranked[:, 1] > 15000) & (ranked[:, 2] > 10000)
    counts.append(int(ak.sum(passed)))
    passed = passed & (ak.sum(l_charge, axis=1) == 0)
    counts.append(int(ak.sum(passed)))
    electrons = ak.sum(l_type == 11, axis=1)
    muons = ak.sum(l_type == 13, axis=1)
    channel = np.full(len(electrons), "", dtype=object)
    for name, (ne, nm) in CHANNELS.items():
        channel[np.asarray((electrons == ne) & (muons == nm))] = name
    passed = np.asarray(passed) & (channel != "")
    counts.append(int(passed.sum()))

    px, py = l_pt * np.cos(l_phi), l_pt * np.sin(l_phi)
    pz = l_pt * np.sinh(l_eta)
    m4l = invariant_mass(ak.sum(px, axis=1), ak.sum(py, axis=1), ak.sum(pz, axis=1),
                         ak.sum(l_e, axis=1))
    z1 = z1_mass(px, py, pz, l_e, l_charge, l_type)  # computed as hepbridge does; not filled

    histograms = {}
    m4l_gev = m4l[passed] / 1000.0
    for binning, (bins, low, high) in BINNINGS.items():
        edges = np.concatenate([[-np.inf], np.linspace(low, high, bins + 1), [np.inf]])
        for name in ["all", *CHANNELS]:
            chosen = m4l_gev if name == "all" else m4l_gev[channel[passed] == name]
            histograms[(binning, name)] = np.histogram(chosen, edges)[0]
    return counts, histograms, z1


def invariant_mass(px, py, pz, e):
    m2 = np.asarray(e * e - (px * px + py * py + pz * pz))
    return np.sqrt(np.maximum(m2, 0.0))


def z1_mass(px, py, pz, e, charge, kind):
    """Mass of the same-flavour opposite-charge pair closest to the Z among the three ways of
    splitting the four leptons into two pairs whose both pairs are SFOS (NaN if none)."""
    best = np.full(len(px), np.nan)
    distance = np.full(len(px), np.inf)
    # Every event here has exactly four leptons: regular columns, one per lepton slot.
    columns = [ak.to_numpy(ak.to_regular(a, axis=1)) for a in (px, py, pz, e, charge, kind)]
    cpx, cpy, cpz, ce, cq, ck = columns
    for a, b, c, d in ((0, 1, 2, 3), (0, 2, 1, 3), (0, 3, 1, 2)):
        sfos = ((ck[:, a] == ck[:, b]) & (cq[:, a] + cq[:, b] == 0) & (cq[:, a] != 0)
                & (ck[:, c] == ck[:, d]) & (cq[:, c] + cq[:, d] == 0) & (cq[:, c] != 0))
        for i, j in ((a, b), (c, d)):
            mass = invariant_mass(cpx[:, i] + cpx[:, j], cpy[:, i] + cpy[:, j],
                                  cpz[:, i] + cpz[:, j], ce[:, i] + ce[:, j])
            closer = sfos & (np.abs(mass - Z_MASS_MEV) < distance)
            best = np.where(closer, mass, best)
            distance = np.where(closer, np.abs(mass - Z_MASS_MEV), distance)
    return best


def analyse_hepbridge(paths):
    result = HZZ(selection="c", variations=False).run(paths)
    counts = [int(result.cutflow[step]) for step in result.steps]
    histograms = {}
    for binning in BINNINGS:
        for name in ["all", *CHANNELS]:
            h = result.histogram(binning, "NOMINAL", name)
            histograms[(binning, name)] = np.concatenate(
                [[h.underflow], h.values, [h.overflow]]).astype(np.int64)
    return counts, histograms


def analyse_python(paths):
    counts, histograms = None, {}
    for path in paths:
        c, h, _ = analyse_awkward(path)
        counts = c if counts is None else [a + b for a, b in zip(counts, c)]
        for key, value in h.items():
            histograms[key] = histograms.get(key, 0) + value
    return counts, histograms


def check_agree(paths):
    """Stops unless both sides give the same cutflow and every histogram count."""
    java_counts, java_histograms = analyse_hepbridge(paths)
    py_counts, py_histograms = analyse_python(paths)
    if java_counts != py_counts:
        raise SystemExit(f"cutflows differ: hepbridge {java_counts}, uproot+awkward {py_counts}")
    for key, expected in java_histograms.items():
        if not np.array_equal(expected, py_histograms[key]):
            raise SystemExit(f"histogram {key} differs: hepbridge {expected.tolist()}, "
                             f"uproot+awkward {py_histograms[key].tolist()}")
    return java_counts


def replicated_file(sources, copies, folder):
    """The events of `sources`, `copies` times over, in one file written by uproot (once)."""
    target = folder / f"atlas-4lep-2016-x{copies}.root"
    if target.exists():
        return target
    folder.mkdir(parents=True, exist_ok=True)
    parts = [uproot.open(p)["mini"].arrays(BRANCHES) for p in sources]
    events = ak.concatenate(parts)
    leptons = ak.zip({name: events["lep_" + name] for name in LEPTON_FIELDS})
    flat = {name: events[name] for name in ("runNumber", "eventNumber", "trigE", "trigM")}
    partial = target.with_suffix(".partial")
    with uproot.recreate(partial) as f:
        f.mktree("mini", {**{k: v.type.content for k, v in flat.items()},
                          "lep": leptons.type})
        for _ in range(copies):
            f["mini"].extend({**flat, "lep": leptons})
    partial.rename(target)
    return target


def median_seconds(action, repeat, warm_up):
    """Median wall and CPU seconds of `action`. CPU time is the whole process's, every thread:
    the JVM runs inside this process (JPype), so hepbridge's decompression threads, JIT and GC
    count against it."""
    for _ in range(warm_up):
        action()
    wall, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        action()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(wall), statistics.median(cpu)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", default="100,1000",
                        help="replication factors of the 832 events (comma list; 0 = none)")
    parser.add_argument("--repeat", type=int, default=7, help="timed runs per case")
    parser.add_argument("--warmup", type=int, default=3, help="untimed runs per case")
    args = parser.parse_args()
    copies = [int(c) for c in args.copies.split(",") if c.strip() and int(c) > 0]

    sources = [str(p) for p in atlas_data_files()]
    cases = [("the four 2016 files", sources)]
    folder = REPO / "benchmarks" / "target" / "analysis"
    for k in copies:
        cases.append((f"832 events x {k}, one file", [str(replicated_file(sources, k, folder))]))

    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"{platform.system()} {platform.release()}; Python {platform.python_version()}, "
          f"uproot {uproot.__version__}, awkward {ak.__version__}, numpy {np.__version__}; "
          f"median of {args.repeat} runs after {args.warmup} warm-up runs")
    print(f"{'input':34} {'events':>7} {'MB':>6} {'hepbridge s':>11} {'uproot+ak s':>11} "
          f"{'ratio':>5} {'hb CPU s':>8} {'up CPU s':>8} {'CPU ratio':>9} {'hb events/s':>11}")
    for label, paths in cases:
        counts = check_agree(paths)
        megabytes = sum(os.path.getsize(p) for p in paths) / 1e6
        java, java_cpu = median_seconds(lambda: analyse_hepbridge(paths), args.repeat,
                                        args.warmup)
        python, python_cpu = median_seconds(lambda: analyse_python(paths), args.repeat,
                                            args.warmup)
        print(f"{label:34} {counts[0]:>7} {megabytes:>6.1f} {java:>11.3f} {python:>11.3f} "
              f"{python / java:>5.2f} {java_cpu:>8.3f} {python_cpu:>8.3f} "
              f"{python_cpu / java_cpu:>9.2f} {counts[0] / java:>11,.0f}", flush=True)
    print("ratio = uproot+awkward time / hepbridge time (above 1: hepbridge is faster), wall "
          "and CPU (every thread of the process); both sides' cutflows and histograms were "
          "checked equal before timing")


if __name__ == "__main__":
    main()
