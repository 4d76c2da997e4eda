"""Write the bulk-throughput test files for bench.py --bulk with uproot.

Usage: make_bulk.py OUT_DIR ENTRIES LZMA_ENTRIES [CODEC ...]

One file per codec, OUT_DIR/bulk-<codec>.root, each with TTree "events". Entry values come
from a fixed-seed NumPy generator, so every run writes the same numbers:
  pt     float64   exponential, mean 25, shifted by +5 (GeV)
  eta    float64   gaussian, sigma 1.5
  phi    float64   uniform in [-pi, pi)
  charge int32     -1 or +1
  ntrk   int32     Poisson, mean 20
  jet_pt float32[] Poisson(4) values per entry, each exponential mean 30 plus 20
uproot adds the counter branch "njet" (int32). Every extend() writes one basket per branch; it
writes BASKET entries at a time, so a float64 basket holds 32000 bytes, ROOT's default TBranch
buffer size. Prints one JSON line per file: codec, path, entries, bytes on disk.
"""

import json
import os
import sys

import awkward as ak
import numpy as np
import uproot

BASKET = 4000
SEED = 20240611
# ROOT's settings 101 (ZLIB 1, the compiled-in default), 404 (LZ4 4, "analysis") and 505
# (ZSTD 5, "general purpose"); LZMA 1 keeps the writing time bounded.
CODECS = {
    "zlib": uproot.ZLIB(1),
    "lz4": uproot.LZ4(4),
    "zstd": uproot.ZSTD(5),
    "lzma": uproot.LZMA(1),
    "uncompressed": None,
}
TYPES = {"pt": np.float64, "eta": np.float64, "phi": np.float64, "charge": np.int32,
         "ntrk": np.int32, "jet_pt": "var * float32"}


def block(rng, n):
    lengths = rng.poisson(4.0, n)
    jets = (rng.exponential(30.0, lengths.sum()) + 20.0).astype(np.float32)
    return {
        "pt": rng.exponential(25.0, n) + 5.0,
        "eta": rng.normal(0.0, 1.5, n),
        "phi": rng.uniform(-np.pi, np.pi, n),
        "charge": rng.choice(np.array([-1, 1], dtype=np.int32), n),
        "ntrk": rng.poisson(20.0, n).astype(np.int32),
        "jet_pt": ak.unflatten(jets, lengths),
    }


def write(path, codec, entries):
    """Writes ENTRIES entries of the benchmark tree to path with the named codec."""
    rng = np.random.default_rng(SEED)
    with uproot.recreate(path, compression=CODECS[codec]) as f:
        tree = f.mktree("events", TYPES, title="bulk read benchmark",
                        counter_name=lambda counted: "njet")
        for start in range(0, entries, BASKET):
            tree.extend(block(rng, min(BASKET, entries - start)))


def main(argv):
    out, entries, lzma_entries = argv[1], int(argv[2]), int(argv[3])
    for codec in argv[4:] or list(CODECS):
        n = lzma_entries if codec == "lzma" else entries
        path = os.path.join(out, f"bulk-{codec}.root")
        write(path, codec, n)
        print(json.dumps({"codec": codec, "path": path, "entries": n,
                          "bytes": os.path.getsize(path)}), flush=True)


if __name__ == "__main__":
    main(sys.argv)
