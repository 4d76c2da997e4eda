"""Oracle for HistCrossCheckTest: refill with Python `hist` and compare with Java's UHI JSON.

Usage: hist_oracle.py INPUT_JSON JAVA_UHI_JSON OUTPUT_UHI_JSON

INPUT_JSON holds the raw fill columns (m4l, pt, channel, njet, weight). The binning below is
written independently of the Java test on purpose: both must agree with the task's definition.
Exits non-zero with a message on any mismatch; writes hist's own UHI JSON for the Java side.
"""

import json
import sys

import hist
import numpy as np
import uhi.io.json

M4L = hist.axis.Regular(24, 80.0, 170.0, name="m4l", label="m_{4l} [GeV]")
PT = hist.axis.Variable([0.0, 10.0, 25.0, 50.0, 100.0, 200.0], name="pt", label="p_T [GeV]")
CHANNEL = hist.axis.StrCategory(["4e", "4mu", "2e2mu"], name="channel", label="channel")
NJET = hist.axis.IntCategory([0, 1, 2], name="njet", label="jets")


def main(inp, java_json, out_json):
    with open(inp) as f:
        cols = json.load(f)
    ours = hist.Hist(M4L, PT, CHANNEL, NJET, storage=hist.storage.Weight())
    ours.fill(
        m4l=np.asarray(cols["m4l"]),
        pt=np.asarray(cols["pt"]),
        channel=cols["channel"],
        njet=np.asarray(cols["njet"], dtype=int),
        weight=np.asarray(cols["weight"]),
    )
    with open(java_json) as f:
        theirs = hist.Hist(json.load(f, object_hook=uhi.io.json.object_hook))

    for a, b in zip(ours.axes, theirs.axes):
        if a != b:
            sys.exit(f"axis differs: hist {a!r} vs Java {b!r}")
    for what in ("values", "variances"):
        mine = getattr(ours, what)(flow=True)
        java = getattr(theirs, what)(flow=True)
        if mine.shape != java.shape:
            sys.exit(f"{what}: shape hist {mine.shape} vs Java {java.shape}")
        bad = ~np.isclose(mine, java, rtol=1e-12, atol=1e-12)
        if bad.any():
            idx = np.argwhere(bad)[:5].tolist()
            sys.exit(f"{what} differ in {bad.sum()} cells, first {idx}")

    with open(out_json, "w") as f:
        json.dump(ours, f, default=uhi.io.json.default)
    flow = ours.values(flow=True)
    print(f"cells={flow.size} sum_flow={flow.sum():.12g} sum={ours.values().sum():.12g}")


if __name__ == "__main__":
    main(*sys.argv[1:4])
