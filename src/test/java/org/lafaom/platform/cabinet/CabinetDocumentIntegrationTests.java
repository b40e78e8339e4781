package org.lafaom.platform.cabinet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.lafaom.platform.support.Http;
import org.lafaom.platform.support.Multipart;

/** A firm's documents: stored privately, checked by content and size, for the applicant and staff only. */
class CabinetDocumentIntegrationTests extends CabinetTest {

    private Http.Response upload(String id, Http.Options options, String type, String filename, byte[] content) {
        Multipart form = Multipart.form();
        if (type != null) {
            form.field("document_type", type);
        }
        if (content != null) {
            form.file("file", filename, "application/pdf", content);
        }
        return http.post(BASE + "/" + id + "/upload-document", form, options);
    }

    @Test
    void whenTheApplicantUploadsAPdfThenItIsStoredPrivatelyAndReadableOnlyByThemAndStaff() throws Exception {
        Http.Response app = applied(uniqueEmail("docs"));
        String id = app.text("/id");
        String token = app.text("/application_token");

        Http.Response r = upload(id, token(token), "technical_proposal", "../../proposition technique.pdf", PDF);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.text("/message")).isEqualTo("Document uploadé avec succès");
        assertThat(r.text("/document_type")).isEqualTo("technical_proposal");
        String documentId = r.text("/document/id");
        assertThat(r.text("/document/file_name")).isEqualTo("proposition technique.pdf");
        assertThat(r.text("/document/media_type")).isEqualTo("application/pdf");

        String key = jdbc.sql("SELECT proposal_document_path FROM cabinet_applications WHERE id = :id").param("id", id)
                .query(String.class).single();
        Path stored = Path.of(System.getProperty("java.io.tmpdir"), "lafaom-test-uploads").resolve(key);
        assertThat(Files.readAllBytes(stored)).isEqualTo(PDF);
        assertThat(key).startsWith("cabinet-applications/").doesNotContain("proposition");

        Http.Response listed = http.get(BASE + "/" + id + "/documents", token(token));
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.at("/0/id").asString()).isEqualTo(documentId);
        Http.Response file = http.get(BASE + "/" + id + "/documents/" + documentId, token(token));
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.raw().body()).isEqualTo(PDF);
        assertThat(file.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(file.header("Content-Disposition")).startsWith("attachment");

        String viewer = staffWith("can_view_cabinet_application");
        assertThat(http.get(BASE + "/" + id + "/documents/" + documentId, bearer(viewer)).raw().body()).isEqualTo(PDF);
        assertThat(http.get(BASE + "/" + id + "/documents/" + documentId).status()).isEqualTo(404);
        assertThat(http.get(BASE + "/" + id + "/documents/" + documentId, bearer(staffWith())).status()).isEqualTo(404);
        Http.Response other = applied(uniqueEmail("docs-other"));
        assertThat(http.get(BASE + "/" + id + "/documents/" + documentId, token(other.text("/application_token"))).status())
                .isEqualTo(404);
        assertThat(http.get(BASE + "/" + other.text("/id") + "/documents/" + documentId, token(other.text("/application_token")))
                .status()).isEqualTo(404);

        // Staff who may change applications may add documents too; viewers may not.
        assertThat(upload(id, bearer(staffWith("can_change_cabinet_application_status")), "certificate", "c.pdf", PDF).status())
                .isEqualTo(200);
        assertThat(upload(id, bearer(viewer), "certificate", "c.pdf", PDF).status()).isEqualTo(404);
    }

    @Test
    void whenTheUploadIsFakeOversizedIncompleteOrUnprovenThenItIsRefusedAndNothingIsStored() {
        Http.Response app = applied(uniqueEmail("bad-docs"));
        String id = app.text("/id");
        Http.Options proof = token(app.text("/application_token"));

        Http.Response fake = upload(id, proof, "technical_proposal", "virus.pdf", "MZ this is an executable".getBytes());
        assertThat(fake.status()).isEqualTo(400);
        assertThat(fake.text("/error_code")).isEqualTo("invalid_file");
        assertThat(fake.text("/detail")).contains("pdf");

        byte[] big = Arrays.copyOf(PDF, 10 * 1024 * 1024 + 1);
        Http.Response oversized = upload(id, proof, "technical_proposal", "big.pdf", big);
        assertThat(oversized.status()).isEqualTo(413);
        assertThat(oversized.text("/detail")).isNotBlank();

        Http.Response noType = upload(id, proof, null, "p.pdf", PDF);
        assertThat(noType.status()).isEqualTo(422);
        assertThat(noType.text("/detail")).contains("document_type");
        Http.Response noFile = upload(id, proof, "technical_proposal", null, null);
        assertThat(noFile.status()).isEqualTo(422);

        Http.Response anonymous = upload(id, Http.Options.from(newAddress()), "technical_proposal", "p.pdf", PDF);
        assertThat(anonymous.status()).isEqualTo(404);
        assertThat(anonymous.text("/detail")).isEqualTo("Candidature non trouvée");
        assertThat(upload(java.util.UUID.randomUUID().toString(), proof, "technical_proposal", "p.pdf", PDF).status()).isEqualTo(404);

        assertThat(jdbc.sql("SELECT count(*) FROM cabinet_application_documents WHERE application_id = :id").param("id", id)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT proposal_document_path FROM cabinet_applications WHERE id = :id").param("id", id)
                .query(String.class).optional()).isEmpty();
    }
}
