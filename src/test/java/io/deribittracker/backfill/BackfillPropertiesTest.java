package io.deribittracker.backfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class BackfillPropertiesTest {

    private static BackfillProperties withInstruments(List<String> instruments) {
        return new BackfillProperties(Duration.ofHours(24), Duration.ofMinutes(10), 5, Duration.ofSeconds(10), instruments);
    }

    @Test
    void eachIndexHasItsPerpetualByDefault() {
        BackfillProperties properties = withInstruments(List.of());
        assertThat(properties.instrumentFor("btc_usd")).isEqualTo("BTC-PERPETUAL");
        assertThat(properties.instrumentFor("eth_usd")).isEqualTo("ETH-PERPETUAL");
        assertThat(properties.instrumentFor("ada_usdc")).isEqualTo("ADA_USDC-PERPETUAL");
        assertThat(properties.instrumentFor("btc_usdt")).as("no default rule").isNull();
    }

    @Test
    void configurationOverridesTheRule() {
        BackfillProperties properties = withInstruments(List.of("btc_usdt=BTC_USDC-PERPETUAL", " ETH_USD = ETH-PERP-X "));
        assertThat(properties.instrumentFor("btc_usdt")).isEqualTo("BTC_USDC-PERPETUAL");
        assertThat(properties.instrumentFor("eth_usd")).isEqualTo("ETH-PERP-X");
        assertThat(properties.instrumentFor("btc_usd")).isEqualTo("BTC-PERPETUAL");
    }

    @Test
    void zeroTurnsItOffAndNegativeIsRefused() {
        assertThat(new BackfillProperties(Duration.ZERO, Duration.ofMinutes(10), 5, Duration.ofSeconds(10), null).enabled()).isFalse();
        assertThatThrownBy(() -> new BackfillProperties(Duration.ofSeconds(-1), Duration.ofMinutes(10), 5, Duration.ofSeconds(10), null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
