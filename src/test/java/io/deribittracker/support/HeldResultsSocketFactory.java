package io.deribittracker.support;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.net.SocketFactory;

/**
 * PostgreSQL's JDBC driver opens its sockets through this factory when the JDBC URL names it
 * ({@code socketFactory=io.deribittracker.support.HeldResultsSocketFactory}). Normally the sockets pass everything
 * through; while a {@link Hold} is open, a connection that has read a given number of bytes since the hold began
 * waits for the rest until the hold is closed. So a test can keep the end of a long result inside the database and
 * see what the service does with its beginning, on a real server and a real driver.
 */
public final class HeldResultsSocketFactory extends SocketFactory {

    /** the JDBC URL parameter that routes a pool's connections through this factory */
    public static final String URL_PARAMETER = "socketFactory=" + HeldResultsSocketFactory.class.getName();

    /** a hold nobody closes (a broken test) must not hang the whole suite */
    private static final long LONGEST_HOLD_SECONDS = 120;

    private static volatile Hold current;

    /**
     * Holds back, on every connection, what arrives after its first {@code bytes} from now, until the hold is
     * closed. Small answers (a pool's validation, a probe's one row) pass; a long result stops partway.
     */
    public static Hold holdEachConnectionAfter(long bytes) {
        Hold hold = new Hold(bytes);
        current = hold;
        return hold;
    }

    public static final class Hold implements AutoCloseable {
        private final long allowance;
        private final CountDownLatch released = new CountDownLatch(1);

        private Hold(long allowance) {
            this.allowance = allowance;
        }

        @Override
        public void close() {
            current = null;
            released.countDown();
        }
    }

    @Override
    public Socket createSocket() {
        return new Socket() {
            private InputStream held;

            @Override
            public synchronized InputStream getInputStream() throws IOException {
                if (held == null) {
                    held = new HeldInputStream(super.getInputStream());
                }
                return held;
            }
        };
    }

    @Override
    public Socket createSocket(String host, int port) {
        throw onlyUnconnected();
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) {
        throw onlyUnconnected();
    }

    @Override
    public Socket createSocket(InetAddress host, int port) {
        throw onlyUnconnected();
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) {
        throw onlyUnconnected();
    }

    private static UnsupportedOperationException onlyUnconnected() {
        return new UnsupportedOperationException("PostgreSQL's driver asks for unconnected sockets only");
    }

    /** Counts what one connection reads under the current hold, and waits once its allowance is spent. */
    private static final class HeldInputStream extends FilterInputStream {
        private Hold countedFor;
        private long readUnderHold;

        HeldInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            Hold hold = current;
            if (hold == null) {
                return super.read(buffer, offset, length);
            }
            if (hold != countedFor) {
                countedFor = hold;
                readUnderHold = 0;
            }
            long left = hold.allowance - readUnderHold;
            if (left <= 0) {
                awaitRelease(hold);
                return super.read(buffer, offset, length);
            }
            int read = super.read(buffer, offset, (int) Math.min(length, left));
            readUnderHold += Math.max(read, 0);
            return read;
        }

        private static void awaitRelease(Hold hold) throws IOException {
            try {
                if (!hold.released.await(LONGEST_HOLD_SECONDS, TimeUnit.SECONDS)) {
                    throw new InterruptedIOException("a test held a database connection for " + LONGEST_HOLD_SECONDS + " s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while a test held the database's answer");
            }
        }
    }
}
