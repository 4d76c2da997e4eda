"""The example runs unchanged under GraalPy inside the JVM (`hepbridge python`) and prints
exactly what CPython prints."""

import os
import subprocess
import sys

import pytest

from conftest import REPO

EXAMPLE = REPO / "python-interop" / "examples" / "hzz4l.py"
# Selection c per period A-D and in total, from the uproot oracle.
ORACLE_LAST_STEP = ("flavours 4e, 4mu or 2e2mu" + " " * 9
                    + "".join(f" {n:8d}" for n in (18, 52, 93, 158, 321)))


def run(command, atlas_files):
    env = dict(os.environ, HEPBRIDGE_DATA=str(atlas_files[0].parents[1]))
    done = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stderr
    return done


@pytest.mark.graalpy
def test_the_example_prints_the_same_text_on_graalpy_and_cpython(atlas_files):
    cpython = run([sys.executable, str(EXAMPLE)], atlas_files)
    graalpy = run([str(REPO / "hepbridge"), "python", str(EXAMPLE)], atlas_files)

    assert ORACLE_LAST_STEP in cpython.stdout.splitlines()
    assert graalpy.stdout == cpython.stdout
    assert "Traceback" not in graalpy.stderr
