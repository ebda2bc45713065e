package io.deribittracker;

import io.deribittracker.config.ExitZeroOnSigterm;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class DeribitTrackerApplication {

    public static void main(String[] args) {
        ExitZeroOnSigterm.install();
        SpringApplication.run(DeribitTrackerApplication.class, args);
    }
}
