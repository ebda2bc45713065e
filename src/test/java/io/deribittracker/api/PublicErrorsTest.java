package io.deribittracker.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;

import io.vertx.core.http.HttpClosedException;
import org.junit.jupiter.api.Test;

/** Which failures of a response mean that the client went away (one DEBUG line) rather than a fault of ours. */
class PublicErrorsTest {

    @Test
    void aClientThatHungUpInAnyOfItsWaysIsGone() {
        assertThat(PublicErrors.isClientGone(new HttpClosedException("closed"))).isTrue();
        assertThat(PublicErrors.isClientGone(new IOException("Connection reset by peer"))).isTrue();
        assertThat(PublicErrors.isClientGone(new IOException("Broken pipe"))).isTrue();
        assertThat(PublicErrors.isClientGone(new ClosedChannelException())).isTrue();
        // however deep the cause
        assertThat(PublicErrors.isClientGone(new IllegalStateException(new UncheckedIOException(new IOException("Broken pipe"))))).isTrue();
    }

    @Test
    void anyOtherFailureIsOurs() {
        assertThat(PublicErrors.isClientGone(new IOException("No space left on device"))).isFalse();
        assertThat(PublicErrors.isClientGone(new IllegalStateException("bug"))).isFalse();
    }
}
