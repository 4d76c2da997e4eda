"""Arrow C Data interface structs owned by Python and wrapped in PyCapsules (CPython only).

Each struct is allocated here with ``calloc`` and owned from birth by a capsule named as the
Arrow PyCapsule interface requires (``arrow_schema``, ``arrow_array``,
``arrow_array_stream``). The capsule's destructor calls the struct's release callback if it is
still set (nobody consumed the data) and frees the struct. A producer (Java) fills the struct
through its address; a consumer (pyarrow, polars, DuckDB...) moves the contents out and
leaves release set to NULL, so only the struct memory is freed here.
"""

import ctypes

_KINDS = {
    # name: (struct size in bytes, offset of the release callback)
    "arrow_schema": (72, 56),
    "arrow_array": (80, 64),
    "arrow_array_stream": (40, 24),
}

# PyCapsule keeps the name pointer, not a copy: these buffers live as long as the module.
_NAMES = {kind: ctypes.create_string_buffer(kind.encode("ascii")) for kind in _KINDS}

_libc = ctypes.CDLL(None)
_calloc = _libc.calloc
_calloc.restype = ctypes.c_void_p
_calloc.argtypes = [ctypes.c_size_t, ctypes.c_size_t]
_free = _libc.free
_free.restype = None
_free.argtypes = [ctypes.c_void_p]

_capsule_new = ctypes.pythonapi.PyCapsule_New
_capsule_new.restype = ctypes.py_object
_capsule_new.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p]
_capsule_pointer = ctypes.pythonapi.PyCapsule_GetPointer
_capsule_pointer.restype = ctypes.c_void_p
_capsule_pointer.argtypes = [ctypes.py_object, ctypes.c_void_p]
# The destructor receives a borrowed PyObject*: read it without taking a reference.
_capsule_pointer_raw = ctypes.PYFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p)(
    ("PyCapsule_GetPointer", ctypes.pythonapi))

_RELEASE = ctypes.CFUNCTYPE(None, ctypes.c_void_p)
_DESTRUCTOR = ctypes.CFUNCTYPE(None, ctypes.c_void_p)


def _release_and_free(address, kind):
    release = ctypes.c_void_p.from_address(address + _KINDS[kind][1]).value
    if release:
        _RELEASE(release)(address)
    _free(address)


def _destructor(kind):
    name = ctypes.addressof(_NAMES[kind])

    def destroy(capsule):
        address = _capsule_pointer_raw(capsule, name)
        if address:
            _release_and_free(address, kind)

    return _DESTRUCTOR(destroy)


_DESTRUCTORS = {kind: _destructor(kind) for kind in _KINDS}


def new_capsule(kind):
    """A zeroed struct of ``kind`` owned by a new capsule: ``(capsule, address)``."""
    size = _KINDS[kind][0]
    address = _calloc(1, size)
    if not address:
        raise MemoryError(f"hepbridge: cannot allocate a {size}-byte {kind} struct")
    try:
        capsule = _capsule_new(address, ctypes.addressof(_NAMES[kind]),
                               ctypes.cast(_DESTRUCTORS[kind], ctypes.c_void_p))
    except BaseException:
        _free(address)
        raise
    return capsule, address


_capsule_name = ctypes.pythonapi.PyCapsule_GetName
_capsule_name.restype = ctypes.c_char_p
_capsule_name.argtypes = [ctypes.py_object]


def address_of(capsule, kind):
    """The struct address inside a capsule; ValueError if it is not a ``kind`` capsule."""
    try:
        return _capsule_pointer(capsule, ctypes.addressof(_NAMES[kind]))
    except ValueError:
        try:
            actual = _capsule_name(capsule)
        except ValueError:
            actual = None
        got = f"'{actual.decode()}'" if actual else type(capsule).__name__
        raise ValueError(f"hepbridge: expected an Arrow PyCapsule named '{kind}', got {got}") \
            from None
