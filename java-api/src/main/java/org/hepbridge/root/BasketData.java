package org.hepbridge.root;

/**
 * The decoded content of one basket: entry data in {@code buf[start, end)} and, for
 * variable-size entries, where each entry begins.
 *
 * @param firstEntry tree entry number of the basket's first entry
 * @param entries number of entries in the basket
 * @param buf the bytes (owned by this record)
 * @param start index of the first data byte
 * @param end index after the last data byte
 * @param offsets for variable-size entries, {@code entries + 1} indices into buf (the last one
 *     is {@code end}); null when every entry has the same size
 */
record BasketData(long firstEntry, int entries, byte[] buf, int start, int end, int[] offsets) {

    int entryStart(int i) {
        return offsets == null ? start + i * fixedSize() : offsets[i];
    }

    int entryEnd(int i) {
        return offsets == null ? start + (i + 1) * fixedSize() : offsets[i + 1];
    }

    int fixedSize() {
        return entries == 0 ? 0 : (end - start) / entries;
    }
}
