package io.glomers.broadcast;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.databind.JacksonSerializable;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.jsontype.TypeSerializer;

/**
 * The store's values as the JSON array a {@code read} returns, in the order they arrived, written as each
 * value comes. A read then copies bytes instead of walking the set and formatting every number: at
 * {@code --rate 1000} the reads' replies were half of the nodes' CPU (docs/benchmarks.md), 15 times what
 * the copy costs at 10,000 values. Maelstrom's checker takes a read as a set, so the order is free.
 * Append-only: a {@link Snapshot} is a prefix, which later values never touch. A value costs its digits and
 * a comma (Maelstrom's: 6-7 bytes), about what one read of it cost before.
 */
final class ValuesJson {

    private byte[] text = new byte[64]; // '[' and the values, comma-separated; the snapshot closes the array
    private int length;

    ValuesJson() {
        text[length++] = '[';
    }

    void add(long value) {
        byte[] digits = Long.toString(value).getBytes(StandardCharsets.US_ASCII);
        int needed = length + 1 + digits.length;
        if (needed > text.length) {
            text = Arrays.copyOf(text, Math.max(needed, text.length + (text.length >> 1)));
        }
        if (length > 1) {
            text[length++] = ',';
        }
        System.arraycopy(digits, 0, text, length, digits.length);
        length += digits.length;
    }

    /** The values so far, as a JSON array; a value added later is not in it. */
    Snapshot snapshot() {
        return new Snapshot(text, length);
    }

    /**
     * A JSON array of values, written into a message as the bytes it already is ({@link JsonGenerator#writeRawValue}):
     * the opening bracket and the values are {@code text[0, length)}, and the closing bracket is added on the way out.
     * Never written as a string, so the quoted forms are not supported.
     */
    record Snapshot(byte[] text, int length) implements JacksonSerializable, SerializableString {

        @Override
        public void serialize(JsonGenerator generator, SerializationContext context) {
            generator.writeRawValue(this);
        }

        @Override
        public void serializeWithType(JsonGenerator generator, SerializationContext context, TypeSerializer typeSerializer) {
            serialize(generator, context);
        }

        @Override
        public String getValue() {
            return new String(asUnquotedUTF8(), StandardCharsets.US_ASCII);
        }

        @Override
        public int charLength() {
            return length + 1;
        }

        @Override
        public byte[] asUnquotedUTF8() {
            byte[] closed = Arrays.copyOf(text, length + 1);
            closed[length] = ']';
            return closed;
        }

        @Override
        public int appendUnquotedUTF8(byte[] buffer, int offset) {
            if (buffer.length - offset < length + 1) {
                return -1;
            }
            System.arraycopy(text, 0, buffer, offset, length);
            buffer[offset + length] = ']';
            return length + 1;
        }

        @Override
        public int appendUnquoted(char[] buffer, int offset) {
            if (buffer.length - offset < length + 1) {
                return -1;
            }
            for (int i = 0; i < length; i++) {
                buffer[offset + i] = (char) text[i];
            }
            buffer[offset + length] = ']';
            return length + 1;
        }

        @Override
        public int writeUnquotedUTF8(OutputStream out) throws IOException {
            out.write(text, 0, length);
            out.write(']');
            return length + 1;
        }

        @Override
        public int putUnquotedUTF8(ByteBuffer buffer) {
            if (buffer.remaining() < length + 1) {
                return -1;
            }
            buffer.put(text, 0, length).put((byte) ']');
            return length + 1;
        }

        @Override
        public char[] asQuotedChars() {
            throw quoted();
        }

        @Override
        public byte[] asQuotedUTF8() {
            throw quoted();
        }

        @Override
        public int appendQuotedUTF8(byte[] buffer, int offset) {
            throw quoted();
        }

        @Override
        public int appendQuoted(char[] buffer, int offset) {
            throw quoted();
        }

        @Override
        public int writeQuotedUTF8(OutputStream out) {
            throw quoted();
        }

        @Override
        public int putQuotedUTF8(ByteBuffer buffer) {
            throw quoted();
        }

        private static UnsupportedOperationException quoted() {
            return new UnsupportedOperationException("a JSON array of values is written raw, never as a string");
        }

        @Override
        public String toString() {
            return getValue();
        }
    }
}
