package org.lafaom.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lafaom.platform.support.Eventually;
import org.lafaom.platform.support.Http;
import org.lafaom.platform.support.JobFlowTest;

/** Candidates' documents: checked uploads, private storage, links for staff, deletion. */
class JobAttachmentIntegrationTests extends JobFlowTest {

    @org.springframework.beans.factory.annotation.Autowired
    JobAttachments housekeeping;

    /** The API path of a download link, on this test's server. */
    private static String local(String url) {
        URI uri = URI.create(url);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    @Test
    void whenADocumentIsUploadedThenItIsStoredPrivatelyAndAnsweredAsAOneElementList() throws Exception {
        Http.Response r = uploadRaw("CV", "mon cv.pdf", "application/pdf", PDF);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text("/message")).isEqualTo("Attachment created successfully");
        assertThat(r.at("/data").size()).isEqualTo(1);
        assertThat(r.text("/data/0/document_type")).isEqualTo("CV");
        assertThat(r.text("/data/0/name")).isEqualTo("CV");
        assertThat(r.at("/data/0/application_id").isNull()).isTrue();
        String path = r.text("/data/0/file_path");
        assertThat(path).matches("job-applications/[0-9a-f-]{36}\\.pdf");
        assertThat(Files.readAllBytes(Path.of(System.getProperty("java.io.tmpdir"), "lafaom-test-uploads", path))).isEqualTo(PDF);
        assertThat(http.get("/static/uploads/" + path).status()).isEqualTo(404);
        assertThat(http.get("/" + path).status()).isEqualTo(404);
    }

    @Test
    void whenTheUploadIsNotADocumentTooLargeOrIncompleteThenItIsRefused() throws Exception {
        Http.Response fake = uploadRaw("CV", "cv.pdf", "application/pdf", "#!/bin/sh\nrm -rf /\n".getBytes());
        Http.Response large = uploadRaw("CV", "cv.pdf", "application/pdf", bigPdf(2 * 1024 * 1024));
        Http.Response noName = uploadRaw(null, "cv.pdf", "application/pdf", PDF);
        Http.Response noFile = uploadRaw("CV", null, null, null);

        assertThat(fake.status()).isEqualTo(400);
        assertThat(fake.text("/error_code")).isEqualTo("invalid_file");
        assertThat(large.status()).isEqualTo(413);
        assertThat(noName.status()).isEqualTo(422);
        assertThat(noFile.status()).isEqualTo(422);
    }

    @Test
    void whenStaffAskForADocumentThenTheyGetALinkThatServesTheFileAndNothingElseDoes() {
        Http.Response applied = apply(offer("0", "EUR", "CV"), uniqueEmail("linked"), List.of(document("CV", upload("CV"))));
        int application = applied.at("/data/job_application/id").asInt();
        String viewer = staffWith("can_view_job_application");
        int attachment = http.get("/api/v1/job-applications/" + application + "/attachments", Http.Options.bearer(viewer))
                .at("/data/0/id").asInt();

        Http.Response link = http.get("/api/v1/job-attachments/" + attachment + "/download", Http.Options.bearer(viewer));
        String url = link.text("/data/download_url");
        Http.Response byLink = http.get(local(url));
        Http.Response byBearer = http.get("/api/v1/job-attachments/" + attachment + "/file", Http.Options.bearer(viewer));
        Http.Response anonymous = http.get("/api/v1/job-attachments/" + attachment + "/file");
        Http.Response forged = http.get("/api/v1/job-attachments/" + attachment + "/file?token=forged");
        Http.Response otherFile = http.get(local(url).replace("/" + attachment + "/", "/" + (attachment + 1) + "/"));
        Http.Response noPermission = http.get("/api/v1/job-attachments/" + attachment + "/download", Http.Options.bearer(staffWith()));

        assertThat(link.status()).isEqualTo(200);
        assertThat(url).startsWith(PUBLIC_URL + "/api/v1/job-attachments/" + attachment + "/file?token=");
        assertThat(byLink.status()).isEqualTo(200);
        assertThat(byLink.raw().body()).isEqualTo(PDF);
        assertThat(byLink.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(byLink.header("Content-Disposition")).startsWith("attachment;").contains("cv.pdf");
        assertThat(byLink.header("Cache-Control")).contains("no-store");
        assertThat(byBearer.raw().body()).isEqualTo(PDF);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(forged.status()).isEqualTo(403);
        assertThat(otherFile.status()).isIn(400, 403);
        assertThat(noPermission.status()).isEqualTo(403);
        assertThat(http.get("/api/v1/job-attachments/999999/download", Http.Options.bearer(viewer)).text("/error_code"))
                .isEqualTo("job_attachment_not_found");
    }

    @Test
    void whenStaffDeleteADocumentThenTheRowAndTheFileAreGone() {
        Http.Response applied = apply(offer("0", "EUR", "CV"), uniqueEmail("deletion"), List.of(document("CV", upload("CV"))));
        int application = applied.at("/data/job_application/id").asInt();
        String token = staffWith("can_view_job_application", "can_delete_job_attachment");
        Http.Response listed = http.get("/api/v1/job-applications/" + application + "/attachments", Http.Options.bearer(token));
        int attachment = listed.at("/data/0/id").asInt();
        Path file = Path.of(System.getProperty("java.io.tmpdir"), "lafaom-test-uploads", listed.text("/data/0/file_path"));
        assertThat(file).exists();

        assertThat(http.delete("/api/v1/job-attachments/" + attachment, Http.Options.bearer(staffWith("can_view_job_application")))
                .status()).isEqualTo(403);
        Http.Response deleted = http.delete("/api/v1/job-attachments/" + attachment, Http.Options.bearer(token));

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.text("/message")).isEqualTo("Attachment deleted successfully");
        assertThat(deleted.at("/data/id").asInt()).isEqualTo(attachment);
        assertThat(http.get("/api/v1/job-applications/" + application + "/attachments", Http.Options.bearer(token)).at("/data").size())
                .isZero();
        Eventually.await("file deleted", () -> !Files.exists(file));
        assertThat(http.delete("/api/v1/job-attachments/" + attachment, Http.Options.bearer(token)).text("/error_code"))
                .isEqualTo("job_attachment_not_found");
    }

    @Test
    void whenAnUploadIsNeverClaimedThenHousekeepingRemovesItAndItsFile() {
        String path = upload("CV");
        String claimed = upload("CV");
        apply(offer("0", "EUR", "CV"), uniqueEmail("claimed"), List.of(document("CV", claimed)));
        jdbc.sql("UPDATE job_attachments SET created_at = now() - interval '2 days' WHERE file_path IN (:p, :c)")
                .param("p", path).param("c", claimed).update();
        Path file = Path.of(System.getProperty("java.io.tmpdir"), "lafaom-test-uploads", path);

        housekeeping.removeUnclaimed();

        assertThat(jdbc.sql("SELECT count(*) FROM job_attachments WHERE file_path = :p").param("p", path).query(Long.class).single())
                .isZero();
        assertThat(file).doesNotExist();
        assertThat(jdbc.sql("SELECT count(*) FROM job_attachments WHERE file_path = :p").param("p", claimed).query(Long.class).single())
                .isOne();
    }

    @Test
    void whenAnApplicationOfTheOldBackendHasALocalDocumentThenStaffGetItPrivatelyByLink() throws Exception {
        Path legacy = Path.of(System.getProperty("java.io.tmpdir"), "lafaom-test-legacy-static", "uploads", "job-applications");
        Files.createDirectories(legacy);
        String name = "101500123456_cv-" + System.nanoTime() + ".pdf";
        Files.write(legacy.resolve(name), PDF);
        int application = apply(offer("0", "EUR"), uniqueEmail("legacy"), List.of()).at("/data/job_application/id").asInt();
        int attachment = jdbc.sql("""
                INSERT INTO job_attachments (created_at, updated_at, application_id, document_type, file_path, name)
                VALUES (now(), now(), :a, 'CV', :p, 'cv') RETURNING id""")
                .param("a", application).param("p", "static/uploads/job-applications/" + name).query(Integer.class).single();
        String viewer = staffWith("can_view_job_application");

        String url = http.get("/api/v1/job-attachments/" + attachment + "/download", Http.Options.bearer(viewer)).text("/data/download_url");

        assertThat(http.get(local(url)).raw().body()).isEqualTo(PDF);
        assertThat(http.get("/static/uploads/job-applications/" + name).status()).isEqualTo(404);
    }

    private static byte[] bigPdf(int size) {
        byte[] bytes = new byte[size];
        System.arraycopy(PDF, 0, bytes, 0, PDF.length);
        return bytes;
    }
}
