package io.deribittracker.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.model.Model;
import org.apache.camel.model.rest.ParamDefinition;
import org.apache.camel.model.rest.RestDefinition;
import org.apache.camel.model.rest.RestParamType;
import org.apache.camel.model.rest.VerbDefinition;
import org.springframework.stereotype.Component;

/**
 * The query parameters each operation declares in rest-api.camel.yaml (their names, and which are required), read
 * from the Rest DSL itself: the one place they are written, for the OpenAPI document and for validation alike.
 * The operation of an exchange is the path it was sent to.
 */
@Component
class OperationParameters {

    private final CamelContext camel;
    private final Map<String, Map<String, Boolean>> byOperation = new ConcurrentHashMap<>();

    OperationParameters(CamelContext camel) {
        this.camel = camel;
    }

    /** name -> required, in declaration order, for the operation that received {@code exchange}. */
    Map<String, Boolean> of(Exchange exchange) {
        return byOperation.computeIfAbsent(exchange.getMessage().getHeader(Exchange.HTTP_PATH, String.class), this::declared);
    }

    private Map<String, Boolean> declared(String path) {
        Model model = camel.getCamelContextExtension().getContextPlugin(Model.class);
        for (RestDefinition rest : model.getRestDefinitions()) {
            for (VerbDefinition verb : rest.getVerbs()) {
                if (path.equals(joined(rest.getPath(), verb.getPath()))) {
                    Map<String, Boolean> parameters = new LinkedHashMap<>();
                    List<ParamDefinition> params = verb.getParams();
                    for (ParamDefinition param : params) {
                        if (param.getType() == RestParamType.query) {
                            parameters.put(param.getName(), Boolean.TRUE.equals(param.getRequired()));
                        }
                    }
                    return Collections.unmodifiableMap(parameters);
                }
            }
        }
        throw new IllegalStateException("No rest operation at " + path + " in the Rest DSL");
    }

    static String joined(String restPath, String verbPath) {
        String base = restPath == null || restPath.equals("/") ? "" : restPath;
        return base + (verbPath == null ? "" : verbPath);
    }
}
