"""deploy/caddy/Caddyfile: valid, formatted, routed as documented, and behaving so when run.

The live test runs Debian's caddy on the real Caddyfile, with test-only global options
prepended (loopback only, unprivileged ports, Caddy's local CA instead of Let's Encrypt).
The upstream containers do not exist here, so a routed request ends in 502, which is exactly
what tells a routed request from one Caddy answers itself.
"""

import json

import pytest

from conftest import CADDYFILE, caddy_env, run, wait_until

ROUTES = {"api.lafaom.test": "backend:8000", "moodle.lafaom.test": "moodle:8080",
          "admin.lafaom.test": "portainer:9000", "monitor.lafaom.test": "grafana:3000"}


def test_caddy_validates_the_caddyfile_with_domain_set():
    result = run(["caddy", "validate", "--config", str(CADDYFILE), "--adapter", "caddyfile"], env=caddy_env(), check=False)
    assert result.returncode == 0, result.stderr
    assert "Valid configuration" in result.stdout + result.stderr


def test_caddyfile_is_formatted():
    formatted = run(["caddy", "fmt", str(CADDYFILE)]).stdout
    assert formatted == CADDYFILE.read_text(), "run: caddy fmt --overwrite deploy/caddy/Caddyfile"


@pytest.fixture(scope="session")
def adapted():
    return json.loads(run(["caddy", "adapt", "--config", str(CADDYFILE), "--adapter", "caddyfile"], env=caddy_env()).stdout)


def walk(node):
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from walk(value)


def test_each_sub_domain_goes_to_its_service_with_compression(adapted, services):
    seen = {}
    for server in adapted["apps"]["http"]["servers"].values():
        for route in server["routes"]:
            hosts = [h for m in route.get("match", []) for h in m.get("host", [])]
            dials = {u["dial"] for n in walk(route) for u in n.get("upstreams", [])}
            encodings = {e for n in walk(route) if n.get("handler") == "encode" for e in n.get("encodings", {})}
            for host in hosts:
                seen[host] = dials
                assert {"gzip", "zstd"} <= encodings, f"{host} is not compressed"
    assert seen == {host: {dial} for host, dial in ROUTES.items()}
    for dial in ROUTES.values():
        name, port = dial.split(":")
        assert name in services and "edge" in services[name]["networks"]


def test_metrics_are_enabled_and_served_on_an_unpublished_port(adapted, services):
    servers = adapted["apps"]["http"]["servers"]
    assert any(":9180" in s["listen"][0] for s in servers.values())
    assert all(s.get("metrics") is not None for s in servers.values() if ":443" in s["listen"][0])
    assert "9180" not in " ".join(services["caddy"]["ports"])


def test_actuator_is_not_reachable_from_the_internet(live_caddy):
    curl, _ = live_caddy
    for path in ("/actuator", "/actuator/health", "/actuator/prometheus", "/actuator/health/readiness"):
        status, _ = curl("api.lafaom.test", path)
        assert status == 404, f"{path} answered {status}"
    # Everything else is routed to the backend (502 here: there is no backend container).
    assert curl("api.lafaom.test", "/api/v1/auth/jwks.json")[0] == 502
    assert curl("api.lafaom.test", "/actuatorX")[0] == 502


def test_every_site_sends_the_security_headers(live_caddy):
    curl, _ = live_caddy
    for host, frame in (("api.lafaom.test", "DENY"), ("moodle.lafaom.test", "SAMEORIGIN"),
                        ("admin.lafaom.test", "DENY"), ("monitor.lafaom.test", "DENY")):
        _, headers = curl(host, "/actuator" if host.startswith("api") else "/")
        assert headers.get("strict-transport-security", "").startswith("max-age=31536000"), host
        assert headers.get("x-content-type-options") == "nosniff", host
        assert headers.get("referrer-policy") == "strict-origin-when-cross-origin", host
        assert headers.get("x-frame-options") == frame, host
        assert "server" not in headers, f"{host} reveals its server"


def test_plain_http_is_redirected_to_https(live_caddy):
    curl, _ = live_caddy
    status, headers = curl("moodle.lafaom.test", "/login/index.php", "http")
    assert status in (301, 308)
    assert headers["location"].startswith("https://moodle.lafaom.test")


def test_access_log_is_one_json_object_per_request(live_caddy):
    curl, process = live_caddy
    curl("monitor.lafaom.test", "/logged")

    def logged():
        for line in process.output().splitlines():
            if line.startswith("{") and '"/logged"' in line:
                entry = json.loads(line)
                return entry["logger"].startswith("http.log.access") and entry["request"]["host"].startswith("monitor.lafaom.test")
        return False
    wait_until(logged, 10, "a JSON access-log line for /logged")


def test_metrics_endpoint_counts_requests(caddy_metrics):
    assert "caddy_http_request_duration_seconds_count" in caddy_metrics
