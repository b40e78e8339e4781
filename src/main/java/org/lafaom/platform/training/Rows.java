package org.lafaom.platform.training;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * Writes of a catalogue row from a column map (names come from code, never from input), with the
 * legacy json columns cast from text, and reading those columns back.
 */
final class Rows {

    private Rows() {}

    static void insert(JdbcClient jdbc, String table, String id, Map<String, Object> columns, Set<String> jsonColumns) {
        Map<String, Object> values = new HashMap<>(columns);
        values.put("id", id);
        String names = String.join(", ", values.keySet());
        String params = String.join(", ", values.keySet().stream().map(c -> placeholder(c, jsonColumns)).toList());
        jdbc.sql("INSERT INTO " + table + " (created_at, updated_at, " + names + ") VALUES (now(), now(), " + params + ")")
                .params(values).update();
    }

    static void update(JdbcClient jdbc, String table, String id, Map<String, Object> changes, Set<String> jsonColumns) {
        StringBuilder sql = new StringBuilder("UPDATE " + table + " SET updated_at = now()");
        changes.keySet().forEach(c -> sql.append(", ").append(c).append(" = ").append(placeholder(c, jsonColumns)));
        jdbc.sql(sql + " WHERE id = :id AND delete_at IS NULL").params(changes).param("id", id).update();
    }

    /** A json column's text as {@code type}; SQL null, empty and JSON null all read as null. */
    static <T> T json(ObjectMapper mapper, String text, TypeReference<T> type) {
        return text == null || text.isBlank() || text.equals("null") ? null : mapper.readValue(text, type);
    }

    private static String placeholder(String column, Set<String> jsonColumns) {
        return jsonColumns.contains(column) ? "CAST(:" + column + " AS json)" : ":" + column;
    }
}
