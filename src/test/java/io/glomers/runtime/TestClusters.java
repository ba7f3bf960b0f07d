package io.glomers.runtime;

import java.util.List;

/** Builds runtime objects that normally come out of the {@code init} handshake. */
public final class TestClusters {

    private TestClusters() {
    }

    public static Cluster initialized(String self, List<String> nodeIds) {
        Cluster cluster = new Cluster();
        cluster.initialize(self, nodeIds);
        return cluster;
    }
}
