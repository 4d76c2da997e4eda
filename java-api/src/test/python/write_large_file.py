"""Write a deterministic TTree of many entries with uproot, uncompressed, for the large-file
tests of the Java reader (a file over 2 GiB exercises ROOT's 64-bit seeks).

Usage: write_large_file.py OUT.root ENTRIES BASKET_ENTRIES

TTree "events", one basket per branch every BASKET_ENTRIES entries, entry i holding:
  x  float64  i * 0.5
  n  int32    i % 7
  j  float32[] of length i % 4, j[k] = (i % 2**20) + k   (every value exact in float32)
uproot adds the counter branch "nj" (int32, the lengths). Prints one JSON line with the file
size and, per branch, the file offsets of its baskets (fBasketSeek).
"""

import json
import os
import sys

import awkward as ak
import numpy as np
import uproot

PERIOD = 2**20


def block(start, stop):
    i = np.arange(start, stop, dtype=np.int64)
    lengths = i % 4
    # Values of entry i are (i % PERIOD) + k for k < lengths[i].
    firsts = np.repeat(i % PERIOD, lengths)
    offsets = np.concatenate(([0], np.cumsum(lengths)))
    k = np.arange(offsets[-1]) - np.repeat(offsets[:-1], lengths)
    values = (firsts + k).astype(np.float32)
    return {
        "x": i * 0.5,
        "n": (i % 7).astype(np.int32),
        "j": ak.unflatten(values, lengths),
    }


def main(argv):
    out, entries, basket = argv[1], int(argv[2]), int(argv[3])
    with uproot.recreate(out, compression=None) as f:
        tree = f.mktree("events", {"x": np.float64, "n": np.int32, "j": "var * float32"},
                        title="large-file test")
        for start in range(0, entries, basket):
            tree.extend(block(start, min(entries, start + basket)))
    seeks = {}
    with uproot.open(out) as f:
        for branch in f["events"].branches:
            used = branch.member("fBasketSeek")[: branch.num_baskets]
            seeks[branch.name] = [int(s) for s in used]
    print(json.dumps({"size": os.path.getsize(out), "seeks": seeks}))


if __name__ == "__main__":
    main(sys.argv)
