package org.lafaom.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** Which backend the settings select, and that S3 settings that cannot work stop the start-up. */
class StorageConfigurationTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(StorageProperties.class)
    static class Settings {}

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Settings.class, StorageConfiguration.class);

    @Test
    void whenNothingIsSetThenUploadsGoToTheLocalFolderAndStorageIsUp() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(ObjectStore.class)).isInstanceOf(LocalObjectStore.class);
            assertThat(context.getBean("storageHealthIndicator", HealthIndicator.class).health().getStatus()).isEqualTo(Status.UP);
        });
    }

    @Test
    void whenS3IsChosenWithoutBucketOrKeysThenTheStartFailsSayingWhatToSet() {
        runner.withPropertyValues("lafaom.uploads.backend=s3").run(context -> assertThat(context).getFailure()
                .rootCause().hasMessageContaining("S3 upload storage (LAFAOM_STORAGE=s3) is misconfigured")
                .hasMessageContaining("LAFAOM_S3_BUCKET"));
        runner.withPropertyValues("lafaom.uploads.backend=s3", "lafaom.uploads.s3.bucket=uploads").run(context -> assertThat(context)
                .getFailure().rootCause().hasMessageContaining("LAFAOM_S3_ACCESS_KEY"));
    }

    @Test
    void whenS3IsFullyConfiguredThenTheS3StoreIsUsed() {
        runner.withPropertyValues("lafaom.uploads.backend=S3", "lafaom.uploads.s3.bucket=uploads", "lafaom.uploads.s3.access-key=a",
                "lafaom.uploads.s3.secret-key=b", "lafaom.uploads.s3.endpoint=http://127.0.0.1:9", "lafaom.uploads.s3.path-style=true")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(ObjectStore.class)).isInstanceOf(S3ObjectStore.class);
                });
    }
}
