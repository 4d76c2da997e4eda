"""The JVM behind the package: JPype under CPython, the host JVM under GraalPy.

Python code of this package reaches Java only through :func:`bridge`, a proxy of
``org.hepbridge.python.PythonBridge``. Proxies convert what Java returns into plain Python
values (``str``, ``int``, ``float``, ``bool``, lists for arrays), wrap other Java objects in
proxies, and turn Java exceptions into :class:`hepbridge.JavaError` subclasses, so the rest of
the package is the same code on both runtimes.
"""

import sys

from . import _errors

BRIDGE_CLASS = "org.hepbridge.python.PythonBridge"


def _is_graalpy():
    if sys.implementation.name != "graalpy":
        return False
    try:
        import java  # noqa: F401  (GraalPy's host interop module)
    except ImportError:
        return False
    return True


GRAALPY = _is_graalpy()
RUNTIME = "graalpy" if GRAALPY else "cpython"

_state = {"bridge": None, "bridge_class": None}


class JavaOwner:
    """Base of the Python wrappers that own one Java object with ``close()``: closing the
    wrapper, or leaving its ``with`` block, closes the Java side."""

    def __init__(self, java_object):
        self._j = java_object

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        """Releases the Java side. Exported data already imported elsewhere stays valid."""
        self._j.close()


class JavaProxy:
    """A Java object seen from Python; calls go through :func:`call`."""

    __slots__ = ("_java",)

    def __init__(self, java):
        object.__setattr__(self, "_java", java)

    def __getattr__(self, name):
        method = getattr(self._java, name)
        return lambda *args: call(method, *args)

    def __repr__(self):
        # Under GraalPy only @HostAccess.Export members are reachable: no getClass().
        if GRAALPY:
            return "<hepbridge Java object>"
        return f"<hepbridge Java object {self._java.getClass().getName()}>"


def unwrap(value):
    return value._java if isinstance(value, JavaProxy) else value


def call(method, *args):
    """Calls a Java method, converting arguments, results and exceptions."""
    args = [unwrap(a) for a in args]
    try:
        return to_python(method(*args))
    except _java_exception_types() as e:
        raise _translate(e) from None


# ---- CPython / JPype -------------------------------------------------------------------------

def _jpype_bridge_class():
    import jpype

    from . import _jvm

    _jvm.start()
    try:
        return jpype.JClass(BRIDGE_CLASS)
    except TypeError as e:
        raise _errors.JvmStartError(
            f"hepbridge: the running JVM has no {BRIDGE_CLASS} on its class path "
            f"(hepbridge-python.jar missing?): {e}") from e


def _jpype_to_python(value):
    import jpype

    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, jpype.JString):
        return str(value)
    if isinstance(value, jpype.JArray):
        if isinstance(value, jpype.JArray(jpype.JByte)):
            return bytes(value)
        return [_jpype_to_python(v) for v in value]
    if isinstance(value, jpype.JBoolean):
        return bool(value)
    if isinstance(value, (jpype.JInt, jpype.JLong, jpype.JShort, jpype.JByte)):
        return int(value)
    if isinstance(value, (jpype.JDouble, jpype.JFloat)):
        return float(value)
    if isinstance(value, jpype.JObject):
        boxed = _jpype_unbox(value)
        return boxed if boxed is not _NOT_BOXED else JavaProxy(value)
    return value


_NOT_BOXED = object()
_BOXED = {
    "java.lang.Boolean": bool, "java.lang.Byte": int, "java.lang.Short": int,
    "java.lang.Integer": int, "java.lang.Long": int, "java.lang.Float": float,
    "java.lang.Double": float, "java.lang.String": str,
}


def _jpype_unbox(value):
    convert = _BOXED.get(str(value.getClass().getName()))
    return convert(value) if convert is not None else _NOT_BOXED


def _jpype_translate(error):
    bridge_class = _state["bridge_class"]
    classes = [str(n) for n in bridge_class.exceptionClasses(error)]
    return _errors.from_java(classes, str(bridge_class.exceptionMessage(error)))


# ---- GraalPy ---------------------------------------------------------------------------------

def _graalpy_bridge_class():
    import java

    return java.type(BRIDGE_CLASS)


def _graalpy_to_python(value):
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    import polyglot

    # Host strings, numbers and booleans (boxed ones included) arrive as Python values already.
    if isinstance(value, polyglot.ForeignList):
        return [_graalpy_to_python(v) for v in value]
    return JavaProxy(value)


def _graalpy_translate(error):
    bridge_class = _state["bridge_class"]
    classes = list(bridge_class.exceptionClasses(error))
    return _errors.from_java([str(c) for c in classes],
                             str(bridge_class.exceptionMessage(error)))


# ---- dispatch --------------------------------------------------------------------------------

def _java_exception_types():
    if GRAALPY:
        import polyglot

        return (polyglot.ForeignException,)
    import jpype

    return (jpype.JException,)


def to_python(value):
    return _graalpy_to_python(value) if GRAALPY else _jpype_to_python(value)


def _translate(error):
    return _graalpy_translate(error) if GRAALPY else _jpype_translate(error)


def bridge():
    """The process-wide bridge into the JVM (started on first use under CPython)."""
    if _state["bridge"] is None:
        cls = _graalpy_bridge_class() if GRAALPY else _jpype_bridge_class()
        _state["bridge_class"] = cls
        _state["bridge"] = JavaProxy(call(cls.open)._java)
    return _state["bridge"]
