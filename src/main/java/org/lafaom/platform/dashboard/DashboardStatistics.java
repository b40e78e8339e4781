package org.lafaom.platform.dashboard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff dashboard's figures, read-only over every module's tables (the same database). The
 * shapes are the old backend's, plus the keys the admin app reads that it never sent.
 */
@Service
@Transactional(readOnly = true)
class DashboardStatistics {

    private static final String MONTH = "date_trunc('month', now())";
    private static final List<String> APPLICATION_STATUSES = List.of("RECEIVED", "SUBMITTED", "REFUSED", "APPROVED");
    private static final List<String> JOB_STATUSES = List.of("RECEIVED", "REFUSED", "APPROVED");
    private static final List<String> PAYMENT_STATUSES = List.of("pending", "accepted", "refused", "cancelled", "error", "rembourse");

    private final StatisticsQueries q;

    DashboardStatistics(StatisticsQueries q) {
        this.q = q;
    }

    Map<String, Object> basic() {
        Map<String, Object> users = q.row("SELECT count(*) AS total, count(*) FILTER (WHERE created_at >= " + MONTH
                + ") AS new_this_month FROM users WHERE delete_at IS NULL");
        Map<String, Object> trainings = q.row("SELECT count(*) FILTER (WHERE status = 'ACTIVE') AS total_active, "
                + "count(*) FILTER (WHERE status = 'INACTIVE') AS total_inactive FROM trainings WHERE delete_at IS NULL");
        Map<String, Object> applications = q.row("SELECT (SELECT count(*) FROM student_applications WHERE delete_at IS NULL) "
                + "AS total_training_applications, (SELECT count(*) FROM job_applications WHERE delete_at IS NULL) AS total_job_applications");
        Map<String, Object> blog = q.row("SELECT count(*) AS total_posts, count(*) FILTER (WHERE published_at IS NOT NULL) AS published_posts "
                + "FROM posts WHERE delete_at IS NULL");
        Map<String, Object> jobs = q.row("SELECT count(*) AS total, count(*) FILTER (WHERE submission_deadline >= current_date) AS available "
                + "FROM job_offers WHERE delete_at IS NULL");
        Map<String, Object> reclamations = q.row("SELECT count(*) AS total FROM reclamations WHERE delete_at IS NULL");
        Map<String, Object> payments = q.row("SELECT count(*) AS total_payments FROM payments WHERE delete_at IS NULL");
        return ordered("users", users, "trainings", trainings, "applications", applications, "blog", blog, "job_offers", jobs,
                "reclamations", reclamations, "payments", payments);
    }

    Map<String, Object> comprehensive() {
        Map<String, Object> users = q.row("SELECT count(*) FILTER (WHERE delete_at IS NULL) AS total, "
                + "count(*) FILTER (WHERE two_factor_enabled AND delete_at IS NULL) AS two_factor_enabled, "
                + "count(*) FILTER (WHERE created_at >= " + MONTH + " AND delete_at IS NULL) AS new_this_month FROM users");
        users.put("by_status", q.counts("SELECT status, count(*) FROM users GROUP BY status",
                List.of("active", "inactive", "blocked", "deleted")));
        users.put("by_type", q.counts("SELECT user_type, count(*) FROM users WHERE delete_at IS NULL GROUP BY user_type", List.of()));
        users.put("by_country", q.counts("SELECT country_code, count(*) FROM users WHERE delete_at IS NULL AND country_code IS NOT NULL "
                + "GROUP BY country_code ORDER BY count(*) DESC", List.of()));

        Map<String, Object> trainings = q.row("SELECT count(*) FILTER (WHERE status = 'ACTIVE') AS total_active, "
                + "count(*) FILTER (WHERE status = 'INACTIVE') AS total_inactive, "
                + "count(*) FILTER (WHERE created_at >= " + MONTH + ") AS new_this_month FROM trainings WHERE delete_at IS NULL");
        trainings.put("sessions_by_status", q.counts("SELECT status, count(*) FROM training_sessions WHERE delete_at IS NULL GROUP BY status",
                List.of("OPEN_FOR_REGISTRATION", "CLOSE_FOR_REGISTRATION", "ONGOING", "COMPLETED")));
        trainings.put("candidates_per_active_session", q.counts("""
                SELECT s.id, count(a.id) FROM training_sessions s
                LEFT JOIN student_applications a ON a.target_session_id = s.id AND a.delete_at IS NULL
                WHERE s.delete_at IS NULL AND s.status IN ('OPEN_FOR_REGISTRATION', 'ONGOING')
                GROUP BY s.id ORDER BY count(a.id) DESC LIMIT 100""", List.of()));

        Map<String, Object> applications = new LinkedHashMap<>();
        applications.put("total_training_applications", q.row("SELECT count(*) AS n FROM student_applications WHERE delete_at IS NULL").get("n"));
        applications.put("training_applications_by_status", q.counts(
                "SELECT status, count(*) FROM student_applications WHERE delete_at IS NULL GROUP BY status", APPLICATION_STATUSES));
        applications.put("total_job_applications", q.row("SELECT count(*) AS n FROM job_applications WHERE delete_at IS NULL").get("n"));
        applications.put("job_applications_by_status", q.counts(
                "SELECT status::text, count(*) FROM job_applications WHERE delete_at IS NULL GROUP BY status", JOB_STATUSES));

        Map<String, Object> specialties = q.row("SELECT count(*) AS total FROM specialty WHERE delete_at IS NULL");
        specialties.put("trainings_by_specialty", q.counts("SELECT s.name, count(t.id) FROM specialty s JOIN trainings t "
                + "ON t.specialty_id = s.id AND t.delete_at IS NULL WHERE s.delete_at IS NULL GROUP BY s.name", List.of()));

        Map<String, Object> centers = q.row("SELECT count(*) AS total FROM organization_centers WHERE delete_at IS NULL");
        centers.put("by_status", q.counts("SELECT status, count(*) FROM organization_centers GROUP BY status",
                List.of("active", "inactive", "suspended", "deleted")));
        centers.put("by_type", q.counts("SELECT organization_type, count(*) FROM organization_centers WHERE delete_at IS NULL "
                + "GROUP BY organization_type", List.of()));

        Map<String, Object> blog = q.row("SELECT count(*) AS total_posts, count(*) FILTER (WHERE published_at IS NOT NULL) AS published_posts, "
                + "count(*) FILTER (WHERE published_at IS NULL) AS draft_posts, "
                + "count(*) FILTER (WHERE created_at >= " + MONTH + ") AS new_this_month FROM posts WHERE delete_at IS NULL");
        blog.put("by_category", q.counts("SELECT c.title, count(p.id) FROM post_categories c JOIN posts p ON p.category_id = c.id "
                + "AND p.delete_at IS NULL GROUP BY c.title", List.of()));

        Map<String, Object> jobs = q.row("SELECT count(*) AS total, count(*) FILTER (WHERE submission_deadline >= current_date) AS available, "
                + "count(*) FILTER (WHERE submission_deadline < current_date) AS unavailable, "
                + "count(*) FILTER (WHERE created_at >= " + MONTH + ") AS new_this_month FROM job_offers WHERE delete_at IS NULL");
        jobs.put("by_contract_type", q.counts("SELECT contract_type, count(*) FROM job_offers WHERE delete_at IS NULL GROUP BY contract_type",
                List.of()));

        Map<String, Object> reclamations = q.row("SELECT count(*) AS total FROM reclamations WHERE delete_at IS NULL");
        reclamations.put("by_status", q.counts("SELECT status, count(*) FROM reclamations WHERE delete_at IS NULL GROUP BY status",
                List.of("NEW", "IN_PROGRESS", "CLOSED")));
        reclamations.put("by_priority", q.counts("SELECT priority, count(*) FROM reclamations WHERE delete_at IS NULL GROUP BY priority",
                List.of("LOW", "MEDIUM", "HIGH")));

        Map<String, Object> payments = q.row("SELECT (SELECT count(*) FROM payments WHERE delete_at IS NULL) AS total_payments, "
                + "(SELECT count(*) FROM cinetpay_payments WHERE delete_at IS NULL) AS total_cinetpay");
        payments.put("by_status", q.counts("SELECT status, count(*) FROM payments WHERE delete_at IS NULL GROUP BY status", PAYMENT_STATUSES));

        Map<String, Object> sessions = q.row("SELECT count(*) AS new_this_month FROM training_sessions WHERE delete_at IS NULL AND created_at >= "
                + MONTH);
        return ordered("users", users, "trainings", trainings, "applications", applications, "specialties", specialties,
                "centers", centers, "blog", blog, "job_offers", jobs, "reclamations", reclamations, "payments", payments,
                "sessions", sessions);
    }

    Map<String, Object> payments() {
        Map<String, Object> training = new LinkedHashMap<>();
        Map<String, Object> feeRows = q.groups("""
                SELECT status, sum(registration_fee) AS reg_total, sum(training_fee) AS train_total, count(*) AS total_count,
                       count(*) FILTER (WHERE payment_id IS NOT NULL) AS paid_count, count(*) FILTER (WHERE payment_id IS NULL) AS unpaid_count
                FROM student_applications WHERE delete_at IS NULL GROUP BY ROLLUP (status)""");
        for (String status : concat(APPLICATION_STATUSES, "TOTAL")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> row = (Map<String, Object>) feeRows.getOrDefault(status.equals("TOTAL") ? "unknown" : status, Map.of());
            training.put(status, ordered("registration_fees", fees(row, "reg_total"), "training_fees", fees(row, "train_total")));
        }
        training.putAll(q.row("""
                SELECT count(*) FILTER (WHERE payment_id IS NOT NULL) AS applications_with_payment,
                       count(*) FILTER (WHERE payment_id IS NULL) AS applications_without_payment,
                       sum(registration_fee) FILTER (WHERE payment_id IS NOT NULL) AS total_registration_fees
                FROM student_applications WHERE delete_at IS NULL"""));
        Map<String, Object> installments = q.row("""
                SELECT count(*) AS total_installments, sum(amount) AS total_amount,
                       (SELECT sum(r) FROM (SELECT min(rest_to_pay) AS r FROM training_fee_installment_payments
                           WHERE payment_id IS NOT NULL AND delete_at IS NULL GROUP BY application_id) last) AS total_remaining
                FROM training_fee_installment_payments WHERE payment_id IS NOT NULL AND delete_at IS NULL""");
        training.put("total_training_fees", installments.get("total_amount"));
        training.put("registration_fees_by_status", q.counts("SELECT status, sum(registration_fee) FROM student_applications "
                + "WHERE delete_at IS NULL GROUP BY status", APPLICATION_STATUSES));
        training.put("training_fees_by_status", q.counts("SELECT status, sum(training_fee) FROM student_applications "
                + "WHERE delete_at IS NULL GROUP BY status", APPLICATION_STATUSES));
        training.put("by_currency", q.groups("SELECT currency, count(*) AS count, sum(registration_fee) AS total_registration_fee, "
                + "sum(training_fee) AS total_training_fee FROM student_applications WHERE delete_at IS NULL GROUP BY currency"));
        installments.put("by_currency", q.groups("SELECT currency, count(*) AS count, sum(amount) AS total_amount, "
                + "sum(rest_to_pay) AS remaining FROM training_fee_installment_payments WHERE payment_id IS NOT NULL AND delete_at IS NULL "
                + "GROUP BY currency"));
        training.put("installments", installments);

        Map<String, Object> jobs = new LinkedHashMap<>();
        Map<String, Object> jobRows = q.groups("""
                SELECT status::text, sum(submission_fee) AS total, count(*) AS total_count,
                       count(*) FILTER (WHERE payment_id IS NOT NULL) AS paid_count, count(*) FILTER (WHERE payment_id IS NULL) AS unpaid_count
                FROM job_applications WHERE delete_at IS NULL GROUP BY ROLLUP (status)""");
        for (String status : concat(JOB_STATUSES, "TOTAL")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> row = (Map<String, Object>) jobRows.getOrDefault(status.equals("TOTAL") ? "unknown" : status, Map.of());
            jobs.put(status, Map.of("submission_fees", fees(row, "total")));
        }
        jobs.putAll(q.row("""
                SELECT count(*) FILTER (WHERE payment_id IS NOT NULL) AS applications_with_payment,
                       count(*) FILTER (WHERE payment_id IS NULL) AS applications_without_payment,
                       sum(submission_fee) FILTER (WHERE payment_id IS NOT NULL) AS total_submission_fees
                FROM job_applications WHERE delete_at IS NULL"""));
        jobs.put("submission_fees_by_status", q.counts("SELECT status::text, sum(submission_fee) FROM job_applications "
                + "WHERE delete_at IS NULL GROUP BY status", JOB_STATUSES));
        jobs.put("by_currency", q.groups("SELECT currency, count(*) AS count, sum(submission_fee) AS total_submission_fee "
                + "FROM job_applications WHERE delete_at IS NULL GROUP BY currency"));

        Map<String, Object> general = paymentTable("payments", "product_amount", "product_currency", "payment_type", true);
        Map<String, Object> cinetpay = paymentTable("cinetpay_payments", "amount", "currency", "payment_method", false);
        Map<String, Object> global = new LinkedHashMap<>();
        Map<String, Object> byStatus = q.groups("SELECT status, count(*) AS count, sum(product_amount) AS amount FROM payments "
                + "WHERE delete_at IS NULL GROUP BY status");
        Map<String, Object> cinetByStatus = q.groups("SELECT status, count(*) AS count, sum(amount) AS amount FROM cinetpay_payments "
                + "WHERE delete_at IS NULL GROUP BY status");
        PAYMENT_STATUSES.forEach(s -> global.put(s, byStatus.getOrDefault(s, Map.of("count", 0, "amount", 0))));
        PAYMENT_STATUSES.forEach(s -> global.put("cinetpay_" + s, cinetByStatus.getOrDefault(s, Map.of("count", 0, "amount", 0))));
        Map<String, Object> temporal = ordered(
                "general_payments", ordered("this_month", general.get("this_month"), "this_week", general.get("this_week")),
                "cinetpay_payments", Map.of("this_month", cinetpay.get("this_month")));
        return ordered("training_payments", training, "job_payments", jobs, "global_stats", global, "temporal_stats", temporal,
                "general_payments", general, "cinetpay_payments", cinetpay);
    }

    private Map<String, Object> paymentTable(String table, String amount, String currency, String method, boolean week) {
        String live = " FROM " + table + " WHERE delete_at IS NULL";
        Map<String, Object> out = q.row("SELECT count(*) AS " + (table.equals("payments") ? "total_payments" : "total") + live);
        out.put("by_status", q.counts("SELECT status, count(*)" + live + " GROUP BY status", PAYMENT_STATUSES));
        out.put("amounts_by_status", q.counts("SELECT status, sum(" + amount + ")" + live + " GROUP BY status", PAYMENT_STATUSES));
        out.put("by_currency", q.groups("SELECT " + currency + ", count(*) AS count, sum(" + amount + ") AS total_amount" + live
                + " GROUP BY " + currency));
        out.put("by_method", q.groups("SELECT " + method + ", count(*) AS count, sum(" + amount + ") AS total_amount" + live
                + " GROUP BY " + method));
        out.put("this_month", q.row("SELECT count(*) AS count, sum(" + amount + ") AS amount" + live + " AND created_at >= " + MONTH));
        if (week) {
            out.put("this_week", q.row("SELECT count(*) AS count, sum(" + amount + ") AS amount" + live
                    + " AND created_at >= now() - interval '7 days'"));
        }
        return out;
    }

    private static Map<String, Object> fees(Map<String, Object> row, String totalColumn) {
        return ordered("total_amount", row.getOrDefault(totalColumn, 0), "total_count", row.getOrDefault("total_count", 0),
                "paid_count", row.getOrDefault("paid_count", 0), "unpaid_count", row.getOrDefault("unpaid_count", 0));
    }

    private static List<String> concat(List<String> list, String last) {
        return java.util.stream.Stream.concat(list.stream(), java.util.stream.Stream.of(last)).toList();
    }

    private static Map<String, Object> ordered(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
