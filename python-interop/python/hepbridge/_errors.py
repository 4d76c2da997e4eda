"""Python exceptions for errors raised in the JVM, the same under CPython and GraalPy."""

__all__ = [
    "JavaError",
    "RootIOError",
    "DataNotFoundError",
    "ColumnTypeError",
    "JavaValueError",
    "JavaIndexError",
    "JavaStateError",
    "JvmStartError",
]


class JavaError(Exception):
    """An exception thrown in the JVM.

    ``java_class`` is the fully qualified name of the Java exception class,
    ``java_classes`` the names of it and its superclasses (most specific first) and
    ``java_message`` the Java message. ``str()`` gives ``"<java_class>: <message>"``.
    """

    def __init__(self, java_class, java_message, java_classes=()):
        super().__init__(f"{java_class}: {java_message}")
        self.java_class = java_class
        self.java_message = java_message
        self.java_classes = tuple(java_classes) or (java_class,)


class RootIOError(JavaError, OSError):
    """A ROOT file could not be read (``org.hepbridge.root.RootIOException``)."""


class DataNotFoundError(JavaError, FileNotFoundError):
    """An input data file is missing (``org.hepbridge.data.DataNotFoundException``)."""


class ColumnTypeError(JavaError, TypeError):
    """A column handed to Java has the wrong Arrow type; the message names both types."""


class JavaValueError(JavaError, ValueError):
    """A Java ``IllegalArgumentException``: an argument value was refused."""


class JavaIndexError(JavaError, IndexError):
    """A Java ``IndexOutOfBoundsException``."""


class JavaStateError(JavaError, RuntimeError):
    """A Java ``IllegalStateException``, e.g. an object used after ``close()``."""


class JvmStartError(RuntimeError):
    """The JVM could not be started from CPython (no JDK 22+, jars not built)."""


# Most specific first: the first Java class in an exception's hierarchy that appears here
# chooses the Python class.
_BY_JAVA_CLASS = {
    "org.hepbridge.python.ColumnTypeException": ColumnTypeError,
    "org.hepbridge.data.DataNotFoundException": DataNotFoundError,
    "org.hepbridge.root.RootIOException": RootIOError,
    "java.lang.IllegalArgumentException": JavaValueError,
    "java.lang.IndexOutOfBoundsException": JavaIndexError,
    "java.lang.IllegalStateException": JavaStateError,
}


def from_java(java_classes, message):
    """The Python exception for a Java exception with this class hierarchy and message."""
    for name in java_classes:
        cls = _BY_JAVA_CLASS.get(name)
        if cls is not None:
            return cls(java_classes[0], message, java_classes)
    return JavaError(java_classes[0], message, java_classes)
