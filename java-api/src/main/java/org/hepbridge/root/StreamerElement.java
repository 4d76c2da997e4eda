package org.hepbridge.root;

/**
 * One member of a class as described by the file's streamer info (a TStreamerElement).
 *
 * @param kind the element class, e.g. {@code TStreamerBasicType}, {@code TStreamerBase}
 * @param name member name
 * @param title member comment; holds the range of Double32_t/Float16_t members
 * @param type ROOT's type code (see {@link Types})
 * @param size size in memory
 * @param arrayLength total length of a fixed array member, 0 for scalars
 * @param typeName declared type, e.g. {@code "Int_t"}, {@code "vector<float>"}
 * @param countName for counted arrays, the member holding the count
 * @param stlType for STL members, ROOT's container code (1 = vector, ...)
 * @param ctype for STL members, the type code of the content
 */
record StreamerElement(String kind, String name, String title, int type, int size,
        int arrayLength, String typeName, String countName, int stlType, int ctype) {

    boolean isBase() {
        return kind.equals("TStreamerBase");
    }
}
