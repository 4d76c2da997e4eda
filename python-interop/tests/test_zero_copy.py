"""Columns cross between Java and Python through the Arrow C Data interface without copies,
in both directions, and every side releases what it held (the no_leaks fixture checks the
Java allocator and pyarrow's pool around each test)."""

import ctypes
import gc

import numpy as np
import pyarrow as pa
import pytest
import uproot

import hepbridge
from conftest import ATLAS_FOLDER, require_data
from hepbridge._table import to_java_column

BRANCHES = ["runNumber", "eventNumber", "trigE", "lep_pt", "lep_charge"]


@pytest.fixture
def data_d():
    return require_data(f"{ATLAS_FOLDER}/data_D.4lep.root")


def uproot_columns(path, branches, start=None, stop=None):
    """The oracle: the same branches read by uproot, as Python lists."""
    arrays = uproot.open(path)["mini"].arrays(branches, entry_start=start, entry_stop=stop,
                                              library="ak")
    return {b: arrays[b].to_list() for b in branches}


def pyarrow_lists(table, branches):
    return {b: table.column(b).to_pylist() for b in branches}


def test_pyarrow_sees_the_java_buffers_of_a_tree(data_d):
    with hepbridge.open(data_d) as f, f.tree("mini").table(BRANCHES, 10, 60) as java:
        table = pa.table(java)

        assert table.column("runNumber").chunks[0].buffers()[1].address \
            == java.java_data_address("runNumber")
        assert table.column("eventNumber").chunks[0].buffers()[1].address \
            == java.java_data_address("eventNumber")
        # list<float>: buffers are [validity, offsets, child validity, child values].
        assert table.column("lep_pt").chunks[0].buffers()[3].address \
            == java.java_data_address("lep_pt")
        assert pyarrow_lists(table, BRANCHES) == uproot_columns(data_d, BRANCHES, 10, 60)
        del table


def test_exported_data_stays_valid_after_the_java_side_is_closed(data_d):
    java_before = hepbridge.java_allocated_bytes()
    with hepbridge.open(data_d) as f:
        table = f.tree("mini").arrays(BRANCHES)  # closes its Java table before returning
    # File and Java table are closed; the buffers live on, held by pyarrow's import.
    gc.collect()
    assert hepbridge.java_allocated_bytes() > java_before

    assert pyarrow_lists(table, BRANCHES) == uproot_columns(data_d, BRANCHES)
    del table
    gc.collect()
    assert hepbridge.java_allocated_bytes() == java_before


def test_selected_events_reach_pyarrow_without_a_copy(hzz_runs):
    with hzz_runs["c"].events_table() as java:
        table = pa.table(java)
        for column in ("m4l", "eventNumber"):
            assert table.column(column).chunks[0].buffers()[1].address \
                == java.java_data_address(column)
        # fixed_size_list<double>[4]: buffers are [validity, child validity, child values].
        assert table.column("lep_pt").chunks[0].buffers()[2].address \
            == java.java_data_address("lep_pt")
        del table


def test_tree_iterate_streams_batches_read_on_demand(data_d):
    with hepbridge.open(data_d) as f:
        reader = f.tree("mini").iterate(["eventNumber", "lep_pt"], step_size=150)
        batches = list(reader)
        reader.close()

    assert [b.num_rows for b in batches] == [150, 150, 100]
    table = pa.Table.from_batches(batches)
    assert pyarrow_lists(table, ["eventNumber", "lep_pt"]) \
        == uproot_columns(data_d, ["eventNumber", "lep_pt"])
    del batches, table


def test_a_pyarrow_column_reaches_java_without_a_copy_and_is_released_after():
    pool_before = pa.total_allocated_bytes()
    values = pa.array([float(i) for i in range(1000)])  # allocated in pyarrow's pool
    address = values.buffers()[1].address
    assert pa.total_allocated_bytes() > pool_before

    with to_java_column(values, "x", "double") as column:
        assert column.java_data_address == address
        assert column.type == "double"
        del values
        gc.collect()
        # Python dropped its reference; Java's import keeps the pyarrow memory alive.
        assert pa.total_allocated_bytes() > pool_before
    assert pa.total_allocated_bytes() == pool_before


def test_numpy_values_fill_a_java_histogram_as_numpy_computes_it():
    rng = np.random.default_rng(7)
    x = rng.normal(125.0, 10.0, size=10_000)
    w = rng.uniform(0.5, 1.5, size=x.size)

    h = hepbridge.Histogram.regular(20, 100.0, 150.0, name="m4l").fill(x, weight=w)

    edges = np.linspace(100.0, 150.0, 21)
    expected, _ = np.histogram(x, bins=edges, weights=w)
    expected_var, _ = np.histogram(x, bins=edges, weights=w * w)
    np.testing.assert_allclose(h.values, expected, rtol=1e-12)
    np.testing.assert_allclose(h.variances, expected_var, rtol=1e-12)
    assert h.underflow == pytest.approx(w[x < 100.0].sum(), rel=1e-12)


def test_a_numpy_mask_selects_events_in_java(hzz_runs):
    events = hzz_runs["c"].selected_events()
    m12 = events.column("m12").to_numpy()
    mask = np.abs(m12 - 91.1876) < 10.0

    with hzz_runs["c"].events_table() as java, java.filter(mask) as kept:
        assert kept.num_rows == int(mask.sum())
        assert kept.to_pyarrow().equals(events.filter(pa.array(mask)))
    del events


def sample_table():
    return pa.table({
        "eventNumber": pa.array(np.arange(5, dtype=np.int64) * 1000),
        "m4l": pa.array([124.9, 91.2, 250.0, 80.5, 125.3]),
        "trig": pa.array([True, False, True, None, True]),
        "channel": pa.array(["4e", "4mu", "2e2mu", "4e", None]),
        "lep_pt": pa.array([[50.0, 30.0], [], None, [12.5], [1.0, 2.0, 3.0]],
                           type=pa.list_(pa.float32())),
    })


def test_round_trip_pyarrow_java_pyarrow_copies_nothing():
    original = sample_table()
    m4l = original.column("m4l").chunks[0].buffers()[1].address

    with hepbridge.from_arrow(original) as java:
        assert java.num_rows == 5
        assert java.column_types == {"eventNumber": "int64", "m4l": "double",
                                     "trig": "bool", "channel": "string",
                                     "lep_pt": "list<item: float>"}
        assert java.java_data_address("m4l") == m4l
        back = pa.table(java)
    assert back.equals(original)
    # Java exports its precomputed null counts: one None each in trig, channel, lep_pt.
    assert [c.chunks[0].null_count for c in back.columns] == [0, 0, 1, 1, 1]
    assert back.column("m4l").chunks[0].buffers()[1].address == m4l
    del original, back


class ArrayOnly:
    """A producer with only __arrow_c_array__ (a struct array), like some nanoarrow objects."""

    def __init__(self, batch):
        self.batch = batch

    def __arrow_c_array__(self, requested_schema=None):
        return self.batch.__arrow_c_array__(requested_schema)


def test_from_arrow_takes_a_producer_of_one_struct_array():
    original = sample_table()

    with hepbridge.from_arrow(ArrayOnly(original.to_batches()[0])) as java:
        back = java.to_pyarrow()
    assert back.equals(original)
    with pytest.raises(TypeError, match="has neither __arrow_c_stream__ nor __arrow_c_array__"):
        hepbridge.from_arrow([1, 2, 3])
    del original, back


def test_round_trip_of_several_batches_concatenates_them_in_java():
    original = sample_table()
    chunked = pa.Table.from_batches(original.to_batches(max_chunksize=2))
    assert chunked.column("m4l").num_chunks == 3

    with hepbridge.from_arrow(chunked) as java:
        back = java.to_pyarrow()
    assert back.equals(original)
    assert back.column("m4l").num_chunks == 1
    del original, chunked, back


_capsule_name = ctypes.pythonapi.PyCapsule_GetName
_capsule_name.restype = ctypes.c_char_p
_capsule_name.argtypes = [ctypes.py_object]


def test_capsules_carry_the_protocol_names_and_release_unconsumed_exports(data_d):
    with hepbridge.open(data_d) as f, f.tree("mini").table(["lep_pt"], 0, 5) as java:
        idle = hepbridge.java_allocated_bytes()
        schema, array = java.__arrow_c_array__()
        stream = java.__arrow_c_stream__()
        only_schema = java.__arrow_c_schema__()

        assert _capsule_name(schema) == b"arrow_schema"
        assert _capsule_name(array) == b"arrow_array"
        assert _capsule_name(stream) == b"arrow_array_stream"
        assert _capsule_name(only_schema) == b"arrow_schema"
        assert hepbridge.java_allocated_bytes() > idle
        # Nobody imports them: the capsule destructors call the release callbacks.
        del schema, array, stream, only_schema
        assert hepbridge.java_allocated_bytes() == idle
        assert pa.schema(java).field("lep_pt").type == pa.list_(
            pa.field("$data$", pa.float32(), nullable=False))
