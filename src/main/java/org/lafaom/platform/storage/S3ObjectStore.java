package org.lafaom.platform.storage;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.lafaom.platform.shared.ApiException;
import org.lafaom.platform.shared.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.InputStreamSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Objects in an S3-compatible bucket under {@code <prefix><key>}. A PUT stores an object whole or
 * not at all, so readers never see a partial file. When the bucket cannot be reached, uploads and
 * downloads answer {@code service_unavailable} (503) and the cause is logged; nothing is kept in
 * memory or on disk meanwhile.
 */
final class S3ObjectStore implements ObjectStore, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(S3ObjectStore.class);
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern PREFIX = Pattern.compile("((?!\\.\\.?/)[A-Za-z0-9._-]+/)*");
    private static final String UNAVAILABLE = "The file storage cannot be reached, try again later";

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final String description;

    private S3ObjectStore(S3Client s3, String bucket, String prefix, String description) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix;
        this.description = description;
    }

    /**
     * A store for these settings, refusing at start-up what cannot work: no bucket, no key pair, a
     * key given twice (value and file), an unreadable key file, a malformed endpoint or prefix.
     */
    static S3ObjectStore create(StorageProperties.S3 settings) {
        String bucket = blankToNull(settings.bucket());
        if (bucket == null) {
            throw misconfigured("no bucket is set: set LAFAOM_S3_BUCKET (lafaom.uploads.s3.bucket)");
        }
        if (!BUCKET.matcher(bucket).matches()) {
            throw misconfigured("the bucket name '" + bucket + "' is not a valid S3 bucket name (LAFAOM_S3_BUCKET)");
        }
        String accessKey = secret("access key", "LAFAOM_S3_ACCESS_KEY", settings.accessKey(), settings.accessKeyFile());
        String secretKey = secret("secret key", "LAFAOM_S3_SECRET_KEY", settings.secretKey(), settings.secretKeyFile());
        String region = blankToNull(settings.region());
        if (region == null) {
            throw misconfigured("no region is set: set LAFAOM_S3_REGION (any value, such as us-east-1, if the provider ignores it)");
        }
        String prefix = settings.prefix() == null ? "" : settings.prefix().trim();
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            prefix = prefix + "/";
        }
        if (!PREFIX.matcher(prefix).matches()) {
            throw misconfigured("the key prefix '" + settings.prefix() + "' must be folder names of letters, digits, '.', '_' or '-'"
                    + " separated by '/' (LAFAOM_S3_PREFIX)");
        }
        URI endpoint = endpoint(settings.endpoint());
        Duration timeout = settings.timeout() == null ? Duration.ofSeconds(30) : settings.timeout();

        var builder = S3Client.builder()
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .forcePathStyle(settings.pathStyle())
                // Checksums only where S3 requires them: several S3-compatible servers refuse the
                // newer default trailing checksums.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(timeout.compareTo(Duration.ofSeconds(5)) < 0 ? timeout : Duration.ofSeconds(5))
                        .socketTimeout(timeout)
                        .build());
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        String description = "S3 bucket " + bucket + (endpoint == null ? "" : " at " + endpoint) + (prefix.isEmpty() ? "" : ", prefix " + prefix);
        return new S3ObjectStore(builder.build(), bucket, prefix, description);
    }

    @Override
    public void put(String key, InputStreamSource content, long size, String mediaType) {
        try {
            // The provider reopens the upload for each attempt, so a retried PUT sends the whole file again.
            s3.putObject(b -> b.bucket(bucket).key(prefix + key).contentType(mediaType).contentLength(size),
                    RequestBody.fromContentProvider(() -> open(content), size, mediaType));
        } catch (SdkException e) {
            throw unavailable("store", key, e);
        }
    }

    @Override
    public Optional<StoredObject> open(String key, String mediaType) {
        HeadObjectResponse head;
        try {
            head = s3.headObject(b -> b.bucket(bucket).key(prefix + key));
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw unavailable("read", key, e);
        } catch (SdkException e) {
            throw unavailable("read", key, e);
        }
        long size = head.contentLength() == null ? -1 : head.contentLength();
        long modified = head.lastModified() == null ? 0 : head.lastModified().toEpochMilli();
        return Optional.of(new StoredObject(key, mediaType, size, new ObjectResource(key, size, modified)));
    }

    @Override
    public void delete(String key) {
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(prefix + key));
        } catch (SdkException e) {
            throw unavailable("delete", key, e);
        }
    }

    @Override
    public void checkReachable() {
        s3.headBucket(b -> b.bucket(bucket));
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() {
        s3.close();
    }

    private ApiException unavailable(String action, String key, SdkException e) {
        log.warn("Could not {} {} in {}: {}", action, key, description, e.getMessage());
        return new ApiException(ErrorCode.SERVICE_UNAVAILABLE, UNAVAILABLE);
    }

    private static InputStream open(InputStreamSource content) {
        try {
            return content.getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An object's content, fetched when the response is written (the HEAD before it gave its size).
     * Each read is a GET of its own, so a ranged or repeated read works too.
     */
    private final class ObjectResource extends AbstractResource {

        private final String key;
        private final long size;
        private final long lastModified;

        ObjectResource(String key, long size, long lastModified) {
            this.key = key;
            this.size = size;
            this.lastModified = lastModified;
        }

        @Override
        public InputStream getInputStream() throws IOException {
            try {
                return s3.getObject(b -> b.bucket(bucket).key(prefix + key));
            } catch (S3Exception e) {
                if (e.statusCode() == 404) {
                    throw new FileNotFoundException(key + " is no longer stored");
                }
                throw new IOException("Could not read " + key + " from " + description, e);
            } catch (SdkException e) {
                throw new IOException("Could not read " + key + " from " + description, e);
            }
        }

        @Override
        public boolean exists() {
            return true;
        }

        @Override
        public long contentLength() {
            return size;
        }

        @Override
        public long lastModified() {
            return lastModified;
        }

        @Override
        public String getFilename() {
            return key.substring(key.lastIndexOf('/') + 1);
        }

        @Override
        public String getDescription() {
            return "object " + key + " of " + description;
        }
    }

    /** A key from its variable or, else, from the file its {@code _FILE} variable names; never both. */
    private static String secret(String what, String variable, String value, Path file) {
        String direct = blankToNull(value);
        if (direct != null && file != null) {
            throw misconfigured("the " + what + " is given twice: set " + variable + " or " + variable + "_FILE, not both");
        }
        if (direct != null) {
            return direct;
        }
        if (file == null) {
            throw misconfigured("no " + what + " is set: set " + variable + " or " + variable + "_FILE");
        }
        try {
            String read = blankToNull(Files.readString(file));
            if (read == null) {
                throw misconfigured("the file " + file + " (" + variable + "_FILE) is empty");
            }
            return read;
        } catch (IOException e) {
            throw misconfigured("the file " + file + " (" + variable + "_FILE) cannot be read: " + e.getMessage());
        }
    }

    private static URI endpoint(String value) {
        String endpoint = blankToNull(value);
        if (endpoint == null) {
            return null;
        }
        try {
            URI uri = new URI(endpoint);
            if ((!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) || uri.getHost() == null) {
                throw misconfigured("the endpoint '" + endpoint + "' must be an http(s) address such as https://s3.fr-par.scw.cloud"
                        + " (LAFAOM_S3_ENDPOINT)");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw misconfigured("the endpoint '" + endpoint + "' is not an address (LAFAOM_S3_ENDPOINT)");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static IllegalStateException misconfigured(String reason) {
        return new IllegalStateException("S3 upload storage (LAFAOM_STORAGE=s3) is misconfigured: " + reason);
    }
}
