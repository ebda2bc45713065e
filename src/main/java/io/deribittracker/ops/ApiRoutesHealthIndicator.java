package io.deribittracker.ops;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code apiRoutes} in readiness: UP once every route the Rest DSL created is started, so that a load balancer sends
 * no request to an API that would not answer it. The collector's routes are not here: the API serves what is stored
 * whether or not the exchange can be reached (that shows in the overall health, under {@code camelHealth}).
 */
@Component("apiRoutes")
class ApiRoutesHealthIndicator implements HealthIndicator {

    private final CamelContext camel;

    ApiRoutesHealthIndicator(CamelContext camel) {
        this.camel = camel;
    }

    @Override
    public Health health() {
        List<Route> routes = camel.getRoutes().stream().filter(Route::isCreatedByRestDsl).toList();
        Map<String, String> states = new TreeMap<>();
        boolean started = !routes.isEmpty() && camel.isStarted();
        for (Route route : routes) {
            ServiceStatus status = camel.getRouteController().getRouteStatus(route.getRouteId());
            states.put(route.getRouteId(), String.valueOf(status));
            started &= status == ServiceStatus.Started;
        }
        return (started ? Health.up() : Health.down()).withDetail("routes", states).build();
    }
}
