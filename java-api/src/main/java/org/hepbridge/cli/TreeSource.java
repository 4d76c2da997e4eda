package org.hepbridge.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hepbridge.root.RootFile;
import org.hepbridge.root.RootIOException;

/**
 * A {@code FILE[:TREE]} argument of the ROOT subcommands: the file, and the tree path if one
 * was given. Immutable.
 *
 * @param file the ROOT file
 * @param tree the tree path inside it, or null to pick the only tree
 */
record TreeSource(Path file, String tree) {

    /** Splits at the last ':' unless the whole argument names an existing file. */
    static TreeSource parse(String arg) {
        int colon = arg.lastIndexOf(':');
        if (colon <= 0 || Files.exists(Path.of(arg))) {
            return new TreeSource(Path.of(arg), null);
        }
        return new TreeSource(Path.of(arg.substring(0, colon)), arg.substring(colon + 1));
    }

    /** The tree path to open: the given one, or the file's only TTree. */
    String treePath(RootFile f) throws RootIOException {
        if (tree != null && !tree.isEmpty()) {
            return tree;
        }
        List<String> trees = new ArrayList<>();
        for (RootFile.KeyInfo k : f.allKeys()) {
            if (k.isTree() && !trees.contains(k.path())) {
                trees.add(k.path());
            }
        }
        if (trees.size() != 1) {
            throw new RootIOException(file, "file", trees.isEmpty() ? "holds no TTree"
                    : "holds " + trees.size() + " TTrees (" + String.join(", ", trees)
                    + "); name one as FILE:TREE", RootIOException.NO_OFFSET);
        }
        return trees.get(0);
    }
}
