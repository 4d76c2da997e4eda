"""Independent oracle for org.hepbridge.stats.MassPeakFit: the same extended unbinned NLL
minimised with iminuit (MIGRAD, HESSE, MINOS on the mass).

Usage: mass_peak_fit_oracle.py MASSES_FILE LO HI SIGMA SHAPE MASS_START [NAME UP DOWN]...
MASSES_FILE holds one mass in GeV per line; SHAPE is exponential or linear. Each NAME UP DOWN
triple adds a nuisance parameter theta that moves the Gaussian's centre by theta * UP for
theta >= 0 and by -theta * DOWN below (UP and DOWN: signed shifts in GeV at theta = +1 and -1),
with a unit Gaussian constraint (theta^2 / 2 added to the NLL). Prints one JSON object. Only
numpy, scipy and iminuit are used; the model is written out here from its definition, not taken
from the Java code.
"""

import itertools
import json
import sys

import numpy as np
from iminuit import Minuit
from scipy.optimize import brentq
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


def fit_with_nuisances(masses, lo, hi, sigma, shape, m0, nuisances):
    """Like fit(), with peak-shift nuisances [(name, up, down), ...] profiled everywhere.

    Returns fit()'s keys (errors with the thetas free) plus the thetas, the statistical mass
    error and interval (thetas fixed at their fitted values) and the background-only NLL
    minimised over the thetas too. A theta with up != -down puts a kink into the NLL at 0, where
    MIGRAD's convergence test fails; such thetas are minimised in each half-line separately
    (Minuit limits [0, 5] and [-5, 0]), the lowest minimum kept, and the mass interval comes from
    a scan of that minimum over fixed masses instead of MINOS. Their HESSE errors are not
    reported: a Hessian at a kink is not defined.
    """
    plain = fit(masses, lo, hi, sigma, shape, m0)
    m = np.asarray(masses, dtype=float)
    m = m[(m >= lo) & (m < hi)]
    width = hi - lo
    ups = np.array([n[1] for n in nuisances], dtype=float)
    downs = np.array([n[2] for n in nuisances], dtype=float)
    thetas_names = [f"theta_{n[0]}" for n in nuisances]
    names = ["mass", "ns", "nb", "slope"] + thetas_names
    kinked = [f"theta_{n[0]}" for n in nuisances if n[1] != -n[2]]

    def background(slope):
        if shape == "linear":
            return (1.0 + slope * (m - 0.5 * (lo + hi))) / width
        return slope * np.exp(-slope * (m - lo)) / (1.0 - np.exp(-slope * width))

    def nll(p):
        mass, ns, nb, slope = p[:4]
        thetas = np.asarray(p[4:])
        centre = mass + np.sum(np.where(thetas >= 0, thetas * ups, -thetas * downs))
        norm = ndtr((hi - centre) / sigma) - ndtr((lo - centre) / sigma)
        z = (m - centre) / sigma
        d = ns * np.exp(-0.5 * z * z) / (np.sqrt(2.0 * np.pi) * sigma * norm)
        d = d + nb * background(slope)
        if np.any(d <= 0):
            return 1e30
        return ns + nb - np.sum(np.log(d)) + 0.5 * np.sum(thetas * thetas)

    def nll_b(p):
        nb, slope = p[:2]
        thetas = np.asarray(p[2:])
        d = nb * background(slope)
        if np.any(d <= 0):
            return 1e30
        return nb - np.sum(np.log(d)) + 0.5 * np.sum(thetas * thetas)

    def migrad(fcn, start, par_names, fixed=(), limits=None):
        minuit = Minuit(fcn, start, name=par_names)
        minuit.errordef = Minuit.LIKELIHOOD
        minuit.strategy = 2
        minuit.tol = 1e-6
        for name in fixed:
            minuit.fixed[name] = True
        for name, limit in (limits or {}).items():
            minuit.limits[name] = limit
        minuit.migrad()
        minuit.hesse()
        return minuit

    def minimum(start, fixed=(), kinks=()):
        """Lowest MIGRAD minimum over the half-lines of the kinked thetas."""
        best = None
        for signs in itertools.product((1.0, -1.0), repeat=len(kinks)):
            begin = list(start)
            limits = {}
            for name, sign in zip(kinks, signs):
                begin[names.index(name)] = 0.3 * sign
                limits[name] = (0.0, 5.0) if sign > 0 else (-5.0, 0.0)
            found = migrad(nll, begin, names, fixed, limits)
            if best is None or found.fval < best.fval:
                best = found
        return best

    def scanned_interval(best, fixed=(), kinks=()):
        """Masses either side of the best where the profile NLL rises by 0.5 (brentq)."""
        def rise(mass):
            start = list(best.values)
            start[0] = mass
            return minimum(start, ("mass",) + tuple(fixed), kinks).fval - best.fval - 0.5
        centre = best.values["mass"]
        reach = 5.0 * best.errors["mass"]
        return [brentq(rise, centre - reach, centre, xtol=1e-7),
                brentq(rise, centre, centre + reach, xtol=1e-7)]

    k = len(nuisances)
    # Started away from the best point on purpose, so the thetas really are fitted.
    start = [m0, plain["ns"], plain["nb"], plain["slope"]] + [0.3] * k
    s = minimum(start, kinks=kinked)
    if kinked:
        total_interval = scanned_interval(s, kinks=kinked)
    else:
        s.minos("mass")
        total_interval = [s.values["mass"] + s.merrors["mass"].lower,
                          s.values["mass"] + s.merrors["mass"].upper]
    t = migrad(nll, list(s.values), names, fixed=thetas_names)
    t.minos("mass")
    b = migrad(nll_b, [plain["bkg_only_nb"], plain["bkg_only_slope"]] + [0.3] * k,
               ["nb", "slope"] + thetas_names)
    return {
        "events": len(m),
        "valid": bool(s.valid and t.valid and b.valid),
        "kinked": kinked,
        "mass": s.values["mass"],
        "mass_error": None if kinked else s.errors["mass"],
        "mass_minos": total_interval,
        "mass_stat_error": t.errors["mass"],
        "mass_minos_stat": [t.values["mass"] + t.merrors["mass"].lower,
                            t.values["mass"] + t.merrors["mass"].upper],
        "ns": s.values["ns"], "ns_error": s.errors["ns"],
        "nb": s.values["nb"], "nb_error": s.errors["nb"],
        "slope": s.values["slope"], "slope_error": s.errors["slope"],
        "thetas": [s.values[n] for n in thetas_names],
        "theta_errors": [None if n in kinked else s.errors[n] for n in thetas_names],
        "nll_sb": s.fval, "nll_b": b.fval,
        "bkg_only_thetas": [b.values[n] for n in thetas_names],
        "plain_mass": plain["mass"], "plain_mass_error": plain["mass_error"],
    }


def main(argv):
    path, lo, hi, sigma, shape, m0 = argv[1:7]
    rest = argv[7:]
    if len(rest) % 3 != 0:
        sys.exit(f"mass_peak_fit_oracle: nuisances come as NAME UP DOWN triples, got {rest}")
    nuisances = [(rest[i], float(rest[i + 1]), float(rest[i + 2]))
                 for i in range(0, len(rest), 3)]
    masses = np.loadtxt(path, ndmin=1)
    args = (masses, float(lo), float(hi), float(sigma), shape, float(m0))
    result = fit_with_nuisances(*args, nuisances) if nuisances else fit(*args)
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv)
