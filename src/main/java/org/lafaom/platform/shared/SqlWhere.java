package org.lafaom.platform.shared;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The WHERE clause of a list query, built from optional filters. Clauses come from code; values
 * are always bound parameters. A clause names its value {@code ?}, replaced by a fresh parameter.
 */
public final class SqlWhere {

    private final List<String> clauses = new ArrayList<>();
    private final Map<String, Object> params = new LinkedHashMap<>();

    public static SqlWhere of(String... fixedClauses) {
        SqlWhere where = new SqlWhere();
        where.clauses.addAll(List.of(fixedClauses));
        return where;
    }

    /** Adds {@code clause} (with one {@code ?}) when {@code value} is neither null nor blank text. */
    public SqlWhere and(String clause, Object value) {
        if (value == null || value instanceof String s && s.isBlank()) {
            return this;
        }
        String name = "w" + params.size();
        params.put(name, value);
        clauses.add(clause.replace("?", ":" + name));
        return this;
    }

    /** Adds a clause without a value when {@code condition} holds. */
    public SqlWhere andIf(boolean condition, String clause) {
        if (condition) {
            clauses.add(clause);
        }
        return this;
    }

    /** Case-insensitive "contains" over several columns, with LIKE wildcards in the term escaped. */
    public SqlWhere search(String term, String... columns) {
        if (term == null || term.isBlank()) {
            return this;
        }
        String name = "w" + params.size();
        params.put(name, "%" + escapeLike(term.trim()) + "%");
        List<String> any = new ArrayList<>();
        for (String column : columns) {
            any.add(column + " ILIKE :" + name);
        }
        clauses.add("(" + String.join(" OR ", any) + ")");
        return this;
    }

    public String sql() {
        return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }

    public JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
        return spec.params(params);
    }

    public static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
