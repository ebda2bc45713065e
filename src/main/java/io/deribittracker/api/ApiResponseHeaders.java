package io.deribittracker.api;

import java.util.Locale;
import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpHeaderFilterStrategy;
import org.springframework.stereotype.Component;

/**
 * The header filter of the platform-http component (camel.component.platform-http.header-filter-strategy).
 * Camel copies every message header to the HTTP response, and a request's headers and query parameters arrive as
 * message headers, so without this a response would echo the client's {@code Cookie}, {@code Authorization} or
 * {@code ticker} back. Rather than remove headers in every route (and forget one), nothing goes out unless it is
 * listed here. Content-Type and the status code are written by the binding itself, not as copied headers.
 * Incoming headers are filtered as before.
 */
@Component
class ApiResponseHeaders extends HttpHeaderFilterStrategy {

    private static final Set<String> SENT = Set.of("allow", "cache-control", "content-disposition", "retry-after", "vary");

    @Override
    public boolean applyFilterToCamelHeaders(String headerName, Object headerValue, Exchange exchange) {
        return !SENT.contains(headerName.toLowerCase(Locale.ROOT));
    }
}
