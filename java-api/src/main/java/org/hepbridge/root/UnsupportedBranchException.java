package org.hepbridge.root;

import java.nio.file.Path;

/**
 * A branch exists but hepbridge cannot decode its content into Arrow, for example an object
 * type whose streamer needs custom code. The message names the file, tree, branch, class and
 * streamer; {@link TTree#branches()} reports the same reason without throwing.
 */
public class UnsupportedBranchException extends RootIOException {
    private static final long serialVersionUID = 1L;

    /**
     * @param file the file
     * @param tree the tree name
     * @param branch the branch name
     * @param reason why the branch cannot be read, naming the class and streamer
     */
    public UnsupportedBranchException(Path file, String tree, String branch, String reason) {
        super(file, "TTree '" + tree + "' branch '" + branch + "'",
                "unsupported branch: " + reason, NO_OFFSET);
    }
}
