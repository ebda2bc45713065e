package io.deribittracker.ops;

import java.util.LinkedHashMap;
import java.util.Map;

import io.deribittracker.config.CollectorProperties;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.stereotype.Component;

/** {@code collector} in {@code /actuator/info}: what this instance records and how often. The version comes from build-info. */
@Component
class CollectorInfoContributor implements InfoContributor {

    private final CollectorProperties collector;

    public CollectorInfoContributor(CollectorProperties collector) {
        this.collector = collector;
    }

    @Override
    public void contribute(Info.Builder builder) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("enabled", collector.enabled());
        detail.put("indexNames", collector.indexNames());
        detail.put("interval", collector.interval().toString());
        detail.put("intervalSeconds", collector.interval().toSeconds());
        builder.withDetail("collector", detail);
    }
}
