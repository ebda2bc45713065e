package io.deribittracker.ops;

import io.deribittracker.support.HttpTestClient;

/** The credentials the operations tests configure, and the admin's view through a client. */
final class OpsAccounts {

    static final String ADMIN_USER = "ops-admin";
    static final String ADMIN_PASSWORD = "Adm1n-Pw-7f3c9e";
    /** Not needed by the trust-auth test PostgreSQL, but configured so that we can look for it everywhere. */
    static final String DB_PASSWORD = "Db-Pw-51c0ffee";

    private OpsAccounts() {
    }

    /** The same port, logged in as the admin (HTTP Basic). */
    static HttpTestClient asAdmin(HttpTestClient http) {
        return http.as(ADMIN_USER, ADMIN_PASSWORD);
    }
}
