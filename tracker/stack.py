"""`make stack`: the full stack on this machine's PostgreSQL and Redis, in the foreground.

    make stack                          # http://127.0.0.1:8000, database "tracker", Redis db 0
    HOST=0.0.0.0 PORT=8101 make stack   # another address; links follow the address readers use

It runs the README's manual steps, printing each as the shell command it stands for: it checks
that PostgreSQL and Redis answer, creates the database if it is missing, migrates, collects the
static files, loads the demo and an `editor` account (its password printed once), then runs
gunicorn, a Celery worker and Celery beat until Ctrl-C (or SIGTERM), and stops all three. If
one of them exits, the others are stopped too: a stack with a dead worker is not left running.

The settings the stack needs are derived here, and printed, unless set in the environment:
DATABASE_URL, REDIS_URL, ALLOWED_HOSTS (the names of the bound address), and plain-HTTP
cookies and no HTTPS redirect (gunicorn here speaks plain HTTP; behind a TLS proxy, set
SECURE_SSL_REDIRECT, SESSION_COOKIE_SECURE and CSRF_COOKIE_SECURE to true). SECRET_KEY comes from
the environment or from `.env` (`make install` writes one); DEBUG is off, as in production.

tests/test_full_stack_runs_on_postgresql_and_redis.py starts this module on free ports with a
database and a Redis db of its own, imports a document through the web form and reads the
worker's result back over HTTP.
"""

from __future__ import annotations

import argparse
import os
import shlex
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/tracker"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/0"
LOCAL_NAMES = ["127.0.0.1", "localhost", "[::1]"]
# Binding to these means every interface (HOST=0.0.0.0 make stack); compared with, never bound here.
EVERY_ADDRESS = frozenset({"0.0.0.0", "::", ""})  # noqa: S104
# The stack serves plain HTTP; these would make browsers drop the session cookie or bounce every
# page to https:// (the trap the README's manual steps used to fall into).
PLAIN_HTTP = {
    "SECURE_SSL_REDIRECT": "false",
    "SESSION_COOKIE_SECURE": "false",
    "CSRF_COOKIE_SECURE": "false",
    "SECURE_HSTS_SECONDS": "0",
}


def stack_environment(environ: dict[str, str], *, host: str, port: int) -> tuple[dict[str, str], dict[str, str]]:
    """The environment of every process of the stack, and the part of it derived here."""
    derived = {
        "DEBUG": "false",
        "DATABASE_URL": DEFAULT_DATABASE_URL,
        "REDIS_URL": DEFAULT_REDIS_URL,
        "ALLOWED_HOSTS": ",".join(_host_names(host)),
        **PLAIN_HTTP,
    }
    derived = {name: value for name, value in derived.items() if not environ.get(name)}
    return {**environ, **derived}, derived


def _host_names(host: str) -> list[str]:
    if host in EVERY_ADDRESS:
        # Bound to every address: the local names and this machine's name; readers who use another
        # name or address need it in ALLOWED_HOSTS (main() says so).
        return [*LOCAL_NAMES, socket.gethostname()]
    name = f"[{host}]" if ":" in host else host
    return LOCAL_NAMES if name in LOCAL_NAMES else [*LOCAL_NAMES, name]


def steps(*, host: str, port: int, state_dir: Path, demo: bool, web_workers: int, concurrency: int):
    """(one-off commands, long-running processes), as argument lists run from the project root.

    The one-off commands come in stages; the commands of one stage are independent of each other
    and run at the same time (collecting static files needs no database).
    """
    python = sys.executable
    manage = [python, "manage.py"]
    editor = [*manage, "create_editor", "editor", "--email", "editor@example.org", "--if-missing"]
    once = [
        [[*manage, "migrate", "--noinput"], [*manage, "collectstatic", "--noinput", "--verbosity", "0"]],
        [[*manage, "load_demo"], editor] if demo else [editor],  # the demo has an editor of its own
    ]
    bind = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    celery = [python, "-m", "celery", "-A", "tracker"]
    processes = {
        "web": [
            python,
            "-m",
            "gunicorn",
            "tracker.wsgi:application",
            "--bind",
            bind,
            "--workers",
            str(web_workers),
            "--access-logfile",
            "-",
            # Its own control socket, not the shared ~/.gunicorn one, so two stacks can run.
            "--control-socket",
            str(state_dir / "gunicorn.ctl"),
        ],
        "worker": [*celery, "worker", "--loglevel=info", f"--concurrency={concurrency}"],
        "beat": [*celery, "beat", "--loglevel=info", "--schedule", str(state_dir / "celerybeat-schedule")],
    }
    return once, processes


def ensure_database(database_url: str) -> bool:
    """Create the PostgreSQL database of `database_url` if it does not exist. True if created."""
    import psycopg
    from psycopg import sql

    parts = urlsplit(database_url)
    name = parts.path.lstrip("/")
    maintenance = parts._replace(path="/postgres").geturl()
    with psycopg.connect(maintenance, autocommit=True, connect_timeout=5) as connection:
        if connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            return False
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return True


def check_redis(redis_url: str) -> None:
    import redis

    redis.Redis.from_url(redis_url, socket_connect_timeout=5).ping()


def _shown(command: list[str]) -> str:
    shown = [".venv/bin/python" if part == sys.executable else part for part in command]
    return shlex.join(shown)


class Stack:
    def __init__(self, processes: dict[str, list[str]], env: dict[str, str]):
        self.commands = processes
        self.env = env
        self.running: dict[str, subprocess.Popen] = {}
        self.stopping = False

    def start(self) -> None:
        for name, command in self.commands.items():
            print(f"[stack] {name}: {_shown(command)}", flush=True)
            self.running[name] = subprocess.Popen(command, cwd=ROOT, env=self.env)  # noqa: S603 (our own commands)

    def stop(self, *_signal) -> None:
        self.stopping = True

    def wait(self) -> int:
        """Until a signal asks to stop or a process exits; then stop all of them."""
        code = 0
        while not self.stopping:
            exited = [(name, p.returncode) for name, p in self.running.items() if p.poll() is not None]
            if exited:
                name, code = exited[0]
                print(f"[stack] {name} exited with status {code}; stopping the others.", flush=True)
                code = code or 1
                break
            time.sleep(0.5)
        self.terminate()
        return code

    def terminate(self) -> None:
        for process in self.running.values():
            if process.poll() is None:
                process.terminate()  # warm shutdown: a worker finishes or re-queues its task
        deadline = time.monotonic() + 20
        for process in self.running.values():
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        print("[stack] stopped.", flush=True)


def _wait_until_serving(url: str, stack: Stack, timeout: float = 60) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and not stack.stopping:
        if stack.running["web"].poll() is not None:
            return False
        try:
            with urllib.request.urlopen(url + "healthz", timeout=2) as response:  # noqa: S310 (http://, built above)
                if response.status == 200:
                    return True
        except OSError:
            time.sleep(0.5)
    return False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make stack", description=__doc__.split("\n\n")[0])
    parser.add_argument("--host", default=os.environ.get("HOST") or "127.0.0.1")
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT") or 8000))
    parser.add_argument("--no-demo", action="store_true", help="Do not load the demo.")
    parser.add_argument("--web-workers", type=int, default=2)
    parser.add_argument("--concurrency", type=int, default=2, help="Celery worker processes.")
    parser.add_argument("--state-dir", default=str(ROOT / "var"), help="Where beat keeps its schedule.")
    args = parser.parse_args(argv)

    env, derived = stack_environment(dict(os.environ), host=args.host, port=args.port)
    print("[stack] Settings derived for this stack (set them in the environment to change them):", flush=True)
    for name, value in derived.items():
        print(f"[stack]   {name}={value}", flush=True)
    if not env.get("SECRET_KEY") and not (ROOT / ".env").exists():
        print("[stack] No SECRET_KEY: set one, or run `make install`, which writes it to .env.", file=sys.stderr)
        return 2
    print(f"[stack]   SECRET_KEY from {'the environment' if env.get('SECRET_KEY') else '.env'}", flush=True)
    if args.host in EVERY_ADDRESS and "ALLOWED_HOSTS" in derived:
        print("[stack] Reached by another name or address? Add it: ALLOWED_HOSTS=...,that.name", flush=True)

    database_url, redis_url = env["DATABASE_URL"], env["REDIS_URL"]
    if urlsplit(database_url).scheme not in {"postgres", "postgresql"}:
        print(f"[stack] DATABASE_URL must be a PostgreSQL address, not {database_url}", file=sys.stderr)
        return 2
    try:
        if ensure_database(database_url):
            print(f"[stack] createdb {urlsplit(database_url).path.lstrip('/')}: created", flush=True)
    except Exception as error:
        print(f"[stack] PostgreSQL at {database_url} does not answer: {error}", file=sys.stderr)
        return 2
    try:
        check_redis(redis_url)
    except Exception as error:
        print(f"[stack] Redis at {redis_url} does not answer: {error}", file=sys.stderr)
        return 2

    state_dir = Path(args.state_dir)
    state_dir.mkdir(parents=True, exist_ok=True)
    once, processes = steps(
        host=args.host,
        port=args.port,
        state_dir=state_dir,
        demo=not args.no_demo,
        web_workers=args.web_workers,
        concurrency=args.concurrency,
    )
    for stage in once:
        started = []
        for command in stage:
            print(f"[stack] {_shown(command)}", flush=True)
            started.append((command, subprocess.Popen(command, cwd=ROOT, env=env)))  # noqa: S603 (our own commands)
        failed = [command for command, process in started if process.wait() != 0]
        if failed:
            print(f"[stack] failed: {_shown(failed[0])}", file=sys.stderr)
            return 1

    stack = Stack(processes, env)
    signal.signal(signal.SIGTERM, stack.stop)
    signal.signal(signal.SIGINT, stack.stop)
    stack.start()
    shown_host = "127.0.0.1" if args.host in EVERY_ADDRESS else args.host
    url = f"http://{f'[{shown_host}]' if ':' in shown_host else shown_host}:{args.port}/"
    if _wait_until_serving(url, stack):
        print(f"[stack] Serving on {url} (editor workspace: {url}editor/). Ctrl-C stops everything.", flush=True)
    return stack.wait()


if __name__ == "__main__":
    sys.exit(main())
