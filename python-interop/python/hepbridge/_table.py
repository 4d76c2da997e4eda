"""Arrow tables and columns that live in the JVM, and columns handed from Python to Java."""

from . import _backend

__all__ = ["Table", "Column", "from_arrow"]


class Table(_backend.JavaOwner):
    """Arrow columns held by the JVM (a Java ``VectorSchemaRoot``), seen from Python.

    Under CPython a table implements the Arrow PyCapsule interface (``__arrow_c_stream__``,
    ``__arrow_c_array__``, ``__arrow_c_schema__``), so ``pyarrow.table(t)``,
    ``pyarrow.RecordBatchReader.from_stream(t)``, polars, DuckDB and nanoarrow read it without
    copying: each export hands the consumer its own references to the Java buffers, which
    stay valid after :meth:`close` until the consumer releases them. Under GraalPy columns are
    read in place through :meth:`column`.

    The table owns its Java memory: close it (or use ``with``) when done; the garbage collector
    does not see Java memory.
    """

    @property
    def closed(self):
        return self._j.isClosed()

    @property
    def num_rows(self):
        return self._j.rowCount()

    def __len__(self):
        return self.num_rows

    @property
    def column_names(self):
        return self._j.columnNames()

    @property
    def column_types(self):
        """Column name -> type in pyarrow's spelling, e.g. ``{"m4l": "double"}``."""
        return {name: self._j.columnType(name) for name in self.column_names}

    def column(self, name):
        """One column: a ``pyarrow.Array`` under CPython (zero-copy), a :class:`Column`
        reading the Java memory in place under GraalPy."""
        if _backend.GRAALPY:
            return Column(self._j.column(name))
        import pyarrow as pa

        return pa.record_batch(self).column(name)

    def to_pyarrow(self):
        """The table as a ``pyarrow.Table`` sharing the Java buffers (CPython only)."""
        _require_cpython("Table.to_pyarrow")
        import pyarrow as pa

        return pa.table(self)

    def filter(self, mask):
        """The rows where ``mask`` is true, selected in Java (``EventFilter``), as a new table.

        ``mask`` is a boolean column: anything with ``__arrow_c_array__``, a numpy array or a
        Python sequence of bools. Any other type is refused with :class:`ColumnTypeError`.
        """
        with to_java_column(mask, "mask", "bool") as column:
            return Table(self._j.filter(column.handle))

    def java_data_address(self, name):
        """Address of the Java buffer holding a column's values (its child's for lists)."""
        return self._j.dataBufferAddress(name)

    # ---- Arrow PyCapsule interface (CPython) -------------------------------------------------

    def __arrow_c_schema__(self):
        from . import _cdata

        capsule, address = _cdata.new_capsule("arrow_schema")
        self._j.exportSchema(address)
        return capsule

    def __arrow_c_array__(self, requested_schema=None):
        """Exports the table as one struct array. ``requested_schema`` is not applied (the
        protocol lets a producer ignore it; consumers check the schema they get)."""
        from . import _cdata

        schema_capsule, schema_address = _cdata.new_capsule("arrow_schema")
        array_capsule, array_address = _cdata.new_capsule("arrow_array")
        self._j.exportArray(array_address, schema_address)
        return schema_capsule, array_capsule

    def __arrow_c_stream__(self, requested_schema=None):
        """Exports the table as a stream of one record batch (see :meth:`__arrow_c_array__`
        about ``requested_schema``).

        The batch is the struct array of :meth:`__arrow_c_array__` imported by pyarrow, and
        pyarrow's reader is the stream: Arrow Java's own stream exporter does O(rows) work on
        every batch (it recounts the nulls and builds a new struct validity buffer)."""
        import pyarrow as pa

        batch = pa.record_batch(self)  # through __arrow_c_array__
        return pa.RecordBatchReader.from_batches(batch.schema, [batch]).__arrow_c_stream__()

    def __repr__(self):
        if self.closed:
            return "<hepbridge.Table (closed)>"
        return f"<hepbridge.Table {self.num_rows} rows: {', '.join(self.column_names)}>"


class Column:
    """One column of a :class:`Table` read in place from Java memory (GraalPy's view).

    Valid while its table is open. Indexing crosses into Java once per value;
    :meth:`to_pylist` copies every value in one call.
    """

    def __init__(self, java_view):
        self._j = java_view

    @property
    def name(self):
        return self._j.name()

    @property
    def type(self):
        return self._j.typeName()

    def __len__(self):
        return self._j.length()

    def __getitem__(self, row):
        if row < 0:
            row += len(self)
        return self._j.get(row)

    def __iter__(self):
        return iter(self.to_pylist())

    def to_pylist(self):
        return self._j.toArray()

    def __repr__(self):
        return f"<hepbridge.Column {self.name}: {self.type}, {len(self)} values>"


def from_arrow(data):
    """A Java-held :class:`Table` from Arrow data: anything with ``__arrow_c_stream__`` (a
    ``pyarrow.Table``, ``RecordBatchReader``, polars frame...) or ``__arrow_c_array__`` (a
    struct array or ``pyarrow.RecordBatch``). A single batch is imported without copying;
    several are concatenated in Java. CPython only."""
    _require_cpython("hepbridge.from_arrow")
    from . import _cdata

    if not hasattr(data, "__arrow_c_stream__") and hasattr(data, "__arrow_c_array__"):
        import pyarrow as pa

        data = pa.Table.from_batches([pa.record_batch(data)])
    data = _unsliced(data)
    if hasattr(data, "__arrow_c_stream__"):
        capsule = data.__arrow_c_stream__()
        address = _cdata.address_of(capsule, "arrow_array_stream")
        return Table(_backend.bridge().importStream(address))
    raise TypeError(f"hepbridge.from_arrow: {type(data).__name__} has neither "
                    "__arrow_c_stream__ nor __arrow_c_array__; pass a pyarrow.Table, "
                    "RecordBatch, RecordBatchReader or similar")


class JavaColumn:
    """A column handed to Java for the duration of a ``with`` block (then released)."""

    def __init__(self, handle):
        self.handle = handle

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.handle.close()

    @property
    def type(self):
        return self.handle.typeName()

    @property
    def java_data_address(self):
        return self.handle.dataBufferAddress()


def to_java_column(values, name, kind):
    """Hands ``values`` to Java as one Arrow column; use as a context manager.

    Under CPython anything with ``__arrow_c_array__`` crosses through the C Data interface
    without copying (its type is checked by the Java API it is given to); numpy arrays and
    sequences are first converted with ``pyarrow.array``. Under GraalPy a sequence is copied
    into a Java column of ``kind`` (``"bool"`` or ``"double"``); Java refuses other values
    with :class:`ColumnTypeError`.
    """
    if _backend.GRAALPY:
        return JavaColumn(_graalpy_column(values, name, kind))
    return JavaColumn(_cpython_column(values, name))


def _cpython_column(values, name):
    from . import _cdata

    if not hasattr(values, "__arrow_c_array__"):
        values = _to_pyarrow_array(values, name)
    values = _unsliced(values)
    schema_capsule, array_capsule = values.__arrow_c_array__()
    return _backend.bridge().importArray(_cdata.address_of(array_capsule, "arrow_array"),
                                         _cdata.address_of(schema_capsule, "arrow_schema"),
                                         name)


def _to_pyarrow_array(values, name):
    import pyarrow as pa

    if isinstance(values, pa.ChunkedArray):
        return values.combine_chunks()
    try:
        return pa.array(values)
    except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError) as e:
        raise TypeError(f"hepbridge: cannot hand {type(values).__name__} to Java as column "
                        f"'{name}': {e}") from e


def _unsliced(data):
    """pyarrow data with every slice copied to offset 0; anything else unchanged.

    Arrow Java 18.3 ignores C Data offsets (apache/arrow-java#251), so a slice (``a[2:]``,
    ``Table.slice``, ``to_batches(max_chunksize=...)``) would read the wrong rows; the Java side
    refuses the slices this does not catch (nested ones from other producers).
    """
    import sys

    pa = sys.modules.get("pyarrow")
    if pa is None:
        return data
    if isinstance(data, pa.Array):
        return pa.concat_arrays([data]) if _is_slice(data) else data
    if isinstance(data, pa.ChunkedArray):
        return pa.chunked_array([_unsliced(c) for c in data.chunks], type=data.type)
    if isinstance(data, pa.RecordBatch):
        if not any(_is_slice(c) for c in data.columns):
            return data
        return pa.RecordBatch.from_arrays([_unsliced(c) for c in data.columns],
                                          schema=data.schema)
    if isinstance(data, pa.Table):
        return pa.Table.from_batches([_unsliced(b) for b in data.to_batches()],
                                     schema=data.schema)
    return data


def _is_slice(array):
    import pyarrow as pa

    if array.offset != 0:
        return True
    if isinstance(array, (pa.ListArray, pa.LargeListArray, pa.FixedSizeListArray)):
        return _is_slice(array.values)
    return False


def _graalpy_column(values, name, kind):
    return _backend.bridge().columnFromValues(name, kind, list(values))


def _require_cpython(what):
    if _backend.GRAALPY:
        raise NotImplementedError(
            f"{what} needs pyarrow, which GraalPy does not have here; read columns with "
            "Table.column(name).to_pylist() instead")
