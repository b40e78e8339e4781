package org.lafaom.platform.shared;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * With no {@code spring.datasource.url} configured, the service runs its own PostgreSQL 15 and keeps
 * its data under {@code lafaom.data-dir}, so the first README command works on a bare machine.
 * Setting the standard Spring datasource variables switches this off.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDatasourceUrl.class)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);
    static final String DATABASE = "lafaom_db";

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${lafaom.data-dir:.data}") String dataDir) throws IOException {
        Path pgData = Path.of(dataDir, "postgres").toAbsolutePath();
        Files.createDirectories(pgData);
        log.info("No spring.datasource.url set: starting embedded PostgreSQL with data in {}", pgData);
        Path binaries = EmbeddedPostgresBinaries.workingDirectory();
        EmbeddedPostgresBinaries.discardInterruptedUnpacking(binaries);
        return EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(binaries.toFile())
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                .setPGStartupWait(java.time.Duration.ofSeconds(60))
                .start();
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
            if (!rs.next()) {
                s.execute("CREATE DATABASE " + DATABASE);
            }
        }
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(postgres.getJdbcUrl("postgres", DATABASE));
        ds.setUsername("postgres");
        ds.setMaximumPoolSize(10);
        ds.setPoolName("lafaom-embedded");
        return ds;
    }

    static class NoDatasourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("spring.datasource.url");
            return url == null || url.isBlank();
        }
    }
}
