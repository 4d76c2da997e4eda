"""Sum the columns of a converted large-file tree with pyarrow, batch by batch, as JSON.

Usage: columnar_sums.py FILE.parquet|FILE.arrow
The file holds columns x (float64), n and nj (int32) and j (list<float32>) as written by
`hepbridge convert` from write_large_file.py's tree. Every value there is a whole number or a
half, so the sums are exact integers: x is summed as 2x. Prints the schema's types, the rows
and the sums.
"""

import json
import sys

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq


def batches(path):
    if path.endswith(".parquet"):
        f = pq.ParquetFile(path)
        yield f.schema_arrow
        yield from f.iter_batches(batch_size=1 << 20)
    else:
        reader = pa.ipc.open_file(pa.memory_map(path))
        yield reader.schema
        for i in range(reader.num_record_batches):
            yield reader.get_batch(i)


def main(path):
    it = batches(path)
    schema = next(it)
    out = {"types": {f.name: str(f.type) for f in schema}, "rows": 0, "x_twice": 0,
           "n": 0, "nj": 0, "j_count": 0, "j": 0}
    for b in it:
        out["rows"] += b.num_rows
        out["x_twice"] += int((b["x"].to_numpy() * 2).astype(np.int64).sum())
        out["n"] += int(b["n"].to_numpy().astype(np.int64).sum())
        out["nj"] += int(b["nj"].to_numpy().astype(np.int64).sum())
        values = pc.list_flatten(b["j"]).to_numpy()
        out["j_count"] += len(values)
        out["j"] += int(values.astype(np.int64).sum())
    print(json.dumps(out))


if __name__ == "__main__":
    main(sys.argv[1])
