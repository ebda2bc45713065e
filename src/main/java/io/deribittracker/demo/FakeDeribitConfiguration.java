package io.deribittracker.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Starts the {@link FakeDeribitServer} when the demo switch ({@code --spring.profiles.active=demo}) is on. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("tracker.demo.fake-deribit.enabled")
class FakeDeribitConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(FakeDeribitConfiguration.class);

    @Bean(destroyMethod = "close")
    FakeDeribitServer fakeDeribitServer(@Value("${tracker.demo.fake-deribit.port}") int port) {
        FakeDeribitServer server = new FakeDeribitServer().start(port);
        LOG.warn("DEMO MODE: prices come from a local FAKE Deribit at {} (random walk), not from the exchange", server.wsUrl());
        return server;
    }
}
