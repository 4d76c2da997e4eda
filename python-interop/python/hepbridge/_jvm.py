"""Finding and starting the JVM for CPython (through JPype).

The class path is, in order of preference:

1. ``HEPBRIDGE_CLASSPATH``: entries separated by ``os.pathsep``; ``dir/*`` means every jar of
   ``dir`` (JPype expands it).
2. ``HEPBRIDGE_HOME``: a built hepbridge checkout; its jars are
   ``java-api/target/hepbridge-api.jar``, ``java-api/target/lib/*``,
   ``python-interop/target/hepbridge-python.jar`` and ``python-interop/target/lib/*``.
3. The checkout this package's source lies in (editable installs and ``PYTHONPATH`` use),
   else the checkout holding the current working directory.

The JVM is the ``libjvm.so`` of ``JAVA_HOME`` (a JDK 22 or newer), else of the JDK JPype finds.
Extra JVM options come from ``HEPBRIDGE_JAVA_OPTS`` (split like a shell would).
"""

import os
import re
import shlex
from pathlib import Path

from ._errors import JvmStartError

MIN_JAVA = 22

# Arrow's memory module reflects into java.nio; FFM and Arrow's C Data JNI need native access;
# Arrow's unsafe allocator still uses sun.misc.Unsafe, which JDK 24+ warns about otherwise.
JVM_FLAGS = (
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
    "--sun-misc-unsafe-memory-access=allow",
    "-Djava.awt.headless=true",
)

_JARS = (
    "java-api/target/hepbridge-api.jar",
    "python-interop/target/hepbridge-python.jar",
)
_LIB_DIRS = ("java-api/target/lib", "python-interop/target/lib")


def checkout():
    """The hepbridge checkout to take jars from, or None when none is known."""
    home = os.environ.get("HEPBRIDGE_HOME")
    if home:
        return Path(home).resolve()
    for start in (Path(__file__).resolve(), Path.cwd().resolve()):
        for folder in (start, *start.parents):
            if (folder / "python-interop" / "pom.xml").is_file():
                return folder
    return None


def classpath():
    """The class path entries for the JVM (see the module documentation)."""
    explicit = os.environ.get("HEPBRIDGE_CLASSPATH")
    if explicit:
        return [entry for entry in explicit.split(os.pathsep) if entry]
    root = checkout()
    if root is None:
        raise JvmStartError(
            "hepbridge: cannot find the hepbridge jars: set HEPBRIDGE_HOME to a built "
            "hepbridge checkout or HEPBRIDGE_CLASSPATH to the class path")
    missing = [str(root / jar) for jar in _JARS if not (root / jar).is_file()]
    if missing:
        raise JvmStartError(
            f"hepbridge: jars not built: {', '.join(missing)} (run 'mvn -pl "
            f"native,bindings,java-api,python-interop package -DskipTests' in {root})")
    return [str(root / jar) for jar in _JARS] + [str(root / d / "*") for d in _LIB_DIRS]


def _candidates():
    """JDK homes to try, in order: $JAVA_HOME, the JDK JPype finds, then /usr/lib/jvm/*."""
    import jpype

    homes = []
    if os.environ.get("JAVA_HOME"):
        homes.append(Path(os.environ["JAVA_HOME"]))
    try:
        homes.append(Path(jpype.getDefaultJVMPath()).resolve().parents[2])
    except jpype.JVMNotFoundException:
        pass
    homes += sorted(Path("/usr/lib/jvm").glob("*"), reverse=True)
    return homes


def _feature_release(home):
    """The Java feature release of the JDK at ``home`` (from its ``release`` file), or None."""
    release = home / "release"
    if not release.is_file():
        return None
    match = re.search(r'^JAVA_VERSION="(\d+)', release.read_text(errors="replace"), re.M)
    return int(match.group(1)) if match else None


def libjvm():
    """Path of libjvm.so of the first JDK >= 22 among :func:`_candidates`, like the
    ``hepbridge`` script chooses its JDK."""
    seen = []
    for home in _candidates():
        library = home / "lib" / "server" / "libjvm.so"
        version = _feature_release(home)
        if library.is_file() and version is not None:
            if version >= MIN_JAVA:
                return str(library)
            seen.append(f"{home} (Java {version})")
    raise JvmStartError(
        f"hepbridge: needs a JDK {MIN_JAVA} or newer (the final FFM API); found "
        f"{', '.join(seen) or 'none'}: set JAVA_HOME to one")


def jvm_options():
    """Flags every hepbridge JVM needs, plus $HEPBRIDGE_JAVA_OPTS."""
    options = list(JVM_FLAGS)
    root = checkout()
    if root is not None:
        options.append(f"-Dhepbridge.home={root}")
    options += shlex.split(os.environ.get("HEPBRIDGE_JAVA_OPTS", ""))
    return options


def start():
    """Starts the JVM in this process unless it runs already; returns nothing."""
    import jpype

    if jpype.isJVMStarted():
        return
    jvm = libjvm()
    path = classpath()
    try:
        jpype.startJVM(jvm, *jvm_options(), classpath=path, convertStrings=False)
    except OSError as e:
        raise JvmStartError(f"hepbridge: starting the JVM {jvm} failed: {e}") from e
