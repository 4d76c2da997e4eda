"""Read entry ranges of flat and jagged TTree branches with uproot, as JSON, for the Java
reader's large-file test (reading whole branches of a 2 GiB file would not fit a test).

Usage: uproot_ranges.py FILE TREE BRANCHES START:STOP ...
BRANCHES is a comma-separated list. Prints {"ranges": [{"start", "stop", BRANCH: ...}]}: a
flat branch gives its values, a jagged one {"offsets": [...], "values": [...]} (offsets from
0). Floats are their IEEE bit patterns (float32 as uint32, float64 as int64), so the Java side
compares bit for bit.
"""

import json
import sys

import awkward as ak
import numpy as np
import uproot


def bits(values):
    values = np.asarray(values)
    if values.dtype == np.float32:
        return values.view(np.uint32).astype(np.int64).tolist()
    if values.dtype == np.float64:
        return values.view(np.int64).tolist()
    return values.astype(np.int64).tolist()


def encode(array):
    if array.ndim > 1:
        counts = ak.to_numpy(ak.num(array))
        offsets = np.concatenate(([0], np.cumsum(counts)))
        return {"offsets": offsets.tolist(), "values": bits(ak.to_numpy(ak.flatten(array)))}
    return bits(ak.to_numpy(array))


def main(argv):
    path, tree_name, branches = argv[1], argv[2], argv[3].split(",")
    ranges = []
    with uproot.open(path) as f:
        tree = f[tree_name]
        for spec in argv[4:]:
            start, stop = (int(s) for s in spec.split(":"))
            arrays = tree.arrays(branches, entry_start=start, entry_stop=stop, library="ak")
            out = {"start": start, "stop": stop}
            for b in branches:
                out[b] = encode(arrays[b])
            ranges.append(out)
    json.dump({"ranges": ranges}, sys.stdout)


if __name__ == "__main__":
    main(sys.argv)
