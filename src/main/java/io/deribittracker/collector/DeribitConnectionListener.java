package io.deribittracker.collector;

/** Told when the shared Deribit WebSocket comes up or goes down. */
public interface DeribitConnectionListener {

    /** A new socket is open; nothing has been sent on it yet. */
    void connected(String remote);

    /** The open socket closed (by Deribit, the network, or the idle watchdog). */
    void disconnected(String remote);

    /** An attempt to open a socket failed; the next one waits {@code retryInMillis}. */
    void connectFailed(int failuresInARow, Throwable cause, long retryInMillis);
}
