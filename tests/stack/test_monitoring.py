"""Prometheus, Alertmanager and Grafana files, and the metric names they rely on.

Metric names are checked against what the programs really expose: the backend (started the
image's way, see test_images.py), Caddy (test_caddy.py), and Debian's builds of node-exporter
(with a backup textfile), postgres-exporter and redis-exporter run here against this machine's
PostgreSQL and Redis. cAdvisor is not packaged in Debian; its few names are listed below from
its documentation (docs/storage/prometheus.md in google/cadvisor).
"""

import json
import os
import re
import time

import pytest
import yaml

from conftest import ROOT, Process, free_port, http_get, metric_names_in, run, scrape_names, wait_until

PROMETHEUS = ROOT / "deploy/prometheus"
RULES = yaml.safe_load((PROMETHEUS / "rules/lafaom.yml").read_text())
ALERTS = {r["alert"]: r for g in RULES["groups"] for r in g["rules"] if "alert" in r}
DASHBOARDS = {p.stem: json.loads(p.read_text()) for p in sorted((ROOT / "deploy/grafana/dashboards").glob("*.json"))}
CADVISOR = {"container_last_seen", "container_memory_working_set_bytes", "container_spec_memory_limit_bytes",
            "container_cpu_usage_seconds_total", "container_oom_events_total"}
# Alerts that fire on the first evaluation, on purpose: each is already a settled fact
# (a failed run, a timestamp 26 h old, a refused token, an OOM kill), not a fluctuating value.
IMMEDIATE = {"BackupTooOld", "BackupFailed", "MoodleConfigurationError", "ContainerOutOfMemory"}


def test_promtool_accepts_the_configuration():
    result = run(["promtool", "check", "config", "prometheus.yml"], cwd=PROMETHEUS)
    assert f"SUCCESS: {len(ALERTS)} rules found" in result.stdout


def test_promtool_accepts_the_rules():
    run(["promtool", "check", "rules", "rules/lafaom.yml"], cwd=PROMETHEUS)


def test_promtool_rule_tests_pass():
    tests = sorted(str(p.relative_to(PROMETHEUS)) for p in (PROMETHEUS / "tests").glob("*.yml"))
    result = run(["promtool", "test", "rules", *tests], cwd=PROMETHEUS)
    assert result.stdout.count("SUCCESS") == len(tests)


def test_every_alert_has_a_unit_test_that_makes_it_fire():
    fired = set()
    for path in (PROMETHEUS / "tests").glob("*.yml"):
        for case in yaml.safe_load(path.read_text())["tests"]:
            for check in case.get("alert_rule_test", []):
                if check.get("exp_alerts"):
                    fired.add(check["alertname"])
    assert set(ALERTS) - fired == set()


def test_every_alert_says_how_bad_what_and_where():
    for name, rule in ALERTS.items():
        assert rule["labels"]["severity"] in ("critical", "warning"), name
        assert rule["annotations"]["summary"] and len(rule["annotations"]["description"]) > 40, name
        assert "for" in rule or name in IMMEDIATE, f"{name} has no `for:`"


def test_the_alerts_the_issue_asks_for_exist():
    for name in ("ServiceDown", "HostMemoryNearFull", "ContainerMemoryNearLimit", "HostDiskNearFull",
                 "BackendHighErrorRate", "BackupTooOld", "BackupMetricsMissing", "MoodleProvisioningFailing"):
        assert name in ALERTS, name
    assert "26 * 3600" in ALERTS["BackupTooOld"]["expr"]
    assert ALERTS["BackupMetricsMissing"]["expr"] == "absent(lafaom_backup_last_success_timestamp_seconds)"


def test_scrape_targets_are_services_on_a_network_prometheus_joins(services):
    config = yaml.safe_load((PROMETHEUS / "prometheus.yml").read_text())
    jobs = {j["job_name"]: j for j in config["scrape_configs"]}
    assert {"backend", "caddy", "cadvisor", "node", "postgres", "redis"} <= set(jobs)
    assert jobs["backend"]["metrics_path"] == "/actuator/prometheus"
    prometheus_networks = set(services["prometheus"]["networks"])
    targets = [t for j in jobs.values() for sc in j["static_configs"] for t in sc["targets"]]
    for target in targets:
        host, port = target.split(":")
        if host == "localhost":
            continue
        assert host in services, f"scrape target {target} is not a service"
        assert set(services[host].get("networks", [])) & prometheus_networks, f"Prometheus cannot reach {host}"
    postgres = {sc["labels"]["database"]: sc["targets"][0] for sc in jobs["postgres"]["static_configs"]}
    assert postgres == {"backend": "backend-db-exporter:9187", "moodle": "moodle-db-exporter:9187"}
    assert config["alerting"]["alertmanagers"][0]["static_configs"][0]["targets"] == ["alertmanager:9093"]


def test_alertmanager_configuration_renders_and_is_valid(tmp_path):
    env = {"PATH": os.environ["PATH"], "SMTP_HOST": "smtp.lafaom.test", "SMTP_PORT": "587", "SMTP_USERNAME": "ops",
           "SMTP_PASSWORD": 'p&ss|w"rd', "MAIL_FROM": "LAFAOM-MAO <no-reply@lafaom.test>", "ALERT_EMAIL": "ops@lafaom.test"}
    run(["sh", str(ROOT / "deploy/alertmanager/render-and-run.sh"), "--render-only", str(tmp_path)], env=env)
    run(["amtool", "check-config", str(tmp_path / "alertmanager.yml")])
    config = yaml.safe_load((tmp_path / "alertmanager.yml").read_text())
    assert config["global"]["smtp_from"] == "LAFAOM-MAO <no-reply@lafaom.test>"
    assert config["receivers"][0]["email_configs"][0]["to"] == "ops@lafaom.test"
    # The password never enters the configuration file.
    assert (tmp_path / "smtp_password").read_text() == 'p&ss|w"rd'
    assert "p&ss" not in (tmp_path / "alertmanager.yml").read_text()


# --- Grafana ---------------------------------------------------------------------------------

def test_grafana_provisioning_files_are_valid_and_match_the_mounts(services):
    sources = yaml.safe_load((ROOT / "deploy/grafana/provisioning/datasources/prometheus.yml").read_text())
    prometheus = next(d for d in sources["datasources"] if d["type"] == "prometheus")
    assert prometheus["uid"] == "prometheus" and prometheus["url"] == "http://prometheus:9090"
    providers = yaml.safe_load((ROOT / "deploy/grafana/provisioning/dashboards/lafaom.yml").read_text())
    path = providers["providers"][0]["options"]["path"]
    assert f"./deploy/grafana/dashboards:{path}:ro" in services["grafana"]["volumes"]
    assert "./deploy/grafana/provisioning:/etc/grafana/provisioning:ro" in services["grafana"]["volumes"]


def dashboard_queries():
    for name, dashboard in DASHBOARDS.items():
        for panel in dashboard["panels"]:
            for target in panel["targets"]:
                yield name, panel["title"], target["expr"]


def test_dashboards_cover_the_stack_backend_databases_and_backups():
    assert set(DASHBOARDS) == {"overview", "backend", "databases", "backups"}
    uids = [d["uid"] for d in DASHBOARDS.values()]
    assert len(set(uids)) == len(uids)
    for name, dashboard in DASHBOARDS.items():
        assert dashboard["title"].startswith("LAFAOM-MAO - ") and dashboard["panels"], name
        for panel in dashboard["panels"]:
            assert panel["datasource"]["uid"] == "prometheus" and panel["targets"], (name, panel["title"])
            assert {"x", "y", "w", "h"} <= set(panel["gridPos"])
        ids = [p["id"] for p in dashboard["panels"]]
        assert len(set(ids)) == len(ids), f"{name}: duplicate panel ids"


def test_dashboard_queries_are_valid_promql(tmp_path):
    rules = {"groups": [{"name": "dashboards", "rules": [
        {"record": f"dashboard:{name}:{i}", "expr": expr} for i, (name, _, expr) in enumerate(dashboard_queries())]}]}
    (tmp_path / "dashboards.yml").write_text(yaml.safe_dump(rules))
    run(["promtool", "check", "rules", str(tmp_path / "dashboards.yml")])


# --- Metric names ------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def exporters(tmp_path_factory):
    """Debian's node, postgres and redis exporters, scraped once."""
    work = tmp_path_factory.mktemp("exporters")
    textfile = work / "textfile"
    textfile.mkdir()
    # The file scripts/backup.sh writes (team contract, docs/deployment.md "Backups").
    now = int(time.time())
    (textfile / "lafaom_backup.prom").write_text(
        "# HELP lafaom_backup_last_run_timestamp_seconds Start of the last backup run.\n"
        "# TYPE lafaom_backup_last_run_timestamp_seconds gauge\n"
        f"lafaom_backup_last_run_timestamp_seconds {now}\n"
        f"lafaom_backup_last_success_timestamp_seconds {now}\n"
        "lafaom_backup_last_status 1\n"
        "lafaom_backup_last_duration_seconds 42\n"
        "lafaom_backup_last_size_bytes 123456789\n")
    ports = {"node": free_port(), "postgres": free_port(), "redis": free_port()}
    commands = {
        "node": ["prometheus-node-exporter", f"--web.listen-address=127.0.0.1:{ports['node']}",
                 f"--collector.textfile.directory={textfile}"],
        "postgres": ["prometheus-postgres-exporter", f"--web.listen-address=127.0.0.1:{ports['postgres']}"],
        "redis": ["prometheus-redis-exporter", "-web.listen-address", f"127.0.0.1:{ports['redis']}",
                  "-redis.addr", "redis://127.0.0.1:6379"],
    }
    env = dict(os.environ, DATA_SOURCE_NAME="postgresql://postgres@127.0.0.1:5432/postgres?sslmode=disable")
    processes = {k: Process(cmd, work / f"{k}.log", env=env) for k, cmd in commands.items()}
    try:
        scraped = {}
        for kind, port in ports.items():
            def up(kind=kind, port=port):
                assert processes[kind].alive(), processes[kind].output()
                try:
                    scraped[kind] = http_get(f"http://127.0.0.1:{port}/metrics")
                    return True
                except OSError:
                    return False
            wait_until(up, 30, f"{kind} exporter")
        yield scraped
    finally:
        for process in processes.values():
            process.stop()


def test_backup_metrics_reach_prometheus_through_the_textfile_collector(exporters):
    text = exporters["node"]
    for name in ("lafaom_backup_last_run_timestamp_seconds", "lafaom_backup_last_success_timestamp_seconds",
                 "lafaom_backup_last_status", "lafaom_backup_last_duration_seconds", "lafaom_backup_last_size_bytes"):
        assert re.search(rf"(?m)^{name} ", text), name
    assert re.search(r'(?m)^node_textfile_scrape_error 0$', text)


def registered_in_backend_source():
    """Names the backend's Micrometer registrations produce, for series that only appear with
    data (a task kind's first failure, the first Moodle call)."""
    names = set()
    for path in (ROOT / "src/main/java").rglob("*.java"):
        text = path.read_text()
        for kind, name in re.findall(r'(counter|timer|MultiGauge\.builder|Gauge\.builder|Counter\.builder|Timer\.builder)\(\s*"([a-z0-9_.]+)"', text):
            base = name.replace(".", "_")
            if "counter" in kind.lower():
                names.add(base + "_total")
            elif "timer" in kind.lower():
                names |= {base + "_seconds_count", base + "_seconds_sum", base + "_seconds_max", base + "_seconds_bucket"}
            else:
                names.add(base)
    return names


def test_every_metric_in_rules_and_dashboards_is_exposed_by_its_program(exporters, backend, caddy_metrics):
    _, _, backend_metrics = backend
    known = (scrape_names(backend_metrics) | registered_in_backend_source() | scrape_names(caddy_metrics) | CADVISOR
             | scrape_names(exporters["node"]) | scrape_names(exporters["postgres"]) | scrape_names(exporters["redis"])
             | {"up", "ALERTS"})
    used = {}
    for name, rule in ALERTS.items():
        for metric in metric_names_in(rule["expr"]):
            used.setdefault(metric, f"alert {name}")
    for dashboard, title, expr in dashboard_queries():
        for metric in metric_names_in(expr):
            used.setdefault(metric, f"dashboard {dashboard} / {title}")
    unknown = {m: where for m, where in used.items() if m not in known}
    assert not unknown, f"metrics nothing exposes: {unknown}"
    # The backend dashboard reads the backend's own metrics.
    backend_used = {m for d, _, e in dashboard_queries() if d == "backend" for m in metric_names_in(e)}
    assert backend_used <= scrape_names(backend_metrics) | registered_in_backend_source()
