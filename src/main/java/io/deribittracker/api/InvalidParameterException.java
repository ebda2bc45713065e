package io.deribittracker.api;

/**
 * A query parameter the API cannot accept. Carries the parameter's name so that the 400 problem tells the client
 * exactly which one to fix, instead of a generic "bad request".
 */
class InvalidParameterException extends RuntimeException {

    private final String parameter;

    public InvalidParameterException(String parameter, String detail) {
        super(detail);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
