package io.deribittracker.support;

import io.deribittracker.demo.FakeDeribitServer;

/** One stand-in Deribit for the whole test JVM, so that every test class shares one cached Spring context. */
public final class FakeDeribit {

    public static final FakeDeribitServer SERVER = new FakeDeribitServer().start(0);

    private FakeDeribit() {
    }
}
