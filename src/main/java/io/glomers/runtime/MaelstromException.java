package io.glomers.runtime;

import lombok.Getter;

/** A failure that becomes an {@code error} reply carrying a Maelstrom error code. */
@Getter
public class MaelstromException extends RuntimeException {

    private final ErrorCode code;

    public MaelstromException(ErrorCode code, String text) {
        super(text);
        this.code = code;
    }
}
