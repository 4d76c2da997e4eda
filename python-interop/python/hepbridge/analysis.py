"""The ATLAS H->ZZ*->4l analysis of hepbridge (``org.hepbridge.analysis.atlas``) from Python."""

import os

from . import _backend
from ._table import Table, _require_cpython
from .hist import Histogram

__all__ = ["HZZ", "HZZResult", "Fit", "NOMINAL"]

NOMINAL = "NOMINAL"


class HZZ:
    """The simplified H->ZZ*->4l selection on the 2016 ATLAS open data.

    ``selection`` is ``"a"``, ``"b"`` (the ATLAS notebook's cross-checks) or ``"c"`` (the 2020
    ATLAS selection); ``variations`` also fills the m4l histograms of every calibration
    systematic variation.
    """

    def __init__(self, selection="c", variations=True):
        self.selection = selection
        self.variations = bool(variations)

    def run(self, files=None):
        """Runs over ``files`` (ROOT files with the tree ``mini``), by default the four data
        files ``data_{A,B,C,D}.4lep.root`` of the data folder ($HEPBRIDGE_DATA)."""
        paths = atlas_data_files() if files is None else [os.fspath(f) for f in files]
        return HZZResult(_backend.bridge().runHzz(self.selection, paths, self.variations))


def atlas_data_files():
    """The four 2016 data files; :class:`hepbridge.DataNotFoundError` names a missing one."""
    return _backend.bridge().atlasDataFiles()


class HZZResult:
    """What one run produced: cutflow, m4l histograms, selected events and the mass fit."""

    def __init__(self, java_run):
        self._j = java_run
        self.selection = java_run.selection()
        self.steps = java_run.cutflowSteps()
        self.inputs = java_run.inputs()
        self.cutflow = dict(zip(self.steps, java_run.cutflowTotal()))
        """Step name -> events passing it and every step before, summed over inputs."""
        self.cutflow_per_input = {
            name: dict(zip(self.steps, java_run.cutflowCounts(name))) for name in self.inputs}
        self._fit = None

    @property
    def selected(self):
        """Number of events passing the whole selection."""
        return self.cutflow[self.steps[-1]]

    def histogram(self, binning="m4l_80_250", variation=NOMINAL, channel="all"):
        """The m4l histogram of one binning (``m4l_80_170`` or ``m4l_80_250``), variation
        and channel (``all``, ``4e``, ``4mu``, ``2e2mu``)."""
        return Histogram(self._j.histogram(binning, variation, channel))

    @property
    def histograms(self):
        """Every m4l histogram, keyed ``(binning, variation, channel)``."""
        return {(b, v, c): self.histogram(b, v, c) for b in self._j.binnings()
                for v in self._j.variations() for c in self._j.channels()}

    def events_table(self):
        """The selected events as a Java-held :class:`hepbridge.Table` (layout of
        ``selected_events.arrow``); close it when done."""
        return Table(self._j.selectedEvents())

    def selected_events(self, reader=False):
        """The selected events: a ``pyarrow.Table`` sharing the Java buffers, or with
        ``reader=True`` a ``pyarrow.RecordBatchReader``. Under GraalPy, a
        :class:`hepbridge.Table` (close it when done)."""
        table = self.events_table()
        if _backend.GRAALPY:
            if reader:
                table.close()
                _require_cpython("HZZResult.selected_events(reader=True)")
            return table
        import pyarrow as pa

        with table:
            if reader:
                return pa.RecordBatchReader.from_stream(table)
            return pa.table(table)

    @property
    def fit(self):
        """The m4l peak fit in 110-160 GeV (:class:`Fit`)."""
        if self._fit is None:
            self._fit = Fit(self._j.fit())
        return self._fit

    def format_cutflow(self):
        """The cutflow as a text table: one row per step, one column per input and total."""
        lines = [f"Cutflow (selection {self.selection}): {', '.join(self.inputs)}, total"]
        for step in self.steps:
            counts = [self.cutflow_per_input[name][step] for name in self.inputs]
            counts.append(self.cutflow[step])
            lines.append(f"{step:<34}" + "".join(f" {n:8d}" for n in counts))
        return "\n".join(lines)


class Fit:
    """The extended unbinned maximum-likelihood fit of m4l: Gaussian signal of fixed width on
    an exponential background. Masses in GeV. With calibration variations in the run, the
    lepton scales are nuisance parameters: ``mass_error`` is then stat+syst, split into
    ``mass_stat_error`` and ``mass_syst_error``; ``mass_interval`` and ``mass_stat_interval``
    are the profile-likelihood 68% intervals. When ``performed`` is false, ``skipped_because``
    says why and the fitted numbers are NaN."""

    _FIELDS = {
        "performed": "performed", "skipped_because": "skippedBecause", "low": "low",
        "high": "high", "signal_width": "signalWidth", "mass": "mass",
        "mass_error": "massError", "mass_stat_error": "massStatError",
        "mass_syst_error": "massSystError", "mass_interval": "massInterval",
        "mass_stat_interval": "massStatInterval", "nuisances": "nuisanceNames",
        "signal_yield": "signalYield",
        "signal_yield_error": "signalYieldError", "background_yield": "backgroundYield",
        "local_significance": "localSignificance", "events_in_range": "eventsInRange",
        "converged": "converged",
    }

    def __init__(self, java_fit):
        for name, getter in self._FIELDS.items():
            value = getattr(java_fit, getter)()
            setattr(self, name, tuple(value) if isinstance(value, list) else value)

    def as_dict(self):
        return {name: getattr(self, name) for name in self._FIELDS}

    def __repr__(self):
        if not self.performed:
            return f"<hepbridge Fit not performed: {self.skipped_because}>"
        return (f"<hepbridge Fit m_H = {self.mass:.2f} +- {self.mass_stat_error:.2f} (stat) +- "
                f"{self.mass_syst_error:.2f} (syst) GeV, local significance "
                f"{self.local_significance:.2f} sigma>")
