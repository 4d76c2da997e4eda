package org.hepbridge.root;

import java.util.List;

/**
 * The on-disk layout of one version of one class (a TStreamerInfo).
 *
 * @param className the class
 * @param classVersion the version this layout describes
 * @param checksum the class checksum
 * @param elements members in streaming order, base classes first
 */
record StreamerInfo(String className, int classVersion, long checksum,
        List<StreamerElement> elements) {
}
