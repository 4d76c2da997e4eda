"""Handing N event rows from Java to pyarrow: zero-copy (Arrow C Data) against two copies
(Arrow IPC bytes, Python lists), and the start-up cost of each Python runtime.

The rows are synthetic columns made in Java (eventNumber int64, m4l double, weight double;
24 bytes per row), created once per N and not timed. Each route is checked once, untimed: the
sum of eventNumber must be N(N-1)/2 (pyarrow.compute.sum, outside the timed calls). Times are
medians of --repeat runs after warm-up calls; a zero-copy time should not grow with N.

    .venv/bin/python benchmarks/python-interop/bench_handoff.py [--max-rows 1e7] [--repeat 5]

Not run by the tests. Needs the jars built (mvn -pl native,bindings,java-api,python-interop
package -DskipTests) and HEPBRIDGE_HOME or a run from inside the checkout.
"""

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

REPO = Path(__file__).resolve().parents[2]
os.environ.setdefault("HEPBRIDGE_HOME", str(REPO))
# The package of this checkout, matching its jars, before any copy installed in the venv.
sys.path.insert(0, str(REPO / "python-interop" / "python"))

import hepbridge  # noqa: E402
from hepbridge import _backend  # noqa: E402
from hepbridge._table import Table  # noqa: E402

LIST_LIMIT = 1_000_000  # the Python-list route takes minutes beyond this


def median_seconds(action, repeat, rows, warm_up=3):
    """Median wall time of ``action`` after untimed warm-up calls (the first one checked),
    which let the JVM compile the export path."""
    checked(action(), rows)
    for _ in range(warm_up):
        action()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - start)
        del result
    return statistics.median(times)


def checked(table, rows):
    total = pc.sum(table.column("eventNumber")).as_py() or 0
    if total != rows * (rows - 1) // 2:
        raise AssertionError(f"eventNumber sums to {total} for {rows} rows")
    return table


def zero_copy_stream(java):
    return pa.table(java)


def zero_copy_array(java):
    return pa.table(pa.record_batch(java))


def ipc_bytes(java):
    return pa.ipc.open_stream(java._j.toIpcStream()).read_all()


def python_lists(java):
    return pa.table({name: java._j.column(name).toArray() for name in java.column_names})


def handoff_table(max_rows, repeat):
    print(f"\nHand-over of N rows (24 bytes each) from Java to a pyarrow.Table, median of "
          f"{repeat} (ms)")
    print("  C stream / C array: zero-copy through __arrow_c_stream__ / __arrow_c_array__;")
    print("  IPC bytes: Arrow IPC stream written to a Java byte[], read by pyarrow (copied);")
    print("  py lists: values boxed into Java Object[], converted to Python lists, pa.table")
    print(f"{'N':>10} {'C stream':>10} {'C array':>10} {'IPC bytes':>10} {'py lists':>10} "
          f"{'IPC/C stream':>13}")
    rows = 1_000
    while rows <= max_rows:
        with Table(_backend.bridge().synthetic(rows)) as java:
            # The zero-copy routes are cheap: warm them up long enough for the JIT.
            stream = median_seconds(lambda: zero_copy_stream(java), repeat, rows, warm_up=50)
            array = median_seconds(lambda: zero_copy_array(java), repeat, rows, warm_up=50)
            ipc = median_seconds(lambda: ipc_bytes(java), repeat, rows)
            lists = (median_seconds(lambda: python_lists(java), 3 if rows < LIST_LIMIT else 1,
                                    rows, warm_up=0)
                     if rows <= LIST_LIMIT else None)
        lists_text = f"{lists * 1e3:10.1f}" if lists is not None else f"{'-':>10}"
        print(f"{rows:>10} {stream * 1e3:10.3f} {array * 1e3:10.3f} {ipc * 1e3:10.1f} "
              f"{lists_text} {ipc / stream:12.1f}x", flush=True)
        rows *= 10


def wall_seconds(command, repeat, env=None):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=env)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def startup_table(repeat):
    print(f"\nStart-up, median of {repeat} fresh processes (s)")
    jpype_code = ("import time; t = time.perf_counter(); import hepbridge; hepbridge.start(); "
                  "print(time.perf_counter() - t)")
    jpype_times = [float(subprocess.run([sys.executable, "-c", jpype_code], check=True,
                                        capture_output=True, text=True).stdout)
                   for _ in range(repeat)]
    print(f"  CPython: import hepbridge + JVM start via JPype (in-process)  "
          f"{statistics.median(jpype_times):6.2f}")

    launcher = str(REPO / "hepbridge")
    with tempfile.TemporaryDirectory() as folder:
        empty = Path(folder) / "empty.py"
        empty.write_text("pass\n")
        bridge = Path(folder) / "bridge.py"
        bridge.write_text("import hepbridge\nhepbridge.start()\n")
        jvm_only = wall_seconds([launcher, "--version"], repeat)
        graal_empty = wall_seconds([launcher, "python", str(empty)], repeat)
        graal_bridge = wall_seconds([launcher, "python", str(bridge)], repeat)
    print(f"  JVM alone: 'hepbridge --version' (process)                    {jvm_only:6.2f}")
    print(f"  GraalPy: 'hepbridge python empty.py' (process)                {graal_empty:6.2f}")
    print(f"  GraalPy: ... 'import hepbridge; hepbridge.start()' (process)  {graal_bridge:6.2f}")
    print(f"  => GraalPy context (empty script minus JVM alone)             "
          f"{graal_empty - jvm_only:6.2f}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-rows", type=float, default=1e7)
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--no-startup", action="store_true")
    args = parser.parse_args()

    hepbridge.start()
    import jpype

    java = jpype.JClass("java.lang.System").getProperty("java.vm.version")
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, {platform.platform()}; "
          f"Python {platform.python_version()}, pyarrow {pa.__version__}, JVM {java}")
    handoff_table(int(args.max_rows), args.repeat)
    if not args.no_startup:
        startup_table(max(1, args.repeat // 2 + 1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
