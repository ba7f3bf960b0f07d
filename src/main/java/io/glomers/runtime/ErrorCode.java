package io.glomers.runtime;

import lombok.Getter;
import lombok.RequiredArgsConstructor;

/**
 * Maelstrom's error codes. A definite error promises that the operation did not happen and never
 * will; when in doubt a handler must pick an indefinite one.
 */
@Getter
@RequiredArgsConstructor
public enum ErrorCode {
    TIMEOUT(0, false),
    NODE_NOT_FOUND(1, true),
    NOT_SUPPORTED(10, true),
    TEMPORARILY_UNAVAILABLE(11, true),
    MALFORMED_REQUEST(12, true),
    CRASH(13, false),
    ABORT(14, true),
    KEY_DOES_NOT_EXIST(20, true),
    KEY_ALREADY_EXISTS(21, true),
    PRECONDITION_FAILED(22, true),
    TXN_CONFLICT(30, true);

    private final int code;
    private final boolean definite;
}
