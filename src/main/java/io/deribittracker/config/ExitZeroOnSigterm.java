package io.deribittracker.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Turns SIGTERM (docker stop, Kubernetes) into an orderly exit with status 0. The JVM's default handler runs
 * the same shutdown hooks but exits with 143, which supervisors report as a failure. The shutdown itself is
 * Spring Boot's hook closing the context, and in it Camel's graceful shutdown: the tick route stops first,
 * the spool's writer last, after the entries it holds (what is left in the spool is stored at the next start); then the WebSocket
 * endpoint closes its socket.
 */
public final class ExitZeroOnSigterm {

    private static final Logger LOG = LoggerFactory.getLogger(ExitZeroOnSigterm.class);

    private ExitZeroOnSigterm() {
    }

    public static void install() {
        Signal.handle(new Signal("TERM"), signal -> {
            LOG.info("SIGTERM: taking no new slots, flushing collected samples to the database, then exiting");
            System.exit(0);
        });
    }
}
