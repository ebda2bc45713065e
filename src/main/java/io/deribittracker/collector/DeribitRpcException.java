package io.deribittracker.collector;

import java.util.Set;

/** Deribit answered a request with a JSON-RPC error object. */
public class DeribitRpcException extends Exception {

    /** Deribit's "too many requests": it also ends the session, so wait longer before asking again. */
    public static final int TOO_MANY_REQUESTS = 10028;

    /**
     * Codes that say "not now" rather than "never": rate limits, settlement, maintenance, overload, timeouts.
     * Every other code (bad parameters, unknown method, ...) would fail the same way again.
     */
    private static final Set<Integer> RETRYABLE = Set.of(
            TOO_MANY_REQUESTS, 10040, 10041, 10047, 10066, 11051, 11094, 13028, 13888);

    private final int code;

    public DeribitRpcException(String method, int code, String message) {
        super("Deribit answered " + method + " with error " + code + " (" + message + ")");
        this.code = code;
    }

    public int getCode() {
        return code;
    }

    public boolean isRetryable() {
        return RETRYABLE.contains(code);
    }
}
