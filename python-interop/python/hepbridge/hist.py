"""Histograms kept in Java (``org.hepbridge.hist.Histogram``), filled from Python columns."""

import json

from . import _backend
from ._table import to_java_column

__all__ = ["Histogram"]


def _array(values):
    try:
        import numpy as np
    except ImportError:
        return list(values)
    return np.asarray(values, dtype=float)


class Histogram:
    """A one-dimensional weighted histogram living in the JVM.

    ``edges``, ``values`` and ``variances`` are numpy arrays when numpy is importable, else
    lists. :meth:`fill` hands a column to Java: under CPython without copying (Arrow C Data).
    """

    def __init__(self, java_view):
        self._j = java_view

    @classmethod
    def regular(cls, bins, start, stop, name="x"):
        """An empty histogram with ``bins`` equal bins in [start, stop) and flow bins."""
        return cls(_backend.bridge().regularHistogram(name, int(bins), float(start),
                                                      float(stop)))

    @property
    def name(self):
        return self._j.name()

    @property
    def edges(self):
        return _array(self._j.edges())

    @property
    def values(self):
        """Sums of weights of the regular bins."""
        return _array(self._j.values())

    @property
    def variances(self):
        """Sums of squared weights of the regular bins."""
        return _array(self._j.variances())

    @property
    def underflow(self):
        return self._j.valuesWithFlow()[0]

    @property
    def overflow(self):
        return self._j.valuesWithFlow()[-1]

    def fill(self, values, weight=None):
        """Adds every non-null value (with its weight); columns must be numeric (double,
        float, int64, int32, int16), anything else raises :class:`ColumnTypeError`."""
        with to_java_column(values, self.name, "double") as column:
            if weight is None:
                self._j.fill(column.handle)
            else:
                with to_java_column(weight, "weight", "double") as weights:
                    self._j.fillWeighted(column.handle, weights.handle)
        return self

    def uhi_json(self):
        """The histogram as UHI JSON text."""
        return self._j.uhiJson()

    def to_hist(self):
        """A ``hist.Hist`` with the same axis, bins (flow included) and weight storage;
        needs ``hist`` and ``uhi``."""
        import hist
        import uhi.io.json

        return hist.Hist(json.loads(self.uhi_json(), object_hook=uhi.io.json.object_hook))

    def __repr__(self):
        return f"<hepbridge.Histogram {self.name}: {len(self._j.values())} bins>"
