"""`make stack` derives what a plain-HTTP stack on this machine needs, and never overrides a
setting the operator gave."""

from tracker.stack import stack_environment


def test_on_localhost_it_allows_the_local_names_and_plain_http():
    env, derived = stack_environment({"SECRET_KEY": "k"}, host="127.0.0.1", port=8101)
    assert env["ALLOWED_HOSTS"] == "127.0.0.1,localhost,[::1]"
    assert env["SECURE_SSL_REDIRECT"] == env["SESSION_COOKIE_SECURE"] == env["CSRF_COOKIE_SECURE"] == "false"
    assert env["DEBUG"] == "false"
    assert env["DATABASE_URL"] == "postgres://postgres@127.0.0.1:5432/tracker"
    assert env["REDIS_URL"] == "redis://127.0.0.1:6379/0"
    assert "SITE_URL" not in env  # links follow the address readers use
    assert "SECRET_KEY" not in derived


def test_bound_to_another_address_it_allows_that_address_too():
    _, derived = stack_environment({}, host="192.168.1.5", port=8000)
    assert derived["ALLOWED_HOSTS"].split(",") == ["127.0.0.1", "localhost", "[::1]", "192.168.1.5"]


def test_settings_given_by_the_operator_win():
    given = {"SECURE_SSL_REDIRECT": "true", "ALLOWED_HOSTS": "tracker.example.org", "REDIS_URL": "redis://r:6379/3"}
    env, derived = stack_environment(given, host="127.0.0.1", port=8000)
    assert {name: env[name] for name in given} == given
    assert not set(given) & set(derived)
