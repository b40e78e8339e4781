package org.lafaom.platform.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;

/**
 * A stand-in for Moodle's auth_jwtsso plugin speaking its HTTP protocol: {@code start.php} stores a
 * one-use nonce and redirects to the issuer; {@code callback.php} fetches the issuer's JWKS and
 * applies the plugin's checks (RS256, kid, signature, iss, aud, exp and iat within 300 s, known
 * unused nonce, e-mail) before "signing in" the person.
 */
public final class FakeMoodle implements AutoCloseable {

    private volatile HttpServer server;
    private final int boundPort;
    private final Set<String> nonces = ConcurrentHashMap.newKeySet();
    /** Moodle's REST web services ({@code webservice/rest/server.php}) on the same host. */
    public final FakeMoodleWebServices ws = new FakeMoodleWebServices();
    private final HttpClient client = HttpClient.newHttpClient();
    private volatile String issuer;
    private volatile String jwksUrl;
    public final List<String> signedIn = new java.util.concurrent.CopyOnWriteArrayList<>();

    public FakeMoodle(int port) {
        server = listen(port);
        boundPort = server.getAddress().getPort();
    }

    private HttpServer listen(int port) {
        HttpServer http;
        try {
            http = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        http.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        http.createContext("/auth/jwtsso/start.php", this::start);
        http.createContext("/auth/jwtsso/callback.php", this::callback);
        http.createContext("/webservice/rest/server.php", ws::handle);
        http.start();
        return http;
    }

    /** Moodle goes away: connections to its port are refused until {@link #restart()}. */
    public void stop() {
        server.stop(0);
    }

    /** Moodle is back on the same address, with everything it knew. */
    public void restart() {
        server = listen(boundPort);
    }

    public void configure(String issuerUrl, String jwks) {
        this.issuer = issuerUrl;
        this.jwksUrl = jwks;
    }

    public String url() {
        return "http://127.0.0.1:" + boundPort;
    }

    public boolean isUnusedNonce(String nonce) {
        return nonces.contains(nonce);
    }

    private void start(HttpExchange exchange) throws IOException {
        String nonce = UUID.randomUUID().toString().replace("-", "");
        nonces.add(nonce);
        String location = issuer + "?nonce=" + nonce + "&aud=" + enc(url()) + "&redirect=" + enc(url() + "/auth/jwtsso/callback.php");
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(303, -1);
        exchange.close();
    }

    private void callback(HttpExchange exchange) throws IOException {
        String token = query(exchange.getRequestURI()).get("token");
        String answer;
        int status;
        try {
            String jwks = client.send(HttpRequest.newBuilder(URI.create(jwksUrl)).build(), HttpResponse.BodyHandlers.ofString()).body();
            JwtClaims claims = new JwtConsumerBuilder()
                    .setVerificationKeyResolver(new JwksVerificationKeyResolver(new JsonWebKeySet(jwks).getJsonWebKeys()))
                    .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                    .setExpectedIssuer(issuer)
                    .setExpectedAudience(url())
                    .setRequireExpirationTime()
                    .setAllowedClockSkewInSeconds(300)
                    .build()
                    .processToClaims(token);
            String nonce = claims.getStringClaimValue("nonce");
            if (nonce == null || !nonces.remove(nonce)) {
                throw new IllegalStateException("unknown or used nonce");
            }
            String email = claims.getStringClaimValue("email");
            if (email == null || email.isBlank()) {
                throw new IllegalStateException("no email");
            }
            signedIn.add(email.trim().toLowerCase());
            answer = "Welcome " + email + " (" + claims.getStringClaimValue("given_name") + " " + claims.getStringClaimValue("family_name") + ")";
            status = 200;
        } catch (Exception e) {
            answer = "Login refused: " + e.getMessage();
            status = 403;
        }
        byte[] body = answer.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    public static Map<String, String> query(URI uri) {
        Map<String, String> params = new HashMap<>();
        String raw = uri.getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return params;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
