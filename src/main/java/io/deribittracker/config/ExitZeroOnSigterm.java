package io.deribittracker.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import sun.misc.Signal;

/**
 * Turns SIGTERM (docker stop, Kubernetes) into an orderly exit with status 0. The JVM's default handler
 * also runs the shutdown hooks, but exits with 143, which supervisors report as a failure. The order of
 * the shutdown itself is Camel's: the tick route stops first and the storage route last, once its queue is
 * flushed (see the routes' startupOrder); then the WebSocket endpoint closes its socket.
 */
public final class ExitZeroOnSigterm {

    private static final Logger LOG = LoggerFactory.getLogger(ExitZeroOnSigterm.class);

    private ExitZeroOnSigterm() {
    }

    public static void install(ConfigurableApplicationContext context) {
        Signal.handle(new Signal("TERM"), signal -> {
            LOG.info("SIGTERM: taking no new slots, flushing collected samples to the database, then exiting");
            System.exit(SpringApplication.exit(context, () -> 0));
        });
    }
}
