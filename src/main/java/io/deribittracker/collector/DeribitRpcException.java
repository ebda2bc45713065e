package io.deribittracker.collector;

/** Deribit answered a request with a JSON-RPC error object. */
public class DeribitRpcException extends Exception {

    private final int code;

    public DeribitRpcException(String method, int code, String message) {
        super("Deribit answered " + method + " with error " + code + " (" + message + ")");
        this.code = code;
    }

    public int getCode() {
        return code;
    }
}
