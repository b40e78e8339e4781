"""shellcheck on every shell script of the stack: the operator scripts, the images' scripts,
and this suite's runner."""

from conftest import ROOT, run


def shell_scripts():
    found = []
    for folder in ("scripts", "deploy", "tests/stack"):
        for path in sorted((ROOT / folder).rglob("*")):
            if not path.is_file() or "node_modules" in path.parts:
                continue
            with open(path, "rb") as f:
                first = f.readline()
            if path.suffix == ".sh" or (first.startswith(b"#!") and (b"sh" in first.split(b"/")[-1])):
                found.append(path)
    return found


def test_there_are_scripts_to_check():
    names = {p.name for p in shell_scripts()}
    assert {"generate-secrets.sh", "lafaom-init.sh", "healthcheck.sh", "aot-train.sh", "run.sh",
            "render-and-run.sh", "pin-release.sh", "lafaom-moodle-cron", "lafaom-moodle-entrypoint"} <= names


def test_shellcheck_finds_nothing():
    scripts = [str(p) for p in shell_scripts()]
    result = run(["shellcheck", "--external-sources", *scripts], check=False)
    assert result.returncode == 0, result.stdout
