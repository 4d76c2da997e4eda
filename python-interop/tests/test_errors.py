"""Java exceptions arrive as hepbridge.JavaError subclasses with the Java class and message;
wrong column types are refused naming both types; nothing leaks on any error path."""

import numpy as np
import pyarrow as pa
import pytest

import hepbridge
from conftest import ATLAS_FOLDER, require_data
from hepbridge import _backend, _cdata
from hepbridge.analysis import HZZ


@pytest.fixture
def data_a():
    return require_data(f"{ATLAS_FOLDER}/data_A.4lep.root")


def test_a_missing_file_is_a_root_io_error_with_the_java_class_and_path(tmp_path):
    missing = tmp_path / "nothing.root"

    with pytest.raises(hepbridge.RootIOError) as caught:
        hepbridge.open(missing)

    e = caught.value
    assert isinstance(e, OSError) and isinstance(e, hepbridge.JavaError)
    assert e.java_class == "org.hepbridge.root.RootIOException"
    assert e.java_message == f"{missing}: file: no such file"
    assert str(e) == f"org.hepbridge.root.RootIOException: {missing}: file: no such file"


def test_an_unknown_branch_lists_the_nearest_names(data_a):
    with hepbridge.open(data_a) as f:
        tree = f.tree("mini")
        with pytest.raises(hepbridge.RootIOError, match="no branch 'lep_ptt'") as caught:
            tree.arrays(["lep_ptt"])
    assert "lep_pt" in caught.value.java_message


def test_an_unknown_tree_names_the_file(data_a):
    with hepbridge.open(data_a) as f, pytest.raises(hepbridge.RootIOError) as caught:
        f.tree("minni")
    assert str(data_a) in caught.value.java_message
    assert "mini" in caught.value.java_message


def test_an_unknown_selection_is_a_value_error_listing_the_known_ones(atlas_files):
    with pytest.raises(hepbridge.JavaValueError) as caught:
        HZZ(selection="d").run(atlas_files)

    assert isinstance(caught.value, ValueError)
    assert caught.value.java_class == "java.lang.IllegalArgumentException"
    assert caught.value.java_message == "unknown selection 'd'; known: a, b, c"


def test_a_mask_of_the_wrong_type_is_refused_naming_both_types(hzz_runs):
    with hzz_runs["c"].events_table() as events:
        with pytest.raises(hepbridge.ColumnTypeError) as caught:
            events.filter(np.arange(events.num_rows))

    e = caught.value
    assert isinstance(e, TypeError)
    assert e.java_class == "org.hepbridge.python.ColumnTypeException"
    assert e.java_classes[:2] == ("org.hepbridge.python.ColumnTypeException",
                                  "java.lang.IllegalArgumentException")
    assert e.java_message == ("EventFilter: column 'mask' has type int64, expected bool "
                              "(one value per event)")


def test_a_mask_of_the_wrong_length_is_refused(hzz_runs):
    with hzz_runs["c"].events_table() as events:
        with pytest.raises(hepbridge.JavaValueError) as caught:
            events.filter([True, False, True])
    assert caught.value.java_message == "EventFilter: mask 'mask' has 3 values for 321 events"


def test_a_string_column_cannot_fill_a_histogram():
    h = hepbridge.Histogram.regular(10, 0.0, 1.0, name="m4l")

    with pytest.raises(hepbridge.ColumnTypeError) as caught:
        h.fill(pa.array(["a", "b"]))
    assert caught.value.java_message == ("Histogram.fill: column 'm4l' has type string, "
                                         "expected double, float, int64, int32 or int16")
    assert list(h.values) == [0.0] * 10


def test_a_table_used_after_close_raises_a_state_error(data_a):
    with hepbridge.open(data_a) as f:
        table = f.tree("mini").table(["runNumber"])
    table.close()

    with pytest.raises(hepbridge.JavaStateError, match="Batch: used after close"):
        table.num_rows


def test_a_slice_handed_straight_to_java_is_refused_not_misread():
    # Arrow Java 18.3 ignores C Data offsets; the bridge refuses slices instead of reading
    # the rows before them. (hepbridge's own entry points copy pyarrow slices first.)
    sliced = pa.array([1.0, 2.0, 3.0, 4.0]).slice(2)
    schema, array = sliced.__arrow_c_array__()

    with pytest.raises(hepbridge.JavaValueError) as caught:
        _backend.bridge().importArray(_cdata.address_of(array, "arrow_array"),
                                      _cdata.address_of(schema, "arrow_schema"), "x")
    assert caught.value.java_message.startswith(
        "PythonBridge: column 'x' is a slice (ArrowArray offset 2); Arrow Java 18.3 cannot "
        "import offsets")
    del schema, array, sliced


def test_pyarrow_slices_are_compacted_before_they_reach_java():
    values = pa.array([1.5, 2.5, 7.5, 8.5, 9.5])
    h = hepbridge.Histogram.regular(10, 0.0, 10.0).fill(values.slice(2))

    assert list(h.values) == [0, 0, 0, 0, 0, 0, 0, 1, 1, 1]
    del values


def test_a_capsule_of_another_kind_is_refused():
    schema, _array = pa.array([1.0]).__arrow_c_array__()

    with pytest.raises(ValueError, match="named 'arrow_array', got 'arrow_schema'"):
        _cdata.address_of(schema, "arrow_array")
    del schema, _array


def test_a_dictionary_encoded_column_is_refused_with_the_remedy():
    h = hepbridge.Histogram.regular(3, 0.0, 3.0, name="channel")
    encoded = pa.array(["4e", "4mu", "4e"]).dictionary_encode()

    with pytest.raises(hepbridge.JavaValueError) as caught:
        h.fill(encoded)
    assert caught.value.java_message == (
        "PythonBridge: column 'channel' is dictionary-encoded, which hepbridge does not "
        "import: decode it first, e.g. pyarrow's array.dictionary_decode()")
    del encoded


def test_a_dictionary_encoded_table_is_refused_and_nothing_leaks():
    table = pa.table({"channel": pa.array(["4e", "4mu"]).dictionary_encode()})

    with pytest.raises(hepbridge.JavaValueError, match="stream batch 0 child 0 is "
                                                       "dictionary-encoded"):
        hepbridge.from_arrow(table)
    del table
