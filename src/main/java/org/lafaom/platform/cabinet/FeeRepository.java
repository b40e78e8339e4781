package org.lafaom.platform.cabinet;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lafaom.platform.cabinet.CabinetViews.ApplicationFeeOut;
import org.lafaom.platform.cabinet.CabinetViews.CampaignOut;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL over the legacy {@code application_fees} and {@code cabinet_recruitment_campaigns} tables.
 * Fee amounts are {@code double precision}: written from decimals of at most two places, read back
 * as decimals. Campaign dates have no zone: UTC.
 */
@Repository
class FeeRepository {

    private static final String FEE = "SELECT id, amount, currency, description, is_active, created_at, updated_at FROM application_fees";
    private static final String CAMPAIGN = """
            SELECT c.id, c.title, c.description, c.start_date, c.end_date, c.application_fee_id, c.is_active, c.created_at,
                   c.updated_at, f.amount AS fee_amount, f.currency AS fee_currency, f.description AS fee_description,
                   f.is_active AS fee_active, f.created_at AS fee_created_at, f.updated_at AS fee_updated_at
            FROM cabinet_recruitment_campaigns c JOIN application_fees f ON f.id = c.application_fee_id""";

    /** What an application costs and which campaign (if any) set it. */
    record Price(BigDecimal amount, String currency, String campaignId) {}

    private final JdbcClient jdbc;

    FeeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insertFee(String id, BigDecimal amount, String currency, String description) {
        jdbc.sql("""
                INSERT INTO application_fees (id, created_at, updated_at, amount, currency, description, is_active)
                VALUES (:id, now(), now(), :amount, :currency, :description, true)""")
                .param("id", id).param("amount", amount.doubleValue()).param("currency", currency).param("description", description)
                .update();
    }

    Optional<ApplicationFeeOut> fee(String id) {
        return jdbc.sql(FEE + " WHERE id = :id AND delete_at IS NULL").param("id", id).query(this::feeRow).optional();
    }

    List<ApplicationFeeOut> fees(int skip, int limit) {
        return jdbc.sql(FEE + " WHERE delete_at IS NULL ORDER BY created_at DESC, id LIMIT :limit OFFSET :skip")
                .param("limit", limit).param("skip", skip).query(this::feeRow).list();
    }

    void insertCampaign(String id, String title, String description, LocalDateTime start, LocalDateTime end, String feeId,
            boolean active) {
        jdbc.sql("""
                INSERT INTO cabinet_recruitment_campaigns (id, created_at, updated_at, title, description, start_date, end_date,
                    application_fee_id, is_active)
                VALUES (:id, now(), now(), :title, :description, :start, :end, :fee, :active)""")
                .param("id", id).param("title", title).param("description", description).param("start", start).param("end", end)
                .param("fee", feeId).param("active", active).update();
    }

    Optional<CampaignOut> campaign(String id) {
        return jdbc.sql(CAMPAIGN + " WHERE c.id = :id AND c.delete_at IS NULL").param("id", id).query(this::campaignRow).optional();
    }

    List<CampaignOut> campaigns(int skip, int limit) {
        return jdbc.sql(CAMPAIGN + " WHERE c.delete_at IS NULL ORDER BY c.start_date DESC, c.created_at DESC, c.id"
                        + " LIMIT :limit OFFSET :skip")
                .param("limit", limit).param("skip", skip).query(this::campaignRow).list();
    }

    /** Applies changes to a fee or campaign row; table and column names come from code, never from input. */
    void update(String table, String id, Map<String, Object> changes) {
        if (changes.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("UPDATE " + table + " SET updated_at = now()");
        changes.keySet().forEach(c -> sql.append(", ").append(c).append(" = :").append(c));
        jdbc.sql(sql + " WHERE id = :id").params(changes).param("id", id).update();
    }

    /** The fee of the active campaign running at {@code now} (the latest started, when several overlap). */
    Optional<Price> campaignPrice(LocalDateTime now) {
        return jdbc.sql("""
                SELECT f.amount, f.currency, c.id AS campaign_id
                FROM cabinet_recruitment_campaigns c JOIN application_fees f ON f.id = c.application_fee_id
                WHERE c.is_active AND c.delete_at IS NULL AND f.is_active AND f.delete_at IS NULL
                  AND c.start_date <= :now AND c.end_date >= :now
                ORDER BY c.start_date DESC, c.created_at DESC LIMIT 1""")
                .param("now", now).query((rs, i) -> new Price(rs.getBigDecimal("amount"), rs.getString("currency"),
                        rs.getString("campaign_id"))).optional();
    }

    /** The active fees, newest first. */
    List<Price> activeFees() {
        return jdbc.sql("SELECT amount, currency FROM application_fees WHERE is_active AND delete_at IS NULL ORDER BY created_at DESC, id")
                .query((rs, i) -> new Price(rs.getBigDecimal("amount"), rs.getString("currency"), null)).list();
    }

    private ApplicationFeeOut feeRow(ResultSet rs, int i) throws SQLException {
        return new ApplicationFeeOut(CabinetApplicationRepository.money(rs.getBigDecimal("amount")), rs.getString("currency"),
                rs.getString("description"), rs.getString("id"), rs.getBoolean("is_active"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class));
    }

    private CampaignOut campaignRow(ResultSet rs, int i) throws SQLException {
        ApplicationFeeOut fee = new ApplicationFeeOut(CabinetApplicationRepository.money(rs.getBigDecimal("fee_amount")),
                rs.getString("fee_currency"), rs.getString("fee_description"), rs.getString("application_fee_id"),
                rs.getBoolean("fee_active"), rs.getObject("fee_created_at", OffsetDateTime.class),
                rs.getObject("fee_updated_at", OffsetDateTime.class));
        return new CampaignOut(rs.getString("title"), rs.getString("description"), utc(rs, "start_date"), utc(rs, "end_date"),
                rs.getString("application_fee_id"), rs.getString("id"), rs.getBoolean("is_active"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class), fee);
    }

    private static OffsetDateTime utc(ResultSet rs, String column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.atOffset(ZoneOffset.UTC);
    }
}
