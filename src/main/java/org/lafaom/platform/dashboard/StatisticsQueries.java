package org.lafaom.platform.dashboard;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Small helpers over aggregate SQL: every statistic is computed by PostgreSQL (COUNT, SUM,
 * FILTER, GROUP BY), never by loading rows into memory. Statements come from code only.
 */
@Component
class StatisticsQueries {

    private final JdbcClient jdbc;

    StatisticsQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One row of named aggregates, e.g. {@code SELECT count(*) AS total, ...}. */
    Map<String, Object> row(String sql) {
        Map<String, Object> row = new LinkedHashMap<>();
        jdbc.sql(sql).query(rs -> {
            var meta = rs.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                row.put(meta.getColumnLabel(i), number(rs.getObject(i)));
            }
        });
        return row;
    }

    /** {@code SELECT key, value ... GROUP BY key} as a map, every {@code keys} present (0 when absent). */
    Map<String, Object> counts(String sql, List<String> keys) {
        Map<String, Object> counts = new LinkedHashMap<>();
        keys.forEach(k -> counts.put(k, 0L));
        jdbc.sql(sql).query(rs -> {
            String key = rs.getString(1);
            counts.put(key == null ? "unknown" : key, number(rs.getObject(2)));
        });
        return counts;
    }

    /** {@code SELECT key, a, b ... GROUP BY key} as {@code {key: {a:.., b:..}}}. */
    Map<String, Object> groups(String sql) {
        Map<String, Object> groups = new LinkedHashMap<>();
        jdbc.sql(sql).query(rs -> {
            var meta = rs.getMetaData();
            Map<String, Object> values = new LinkedHashMap<>();
            for (int i = 2; i <= meta.getColumnCount(); i++) {
                values.put(meta.getColumnLabel(i), number(rs.getObject(i)));
            }
            String key = rs.getString(1);
            groups.put(key == null ? "unknown" : key, values);
        });
        return groups;
    }

    /** Money stays exact (numeric columns give BigDecimal); a missing sum is 0. */
    private static Object number(Object value) {
        if (value == null) {
            return 0;
        }
        if (value instanceof BigDecimal d) {
            return d.stripTrailingZeros().scale() <= 0 ? d.setScale(0) : d;
        }
        return value;
    }
}
