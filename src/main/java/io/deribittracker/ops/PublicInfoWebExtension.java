package io.deribittracker.ops;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.web.annotation.EndpointWebExtension;
import org.springframework.boot.actuate.info.InfoEndpoint;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/info} over HTTP: everyone sees what this instance records; versions and uptime (build-info,
 * Camel's contributor) only the admin, because they tell an attacker which published vulnerabilities apply.
 */
@Component
@EndpointWebExtension(endpoint = InfoEndpoint.class)
class PublicInfoWebExtension {

    /** The members of the info document that anybody may read. */
    static final Set<String> PUBLIC = Set.of("collector");

    private final InfoEndpoint delegate;

    PublicInfoWebExtension(InfoEndpoint delegate) {
        this.delegate = delegate;
    }

    @ReadOperation
    Map<String, Object> info(SecurityContext security) {
        Map<String, Object> info = delegate.info();
        if (security.isUserInRole(SecurityConfiguration.ADMIN_ROLE)) {
            return info;
        }
        return info.entrySet().stream().filter(entry -> PUBLIC.contains(entry.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, java.util.LinkedHashMap::new));
    }
}
