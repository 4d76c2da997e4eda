"""Independent oracle for the lepton-scale systematic on the ATLAS fitted mass: no hepbridge code.

Usage: atlas_mass_scale_oracle.py CALIBRATION_FILE SIGMA MASS_START FILE...

Reads the scale constants from CALIBRATION_FILE (lines `<electron|muon> scale <abs_eta_min>
<abs_eta_max> <value>`), multiplies lep_pt and lep_E of every electron (EG_SCALE) or muon
(MUON_SCALE) by 1 + value or 1 - value by its |eta|, runs selection c of atlas_hzz_oracle.py on
the scaled leptons, and fits the m4l values in [110, 160) GeV with iminuit
(stats/mass_peak_fit_oracle.py: Gaussian of width SIGMA on an exponential, started at
MASS_START). Then fits the nominal masses again with one nuisance parameter per source whose
peak shifts at theta = +1 and -1 are that source's up and down mass shifts
(mass_peak_fit_oracle.fit_with_nuisances). Prints one JSON object: per variation (NOMINAL too)
the fitted mass and the events in the window, and under NUISANCE_FIT the constrained fit.
"""

import json
import pathlib
import sys

import awkward as ak
import uproot

HERE = pathlib.Path(__file__).parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE / "stats"))
import atlas_hzz_oracle  # noqa: E402
import mass_peak_fit_oracle  # noqa: E402

LOW, HIGH = 110.0, 160.0
FLAVOURS = {"EG": ("electron", 11), "MUON": ("muon", 13)}


def scale_bins(path):
    """{flavour: [(abs_eta_min, abs_eta_max, value), ...]} from the scale records."""
    bins = {"electron": [], "muon": []}
    for line in pathlib.Path(path).read_text().splitlines():
        fields = line.split("#", 1)[0].split()
        if len(fields) == 5 and fields[1] == "scale":
            bins[fields[0]].append(tuple(float(x) for x in fields[2:]))
    return bins


def scale_of(bins, abs_eta):
    """The bin holding abs_eta: lo <= |eta| < hi, the highest bin also holding its edge."""
    top = max(hi for _, hi, _ in bins)
    for lo, hi, value in bins:
        if lo <= abs_eta < hi or (hi == top and abs_eta == hi):
            return value
    raise ValueError(f"|eta| = {abs_eta} outside the scale bins {bins}")


def varied(event, bins, lepton_type, sign):
    ev = dict(event)
    pt, energy = list(ev["lep_pt"]), list(ev["lep_E"])
    for i, kind in enumerate(ev["lep_type"]):
        if kind == lepton_type:
            factor = 1.0 + sign * scale_of(bins, abs(ev["lep_eta"][i]))
            pt[i] *= factor
            energy[i] *= factor
    ev["lep_pt"], ev["lep_E"] = pt, energy
    return ev


def masses(events, variation, calibration):
    out = []
    for event in events:
        if variation != "NOMINAL":
            prefix, direction = variation.split("_SCALE__1")
            flavour, lepton_type = FLAVOURS[prefix]
            sign = 1.0 if direction == "up" else -1.0
            event = varied(event, calibration[flavour], lepton_type, sign)
        _, m4l = atlas_hzz_oracle.steps_passed(event, "c")
        if m4l is not None:
            out.append(m4l)
    return out


def main(argv):
    calibration = scale_bins(argv[1])
    sigma, mass_start = float(argv[2]), float(argv[3])
    events = []
    for path in argv[4:]:
        tree = uproot.open(path)["mini"]
        events += ak.to_list(tree.arrays(atlas_hzz_oracle.BRANCHES, library="ak"))
    result = {}
    nominal = None
    for variation in ("NOMINAL", "EG_SCALE__1up", "EG_SCALE__1down", "MUON_SCALE__1up",
                      "MUON_SCALE__1down"):
        m = masses(events, variation, calibration)
        nominal = m if nominal is None else nominal
        fit = mass_peak_fit_oracle.fit(m, LOW, HIGH, sigma, "exponential", mass_start)
        result[variation] = {"mass": fit["mass"], "events": fit["events"],
                             "valid": fit["valid"], "selected": len(m)}
    shift = {v: result[v]["mass"] - result["NOMINAL"]["mass"] for v in result}
    nuisances = [(source, shift[f"{source}__1up"], shift[f"{source}__1down"])
                 for source in ("EG_SCALE", "MUON_SCALE")]
    result["NUISANCE_FIT"] = mass_peak_fit_oracle.fit_with_nuisances(
        nominal, LOW, HIGH, sigma, "exponential", mass_start, nuisances)
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv)
