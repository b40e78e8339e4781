package org.lafaom.platform.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lafaom.platform.support.Http;
import org.lafaom.platform.support.IntegrationTest;
import org.lafaom.platform.support.TrainingFixtures;

/** The dashboard's bare statistics, in the shapes the admin app reads, for staff only. */
class DashboardStatisticsIntegrationTests extends IntegrationTest {

    @Test
    void whenStaffAskForStatisticsThenTheyGetBareJsonComputedFromTheTables() {
        Http.Options admin = Http.Options.bearer(adminToken());
        TrainingFixtures fx = new TrainingFixtures(http, adminToken());
        String session = fx.session(fx.training(), Map.of("registration_fee", 2500));
        fx.apply(uniqueEmail("stats"), session);

        Http.Response comprehensive = http.get("/api/v1/dashboard/comprehensive-stats", admin);
        assertThat(comprehensive.status()).isEqualTo(200);
        assertThat(comprehensive.at("/success").isMissingNode()).as("bare, not enveloped").isTrue();
        assertThat(comprehensive.at("/users/total").asLong()).isPositive();
        assertThat(comprehensive.at("/users/by_status/active").asLong()).isPositive();
        assertThat(comprehensive.at("/trainings/total_active").asLong()).isPositive();
        assertThat(comprehensive.at("/trainings/sessions_by_status/OPEN_FOR_REGISTRATION").asLong()).isPositive();
        assertThat(comprehensive.at("/trainings/candidates_per_active_session/" + session).asLong()).isEqualTo(1);
        assertThat(comprehensive.at("/applications/training_applications_by_status/RECEIVED").asLong()).isPositive();
        // Other test classes share this database: compare with the table rather than assume it empty.
        assertThat(comprehensive.at("/applications/job_applications_by_status/APPROVED").asLong()).isEqualTo(jdbc.sql(
                "SELECT count(*) FROM job_applications WHERE status = 'APPROVED' AND delete_at IS NULL").query(Long.class).single());
        assertThat(comprehensive.at("/reclamations/by_status/NEW").isNumber()).isTrue();
        assertThat(comprehensive.at("/payments/total_payments").isNumber()).isTrue();
        assertThat(comprehensive.at("/sessions/new_this_month").asLong()).isPositive();

        Http.Response basic = http.get("/api/v1/dashboard/basic-stats", admin);
        assertThat(basic.at("/applications/total_training_applications").asLong()).isPositive();
        assertThat(basic.at("/blog/total_posts").isNumber()).isTrue();

        Http.Response payments = http.get("/api/v1/dashboard/payment-stats", admin);
        assertThat(payments.status()).isEqualTo(200);
        long unpaid = jdbc.sql("SELECT count(*) FROM student_applications WHERE status = 'RECEIVED' AND payment_id IS NULL AND delete_at IS NULL")
                .query(Long.class).single();
        assertThat(payments.at("/training_payments/RECEIVED/registration_fees/unpaid_count").asLong()).isEqualTo(unpaid);
        assertThat(payments.at("/training_payments/RECEIVED/registration_fees/total_amount").decimalValue()).isGreaterThanOrEqualTo(
                new java.math.BigDecimal("2500"));
        assertThat(payments.at("/training_payments/APPROVED/training_fees/paid_count").isNumber()).isTrue();
        assertThat(payments.at("/training_payments/installments/total_amount").isNumber()).isTrue();
        assertThat(payments.at("/job_payments/TOTAL/submission_fees/total_count").isNumber()).isTrue();
        assertThat(payments.at("/global_stats/accepted/amount").isNumber()).isTrue();
        assertThat(payments.at("/temporal_stats/general_payments/this_month/amount").isNumber()).isTrue();
        assertThat(payments.at("/general_payments/amounts_by_status/pending").isNumber()).isTrue();
        assertThat(payments.at("/general_payments/this_week/count").isNumber()).isTrue();
    }

    @Test
    void whenTheCallerIsAnonymousOrAStudentThenStatisticsAreRefused() {
        assertThat(http.get("/api/v1/dashboard/comprehensive-stats").status()).isEqualTo(401);
        assertThat(http.get("/api/v1/dashboard/payment-stats").status()).isEqualTo(401);
        String email = uniqueEmail("curious");
        createUser(email, "Curious-Pass-1", "student");
        Http.Options student = Http.Options.bearer(login(email, "Curious-Pass-1"));
        assertThat(http.get("/api/v1/dashboard/basic-stats", student).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/dashboard/health").status()).isEqualTo(200);
    }
}
