"""docker-compose.yml runs the full stack with health checks (CI also runs `docker compose
config` where a docker client with compose is installed)."""

from pathlib import Path

import yaml

COMPOSE = Path(__file__).resolve().parent.parent / "docker-compose.yml"


def test_every_long_running_service_is_described_with_a_health_check():
    services = yaml.safe_load(COMPOSE.read_text())["services"]
    assert {"db", "redis", "web", "worker", "beat"} <= set(services)
    for name in ("db", "redis", "web", "worker"):
        assert services[name].get("healthcheck", {}).get("test"), f"{name} has no health check"
    assert "gunicorn" in Path(COMPOSE.parent / "Dockerfile").read_text()
    assert services["worker"]["command"][:4] == ["celery", "-A", "tracker", "worker"]
    assert services["beat"]["command"][:4] == ["celery", "-A", "tracker", "beat"]


def test_the_app_services_wait_for_healthy_database_and_broker():
    services = yaml.safe_load(COMPOSE.read_text())["services"]
    for name in ("web", "worker", "beat"):
        depends = services[name]["depends_on"]
        assert depends["redis"]["condition"] == "service_healthy"
        assert depends["migrate"]["condition"] == "service_completed_successfully"
        env = services[name]["environment"]
        assert env["DATABASE_URL"].startswith("postgres://") and env["REDIS_URL"].startswith("redis://")
