"""Independent oracle for the ATLAS H->ZZ*->4l selections: uproot + numpy, no hepbridge code.

Prints JSON: per input file the cutflow of selections a, b and c, the m4l histograms of the
selected events (5 GeV bins 80-250 and 3.75 GeV bins 80-170), and the m4l of the first event
computed from its first four leptons. Usage: atlas_hzz_oracle.py FILE...
"""
import json
import sys

import awkward as ak
import numpy as np
import uproot

Z_MASS_MEV = 91187.6
BRANCHES = ["trigE", "trigM", "lep_pt", "lep_eta", "lep_phi", "lep_E", "lep_charge",
            "lep_type", "lep_ptcone30", "lep_etcone20", "lep_trackd0pvunbiased",
            "lep_tracksigd0pvunbiased", "lep_z0"]


def four_vector(pt, eta, phi, e):
    return np.array([pt * np.cos(phi), pt * np.sin(phi), pt * np.sinh(eta), e])


def mass(*p4):
    total = np.sum(p4, axis=0)
    return float(np.sqrt(max(total[3] ** 2 - total[0] ** 2 - total[1] ** 2 - total[2] ** 2,
                             0.0)))


def good_leptons(ev):
    """Mask of leptons passing the 2020 H->4l working point (float64 arithmetic)."""
    pt = np.asarray(ev["lep_pt"], dtype=np.float64)
    eta = np.asarray(ev["lep_eta"], dtype=np.float64)
    kind = np.asarray(ev["lep_type"])
    d0sig = np.abs(np.asarray(ev["lep_trackd0pvunbiased"], dtype=np.float64)
                   / np.asarray(ev["lep_tracksigd0pvunbiased"], dtype=np.float64))
    z0sin = np.abs(np.asarray(ev["lep_z0"], dtype=np.float64) / np.cosh(eta))
    iso = ((np.asarray(ev["lep_ptcone30"], dtype=np.float64) / pt < 0.3)
           & (np.asarray(ev["lep_etcone20"], dtype=np.float64) / pt < 0.3))
    electron = (kind == 11) & (pt > 7000) & (np.abs(eta) < 2.47) & (d0sig < 5)
    muon = (kind == 13) & (pt > 5000) & (np.abs(eta) < 2.5) & (d0sig < 3)
    return (electron | muon) & iso & (z0sin < 0.5)


def steps_passed(ev, selection):
    """Number of cumulative cutflow steps the event passes (first step: all events)."""
    passed = 1
    if selection == "c":
        if not (ev["trigE"] or ev["trigM"]):
            return passed, None
        passed += 1
        use = np.nonzero(good_leptons(ev))[0]
        if len(use) != 4:
            return passed, None
    else:
        use = np.arange(len(ev["lep_pt"]))
        if len(use) < 4:
            return passed, None
        use = use[:4]
    passed += 1
    thresholds = {"a": [], "b": [30000, 20000, 10000], "c": [25000, 15000, 10000]}[selection]
    pts = [float(ev["lep_pt"][i]) for i in use]
    if thresholds:
        if not all(pts[k] > thresholds[k] for k in range(len(thresholds))):
            return passed, None
        passed += 1
    if sum(int(ev["lep_charge"][i]) for i in use) != 0:
        return passed, None
    passed += 1
    if sum(int(ev["lep_type"][i]) for i in use) not in (44, 48, 52):
        return passed, None
    passed += 1
    p4 = [four_vector(*(float(ev[b][i]) for b in ("lep_pt", "lep_eta", "lep_phi", "lep_E")))
          for i in use]
    return passed, mass(*p4) / 1000.0


def analyse(path):
    events = uproot.open(path)["mini"].arrays(BRANCHES, library="ak")
    result = {"entries": len(events)}
    first = events[0]
    result["first_event_m4l"] = mass(*[four_vector(*(float(first[b][i]) for b in (
        "lep_pt", "lep_eta", "lep_phi", "lep_E"))) for i in range(4)]) / 1000.0
    for selection in ("a", "b", "c"):
        n_steps = {"a": 4, "b": 5, "c": 6}[selection]
        counts = [0] * n_steps
        masses = []
        for ev in ak.to_list(events):
            passed, m4l = steps_passed(ev, selection)
            for step in range(passed):
                counts[step] += 1
            if m4l is not None:
                masses.append(m4l)
        result[selection] = {
            "cutflow": counts,
            "m4l_80_250": np.histogram(masses, bins=34, range=(80, 250))[0].tolist(),
            "m4l_80_170": np.histogram(masses, bins=24, range=(80, 170))[0].tolist(),
            "m4l_sum": float(np.sum(masses)),
        }
    return result


if __name__ == "__main__":
    print(json.dumps({p.rsplit("/", 1)[-1]: analyse(p) for p in sys.argv[1:]}))
