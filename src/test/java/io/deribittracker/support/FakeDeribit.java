package io.deribittracker.support;

/**
 * One stand-in Deribit for the whole test JVM, so that every test class shares one cached Spring context. Test
 * classes that change it call {@link StubDeribit#reset()} before they start, so nothing leaks from one to the next.
 */
public final class FakeDeribit {

    public static final StubDeribit SERVER = new StubDeribit().start(0);

    private FakeDeribit() {
    }
}
