package io.glomers.runtime;

import java.io.InputStream;

/** Where protocol lines come from: stdin in production, a test's stream in integration tests. */
@FunctionalInterface
public interface ProtocolInput {
    InputStream open();
}
