package io.glomers.runtime;

/** The {@code error} reply: {@code {"type":"error","in_reply_to":5,"code":12,"text":"..."}}. */
@MessageType("error")
public record ErrorBody(int code, String text) {

    /** Longest error text sent: Jackson quotes the offending value, which may be megabytes of input. */
    static final int MAX_TEXT = 500;

    public static ErrorBody of(MaelstromException e) {
        String text = e.getMessage();
        if (text != null && text.length() > MAX_TEXT) {
            text = text.substring(0, MAX_TEXT) + "... (" + text.length() + " chars)";
        }
        return new ErrorBody(e.getCode().getCode(), text);
    }
}
