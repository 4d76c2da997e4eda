#!/bin/sh
# Regenerates the FFM bindings of native/include/hbl/hbl.h (package org.hepbridge.legacy.ffi,
# header class hbl_h) with a real jextract (22 or later). Run from anywhere; needs jextract
# on PATH (https://jdk.java.net/jextract/). The generated code resolves symbols through
# SymbolLookup.loaderLookup() (no -l option): org.hepbridge.legacy.NativeLibrary loads
# libhbl.so with System.load before the first call.
#
# HeaderBindingsAgreementTest fails the build when hbl.h and the committed bindings differ,
# so run this script after every change of the header.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
header="$root/native/include/hbl/hbl.h"
out="$root/bindings/src/main/java"

if ! command -v jextract >/dev/null 2>&1; then
    echo "jextract.sh: jextract is not on PATH; install jextract 22+ and retry." >&2
    echo "jextract.sh: the committed bindings in $out/org/hepbridge/legacy/ffi are unchanged." >&2
    exit 1
fi
echo "jextract.sh: using $(command -v jextract)"

# Bind exactly the declarations of hbl.h: its functions, enum constants and version macros.
filters=""
for function in $(sed -n 's/^HBL_API[^(]*[ *]\(hbl_[a-z_]*\)(.*/\1/p' "$header"); do
    filters="$filters --include-function $function"
done
for constant in $(sed -n 's/^ *\(HBL_[A-Z0-9_]*\) *= *[0-9]*.*/\1/p;
                          s/^#define \(HBL_VERSION_[A-Z]*\) .*/\1/p' "$header"); do
    filters="$filters --include-constant $constant"
done

rm -f "$out"/org/hepbridge/legacy/ffi/*.java
# shellcheck disable=SC2086 # the filters are meant to split into words
jextract --target-package org.hepbridge.legacy.ffi --header-class-name hbl_h \
    --output "$out" -I "$root/native/include" $filters "$header"

# Mark the files as generated, as the hand-made first version was.
for file in "$out"/org/hepbridge/legacy/ffi/*.java; do
    { echo "// Generated from native/include/hbl/hbl.h in jextract's layout; regenerate with"
      echo "// bindings/jextract.sh, do not edit."
      echo
      cat "$file"; } > "$file.tmp" && mv "$file.tmp" "$file"
done
echo "jextract.sh: wrote $(ls "$out"/org/hepbridge/legacy/ffi | wc -l) files to $out/org/hepbridge/legacy/ffi"
