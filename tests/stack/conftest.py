"""Shared fixtures of the production-stack tests (tests/stack/run.sh installs the tools).

The stack cannot run here (no Docker engine), so each test proves one property of it with the
real tool that will read the file in production, or with the same program in Debian's
packaging: docker-compose, dclint's Compose Specification schema, caddy, promtool, amtool,
PHP, the backend jar itself, and Debian's builds of the Prometheus exporters.
"""

import os
import re
import shutil
import socket
import subprocess
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
