package io.deribittracker.ops;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The one operator login ({@code ADMIN_USER} / {@code ADMIN_PASSWORD}): HTTP Basic on the actuator endpoints and
 * Hawtio's login page. Without both, Hawtio and every actuator endpoint but health and info are switched off
 * (see {@link AdminLockdownEnvironmentPostProcessor}).
 *
 * @param user     admin user name
 * @param password admin password; never logged, never shown (its {@code toString} hides it)
 */
@ConfigurationProperties("admin")
record AdminProperties(String user, String password) {

    public static final String USER_PROPERTY = "admin.user";
    public static final String PASSWORD_PROPERTY = "admin.password";

    /** Both credentials are set (non-blank). */
    public boolean configured() {
        return isSet(user) && isSet(password);
    }

    /** Constant-time check of a user name and password against the configured ones; always false when unset. */
    public boolean matches(String candidateUser, String candidatePassword) {
        if (!configured() || candidateUser == null || candidatePassword == null) {
            return false;
        }
        // compare digests so that neither the length nor a common prefix leaks through timing
        boolean userOk = MessageDigest.isEqual(sha256(candidateUser), sha256(user));
        boolean passwordOk = MessageDigest.isEqual(sha256(candidatePassword), sha256(password));
        return userOk & passwordOk;
    }

    static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "AdminProperties[user=" + user + ", password=" + (isSet(password) ? "******" : "<unset>") + "]";
    }
}
