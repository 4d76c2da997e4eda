"""Independent oracle for org.hepbridge.stats.BinnedFit: the same model built in pyhf 0.7.6
(numpy backend, scipy optimizer) and fitted there.

Usage: binned_fit_oracle.py MODEL_JSON
MODEL_JSON: {"channels": [{"name", "observed", "samples": [{"name", "nominal", "signal",
"normSys": [{"parameter", "hi", "lo"}], "histoSys": [{"parameter", "hi", "lo"}]}]}],
"parameters": [names, mu first], "points": [[values in that order], ...]}.
Prints one JSON object: mu-hat, nuisance values, twice the minimum NLL, the 68% profile interval on
mu, q0 on the data and on the Asimov dataset at mu = 1, and -logpdf at each of "points".
"""

import json
import sys

import numpy as np
import pyhf
from scipy.optimize import brentq


def modifiers(sample):
    mods = []
    if sample["signal"]:
        mods.append({"name": "mu", "type": "normfactor", "data": None})
    for n in sample["normSys"]:
        mods.append({"name": n["parameter"], "type": "normsys",
                     "data": {"hi": n["hi"], "lo": n["lo"]}})
    for h in sample["histoSys"]:
        mods.append({"name": h["parameter"], "type": "histosys",
                     "data": {"hi_data": h["hi"], "lo_data": h["lo"]}})
    return mods


def build(spec_in):
    spec = {"channels": [
        {"name": c["name"],
         "samples": [{"name": s["name"], "data": s["nominal"], "modifiers": modifiers(s)}
                     for s in c["samples"]]}
        for c in spec_in["channels"]]}
    # pyhf's defaults are code4/code4p; the Java model uses code1 (normsys) and code0 (histosys).
    model = pyhf.Model(spec, poi_name="mu", modifier_settings={
        "normsys": {"interpcode": "code1"}, "histosys": {"interpcode": "code0"}})
    observed = {c["name"]: c["observed"] for c in spec_in["channels"]}
    data = np.concatenate([observed[name] for name in model.config.channels]
                          + [np.asarray(model.config.auxdata, dtype=float)])
    return model, data


def to_pyhf_order(model, names, values):
    pars = np.array(model.config.suggested_init(), dtype=float)
    for name, v in zip(names, values):
        pars[model.config.par_slice(name)] = v
    return pars


def fit(spec_in):
    """The fit results of the model described by spec_in (the MODEL_JSON layout), as a dict."""
    pyhf.set_backend("numpy", pyhf.optimize.scipy_optimizer(tolerance=1e-12))
    model, data = build(spec_in)
    init = model.config.suggested_init()
    bounds = model.config.suggested_bounds()
    fixed = model.config.suggested_fixed()
    poi = model.config.poi_index

    best, twice_nll = pyhf.infer.mle.fit(data, model, return_fitted_val=True)
    mu_hat = float(best[poi])

    def excess(mu):
        _, t = pyhf.infer.mle.fixed_poi_fit(mu, data, model, return_fitted_val=True)
        return float(t - twice_nll) - 1.0

    lo_b, hi_b = bounds[poi]
    mu_low = lo_b if excess(lo_b) < 0 else brentq(excess, lo_b, mu_hat, xtol=1e-10)
    mu_high = hi_b if excess(hi_b) < 0 else brentq(excess, mu_hat, hi_b, xtol=1e-10)

    q0 = float(pyhf.infer.test_statistics.q0(0.0, data, model, init, bounds, fixed))
    asimov = pyhf.infer.calculators.generate_asimov_data(1.0, data, model, init, bounds, fixed)
    q0_a = float(pyhf.infer.test_statistics.q0(0.0, asimov, model, init, bounds, fixed))

    names = spec_in["parameters"]
    nll_points = [float(-model.logpdf(to_pyhf_order(model, names, p), data)[0])
                  for p in spec_in.get("points", [])]
    values = {name: float(best[model.config.par_slice(name)][0]) for name in names}
    return {"mu_hat": mu_hat, "values": values, "twice_nll": float(twice_nll),
            "mu_low": float(mu_low), "mu_high": float(mu_high), "q0": q0,
            "q0_asimov": q0_a, "nll_points": nll_points}


def main(argv):
    with open(argv[1]) as f:
        spec_in = json.load(f)
    print(json.dumps(fit(spec_in)))


if __name__ == "__main__":
    main(sys.argv)
