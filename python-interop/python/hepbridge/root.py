"""ROOT files read in pure Java (``org.hepbridge.root``), columns handed over as Arrow."""

import os

from . import _backend
from ._table import Table, _require_cpython

__all__ = ["RootFile", "Tree", "open"]


def open(path):  # noqa: A001  (mirrors uproot.open)
    """Opens a ROOT file for reading; use as a context manager or call ``close()``.

    Raises :class:`hepbridge.RootIOError` if the file is missing or not a ROOT file.
    """
    return RootFile(_backend.bridge().openRoot(os.fspath(path)))


class RootFile(_backend.JavaOwner):
    """A ROOT file opened in the JVM. Trees from it are readable while it is open; tables and
    pyarrow data already read stay valid after :meth:`close`."""

    @property
    def path(self):
        return self._j.path()

    def keys(self):
        """Top-level key names, each once."""
        return self._j.keys()

    def tree(self, name):
        """The TTree ``name``; :class:`hepbridge.RootIOError` lists the nearest names if
        there is none."""
        return Tree(self._j.tree(name))

    def __getitem__(self, name):
        return self.tree(name)

    def __repr__(self):
        return f"<hepbridge.RootFile {self.path}>"


class Tree:
    """A TTree; branches are read into Arrow columns in Java."""

    def __init__(self, java_tree):
        self._j = java_tree

    @property
    def name(self):
        return self._j.name()

    @property
    def num_entries(self):
        return self._j.entries()

    def __len__(self):
        return self.num_entries

    def keys(self):
        """The branch names, in file order."""
        return self._j.branchNames()

    def table(self, branches=None, entry_start=None, entry_stop=None):
        """Entries [entry_start, entry_stop) of ``branches`` (default: all readable ones) as
        a Java-held :class:`hepbridge.Table`; close it when done."""
        names, start, stop = self._range(branches, entry_start, entry_stop)
        return Table(self._j.read(names, start, stop))

    def arrays(self, branches=None, entry_start=None, entry_stop=None):
        """Entries [entry_start, entry_stop) of ``branches`` as a ``pyarrow.Table`` whose
        buffers are the Java ones (no copy). Under GraalPy, which has no pyarrow, this
        returns a :class:`hepbridge.Table` instead (close it when done)."""
        table = self.table(branches, entry_start, entry_stop)
        if _backend.GRAALPY:
            return table
        import pyarrow as pa

        with table:
            return pa.table(table)

    def iterate(self, branches=None, step_size=100_000, entry_start=None, entry_stop=None):
        """A ``pyarrow.RecordBatchReader`` over the range in batches of ``step_size``
        entries, each read in Java only when requested. The file must stay open while the
        reader is used. CPython only."""
        _require_cpython("Tree.iterate")
        import pyarrow as pa

        from . import _cdata

        names, start, stop = self._range(branches, entry_start, entry_stop)
        capsule, address = _cdata.new_capsule("arrow_array_stream")
        self._j.exportStream(names, start, stop, int(step_size), address)
        return pa.RecordBatchReader.from_stream(_CapsuleStream(capsule))

    def _range(self, branches, entry_start, entry_stop):
        if branches is None:
            names = list(self.keys())
        elif isinstance(branches, str):
            names = [branches]
        else:
            names = list(branches)
        start = 0 if entry_start is None else int(entry_start)
        stop = self.num_entries if entry_stop is None else int(entry_stop)
        return names, start, stop

    def __repr__(self):
        return f"<hepbridge.Tree {self.name}: {self.num_entries} entries>"


class _CapsuleStream:
    """Hands an already exported stream capsule to a consumer exactly once."""

    def __init__(self, capsule):
        self._capsule = capsule

    def __arrow_c_stream__(self, requested_schema=None):
        capsule, self._capsule = self._capsule, None
        if capsule is None:
            raise RuntimeError("hepbridge: this stream was already consumed")
        return capsule
