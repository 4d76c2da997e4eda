"""The simplified ATLAS H->ZZ*->4l analysis written with the hepbridge Python package.

The same script runs on CPython (the JVM starts in-process through JPype) and on GraalPy
inside the JVM, and prints the same text on both:

    python python-interop/examples/hzz4l.py [a|b|c]
    ./hepbridge python python-interop/examples/hzz4l.py [a|b|c]

Input: data_{A,B,C,D}.4lep.root from the data folder ($HEPBRIDGE_DATA, else ../shared/data
beside the checkout). The ROOT files are read in Java, the physics runs in the legacy C++ tools,
and the results come back to Python; a per-event quantity computed in Python then drives a
selection done in Java.
"""

import sys

import hepbridge
from hepbridge.analysis import HZZ

Z_MASS = 91.1876  # GeV
ON_SHELL_WINDOW = 10.0  # GeV


def main(argv):
    selection = argv[1] if len(argv) > 1 else "c"
    result = HZZ(selection=selection, variations=False).run()

    print(result.format_cutflow())
    print(describe_fit(result.fit))

    # Python computes a per-event flag (is Z1 on shell?); Java selects the events with it.
    with result.events_table() as events:
        m12 = events.column("m12").to_pylist()
        on_shell = [abs(m - Z_MASS) < ON_SHELL_WINDOW for m in m12]
        with events.filter(on_shell) as kept:
            print(f"Z1 within {ON_SHELL_WINDOW:.0f} GeV of the Z mass: {kept.num_rows} of "
                  f"{events.num_rows} selected events")

    m4l = result.histogram("m4l_80_170")
    peak = [(lo, n) for lo, n in zip(list(m4l.edges), list(m4l.values)) if 120 <= lo < 130]
    print("m4l near 125 GeV: " + ", ".join(f"[{lo:.2f}, {lo + 3.75:.2f}) {n:.0f}"
                                          for lo, n in peak))
    return 0


def describe_fit(fit):
    if not fit.performed:
        return f"Fit not performed: {fit.skipped_because}"
    syst = f" +- {fit.mass_syst_error:.2f} (syst)" if fit.nuisances else ""
    return (f"Fit in [{fit.low:.0f}, {fit.high:.0f}) GeV, signal width "
            f"{fit.signal_width:.2f} GeV: m_H = {fit.mass:.2f} +- {fit.mass_stat_error:.2f} "
            f"(stat){syst} GeV, signal yield {fit.signal_yield:.1f} +- "
            f"{fit.signal_yield_error:.1f}, local significance {fit.local_significance:.2f} "
            f"sigma")


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv))
    except (hepbridge.JavaError, hepbridge.JvmStartError) as e:
        print(f"hzz4l: {e}", file=sys.stderr)
        sys.exit(1)
