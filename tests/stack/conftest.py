"""Shared fixtures of the production-stack tests (tests/stack/run.sh installs the tools).

The stack cannot run here (no Docker engine), so each test proves one property of it with the
real tool that will read the file in production, or with the same program in Debian's
packaging: docker-compose, dclint's Compose Specification schema, caddy, promtool, amtool,
PHP, the backend jar itself, and Debian's builds of the Prometheus exporters.
"""

import json
import os
import re
import shlex
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
STACK_TESTS = ROOT / "tests" / "stack"

# Values an operator would type for the "required" settings, so that generated .env files
# describe a plausible installation.
REQUIRED_TEST_VALUES = {
    "DOMAIN": "lafaom.test",
    "ACME_EMAIL": "ops@lafaom.test",
    "SMTP_HOST": "smtp.lafaom.test",
    "MAIL_FROM": "LAFAOM-MAO <no-reply@lafaom.test>",
    "ALERT_EMAIL": "ops@lafaom.test",
    "MOODLE_ADMIN_EMAIL": "moodle-admin@lafaom.test",
    "MOODLE_NOREPLY_ADDRESS": "no-reply@lafaom.test",
    "BACKUP_DIR": "/srv/backups-test",
}


def run(cmd, check=True, **kwargs):
    """Runs a command, capturing text output; a failure shows what the tool said."""
    kwargs.setdefault("capture_output", True)
    kwargs.setdefault("text", True)
    result = subprocess.run(cmd, **kwargs)
    if check and result.returncode != 0:
        raise AssertionError(f"{cmd} exited {result.returncode}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}")
    return result


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until(predicate, timeout, what):
    """Polls until predicate() is true; fails naming what never happened."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.5)
    raise AssertionError(f"timed out after {timeout}s waiting for {what}")


def set_env_values(env_file: Path, values: dict):
    lines = env_file.read_text().splitlines()
    for i, line in enumerate(lines):
        key = line.split("=", 1)[0]
        if key in values and not line.startswith("#"):
            lines[i] = f"{key}={values[key]}"
    env_file.write_text("\n".join(lines) + "\n")


@pytest.fixture(scope="session")
def compose():
    """docker-compose.yml as YAML (merge keys resolved)."""
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


@pytest.fixture(scope="session")
def services(compose):
    return compose["services"]


@dataclass
class EnvEntry:
    key: str
    value: str
    comments: list = field(default_factory=list)
    required: bool = False
    generate: str = ""


@pytest.fixture(scope="session")
def env_example():
    """The entries of .env.example with the comment block right above each."""
    entries = {}
    block, markers = [], []
    for line in (ROOT / ".env.example").read_text().splitlines():
        if not line.strip():
            block, markers = [], []
        elif line.startswith("#"):
            block.append(line)
            if line == "# required" or line.startswith("# generate:"):
                markers.append(line)
        else:
            # A comment block explains every setting under it; a marker only the next one.
            key, value = line.split("=", 1)
            entry = EnvEntry(key, value, list(block))
            entry.required = "# required" in markers
            entry.generate = next((m.split(":", 1)[1].strip() for m in markers if m.startswith("# generate:")), "")
            entries[key] = entry
            markers = []
    return entries


def make_stack_copy(dest: Path, env_values=REQUIRED_TEST_VALUES, drop_name=True):
    """A copy of the stack files with a .env made by scripts/generate-secrets.sh.

    docker-compose 1.29 (Debian's) predates the top-level `name:` of the Compose
    Specification, so its copy leaves that one line out; dclint checks the file as it is.
    """
    dest.mkdir(parents=True, exist_ok=True)
    text = (ROOT / "docker-compose.yml").read_text()
    if drop_name:
        text = re.sub(r"(?m)^name: .*\n", "", text)
    (dest / "docker-compose.yml").write_text(text)
    shutil.copy(ROOT / "docker-compose.debug.yml", dest)
    shutil.copy(ROOT / ".env.example", dest)
    shutil.copy(ROOT / "Dockerfile", dest)
    for folder in ("deploy", "scripts"):
        shutil.copytree(ROOT / folder, dest / folder, dirs_exist_ok=True)
    run(["bash", str(ROOT / "scripts/generate-secrets.sh"), "--example", str(dest / ".env.example"),
         "--env-file", str(dest / ".env"), "--secrets-dir", str(dest / "secrets")])
    set_env_values(dest / ".env", env_values)
    return dest


@pytest.fixture(scope="session")
def stack_copy(tmp_path_factory):
    return make_stack_copy(tmp_path_factory.mktemp("stack"))


@pytest.fixture(scope="session")
def rendered(stack_copy):
    """docker-compose.yml as docker-compose renders it with a generated .env."""
    out = run(["docker-compose", "config"], cwd=stack_copy).stdout
    return yaml.safe_load(out)


def metric_names_in(promql: str) -> set:
    """Metric names a PromQL expression reads (close enough for our rules and dashboards):
    strings, label matchers, range selectors, grouping clauses and function calls removed."""
    keywords = {"by", "without", "on", "ignoring", "group_left", "group_right", "and", "or", "unless",
                "bool", "offset", "inf", "nan", "e"}
    text = re.sub(r'"(?:[^"\\]|\\.)*"', "", promql)
    text = re.sub(r"\{[^}]*\}", "", text)
    text = re.sub(r"\[[^\]]*\]", "", text)
    text = re.sub(r"\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)", "", text)
    names = set()
    for match in re.finditer(r"[a-zA-Z_:][a-zA-Z0-9_:]*", text):
        name = match.group(0)
        rest = text[match.end():].lstrip()
        if rest.startswith("(") or name in keywords or name.lower() in keywords:
            continue
        if re.fullmatch(r"\d+[smhdwy]?", name):
            continue
        names.add(name)
    return names


def scrape_names(text: str) -> set:
    return {line.split("{")[0].split(" ")[0] for line in text.splitlines() if line and not line.startswith("#")}


def http_get(url, timeout=5):
    import urllib.request
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.read().decode()


class Process:
    """A background process started by a fixture and always stopped by it."""

    def __init__(self, cmd, log: Path, **kwargs):
        self.log = log
        self.handle = open(log, "w")
        self.proc = subprocess.Popen(cmd, stdout=self.handle, stderr=subprocess.STDOUT, **kwargs)

    def alive(self):
        return self.proc.poll() is None

    def stop(self):
        if self.alive():
            self.proc.terminate()
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.handle.close()

    def output(self):
        return self.log.read_text(errors="replace")


def psql(sql, db="postgres"):
    return run(["psql", "-h", os.environ.get("PGHOST", "127.0.0.1"), "-U", "postgres", "-d", db,
                "-v", "ON_ERROR_STOP=1", "-qAtc", sql])


# --- Dockerfiles ----------------------------------------------------------------------------

EXACT_BASE = re.compile(r"^[a-z0-9./-]+:v?\d+\.\d+(\.\d+)?([-_][a-z0-9.]+)*$")


def dockerfile(path):
    """Instructions of a Dockerfile, continuation lines joined, comments dropped."""
    lines, current = [], ""
    for raw in (ROOT / path).read_text().splitlines():
        if raw.strip().startswith("#") and not current:
            continue
        if raw.strip().startswith("#"):
            continue
        current += raw.rstrip("\\").rstrip() + " " if raw.endswith("\\") else raw
        if not raw.endswith("\\"):
            if current.strip():
                lines.append(current.strip())
            current = ""
    return lines


def args_of(instructions):
    return dict(re.match(r"ARG (\w+)=(\S+)", i).groups() for i in instructions if re.match(r"ARG \w+=", i))


def bases(path):
    instructions = dockerfile(path)
    args = args_of(instructions)
    found = []
    for i in instructions:
        if i.startswith("FROM "):
            image = i.split()[1]
            found.append(re.sub(r"\$\{(\w+)\}", lambda m: args[m.group(1)], image))
    return found


def entrypoint():
    line = next(i for i in dockerfile("Dockerfile") if i.startswith("ENTRYPOINT "))
    return json.loads(line[len("ENTRYPOINT "):])


def java_options():
    line = next(i for i in dockerfile("Dockerfile") if i.startswith("ENV JDK_JAVA_OPTIONS="))
    return shlex.split(line[len("ENV "):])[0].split("=", 1)[1]


def jdk_home():
    """A JDK of the image's feature release (25) on this machine, as ./mvnw finds it."""
    wanted = bases("Dockerfile")[1].split(":")[1].split(".")[0]
    for home in sorted(Path("/usr/lib/jvm").glob("*")):
        release = home / "release"
        if release.exists() and f'JAVA_VERSION="{wanted}.' in release.read_text():
            return home
    pytest.fail(f"no JDK {wanted} under /usr/lib/jvm: the image's AOT start cannot be reproduced")


@pytest.fixture(scope="session")
def backend(tmp_path_factory):
    """The backend started the image's way; yields (base URL, start log, metrics text)."""
    jars = sorted((ROOT / "target").glob("lafaom-platform-*.jar"))
    if not jars:
        run([str(ROOT / "mvnw"), "-B", "-q", "-DskipTests", "package"], cwd=ROOT)
        jars = sorted((ROOT / "target").glob("lafaom-platform-*.jar"))
    # Outside pytest's private temporary folder: the unprivileged user must reach it.
    work = Path(tempfile.mkdtemp(prefix="lafaom-backend-image-"))
    os.chmod(work, 0o755)
    home = jdk_home()
    java = str(home / "bin/java")
    # Build stage: the Dockerfile's extract, renamed the same way.
    shutil.copy(jars[0], work / "lafaom-platform.jar")
    run([java, "-Djarmode=tools", "-jar", str(work / "lafaom-platform.jar"), "extract", "--destination", str(work / "app")])
    (work / "aot").mkdir()
    (work / "uploads").mkdir()
    for path in [work, *work.rglob("*")]:
        os.chmod(path, 0o755 if path.is_dir() else 0o644)
    shutil.chown(work / "aot", "nobody")
    shutil.chown(work / "uploads", "nobody")
    env = {"PATH": os.environ["PATH"], "HOME": str(work), "JAVA_HOME": str(home), "JDK_JAVA_OPTIONS": java_options()}
    app = str(work / "app/lafaom-platform.jar")
    cache = str(work / "aot/app.aot")
    as_nobody = ["runuser", "-u", "nobody", "--"]
    # Runtime stage, build step: the training start (embedded PostgreSQL, no database needed).
    training = run(as_nobody + ["env", *(f"{k}={v}" for k, v in env.items()),
                                "bash", str(ROOT / "deploy/backend/aot-train.sh"), app, cache], timeout=600)
    assert Path(cache).stat().st_size > 0, training.stdout + training.stderr

    database = f"lafaom_stack_test_{os.getpid()}"
    psql(f"CREATE DATABASE {database}")
    port = free_port()
    command = [a.replace("/opt/lafaom/aot/app.aot", cache).replace("/opt/lafaom/app/lafaom-platform.jar", app)
               for a in entrypoint()]
    command[0] = java
    runtime_env = dict(env, PORT=str(port), LAFAOM_UPLOADS_DIR=str(work / "uploads"),
                       SPRING_DATASOURCE_URL=f"jdbc:postgresql://127.0.0.1:5432/{database}",
                       SPRING_DATASOURCE_USERNAME="postgres",
                       LAFAOM_KEY_ENCRYPTION_KEY="MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=")
    process = Process(as_nobody + ["env", *(f"{k}={v}" for k, v in runtime_env.items()), *command], work / "backend.log")
    try:
        def ready():
            assert process.alive(), process.output()[-3000:]
            return subprocess.run(["bash", str(ROOT / "deploy/backend/healthcheck.sh")], env={"PORT": str(port), "PATH": os.environ["PATH"]},
                                  capture_output=True).returncode == 0
        wait_until(ready, 180, "the backend's readiness (deploy/backend/healthcheck.sh)")
        base = f"http://127.0.0.1:{port}"
        # Traffic that makes the HTTP and sign-in metrics appear.
        http_get(base + "/api/v1/auth/jwks.json")
        subprocess.run(["curl", "-s", "-o", "/dev/null", "-H", "Content-Type: application/json",
                        "-d", '{"email":"nobody@lafaom.test","password":"wrong-password"}', base + "/api/v1/auth/token"])
        metrics = http_get(base + "/actuator/prometheus")
        yield base, process.output(), metrics
    finally:
        process.stop()
        psql(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")
        shutil.rmtree(work, ignore_errors=True)



# --- Caddy, run on the real Caddyfile --------------------------------------------------------

CADDYFILE = ROOT / "deploy/caddy/Caddyfile"
CADDY_ENV = {"DOMAIN": "lafaom.test", "ACME_EMAIL": "ops@lafaom.test"}


def caddy_env(extra=None):
    return {**os.environ, **CADDY_ENV, **(extra or {})}


@pytest.fixture(scope="session")
def live_caddy(tmp_path_factory):
    work = tmp_path_factory.mktemp("caddy")
    http_port, https_port, admin_port = free_port(), free_port(), free_port()
    overrides = (f"\tdefault_bind 127.0.0.1\n\tlocal_certs\n\tskip_install_trust\n"
                 f"\thttp_port {http_port}\n\thttps_port {https_port}\n\tadmin 127.0.0.1:{admin_port}\n")
    text = re.sub(r"(?m)^\{\n", "{\n" + overrides, CADDYFILE.read_text(), count=1)
    (work / "Caddyfile").write_text(text)
    env = caddy_env({"HOME": str(work), "XDG_DATA_HOME": str(work / "data"), "XDG_CONFIG_HOME": str(work / "config")})
    process = Process(["caddy", "run", "--config", str(work / "Caddyfile"), "--adapter", "caddyfile"], work / "caddy.log", env=env)

    def curl(host, path="/", scheme="https", *args):
        port = https_port if scheme == "https" else http_port
        result = subprocess.run(["curl", "-ksS", "-D", "-", "-o", "/dev/null", "--max-time", "10",
                                 "--resolve", f"{host}:{port}:127.0.0.1", *args, f"{scheme}://{host}:{port}{path}"],
                                capture_output=True, text=True)
        status = re.search(r"^HTTP/\S+ (\d+)", result.stdout, re.M)
        headers = {k.lower(): v.strip() for k, v in re.findall(r"(?m)^([A-Za-z-]+): (.*)$", result.stdout)}
        return (int(status.group(1)) if status else None), headers

    try:
        wait_until(lambda: process.alive() and curl("api.lafaom.test", "/actuator")[0] is not None, 60,
                   "Caddy serving HTTPS with its local CA")
        yield curl, process
    finally:
        process.stop()


@pytest.fixture(scope="session")
def caddy_metrics(live_caddy):
    from conftest import http_get
    curl, _ = live_caddy
    curl("api.lafaom.test", "/actuator")
    return http_get("http://127.0.0.1:9180/metrics")


