"""Independent oracle for org.hepbridge.stats.MassPeakFit: the same extended unbinned NLL
minimised with iminuit (MIGRAD, HESSE, MINOS on the mass).

Usage: mass_peak_fit_oracle.py MASSES_FILE LO HI SIGMA SHAPE MASS_START
MASSES_FILE holds one mass in GeV per line; SHAPE is exponential or linear. Prints one JSON
object. Only numpy, scipy and iminuit are used; the model is written out here from its definition,
not taken from the Java code.
"""

import json
import sys

import numpy as np
from iminuit import Minuit
from scipy.special import ndtr


def fit(masses, lo, hi, sigma, shape, m0):
    """Fits the masses (GeV) inside [lo, hi) as the module docstring says; returns a dict."""
    m = np.asarray(masses, dtype=float)
    m = m[(m >= lo) & (m < hi)]
    width = hi - lo

    def background(slope):
        if shape == "linear":
            return (1.0 + slope * (m - 0.5 * (lo + hi))) / width
        # exp(-c m) normalised on [lo, hi): integral is (exp(-c lo) - exp(-c hi)) / c
        if slope == 0.0:
            return np.full_like(m, 1.0 / width)
        return slope * np.exp(-slope * (m - lo)) / (1.0 - np.exp(-slope * width))

    def signal(mass):
        norm = ndtr((hi - mass) / sigma) - ndtr((lo - mass) / sigma)
        z = (m - mass) / sigma
        return np.exp(-0.5 * z * z) / (np.sqrt(2.0 * np.pi) * sigma * norm)

    def nll_sb(mass, ns, nb, slope):
        d = ns * signal(mass) + nb * background(slope)
        if np.any(d <= 0):
            return 1e30
        return ns + nb - np.sum(np.log(d))

    def nll_b(nb, slope):
        d = nb * background(slope)
        if np.any(d <= 0):
            return 1e30
        return nb - np.sum(np.log(d))

    n = len(m)
    start_slope = 0.0 if shape == "linear" else 0.01
    b = Minuit(nll_b, nb=n, slope=start_slope)
    b.errordef = Minuit.LIKELIHOOD
    b.strategy = 2
    b.tol = 1e-6
    b.migrad()
    b.hesse()

    s = Minuit(nll_sb, mass=m0, ns=0.1 * n, nb=0.9 * n, slope=b.values["slope"])
    s.errordef = Minuit.LIKELIHOOD
    s.strategy = 2
    s.tol = 1e-6
    s.migrad()
    s.hesse()
    s.minos("mass")
    out = {
        "events": n,
        "valid": bool(s.valid and b.valid),
        "mass": s.values["mass"], "mass_error": s.errors["mass"],
        "mass_minos": [s.values["mass"] + s.merrors["mass"].lower,
                       s.values["mass"] + s.merrors["mass"].upper],
        "ns": s.values["ns"], "ns_error": s.errors["ns"],
        "nb": s.values["nb"], "nb_error": s.errors["nb"],
        "slope": s.values["slope"], "slope_error": s.errors["slope"],
        "nll_sb": s.fval, "nll_b": b.fval,
        "bkg_only_nb": b.values["nb"], "bkg_only_slope": b.values["slope"],
    }
    return out


def main(argv):
    path, lo, hi, sigma, shape, m0 = argv[1:7]
    masses = np.loadtxt(path, ndmin=1)
    print(json.dumps(fit(masses, float(lo), float(hi), float(sigma), shape, float(m0))))


if __name__ == "__main__":
    main(sys.argv)
