package org.dumbno.eos.sim;

import java.io.Writer;

/** A {@link Writer} into a {@link StringBuilder}: {@link java.io.StringWriter} without its lock per write. */
final class TextBuffer extends Writer {
    private final StringBuilder text;

    TextBuffer(int capacity) {
        this.text = new StringBuilder(capacity);
    }

    @Override
    public void write(int c) {
        text.append((char) c);
    }

    @Override
    public void write(char[] chars, int offset, int length) {
        text.append(chars, offset, length);
    }

    @Override
    public void write(String string, int offset, int length) {
        text.append(string, offset, offset + length);
    }

    @Override
    public Writer append(CharSequence chars) {
        text.append(chars);
        return this;
    }

    @Override
    public void flush() {
        // nothing is buffered beyond the text itself
    }

    @Override
    public void close() {
        // nothing to release
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
