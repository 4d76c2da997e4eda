package org.hepbridge.root;

import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * Description of one readable column of a TTree.
 *
 * @param name branch name, also the Arrow field name
 * @param rootType the ROOT/C++ type, e.g. {@code "Int_t"}, {@code "Float_t[NMuon]"},
 *     {@code "vector<float>"}
 * @param arrowType the Arrow type of the column (for lists, the list type; see
 *     {@link TTree#read} for the child types); null when the branch cannot be read
 * @param jagged true when entries hold a variable number of values
 * @param entries number of entries of the branch
 * @param unsupported null when the branch can be read, else why it cannot (class, streamer)
 */
public record BranchInfo(String name, String rootType, ArrowType arrowType, boolean jagged,
        long entries, String unsupported) {

    /** A readable branch. */
    public BranchInfo(String name, String rootType, ArrowType arrowType, boolean jagged,
            long entries) {
        this(name, rootType, arrowType, jagged, entries, null);
    }

    /** True when {@link TTree#read} can decode this branch. */
    public boolean readable() {
        return unsupported == null;
    }
}
