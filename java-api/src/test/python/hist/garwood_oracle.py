"""Oracle for PoissonIntervalTest: Garwood intervals from scipy's chi-square quantiles.

Usage: garwood_oracle.py COVERAGE N [N ...]
Prints one line per N: "N LOWER UPPER" with LOWER = chi2.ppf(alpha/2, 2N) / 2 (0 for N = 0)
and UPPER = chi2.ppf(1 - alpha/2, 2(N + 1)) / 2, alpha = 1 - COVERAGE, in repr precision.
"""

import sys

from scipy.stats import chi2


def main(coverage, counts):
    alpha = 1.0 - float(coverage)
    for text in counts:
        n = float(text)
        lower = float(chi2.ppf(alpha / 2, 2 * n) / 2) if n > 0 else 0.0
        upper = float(chi2.ppf(1 - alpha / 2, 2 * (n + 1)) / 2)
        print(f"{text} {lower!r} {upper!r}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
