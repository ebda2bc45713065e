package io.deribittracker.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An RFC 9457 problem, the body of every error this API answers ({@code application/problem+json}).
 *
 * @param type      a URI naming the kind of problem; {@code about:blank} when the HTTP status says it all
 * @param title     short, the same for every problem of the type
 * @param status    the HTTP status code, repeated for clients that only see the body
 * @param detail    what went wrong with this request and how to fix it
 * @param parameter the query parameter at fault, when one is (an extension member)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "parameter"})
@Schema(description = "RFC 9457 problem details, sent as application/problem+json")
public record Problem(
        @Schema(example = "urn:deribit-tracker:problem:invalid-parameter") String type,
        @Schema(example = "Invalid query parameter") String title,
        @Schema(example = "400") int status,
        @Schema(example = "Unknown query parameter 'tickr'. This operation takes only: limit, order, ticker.") String detail,
        @Schema(description = "The query parameter at fault, when there is one", example = "tickr") String parameter) {

    /** The problem type URIs; stable, so clients may switch on them. */
    public static final String INVALID_PARAMETER = "urn:deribit-tracker:problem:invalid-parameter";
    public static final String NO_PRICE_YET = "urn:deribit-tracker:problem:no-price-yet";
    public static final String DATABASE_UNAVAILABLE = "urn:deribit-tracker:problem:database-unavailable";
    public static final String INTERNAL_ERROR = "urn:deribit-tracker:problem:internal-error";
    public static final String NOT_ACCEPTABLE = "urn:deribit-tracker:problem:not-acceptable";
    public static final String BUSY = "urn:deribit-tracker:problem:busy";
    public static final String STARTING = "urn:deribit-tracker:problem:starting";
}
