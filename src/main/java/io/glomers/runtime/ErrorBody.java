package io.glomers.runtime;

/** The {@code error} reply: {@code {"type":"error","in_reply_to":5,"code":12,"text":"..."}}. */
@MessageType("error")
public record ErrorBody(int code, String text) {

    public static ErrorBody of(MaelstromException e) {
        return new ErrorBody(e.getCode().getCode(), e.getMessage());
    }
}
