"""Benchmark hepbridge's pure-Java ROOT reader against uproot on the same files.

Usage: python benchmarks/root-io/bench.py [--repeats N] [--warmup N]

Each case opens a file, reads every entry of a set of branches into memory (Arrow vectors for
hepbridge, NumPy/Awkward arrays for uproot) and closes it. Reported: the median over the
repeats, entries/s, MB/s of decoded output (hepbridge's Arrow buffer bytes, the same data for
both readers) and the ratio uproot time / hepbridge time (above 1: hepbridge is faster). The
Java side warms up first; uproot gets one untimed run. Needs `mvn -pl java-api -am package`
(the launcher's jar and target/lib) and the venv with uproot.
"""

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

import uproot

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


def java_times(all_cases, warmup, repeats):
    lib = ROOT / "java-api" / "target"
    cp = f"{lib / 'hepbridge-api.jar'}:{lib / 'lib'}/*"
    java = Path(os.environ.get("JAVA_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64")) / "bin/java"
    cmd = [str(java), "--add-opens=java.base/java.nio=org.apache.arrow.memory.core,ALL-UNNAMED",
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


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeats", type=int, default=15)
    ap.add_argument("--warmup", type=int, default=30)
    args = ap.parse_args()
    all_cases = cases()
    java = java_times(all_cases, args.warmup, args.repeats)
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo")
                if line.startswith("model name")), platform.processor())
    jver = subprocess.run([str(Path(os.environ.get("JAVA_HOME",
                          "/usr/lib/jvm/temurin-25-jdk-amd64")) / "bin/java"), "-version"],
                          capture_output=True, text=True).stderr.splitlines()[0]
    print(f"machine: {cpu}, {os.cpu_count()} cores, {platform.system()} "
          f"{platform.release()}; {jver}; Python {platform.python_version()}, "
          f"uproot {uproot.__version__}; median of {args.repeats} runs")
    print(f"{'case':26} {'entries':>7} {'MB':>6} {'hepbridge ms':>12} {'uproot ms':>10} "
          f"{'hb Mentries/s':>13} {'hb MB/s':>8} {'up MB/s':>8} {'ratio':>6}")
    for (label, path, tree, spec), j in zip(all_cases, java):
        up = uproot_time(path, tree, spec, args.repeats)
        hb = j["median"]
        mb = j["bytes"] / 1e6
        print(f"{label:26} {j['entries']:7d} {mb:6.2f} {hb * 1e3:12.2f} {up * 1e3:10.2f} "
              f"{j['entries'] / hb / 1e6:13.2f} {mb / hb:8.1f} {mb / up:8.1f} {up / hb:6.2f}")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
