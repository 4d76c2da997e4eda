package org.hepbridge.analysis.atlas;

import java.util.List;

/**
 * Facts about the ATLAS Open Data 13 TeV 2020 release, {@code 4lep} skim, that the analysis
 * relies on. File names are the official ones, so files downloaded from the ATLAS open-data
 * portal can be dropped into the data folder unchanged.
 */
public final class AtlasOpenData2020 {
    /** Folder, inside the data folder, holding the {@code 4lep} data files. */
    public static final String FOLDER = "atlas-opendata-13tev-2020-4lep";
    /** The 2016 data periods A-D, in order. */
    public static final List<String> DATA_FILES = List.of(
            "data_A.4lep.root", "data_B.4lep.root", "data_C.4lep.root", "data_D.4lep.root");
    /** The tree holding one entry per event. */
    public static final String TREE = "mini";
    /** Integrated luminosity of periods A-D together, in fb^-1 (the release's rounded figure). */
    public static final double LUMINOSITY_INVERSE_FB = 10.0;
    /** Centre-of-mass energy in TeV. */
    public static final double SQRT_S_TEV = 13.0;

    private AtlasOpenData2020() {
    }

    /** The data files as paths relative to the data folder. */
    public static List<String> dataFilesRelative() {
        return DATA_FILES.stream().map(name -> FOLDER + "/" + name).toList();
    }
}
