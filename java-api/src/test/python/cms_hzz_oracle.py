"""Independent oracle for `hepbridge run --analysis cms-hzz4l`: no hepbridge code.

Usage: cms_hzz_oracle.py DATA_FOLDER OUTPUT_FOLDER

From DATA_FOLDER/cms-opendata-education it reads the six 4-lepton CSVs and the expected yields
with Python's csv module, computes row counts, SHA-256, the m4l histogram (numpy, 37 bins of
3 GeV from 70 GeV) and fits the model in pyhf (stats/binned_fit_oracle.py). From OUTPUT_FOLDER it
reads every m4l_*.json back with `hist` through uhi.io.json. Prints one JSON object.
"""

import csv
import hashlib
import json
import pathlib
import sys

import hist
import numpy as np
import uhi.io.json

sys.path.insert(0, str(pathlib.Path(__file__).parent / "stats"))
import binned_fit_oracle  # noqa: E402

FILES = ["4mu_2011.csv", "4e_2011.csv", "2e2mu_2011.csv", "4mu_2012.csv", "4e_2012.csv",
         "2e2mu_2012.csv"]
SAMPLES = ["zz", "z_plus_x", "ttbar", "h125"]


def read_rows(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def inputs(folder):
    result = {}
    masses = []
    for name in FILES + ["expected_m4l_2011_2012.csv"]:
        path = folder / name
        rows = read_rows(path)
        result[name] = {"rows": len(rows),
                        "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
                        "bytes": path.stat().st_size}
        if name in FILES:
            masses += [float(r["M"]) for r in rows]
    return result, np.asarray(masses)


def expected(folder):
    rows = read_rows(folder / "expected_m4l_2011_2012.csv")
    return {s: [float(r[s]) for r in rows] for s in SAMPLES}


def uhi_histograms(output):
    out = {}
    for path in sorted(output.glob("m4l_*.json")):
        with open(path) as f:
            h = hist.Hist(json.load(f, object_hook=uhi.io.json.object_hook))
        axis = h.axes[0]
        out[path.name] = {"edges": axis.edges.tolist(), "name": axis.name,
                          "label": axis.label, "values": h.values(flow=True).tolist(),
                          "variances": h.variances(flow=True).tolist()}
    return out


def main(argv):
    folder = pathlib.Path(argv[1]) / "cms-opendata-education"
    files, masses = inputs(folder)
    counts, _ = np.histogram(masses, bins=37, range=(70.0, 181.0))
    yields = expected(folder)
    spec = {"channels": [{"name": "m4l", "observed": counts.tolist(), "samples": [
        {"name": s, "nominal": yields[s], "signal": s == "h125", "normSys": [], "histoSys": []}
        for s in SAMPLES]}], "parameters": ["mu"], "points": []}
    print(json.dumps({"inputs": files, "counts": counts.tolist(),
                      "below": int(np.sum(masses < 70.0)),
                      "above": int(np.sum(masses >= 181.0)),
                      "expected": yields, "fit": binned_fit_oracle.fit(spec),
                      "uhi": uhi_histograms(pathlib.Path(argv[2]))}))


if __name__ == "__main__":
    main(sys.argv)
