package org.certrevoke.registry.api;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Stops reading a body once it passes the limit, whatever length the client declared. */
class BoundedStream extends FilterInputStream {

    private long left;

    BoundedStream(InputStream in, long limit) {
        super(in);
        this.left = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            consumed(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            consumed(n);
        }
        return n;
    }

    private void consumed(int n) {
        left -= n;
        if (left < 0) {
            throw new BodyTooLargeException();
        }
    }

    /** Unchecked, so that it crosses the JSON reader untouched and reaches its mapper. */
    static class BodyTooLargeException extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }
}
