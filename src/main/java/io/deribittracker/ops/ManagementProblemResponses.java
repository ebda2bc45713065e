package io.deribittracker.ops;

import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.context.annotation.Import;

/** {@link TomcatProblemResponses} for actuator's own web server, when it runs on a port of its own. */
@ManagementContextConfiguration(value = ManagementContextType.CHILD, proxyBeanMethods = false)
@Import(TomcatProblemResponses.class)
class ManagementProblemResponses {
}
