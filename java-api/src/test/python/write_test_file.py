"""Write a ROOT file with uproot's TTree writer, for the Java reader's tests.

Usage: write_test_file.py OUT.root:CODEC:BIG_ENTRIES ...
CODEC is one of none, zlib, lz4, zstd, lzma; one file per argument.

Contents: sub-directories "dir/sub" holding TTree "t" twice (cycle 1 with many leaf types in
two baskets, cycle 2 with one int branch); TTree "s" with a string branch; and, when
BIG_ENTRIES > 0, TTree "big" with one float64 branch (v[i] = i) written as a single basket,
so that more than 2097151 entries make its payload span several 16 MiB blocks.
"""

import sys

import awkward as ak
import numpy as np
import uproot

CODECS = {
    "none": None,
    "zlib": uproot.ZLIB(1),
    "lz4": uproot.LZ4(1),
    "zstd": uproot.ZSTD(1),
    "lzma": uproot.LZMA(1),
}


def many_types(n, seed):
    rng = np.random.default_rng(seed)
    counts = rng.integers(0, 4, n)
    return {
        "i8": rng.integers(-128, 128, n).astype(np.int8),
        "u8": rng.integers(0, 256, n).astype(np.uint8),
        "i16": rng.integers(-30000, 30000, n).astype(np.int16),
        "u16": rng.integers(0, 65535, n).astype(np.uint16),
        "i32": rng.integers(-2**31, 2**31 - 1, n).astype(np.int32),
        "u32": rng.integers(0, 2**32 - 1, n, dtype=np.uint64).astype(np.uint32),
        "i64": rng.integers(-2**62, 2**62, n).astype(np.int64),
        "u64": rng.integers(0, 2**63, n, dtype=np.uint64) * np.uint64(2),
        "b": rng.integers(0, 2, n).astype(np.bool_),
        "f": rng.normal(size=n).astype(np.float32),
        "d": rng.normal(size=n),
        "fx": rng.normal(size=(n, 3)).astype(np.float32),
        "j": ak.unflatten(rng.normal(size=int(counts.sum())), counts),
    }


def main(argv):
    for spec in argv[1:]:
        out, codec, big = spec.rsplit(":", 2)
        write(out, codec, int(big))


def write(out, codec, big):
    with uproot.recreate(out, compression=CODECS[codec]) as f:
        first = many_types(300, 1)
        types = {k: (v.dtype, v.shape[1:]) if isinstance(v, np.ndarray) else v.type.content
                 for k, v in first.items()}
        t = f.mktree("dir/sub/t", types, title="many leaf types")
        t.extend(first)
        t.extend(many_types(200, 2))
        t2 = f.mktree("dir/sub/t", {"x": np.int32}, title="second cycle")
        t2.extend({"x": np.arange(7, dtype=np.int32)})
        s = f.mktree("s", {"s": "string"})
        s.extend({"s": ak.Array(["GT", "", "tracker", "caf\u00e9", "x" * 300])})
        if big > 0:
            b = f.mktree("big", {"v": np.float64})
            b.extend({"v": np.arange(big, dtype=np.float64)})


if __name__ == "__main__":
    main(sys.argv)
