"""docker-compose.yml: valid, and every rule of issue 6 holds."""

import re

import yaml

from conftest import ROOT, STACK_TESTS, make_stack_copy, run

DCLINT = [str(STACK_TESTS / "node_modules/.bin/dclint"), "-c", str(STACK_TESTS / "dclint.yml"), "--max-warnings", "0"]
DATABASES_AND_CACHE = {"backend-db", "moodle-db", "redis"}
INTERNAL_ONLY = DATABASES_AND_CACHE | {"backend-db-exporter", "moodle-db-exporter", "redis-exporter",
                                       "cadvisor", "node-exporter"}
# Exact release tags: 2.10.2-alpine, v3.5.0, 15.14-bookworm, 0.3.18, v1.77.0-alpine...
EXACT_TAG = re.compile(r"^v?\d+\.\d+(\.\d+)?([-_][a-z0-9.]+)*$")


def test_compose_file_matches_the_compose_specification_schema():
    result = run(DCLINT + [str(ROOT / "docker-compose.yml")], check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_schema_check_rejects_a_misspelled_key(tmp_path):
    broken = (ROOT / "docker-compose.yml").read_text().replace("      start_period: 20m\n", "      start_periode: 20m\n", 1)
    assert "start_periode" in broken
    (tmp_path / "docker-compose.yml").write_text(broken)
    result = run(DCLINT + [str(tmp_path / "docker-compose.yml")], check=False)
    assert result.returncode != 0
    assert "invalid-schema" in result.stdout + result.stderr


def test_docker_compose_renders_the_stack_with_a_generated_env(rendered):
    assert set(rendered["services"]) >= {
        "caddy", "backend", "backend-db", "moodle", "moodle-db", "redis", "ofelia", "backup", "prometheus",
        "alertmanager", "grafana", "cadvisor", "portainer", "node-exporter"}
    assert rendered["services"]["backend"]["environment"]["LAFAOM_PUBLIC_URL"] == "https://api.lafaom.test"


def test_compose_refuses_to_start_without_the_generated_secrets(tmp_path):
    copy = make_stack_copy(tmp_path)
    (copy / ".env").write_text("DOMAIN=lafaom.test\n")
    result = run(["docker-compose", "config", "-q"], cwd=copy, check=False)
    assert result.returncode != 0
    assert "run scripts/generate-secrets.sh" in result.stderr or "set " in result.stderr, result.stderr


def test_debug_override_publishes_only_on_localhost(stack_copy):
    merged = yaml.safe_load(run(["docker-compose", "-f", "docker-compose.yml", "-f", "docker-compose.debug.yml", "config"],
                                cwd=stack_copy).stdout)
    published = {name: s.get("ports", []) for name, s in merged["services"].items() if s.get("ports") and name != "caddy"}
    assert published, "the debug override publishes nothing"
    for name, ports in published.items():
        for port in ports:
            text = port if isinstance(port, str) else f"{port.get('host_ip')}:{port.get('published')}"
            assert text.startswith("127.0.0.1:"), f"{name} publishes {port} beyond localhost"
    assert not merged["networks"]["debug"].get("internal")


def image_tag(image):
    name, _, tag = image.rpartition(":")
    return tag if "/" not in tag else ""


def test_every_image_is_pinned_to_an_exact_release(services):
    for name, service in services.items():
        image = service["image"]
        tag = image_tag(image)
        assert tag and tag != "latest", f"{name}: {image} has no exact tag"
        if "build" in service:
            assert tag == "local", f"{name}: a locally built image is tagged :local, not {tag}"
        else:
            assert EXACT_TAG.match(tag), f"{name}: {image} is not pinned to an exact release"


def test_only_caddy_publishes_ports(services):
    publishing = {name for name, s in services.items() if s.get("ports")}
    assert publishing == {"caddy"}
    assert services["caddy"]["ports"] == ["80:80", "443:443", "443:443/udp"]
    for name, service in services.items():
        assert service.get("network_mode") in (None, "none"), f"{name} uses network_mode {service.get('network_mode')}"


def test_every_service_has_a_healthcheck_and_a_restart_policy(services):
    for name, service in services.items():
        check = service.get("healthcheck")
        assert check and check.get("test") and not check.get("disable"), f"{name} has no healthcheck"
        assert check["test"][0] in ("CMD", "CMD-SHELL"), f"{name}: healthcheck test must be CMD or CMD-SHELL"
        for key in ("interval", "timeout", "retries", "start_period"):
            assert key in check, f"{name}: healthcheck without {key}"
        assert service.get("restart") in ("unless-stopped", "always"), f"{name} has no restart policy"


def mebibytes(value):
    number, unit = re.fullmatch(r"(\d+)([MG])", value).groups()
    return int(number) * (1024 if unit == "G" else 1)


def test_memory_limits_fit_the_documented_budget(compose, services):
    budget = compose["x-lafaom"]["memory-budget-mib"]
    limits = {name: mebibytes(s["deploy"]["resources"]["limits"]["memory"]) for name, s in services.items()}
    assert sum(limits.values()) <= budget, f"limits add up to {sum(limits.values())} MiB, budget {budget} MiB"
    assert budget <= 3.5 * 1024, "the budget must leave room for the kernel and Docker on a 4 GB VPS"
    for doc in ("docs/deployment.md", "docs/fr/deploiement.md"):
        text = (ROOT / doc).read_text()
        assert str(budget) in text, f"{doc} does not state the {budget} MiB budget"
        for name, mib in limits.items():
            assert re.search(rf"\|\s*`?{re.escape(name)}`?\s*\|\s*{mib}\s*\|", text), f"{doc}: no table row '| {name} | {mib} |'"


def test_databases_and_redis_are_only_on_the_internal_network(compose, services):
    assert compose["networks"]["internal"].get("internal") is True
    assert not compose["networks"]["edge"].get("internal")
    for name in INTERNAL_ONLY:
        assert services[name]["networks"] == ["internal"], f"{name} must only join the internal network"
    on_edge = {name for name, s in services.items() if "edge" in s.get("networks", [])}
    assert not on_edge & DATABASES_AND_CACHE


def test_dependencies_share_a_network(services):
    for name, service in services.items():
        depends = service.get("depends_on", {})
        for target in depends:
            if service.get("network_mode") == "none":
                continue
            shared = set(service.get("networks", [])) & set(services[target].get("networks", []))
            assert shared, f"{name} depends on {target} but they share no network"


def test_caddy_reaches_every_upstream_on_the_edge_network(services):
    for upstream in ("backend", "moodle", "portainer", "grafana"):
        assert "edge" in services[upstream]["networks"], f"Caddy cannot reach {upstream}"


def test_scheduler_is_cron_scheduler_and_runs_the_jobs_from_labels(services):
    ofelia = services["ofelia"]
    assert ofelia["container_name"] == "cron_scheduler"
    assert ofelia["command"] == "daemon --docker"
    assert "/var/run/docker.sock:/var/run/docker.sock:ro" in ofelia["volumes"]

    backup = services["backup"]["labels"]
    assert backup["ofelia.enabled"] == "true"
    # Ofelia's cron has a seconds field: second 0, minute 0, hour 2, every day.
    assert backup["ofelia.job-exec.backup.schedule"].split() == ["0", "0", "2", "*", "*", "*"]
    assert backup["ofelia.job-exec.backup.command"] == "./scripts/backup.sh"
    assert backup["ofelia.job-exec.backup.no-overlap"] == "true"

    moodle = services["moodle"]["labels"]
    assert moodle["ofelia.job-exec.moodle-cron.schedule"].split() == ["0", "*", "*", "*", "*", "*"]
    assert moodle["ofelia.job-exec.moodle-cron.command"] == "/usr/local/bin/lafaom-moodle-cron"
    assert moodle["ofelia.job-exec.moodle-cron.user"] == "www-data"
    assert (ROOT / "deploy/moodle/lafaom-moodle-cron").exists()


def test_backup_container_has_what_the_backup_script_expects(services):
    backup = services["backup"]
    assert backup["working_dir"] == "/opt/lafaom"
    volumes = backup["volumes"]
    assert "./scripts:/opt/lafaom/scripts:ro" in volumes
    assert "moodledata:/data/moodledata:ro" in volumes
    assert "backend_uploads:/data/uploads:ro" in volumes
    assert any(v.startswith("${BACKUP_DIR:?") and v.endswith(":/backups") for v in volumes)
    env = backup["environment"]
    assert set(env) >= {"BACKEND_DATABASE_URL", "MOODLE_DATABASE_URL", "MOODLEDATA_DIR", "UPLOADS_DIR", "BACKUP_DIR",
                        "BACKUP_METRICS_DIR", "BACKUP_KEEP_DAILY", "BACKUP_KEEP_WEEKLY"}
    assert env["BACKEND_DATABASE_URL"].endswith("@backend-db:5432/lafaom_db")
    assert env["MOODLE_DATABASE_URL"].endswith("@moodle-db:5432/moodle")
    assert env["MOODLEDATA_DIR"] == "/data/moodledata" and env["UPLOADS_DIR"] == "/data/uploads"
    assert env["BACKUP_DIR"] == "/backups"
    assert f"backup_metrics:{env['BACKUP_METRICS_DIR']}" in volumes
    assert "FROM postgres:16." in (ROOT / "deploy/backup/Dockerfile").read_text()
    # Off-site copies need a way out, on a network no other service joins.
    assert backup["networks"] == ["internal", "outbound"]
    assert [n for n, s in services.items() if "outbound" in s.get("networks", [])] == ["backup"]
    for tool in ("age", "rsync", "rclone", "openssh-client"):
        assert tool in (ROOT / "deploy/backup/Dockerfile").read_text()
    # node-exporter's textfile collector reads the same volume.
    node = services["node-exporter"]
    assert "backup_metrics:/textfile:ro" in node["volumes"]
    assert "--collector.textfile.directory=/textfile" in node["command"]


def test_backend_settings_and_shared_volumes(services):
    backend = services["backend"]
    env = backend["environment"]
    assert env["PORT"] == "8000"
    assert env["SPRING_DATASOURCE_URL"] == "jdbc:postgresql://backend-db:5432/lafaom_db"
    assert env["LAFAOM_PUBLIC_URL"] == "https://api.${DOMAIN:?set DOMAIN in .env}"
    assert env["MOODLE_URL"] == "https://moodle.${DOMAIN:?set DOMAIN in .env}"
    assert env["MOODLE_INTERNAL_URL"] == "http://moodle:8080"
    assert env["SPRING_DATA_REDIS_HOST"] == "redis"
    for key in ("LAFAOM_KEY_ENCRYPTION_KEY", "LAFAOM_ADMIN_EMAIL", "LAFAOM_ADMIN_PASSWORD", "LAFAOM_CORS_ALLOWED_ORIGINS",
                "SPRING_MAIL_HOST", "SPRING_MAIL_PORT", "CINETPAY_API_KEY", "CINETPAY_SITE_ID", "CINETPAY_SECRET_KEY",
                "LAFAOM_UPLOADS_DIR", "MOODLE_WS_TOKEN_FILE"):
        assert key in env, key
    assert f"backend_uploads:{env['LAFAOM_UPLOADS_DIR']}" in backend["volumes"]
    # The token Moodle's init step writes is read from the same volume, read-only.
    token_dir = env["MOODLE_WS_TOKEN_FILE"].rsplit("/", 1)[0]
    assert f"moodle_ws_token:{token_dir}:ro" in backend["volumes"]
    moodle = services["moodle"]
    moodle_file = moodle["environment"]["LAFAOM_TOKEN_FILE"]
    assert f"moodle_ws_token:{moodle_file.rsplit('/', 1)[0]}" in moodle["volumes"]
    assert moodle_file.rsplit("/", 1)[1] == env["MOODLE_WS_TOKEN_FILE"].rsplit("/", 1)[1]


def test_moodle_single_sign_on_settings(services):
    env = services["moodle"]["environment"]
    assert env["JWTSSO_ISSUER"] == "https://api.${DOMAIN:?set DOMAIN in .env}/api/v1/auth/moodle/sso"
    assert env["JWTSSO_JWKS_URL"] == "http://backend:8000/api/v1/auth/jwks.json"
    assert env["JWTSSO_AUDIENCE"] == env["MOODLE_WWWROOT"]
    assert env["MOODLE_INTERNAL_HOST"] == "moodle:8080"


def test_moodle_trusts_exactly_the_stack_subnets(compose, services):
    trusted = services["moodle"]["environment"]["LAFAOM_STACK_SUBNETS"].split(",")
    moodle_networks = services["moodle"]["networks"]
    subnets = [compose["networks"][n]["ipam"]["config"][0]["subnet"] for n in moodle_networks]
    assert sorted(trusted) == sorted(subnets)
    assert set(services["backend"]["networks"]) == set(moodle_networks)
    # The backend image's user owns the token file's group.
    assert services["moodle"]["environment"]["LAFAOM_TOKEN_FILE_GID"] == "10001"
    assert "--gid 10001" in (ROOT / "Dockerfile").read_text()


def variables_used(text):
    """(name, operator) of every ${...} outside comments."""
    found = []
    for line in text.splitlines():
        line = re.sub(r"(^|\s)#.*$", "", line)
        for match in re.finditer(r"\$\{([A-Z0-9_]+)(:?[?-])?", line.replace("$$", "")):
            found.append((match.group(1), match.group(2) or ""))
    return found


def test_every_variable_is_documented_in_env_example(env_example):
    used = variables_used((ROOT / "docker-compose.yml").read_text())
    assert used
    for name, op in used:
        assert name in env_example, f"${{{name}}} is not in .env.example"
        entry = env_example[name]
        assert any(len(c.strip("# ")) > 10 for c in entry.comments), f"{name} has no explaining comment"
        assert entry.value or entry.generate or not entry.required, f"{name} has neither a placeholder nor a generator"
        if op == ":?":
            assert entry.required or entry.generate, f"{name} is required by compose but not marked in .env.example"
    names = {n for n, _ in used}
    for name, entry in env_example.items():
        assert name in names, f".env.example documents {name}, which docker-compose.yml does not use"
        if entry.required:
            assert (name, ":?") in used, f"{name} is marked required but compose does not use ${{{name}:?...}}"


def test_no_secret_is_written_in_the_compose_file(services):
    secretish = re.compile(r"PASSWORD|SECRET|_KEY$|TOKEN$|PASS$")
    for name, service in services.items():
        for key, value in (service.get("environment") or {}).items():
            if secretish.search(key) and value:
                assert value.startswith("${"), f"{name}.{key} is not taken from .env"
