package io.deribittracker.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

class DatabaseErrorsTest {

    @Test
    void unreachableMeansNoConnectionOrAServerThatCannotTakeOneNow() {
        assertThat(DatabaseErrors.isUnreachable(new SQLTransientConnectionException("pool timeout"))).isTrue();
        assertThat(DatabaseErrors.isUnreachable(new SQLException("refused", "08001"))).isTrue();
        assertThat(DatabaseErrors.isUnreachable(new SQLException("broken", "08006"))).isTrue();
        assertThat(DatabaseErrors.isUnreachable(new SQLException("admin shutdown", "57P01"))).isTrue();
        assertThat(DatabaseErrors.isUnreachable(new SQLException("starting up", "57P03"))).isTrue();
        assertThat(DatabaseErrors.isUnreachable(new SQLException("too many connections", "53300"))).isTrue();
        assertThat(DatabaseErrors.isUnreachable(new DataAccessResourceFailureException("wrapped", new SQLException("x", "08003")))).isTrue();
    }

    @Test
    void aStatementThatIsWrongIsNotUnreachable() {
        assertThat(DatabaseErrors.isUnreachable(new SQLException("no such table", "42P01"))).isFalse();
        assertThat(DatabaseErrors.isUnreachable(new SQLException("wrong password", "28P01"))).isFalse();
        assertThat(DatabaseErrors.isUnreachable(new SQLException("database dropped", "57P04"))).isFalse();
        assertThat(DatabaseErrors.isUnreachable(new SQLException("no state"))).isFalse();
        assertThat(DatabaseErrors.isUnreachable(new IllegalStateException("other"))).isFalse();
        assertThat(DatabaseErrors.isUnreachable(null)).isFalse();
    }
}
