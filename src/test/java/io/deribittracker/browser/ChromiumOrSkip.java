package io.deribittracker.browser;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a browser test class only where Debian's Chromium and its ChromeDriver are installed (apt-get install chromium
 * chromium-driver; {@code .ci/run} does). Elsewhere the class is skipped, never faked, and says so where a person
 * looks: the skip reason in the test report, and on the build's console a WARNING from the enforcer's
 * {@code chromium-for-browser-tests} check (pom.xml) just before the integration tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ChromiumOrSkip.Condition.class)
@interface ChromiumOrSkip {

    Path CHROMIUM = Path.of("/usr/bin/chromium");
    Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    final class Condition implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
                return ConditionEvaluationResult.enabled("Chromium and ChromeDriver are installed");
            }
            String reason = context.getDisplayName() + " SKIPPED: " + CHROMIUM + " or " + CHROMEDRIVER
                    + " is missing (apt-get install chromium chromium-driver)";
            return ConditionEvaluationResult.disabled(reason);
        }
    }
}
