"""Dump TTree branches read by uproot as JSON, for the Java reader's comparison tests.

Usage: uproot_dump.py FILE TREE OUT.json [BRANCH ...]   (no branch names: every branch)
       uproot_dump.py --many JOBS.json    (a list of [FILE, TREE, OUT.json]; one process)

For each branch that uproot can turn into an array, the JSON holds the entry count, the
list offsets of every nesting level (outermost first) and the flattened values. Floats are
written as their IEEE bit patterns (float32 as uint32, float64 as uint64) so the comparison is
bitwise; booleans become 0/1. Record (struct) arrays are split into one entry per field, named
"branch.field". Branches uproot cannot interpret are listed under "skipped" with the reason.
"""

import json
import sys

import awkward as ak
import numpy as np
import uproot


def flatten(layout, offsets):
    """Returns (dtype, values) of an awkward layout, appending list offsets on the way."""
    if isinstance(layout, ak.contents.IndexedOptionArray) or layout.is_option:
        raise TypeError("option type")
    if layout.is_list:
        if isinstance(layout, ak.contents.RegularArray):
            size = layout.size
            n = layout.length
            offsets.append(("regular", size))
            return flatten(layout.content[: n * size], offsets)
        lo = layout.to_ListOffsetArray64(True)
        off = np.asarray(lo.offsets)
        offsets.append(("list", (off - off[0]).tolist()))
        return flatten(lo.content[off[0]: off[-1]], offsets)
    if layout.is_numpy:
        arr = np.asarray(layout.data)
        if arr.ndim > 1:
            inner = int(np.prod(arr.shape[1:]))
            offsets.append(("regular", inner))
            arr = arr.reshape(-1)
        return encode(arr)
    raise TypeError(f"layout {type(layout).__name__}")


def encode(arr):
    if arr.dtype == np.float32:
        return "float32", arr.view(np.uint32).astype(np.int64).tolist()
    if arr.dtype == np.float64:
        return "float64", arr.view(np.int64).tolist()
    if arr.dtype == np.bool_:
        return "bool", arr.astype(np.int64).tolist()
    if arr.dtype == np.uint64:
        return "uint64", arr.view(np.int64).tolist()
    return str(arr.dtype), arr.astype(np.int64).tolist()


def dump_array(name, array, out):
    layout = ak.to_layout(array)
    if isinstance(layout, ak.contents.RecordArray) or (
        layout.is_list and layout.content.is_record
    ):
        for field in ak.fields(array):
            dump_array(f"{name}.{field}", array[field], out)
        return
    if layout.is_list and layout.content.is_list and layout.content.content.is_record:
        for field in ak.fields(array):
            dump_array(f"{name}.{field}", array[field], out)
        return
    if str(ak.type(array)).endswith("string"):
        values = [s.encode("utf-8").hex() for s in ak.to_list(array)]
        out[name] = {"entries": len(array), "dtype": "string", "offsets": [],
                     "values": values}
        return
    offsets = []
    dtype, values = flatten(layout, offsets)
    out[name] = {"entries": len(array), "dtype": dtype,
                 "offsets": [list(o) for o in offsets], "values": values}


def main(argv):
    if argv[1] == "--many":
        with open(argv[2]) as f:
            for path, tree_name, out_path in json.load(f):
                dump(path, tree_name, out_path, [])
        return
    dump(argv[1], argv[2], argv[3], argv[4:])


def dump(path, tree_name, out_path, wanted):
    tree = uproot.open(path)[tree_name]
    names = wanted or [b.name for b in tree.itervalues(recursive=True)
                       if not b.branches]
    result, skipped = {}, {}
    for name in names:
        try:
            array = tree[name].array(library="ak")
            dump_array(name, array, result)
        except Exception as e:  # uproot cannot interpret it: record why
            skipped[name] = f"{type(e).__name__}: {e}"[:300]
    with open(out_path, "w") as f:
        json.dump({"entries": tree.num_entries, "branches": result, "skipped": skipped}, f)


if __name__ == "__main__":
    main(sys.argv)
