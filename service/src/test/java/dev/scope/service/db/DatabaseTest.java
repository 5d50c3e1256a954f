package dev.scope.service.db;

import dev.scope.service.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseTest {

    @Test
    void connectsToARealPostgresAndMigrates() throws Exception {
        try (Database db = Database.connect(TestPostgres.freshDatabase("test"));
             Connection c = db.dataSource().getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM flyway_schema_history")) {
            assertThat(rs.next()).isTrue();
            assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
    }

    @Test
    void settingsNeverPrintThePassword() {
        assertThat(new DatabaseSettings("jdbc:postgresql://x/y", "u", "s3cret", 2, "p").toString())
                .doesNotContain("s3cret");
    }
}
