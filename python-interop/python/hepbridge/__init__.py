"""hepbridge from Python: ROOT files read in Java into Arrow, the ATLAS H->ZZ*->4l analysis,
and histograms, with columns crossing between Java and Python without copies.

Under CPython the JVM starts in-process through JPype on first use (see ``hepbridge._jvm``
for how the JDK and the jars are found); under GraalPy (``hepbridge python SCRIPT.py``) the
package talks to the JVM it runs in. Errors thrown in Java arrive as :class:`JavaError`
subclasses carrying the Java class and message.
"""

from . import analysis
from ._backend import RUNTIME
from ._errors import (
    ColumnTypeError,
    DataNotFoundError,
    JavaError,
    JavaIndexError,
    JavaStateError,
    JavaValueError,
    JvmStartError,
    RootIOError,
)
from ._table import Column, Table, from_arrow
from .hist import Histogram
from .root import RootFile, Tree, open  # noqa: A004

__version__ = "0.1.0"

__all__ = [
    "RUNTIME", "open", "RootFile", "Tree", "Table", "Column", "from_arrow", "Histogram",
    "analysis", "java_allocated_bytes", "data_folder", "start", "JavaError", "RootIOError",
    "DataNotFoundError", "ColumnTypeError", "JavaValueError", "JavaIndexError",
    "JavaStateError", "JvmStartError",
]


def start():
    """Starts the JVM now (otherwise it starts on first use)."""
    from . import _backend

    _backend.bridge()


def java_allocated_bytes():
    """Arrow memory currently allocated in Java by this package: open tables and columns,
    plus exported data that a consumer (e.g. pyarrow) has not released yet."""
    from . import _backend

    return _backend.bridge().allocatedBytes()


def data_folder():
    """The data folder: $HEPBRIDGE_DATA, else ../shared/data beside the checkout."""
    from . import _backend

    return _backend.bridge().dataFolder()
