"""Benchmark hepbridge's pure-Java ROOT reader against uproot on the same files.

Usage: python benchmarks/root-io/bench.py [--repeats N] [--warmup N]
       python benchmarks/root-io/bench.py --bulk [--entries N] [--lzma-entries N] [--repeats N]

Small files (default): each case opens a file, reads every entry of a set of branches into
memory (Arrow vectors for hepbridge, NumPy/Awkward arrays for uproot) and closes it. Reported:
the median over the repeats, entries/s, MB/s of decoded output (hepbridge's Arrow buffer bytes,
the same data for both readers) and the ratio uproot time / hepbridge time (above 1: hepbridge
is faster). The Java side warms up first; uproot gets one untimed run.

Bulk (--bulk): writes one large file per codec with make_bulk.py into a temporary folder
(deleted at the end unless --keep names a folder to keep them in), then reads all entries of
its six branches with hepbridge (one JVM with the parallel basket pool, one with
-Dhepbridge.root.threads=1) and uproot (serially, and with a 2-thread decompression executor),
each after one untimed read. MB/s counts the uncompressed payload (the branches' fTotBytes).

Needs `mvn -pl java-api -am package` (the launcher's jar and target/lib) and the venv with uproot.
"""

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import awkward as ak
import uproot

import make_bulk

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(os.environ.get("HEPBRIDGE_DATA", ROOT / ".." / "shared" / "data")).resolve()
SK = DATA / "scikit-hep-testdata"
CODECS = ["zlib", "lz4", "lzma", "zstd", "uncompressed"]
ZMUMU_FLAT = ("Run,Event,E1,px1,py1,pz1,pt1,eta1,phi1,Q1,E2,px2,py2,pz2,pt2,eta2,phi2,Q2,M")
HZZ_JAGGED = "Muon_Px,Muon_Py,Muon_Pz,Muon_E,Jet_Px,Jet_Py,Jet_Pz,Jet_E,Electron_Px"
LEP = ("lep_pt,lep_eta,lep_phi,lep_E,lep_charge,lep_type,lep_ptcone30,lep_etcone20,"
       "lep_isTightID")


def cases():
    out = []
    for c in CODECS:
        out.append((f"flat Zmumu {c}", SK / f"uproot-Zmumu-{c}.root", "events", ZMUMU_FLAT))
    for c in CODECS:
        out.append((f"jagged HZZ {c}", SK / f"uproot-HZZ-{c}.root", "events", HZZ_JAGGED))
    out.append(("vector<T> 4lep D zlib", DATA / "atlas-opendata-13tev-2020-4lep"
                / "data_D.4lep.root", "mini", LEP))
    out.append(("objects HZZ-objects lz4", SK / "uproot-HZZ-objects.root", "events",
                "muonp4,jetp4,MET"))
    out.append(("NanoAOD all branches", SK / "nanoAOD_2015_CMS_Open_Data_ttbar.root",
                "Events", "*"))
    return out


def java_bin():
    return Path(os.environ.get("JAVA_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64")) / "bin/java"


def java_times(all_cases, warmup, repeats, jvm_options=()):
    """Runs RootReadBench.java once over all cases; one result dict per case."""
    lib = ROOT / "java-api" / "target"
    cp = f"{lib / 'hepbridge-api.jar'}:{lib / 'lib'}/*"
    cmd = [str(java_bin()), *jvm_options,
           "--add-opens=java.base/java.nio=org.apache.arrow.memory.core,ALL-UNNAMED",
           "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
           "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", cp,
           str(Path(__file__).with_name("RootReadBench.java")), str(warmup), str(repeats)]
    for _, f, t, b in all_cases:
        cmd += [str(f), t, b]
    res = subprocess.run(cmd, check=True, capture_output=True, text=True)
    return [json.loads(line) for line in res.stdout.splitlines() if line.startswith("{")]


def uproot_time(path, tree, spec, repeats):
    def once():
        with uproot.open(path) as f:
            t = f[tree]
            names = None if spec == "*" else spec.split(",")
            return t.arrays(names, library="ak")
    once()
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        once()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def machine_line(repeats):
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo")
                if line.startswith("model name")), platform.processor())
    jver = subprocess.run([str(java_bin()), "-version"],
                          capture_output=True, text=True).stderr.splitlines()[0]
    return (f"machine: {cpu}, {os.cpu_count()} cores, {platform.system()} "
            f"{platform.release()}; {jver}; Python {platform.python_version()}, "
            f"uproot {uproot.__version__}; median of {repeats} runs")


def small_files(args):
    all_cases = cases()
    java = java_times(all_cases, args.warmup, args.repeats)
    print(machine_line(args.repeats))
    print(f"{'case':26} {'entries':>7} {'MB':>6} {'hepbridge ms':>12} {'uproot ms':>10} "
          f"{'hb Mentries/s':>13} {'hb MB/s':>8} {'up MB/s':>8} {'ratio':>6}")
    for (label, path, tree, spec), j in zip(all_cases, java):
        up = uproot_time(path, tree, spec, args.repeats)
        hb = j["median"]
        mb = j["bytes"] / 1e6
        print(f"{label:26} {j['entries']:7d} {mb:6.2f} {hb * 1e3:12.2f} {up * 1e3:10.2f} "
              f"{j['entries'] / hb / 1e6:13.2f} {mb / hb:8.1f} {mb / up:8.1f} {up / hb:6.2f}")
        sys.stdout.flush()


BULK_BRANCHES = ["pt", "eta", "phi", "charge", "ntrk", "jet_pt"]


def bulk_files(folder, args):
    """Writes the missing bulk files into folder; returns {codec: path}."""
    files = {}
    for codec in make_bulk.CODECS:
        path = folder / f"bulk-{codec}.root"
        n = args.lzma_entries if codec == "lzma" else args.entries
        if not path.exists():
            t0 = time.perf_counter()
            make_bulk.write(path, codec, n)
            print(f"wrote {path.name}: {path.stat().st_size / 1e6:.1f} MB, {n} entries, "
                  f"{time.perf_counter() - t0:.1f} s", file=sys.stderr, flush=True)
        files[codec] = path
    return files


def uproot_bulk(path, repeats, threads):
    """Median wall and CPU seconds of reading BULK_BRANCHES, and (entries, sum(pt), payload)."""
    def once():
        kw = {"decompression_executor": ThreadPoolExecutor(threads)} if threads > 1 else {}
        with uproot.open(path, **kw) as f:
            return f["events"].arrays(BULK_BRANCHES, library="ak")

    arrays = once()
    with uproot.open(path) as f:
        payload = sum(f["events"][b].uncompressed_bytes for b in BULK_BRANCHES)
    checks = (len(arrays), float(ak.sum(arrays["pt"])), payload)
    del arrays
    wall, cpu = [], []
    for _ in range(repeats):
        c0, t0 = time.process_time(), time.perf_counter()
        once()
        wall.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    return statistics.median(wall), statistics.median(cpu), checks


def check_same(codec, java_runs, up_checks):
    entries, pt_sum, _ = up_checks
    for j in java_runs:
        # NaN (no float64 sum from Java) must fail too, hence "not <=".
        if j["entries"] != entries or not abs(j["sum0"] - pt_sum) <= 1e-9 * abs(pt_sum):
            raise SystemExit(f"bench: {codec}: hepbridge read {j['entries']} entries with "
                             f"sum(pt) {j['sum0']!r}, uproot {entries} and {pt_sum!r}")


def bulk(args):
    t_start = time.perf_counter()
    load_before = os.getloadavg()[0]
    folder = args.keep or Path(tempfile.mkdtemp(prefix="hepbridge-bulk-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        files = bulk_files(folder, args)
        spec = ",".join(BULK_BRANCHES)
        java_cases = [(c, p, "events", spec) for c, p in files.items()]
        par = java_times(java_cases, 1, args.repeats, ["-Xmx3g"])
        one = java_times(java_cases, 1, args.repeats, ["-Xmx3g", "-Dhepbridge.root.threads=1"])
        rows = []
        for (codec, path), jp, j1 in zip(files.items(), par, one):
            up1, up1_cpu, checks = uproot_bulk(path, args.repeats, 1)
            up2, _, _ = uproot_bulk(path, args.repeats, 2)
            check_same(codec, (jp, j1), checks)
            rows.append((codec, path.stat().st_size, checks, (jp, j1), (up1, up2, up1_cpu)))
    finally:
        if args.keep is None:
            shutil.rmtree(folder)
    print_bulk(rows, args.repeats, time.perf_counter() - t_start,
               (load_before, os.getloadavg()[0]))


def print_bulk(rows, repeats, total, loads):
    print(machine_line(repeats) + f"; whole run {total:.0f} s; load average before/after "
          f"{loads[0]:.1f}/{loads[1]:.1f}")
    print(f"{'codec':12} {'file MB':>7} {'Mentries':>8} {'payload MB':>10} "
          f"{'hb s':>6} {'hb1 s':>6} {'up s':>6} {'up2 s':>6} "
          f"{'hb MB/s':>7} {'up MB/s':>7} {'hb Mev/s':>8} {'up Mev/s':>8} {'up/hb':>5} "
          f"{'up/hb1':>6} {'hb cpu':>6} {'hb1 cpu':>7} {'up cpu':>6}")
    for codec, size, (entries, _, payload), (jp, j1), (up1, up2, up_cpu) in rows:
        mb = payload / 1e6
        hb, hb1 = jp["median"], j1["median"]
        print(f"{codec:12} {size / 1e6:7.1f} {entries / 1e6:8.2f} {mb:10.1f} "
              f"{hb:6.3f} {hb1:6.3f} {up1:6.3f} {up2:6.3f} "
              f"{mb / hb:7.0f} {mb / up1:7.0f} {entries / hb / 1e6:8.2f} "
              f"{entries / up1 / 1e6:8.2f} {up1 / hb:5.2f} {up1 / hb1:6.2f} "
              f"{jp['cpu']:6.3f} {j1['cpu']:7.3f} {up_cpu:6.3f}")

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeats", type=int, default=None,
                    help="timed reads per case (default 15, bulk 5)")
    ap.add_argument("--warmup", type=int, default=30, help="untimed Java reads (small files)")
    ap.add_argument("--bulk", action="store_true", help="the large-file throughput table")
    ap.add_argument("--entries", type=int, default=6_000_000, help="bulk entries per file")
    ap.add_argument("--lzma-entries", type=int, default=1_000_000, help="bulk LZMA entries")
    ap.add_argument("--keep", type=Path, default=None,
                    help="bulk: write the files here and keep them (reused if present)")
    args = ap.parse_args()
    if args.bulk:
        args.repeats = args.repeats or 5
        bulk(args)
    else:
        args.repeats = args.repeats or 15
        small_files(args)


if __name__ == "__main__":
    main()
