package org.lafaom.platform.storage;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where uploads live and how large a document may be. {@code backend} picks the local folder
 * {@code dir} (the default) or an S3-compatible bucket described by {@code s3}.
 */
@ConfigurationProperties("lafaom.uploads")
record StorageProperties(
        @DefaultValue(".data/uploads") Path dir,
        @DefaultValue("20MB") DataSize maxDocumentSize,
        @DefaultValue("local") Backend backend,
        @DefaultValue S3 s3) {

    enum Backend { LOCAL, S3 }

    /**
     * An S3-compatible bucket. {@code endpoint} is empty for AWS itself and the provider's address
     * otherwise (MinIO, Scaleway, OVH, Wasabi…); {@code pathStyle} sends {@code /bucket/key} instead of
     * {@code bucket.host/key}, which MinIO and most self-hosted servers need. The key pair is given
     * directly or as files holding it (Docker secrets), never both. {@code prefix} puts every object
     * under a folder of the bucket, so one bucket can serve several installations.
     */
    record S3(
            String bucket,
            @DefaultValue("us-east-1") String region,
            String endpoint,
            @DefaultValue("false") boolean pathStyle,
            String accessKey,
            Path accessKeyFile,
            String secretKey,
            Path secretKeyFile,
            String prefix,
            @DefaultValue("30s") Duration timeout) {}
}
