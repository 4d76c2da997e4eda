"""Shared fixtures: the checkout, the real data (fail under CI=true, else skip), the uproot
oracle, the Java command-line run to compare with, and a leak check around every test."""

import gc
import json
import os
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pytest

REPO = Path(__file__).resolve().parents[2]
# The package finds the jars through HEPBRIDGE_HOME when installed into site-packages.
os.environ.setdefault("HEPBRIDGE_HOME", str(REPO))

import hepbridge  # noqa: E402  (after HEPBRIDGE_HOME is set)

ATLAS_FOLDER = "atlas-opendata-13tev-2020-4lep"
ATLAS_FILES = [f"data_{period}.4lep.root" for period in "ABCD"]
ORACLE = REPO / "java-api" / "src" / "test" / "python" / "atlas_hzz_oracle.py"


def data_folder():
    explicit = os.environ.get("HEPBRIDGE_DATA")
    return Path(explicit) if explicit else (REPO / ".." / "shared" / "data").resolve()


def require_data(relative):
    """A data file; missing data fails under CI=true and skips (with the reason) elsewhere."""
    path = data_folder() / relative
    if not path.is_file():
        reason = f"test data missing: {path} (set HEPBRIDGE_DATA)"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    return path


@pytest.fixture(scope="session")
def atlas_files():
    return [require_data(f"{ATLAS_FOLDER}/{name}") for name in ATLAS_FILES]


@pytest.fixture(scope="session")
def uproot_oracle(atlas_files):
    """Cutflows and m4l histograms of selections a, b, c from uproot + numpy, per file."""
    out = subprocess.run([sys.executable, str(ORACLE), *map(str, atlas_files)],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def java_command():
    """The java launcher and class path the package itself uses."""
    from hepbridge import _jvm

    java = Path(_jvm.libjvm()).parents[2] / "bin" / "java"
    return [str(java), *_jvm.JVM_FLAGS, f"-Dhepbridge.home={REPO}", "-cp",
            os.pathsep.join(_jvm.classpath())]


@pytest.fixture(scope="session")
def java_run(atlas_files, tmp_path_factory):
    """`hepbridge run --selection c` (the Java command line): its output folder."""
    out = tmp_path_factory.mktemp("java-run") / "out"
    subprocess.run([*java_command(), "org.hepbridge.cli.HepbridgeCli", "run", "-q",
                    "--selection", "c", "-o", str(out), *map(str, atlas_files)],
                   check=True, capture_output=True, text=True)
    return out


@pytest.fixture(scope="session")
def hzz_runs(atlas_files):
    """Python runs of selections a, b (nominal only) and c (with variations), by name."""
    from hepbridge.analysis import HZZ

    return {name: HZZ(selection=name, variations=(name == "c")).run(atlas_files)
            for name in "abc"}


@pytest.fixture(autouse=True)
def no_leaks():
    """Java's Arrow allocator and pyarrow's pool hold what they held before the test."""
    hepbridge.start()
    gc.collect()
    before = (hepbridge.java_allocated_bytes(), pa.total_allocated_bytes())
    yield
    gc.collect()
    after = (hepbridge.java_allocated_bytes(), pa.total_allocated_bytes())
    assert after == before, "(Java allocator, pyarrow pool) bytes before/after the test"
