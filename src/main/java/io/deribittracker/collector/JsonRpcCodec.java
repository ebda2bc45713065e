package io.deribittracker.collector;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deribittracker.config.DeribitProperties;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.stereotype.Component;

/**
 * Deribit's JSON-RPC 2.0 frames: writes the requests the collector sends, reads the replies it gets. Ids come from
 * {@link PendingReplies}, which pairs each reply with its request.
 */
@Component("jsonRpc")
public class JsonRpcCodec {

    /** Header carrying Deribit's {@code usOut} (µs since the epoch) of the reply. */
    public static final String US_OUT = "DeribitUsOut";

    private final ObjectMapper json = DeribitJson.objectMapper();
    private final long heartbeatSeconds;
    private final String clientVersion;

    public JsonRpcCodec(DeribitProperties properties, ObjectProvider<BuildProperties> build) {
        this.heartbeatSeconds = properties.heartbeatInterval().toSeconds();
        BuildProperties buildProperties = build.getIfAvailable();
        this.clientVersion = buildProperties == null ? "dev" : buildProperties.getVersion();
    }

    /**
     * The request for {@code method} (header {@link PendingReplies#METHOD}) under the id {@link PendingReplies#expect}
     * gave it, with that method's parameters: every request this service sends over the socket is built here.
     */
    public String request(@Header(PendingReplies.REQUEST_ID) long id, @Header(PendingReplies.METHOD) String method,
                          @Header("ticker") String ticker) {
        Map<String, Object> params = switch (method) {
            case "public/get_index_price" -> Map.of("index_name", ticker);
            // introduces this client to Deribit on a new connection
            case "public/hello" -> Map.of("client_name", "deribit-tracker", "client_version", clientVersion);
            // Deribit then proves the socket alive, and asks us to
            case "public/set_heartbeat" -> Map.of("interval", heartbeatSeconds);
            default -> throw new IllegalArgumentException("No request is defined for " + method);
        };
        return request(id, method, params);
    }

    /** {@code public/test}, the required answer to a heartbeat {@code test_request}; nobody waits for its reply. */
    public String test() {
        return request(0, "public/test", Map.of());
    }

    private String request(long id, String method, Map<String, Object> params) {
        ObjectNode request = json.createObjectNode()
                .put("jsonrpc", "2.0")
                .put("id", id)
                .put("method", method);
        request.set("params", json.valueToTree(params));
        return request.toString();
    }

    /** Reads a frame exactly: numbers keep every digit Deribit sent. */
    public JsonNode parse(String frame) throws JsonProcessingException {
        return json.readTree(frame);
    }

    /**
     * The {@code result} of a reply frame, which becomes the body; Deribit's {@code usOut} goes to a header.
     *
     * @throws DeribitRpcException if Deribit answered with an error object
     */
    public JsonNode result(JsonNode frame, Exchange exchange) throws DeribitRpcException {
        JsonNode error = frame.get("error");
        if (error != null) {
            throw new DeribitRpcException(exchange.getMessage().getHeader(PendingReplies.METHOD, String.class),
                    error.path("code").asInt(), error.path("message").asText());
        }
        JsonNode usOut = frame.get("usOut");
        exchange.getMessage().setHeader(US_OUT, usOut == null ? null : usOut.asLong());
        return frame.get("result");
    }
}
