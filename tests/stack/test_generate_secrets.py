"""scripts/generate-secrets.sh: strong random values, never overwrites, idempotent."""

import base64
import re
import stat

from conftest import REQUIRED_TEST_VALUES, ROOT, run, set_env_values

SCRIPT = str(ROOT / "scripts/generate-secrets.sh")


def generate(tmp_path, *extra, check=True):
    return run(["bash", SCRIPT, "--example", str(ROOT / ".env.example"), "--env-file", str(tmp_path / ".env"),
                "--secrets-dir", str(tmp_path / "secrets"), *extra], check=check)


def values(path):
    result = {}
    for line in path.read_text().splitlines():
        if line and not line.startswith("#"):
            key, value = line.split("=", 1)
            result[key] = value
    return result


def test_creates_env_with_a_strong_random_value_for_every_generated_setting(tmp_path, env_example):
    generate(tmp_path)
    env = values(tmp_path / ".env")
    generated = {k: e.generate for k, e in env_example.items() if e.generate}
    assert generated, ".env.example marks nothing to generate"
    for key, kind in generated.items():
        value = env[key]
        if kind == "password":
            assert re.fullmatch(r"[A-Za-z0-9_-]{32}", value), f"{key}={value!r} is not 32 URL-safe characters"
        else:
            assert kind == "key32"
            assert len(base64.b64decode(value, validate=True)) == 32, key
    assert len({env[k] for k in generated}) == len(generated), "two settings got the same secret"
    # Everything else comes from the template, comments included.
    for key, entry in env_example.items():
        if not entry.generate:
            assert env[key] == entry.value
    assert (tmp_path / ".env").read_text().startswith((ROOT / ".env.example").read_text().splitlines()[0])


def test_files_are_readable_by_their_owner_only(tmp_path):
    generate(tmp_path)
    assert stat.S_IMODE((tmp_path / ".env").stat().st_mode) == 0o600
    password = tmp_path / "secrets/portainer_admin_password"
    assert stat.S_IMODE(password.stat().st_mode) == 0o600
    assert re.fullmatch(r"[A-Za-z0-9_-]{32}", password.read_text())
    assert stat.S_IMODE((tmp_path / "secrets").stat().st_mode) == 0o700


def test_two_installations_get_different_secrets(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    generate(tmp_path / "a")
    generate(tmp_path / "b")
    a, b = values(tmp_path / "a/.env"), values(tmp_path / "b/.env")
    assert a["BACKEND_DB_PASSWORD"] != b["BACKEND_DB_PASSWORD"]
    assert a["LAFAOM_KEY_ENCRYPTION_KEY"] != b["LAFAOM_KEY_ENCRYPTION_KEY"]


def test_running_again_changes_nothing(tmp_path):
    generate(tmp_path)
    before = (tmp_path / ".env").read_bytes()
    password = (tmp_path / "secrets/portainer_admin_password").read_bytes()
    result = generate(tmp_path)
    assert (tmp_path / ".env").read_bytes() == before
    assert (tmp_path / "secrets/portainer_admin_password").read_bytes() == password
    assert "filled 0 empty secret(s), added 0 new setting(s)" in result.stdout


def test_never_overwrites_a_value_already_set(tmp_path):
    generate(tmp_path)
    set_env_values(tmp_path / ".env", {"BACKEND_DB_PASSWORD": "kept-by-the-operator", "DOMAIN": "lafaom-mao.org"})
    generate(tmp_path)
    env = values(tmp_path / ".env")
    assert env["BACKEND_DB_PASSWORD"] == "kept-by-the-operator"
    assert env["DOMAIN"] == "lafaom-mao.org"


def test_fills_empty_secrets_of_an_env_copied_by_hand(tmp_path):
    (tmp_path / ".env").write_text((ROOT / ".env.example").read_text())
    result = generate(tmp_path)
    env = values(tmp_path / ".env")
    assert re.fullmatch(r"[A-Za-z0-9_-]{32}", env["REDIS_PASSWORD"])
    assert "filled " in result.stdout and "filled 0 " not in result.stdout
    # In place: the setting stays under its own comment.
    lines = (tmp_path / ".env").read_text().splitlines()
    index = next(i for i, line in enumerate(lines) if line.startswith("REDIS_PASSWORD="))
    assert lines[index - 1] == "# generate: password"


def test_appends_settings_added_to_the_template_by_an_upgrade(tmp_path):
    (tmp_path / ".env").write_text("# an older installation\nDOMAIN=lafaom-mao.org\nBACKEND_DB_PASSWORD=old-secret\n")
    result = generate(tmp_path)
    env = values(tmp_path / ".env")
    assert env["DOMAIN"] == "lafaom-mao.org" and env["BACKEND_DB_PASSWORD"] == "old-secret"
    assert re.fullmatch(r"[A-Za-z0-9_-]{32}", env["MOODLE_DB_PASSWORD"])
    assert "TZ" in env and "added 0 " not in result.stdout
    text = (tmp_path / ".env").read_text()
    assert text.startswith("# an older installation\nDOMAIN=lafaom-mao.org\n")
    assert text.count("DOMAIN=") == 1


def test_check_fails_until_every_required_setting_is_edited(tmp_path, env_example):
    result = generate(tmp_path, "--check", check=False)
    assert result.returncode == 1
    required = [k for k, e in env_example.items() if e.required]
    for key in required:
        assert key in result.stderr
    set_env_values(tmp_path / ".env", REQUIRED_TEST_VALUES)
    assert set(required) <= set(REQUIRED_TEST_VALUES)
    result = generate(tmp_path, "--check", check=False)
    assert result.returncode == 0, result.stderr
