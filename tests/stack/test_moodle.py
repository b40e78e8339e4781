"""The Moodle image's own code, run on this machine's PHP and PostgreSQL.

Moodle itself cannot be installed here (its source is not reachable from this machine), so
these tests prove the parts that do not need it: the PHP helpers of the init step, config.php's
choice of address per request, the database-state probe, the healthcheck, the wrappers, and
the consistency of the provisioning grant with what the backend calls and what Moodle's
service definitions declare.
"""

import ipaddress
import json
import os
import re
import subprocess

import pytest

from conftest import ROOT, Process, free_port, psql, run, wait_until

MOODLE = ROOT / "deploy/moodle"
PHP_FILES = sorted(MOODLE.rglob("*.php"))


def php(code, env=None):
    """Runs PHP code with deploy/moodle/cli/lib.php loaded; returns its JSON output."""
    script = f"require '{MOODLE / 'cli/lib.php'}'; echo json_encode({code});"
    return json.loads(run(["php", "-r", script], env=env).stdout)


def test_every_php_file_parses():
    assert len(PHP_FILES) >= 5
    for path in PHP_FILES:
        run(["php", "-l", str(path)])


def blocked(entries, address):
    ip = ipaddress.ip_address(address)
    return any(ip in ipaddress.ip_network(e) for e in entries if re.fullmatch(r"[\d.]+/\d+", e))


def test_outgoing_filter_lets_through_only_the_stack_subnets(services):
    subnets = services["moodle"]["environment"]["LAFAOM_STACK_SUBNETS"].split(",")
    entries = php(f"lafaom_blocked_hosts({json.dumps(subnets)})")
    for subnet in subnets:
        network = ipaddress.ip_network(subnet)
        for address in (network[1], network[-2]):
            assert not blocked(entries, str(address)), f"{address} of the stack is blocked"
    for address in ("172.30.0.1", "172.30.3.1", "172.16.0.1", "172.31.255.254", "10.1.2.3", "192.168.1.10", "127.0.0.1"):
        assert blocked(entries, address), f"{address} is no longer blocked"
    # Moodle's other defaults are kept as they are.
    assert {"0.0.0.0", "localhost", "169.254.169.254", "0000::1"} <= set(entries)
    # Exactly the defaults minus the subnets: nothing else opened, nothing overlapping.
    expected = {ipaddress.ip_network(n) for n in ("127.0.0.0/8", "192.168.0.0/16", "10.0.0.0/8")}
    remaining = [ipaddress.ip_network("172.16.0.0/12")]
    for subnet in map(ipaddress.ip_network, subnets):
        remaining = [part for net in remaining for part in (net.address_exclude(subnet) if subnet.subnet_of(net) else [net])]
    expected |= set(remaining)
    got = {ipaddress.ip_network(e) for e in entries if re.fullmatch(r"[\d.]+/\d+", e)}
    assert got == expected


def test_outgoing_filter_rejects_a_malformed_subnet():
    result = run(["php", "-r", f"require '{MOODLE / 'cli/lib.php'}'; lafaom_blocked_hosts(['172.30.1.0']);"], check=False)
    assert result.returncode != 0 and "not an IPv4 CIDR range" in result.stdout + result.stderr


def test_allowed_ports_add_the_jwks_port(services):
    url = services["moodle"]["environment"]["JWTSSO_JWKS_URL"]
    assert php(f"lafaom_allowed_ports(['{url}'])") == ["443", "80", "8000"]


def lib_constant(name):
    text = (MOODLE / "cli/lib.php").read_text()
    block = re.search(rf"const {name} = \[(.*?)\];", text, re.S).group(1)
    return re.findall(r"'([a-z0-9_/:]+)'", block)


def test_the_service_offers_every_function_the_backend_calls():
    functions = set(lib_constant("LAFAOM_WS_FUNCTIONS"))
    called = set()
    for path in (ROOT / "src/main/java").rglob("*.java"):
        called |= set(re.findall(r'"((?:core|enrol)_[a-z]+_[a-z_]+)"', path.read_text()))
    assert called <= functions, f"the backend calls functions the service does not offer: {called - functions}"
    assert functions == {
        "core_user_get_users_by_field", "core_user_create_users", "core_user_update_users",
        "core_course_get_courses_by_field", "core_course_create_courses", "core_course_update_courses",
        "enrol_manual_enrol_users", "enrol_manual_unenrol_users", "core_enrol_get_enrolled_users"}


# Capabilities each function declares in Moodle's own service definitions (lib/db/services.php
# and enrol/manual/db/services.php); the role must hold all of them.
DECLARED = {
    "core_user_get_users_by_field": "moodle/user:viewdetails, moodle/user:viewhiddendetails, moodle/course:useremail, moodle/user:update",
    "core_user_create_users": "moodle/user:create",
    "core_user_update_users": "moodle/user:update",
    "core_course_create_courses": "moodle/course:create, moodle/course:visibility",
    "core_course_update_courses": "moodle/course:update, moodle/course:changecategory, moodle/course:changefullname, "
                                  "moodle/course:changeshortname, moodle/course:changeidnumber, moodle/course:changesummary, "
                                  "moodle/course:visibility",
    "enrol_manual_enrol_users": "enrol/manual:enrol",
    "enrol_manual_unenrol_users": "enrol/manual:unenrol",
    "core_enrol_get_enrolled_users": "moodle/user:viewdetails, moodle/user:viewhiddendetails, moodle/course:useremail, "
                                     "moodle/user:update, moodle/site:accessallgroups",
}


def test_the_role_holds_what_the_functions_declare_and_little_else():
    capabilities = lib_constant("LAFAOM_WS_CAPABILITIES")
    assert len(capabilities) == len(set(capabilities))
    for function, declared in DECLARED.items():
        missing = {c.strip() for c in declared.split(",")} - set(capabilities)
        assert not missing, f"{function} needs {missing}"
    assert "webservice/rest:use" in capabilities
    # Nothing that would let the token act as an administrator.
    for dangerous in ("moodle/site:config", "moodle/user:delete", "moodle/course:delete", "moodle/role:manage",
                      "moodle/site:doanything", "moodle/webservice:createtoken"):
        assert dangerous not in capabilities


@pytest.fixture
def php_server(tmp_path):
    """PHP's built-in web server on a copy of config.php whose setup.php is a stub that
    prints the resulting settings: the request-time choice of wwwroot, without Moodle."""
    (tmp_path / "lib").mkdir()
    (tmp_path / "config.php").write_text((MOODLE / "config.php").read_text())
    (tmp_path / "lib/setup.php").write_text(
        "<?php echo json_encode(['wwwroot' => $CFG->wwwroot, 'sslproxy' => $CFG->sslproxy, "
        "'dbhost' => $CFG->dbhost, 'getremoteaddrconf' => $CFG->getremoteaddrconf]);")
    (tmp_path / "index.php").write_text("<?php require __DIR__ . '/config.php';")
    port = free_port()
    env = dict(os.environ, MOODLE_DB_HOST="moodle-db", MOODLE_DB_NAME="moodle", MOODLE_DB_USER="moodle",
               MOODLE_DB_PASSWORD="secret", MOODLE_WWWROOT="https://moodle.lafaom.test/", MOODLE_INTERNAL_HOST="moodle:8080")
    server = Process(["php", "-S", f"127.0.0.1:{port}", "-t", str(tmp_path)], tmp_path / "php.log", env=env)

    def get(host):
        result = subprocess.run(["curl", "-s", "-H", f"Host: {host}", f"http://127.0.0.1:{port}/index.php"],
                                capture_output=True, text=True)
        return result.stdout

    try:
        wait_until(lambda: get("x").startswith("{"), 20, "PHP's built-in server")
        yield get
    finally:
        server.stop()


def test_config_uses_the_public_address_behind_caddy(php_server):
    settings = json.loads(php_server("moodle.lafaom.test"))
    assert settings == {"wwwroot": "https://moodle.lafaom.test", "sslproxy": True, "dbhost": "moodle-db", "getremoteaddrconf": 1}


def test_config_answers_the_backend_on_the_internal_address(php_server):
    settings = json.loads(php_server("moodle:8080"))
    assert settings["wwwroot"] == "http://moodle:8080" and settings["sslproxy"] is False


@pytest.fixture
def moodle_database():
    name = f"lafaom_moodle_state_{os.getpid()}"
    psql(f"CREATE DATABASE {name}")
    try:
        yield name
    finally:
        psql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def db_state(database, host="127.0.0.1"):
    env = dict(os.environ, MOODLE_DB_HOST=host, MOODLE_DB_NAME=database, MOODLE_DB_USER="postgres", MOODLE_DB_PASSWORD="x")
    return run(["php", str(MOODLE / "cli/lafaom_db_state.php")], env=env, check=False)


def test_database_probe_tells_an_empty_database_from_an_installed_one(moodle_database):
    result = db_state(moodle_database)
    assert (result.returncode, result.stdout) == (0, "empty")
    psql("CREATE TABLE mdl_config (id bigserial primary key, name varchar(190), value text)", db=moodle_database)
    result = db_state(moodle_database)
    assert (result.returncode, result.stdout) == (0, "installed")


def test_database_probe_fails_when_the_database_does_not_answer():
    result = db_state("moodle", host="moodle-db.invalid")
    assert result.returncode == 1 and result.stdout == ""


@pytest.mark.parametrize("status, healthy", [(200, True), (503, False), (303, False)])
def test_healthcheck_wants_the_login_page(tmp_path, status, healthy):
    (tmp_path / "login").mkdir()
    (tmp_path / "login/index.php").write_text(
        f"<?php if ($_SERVER['HTTP_HOST'] !== 'moodle:8080') {{ http_response_code(400); exit; }} http_response_code({status}); echo 'ok';")
    port = free_port()
    server = Process(["php", "-S", f"127.0.0.1:{port}", "-t", str(tmp_path)], tmp_path / "php.log")
    try:
        wait_until(lambda: subprocess.run(["curl", "-s", f"http://127.0.0.1:{port}/"], capture_output=True).returncode == 0,
                   20, "PHP's built-in server")
        env = dict(os.environ, MOODLE_INTERNAL_HOST="moodle:8080", LAFAOM_HEALTHCHECK_URL=f"http://127.0.0.1:{port}/login/index.php")
        result = run(["php", str(MOODLE / "lafaom-moodle-healthcheck.php")], env=env, check=False)
        assert (result.returncode == 0) == healthy, result.stderr
    finally:
        server.stop()


def test_init_step_names_a_missing_setting_before_doing_anything():
    result = run(["bash", str(MOODLE / "lafaom-init.sh")], env={"PATH": os.environ["PATH"]}, check=False)
    assert result.returncode == 1
    assert "environment variable MOODLE_WWWROOT is not set" in result.stderr


def test_cron_wrapper_waits_for_the_init_step():
    assert not os.path.exists("/run/lafaom-moodle-ready")
    result = run(["bash", str(MOODLE / "lafaom-moodle-cron")])
    assert "skipped" in result.stdout


def test_init_step_configures_the_plugin_through_moodle_cli(services):
    init = (MOODLE / "lafaom-init.sh").read_text()
    for setting in ("issuer", "jwksurl", "audience", "allowedalgs", "autocreate"):
        assert f"--component=auth_jwtsso --name={setting} " in init, setting
    assert "--name=allowedalgs --set=RS256" in init and "--name=autocreate --set=1" in init
    assert "/admin/cli/install_database.php\" --agree-license" in init
    assert "/admin/cli/upgrade.php\" --non-interactive" in init
    # Everything the init step reads is given to the container.
    needed = set(re.search(r"for name in (.*?); do", init, re.S).group(1).replace("\\", " ").split())
    assert needed <= set(services["moodle"]["environment"])
