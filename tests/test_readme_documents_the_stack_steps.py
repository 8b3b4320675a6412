"""The README's manual "by hand" steps are the steps `make stack` runs, with the settings it derives:
a reader who follows them gets the same working stack (no 400 for want of ALLOWED_HOSTS, no
redirect to https, no unstyled pages for want of collectstatic)."""

import re
import shlex
import sys
from pathlib import Path

from tracker import stack

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def by_hand_block() -> str:
    section = README.split("By hand, the same steps as `make stack`", 1)[1]
    return re.search(r"```\n(.*?)```", section, re.DOTALL).group(1)


def core(command: list[str]) -> str:
    """A command as the README writes it: the program and its subcommand, without paths."""
    words = [part for part in command if part not in {sys.executable, "-m"}]
    if words[0] == "manage.py":
        return "manage.py " + words[1]
    return " ".join(words[:4]) if words[0] == "celery" else " ".join(words[:2])


def test_every_command_of_make_stack_is_in_the_readme_steps():
    block = by_hand_block()
    once, processes = stack.steps(
        host="127.0.0.1", port=8000, state_dir=Path("var"), demo=True, web_workers=2, concurrency=2
    )
    commands = [command for stage in once for command in stage] + list(processes.values())
    assert len(commands) == 7
    for command in commands:
        assert core(command) in block, shlex.join(command)


def test_every_setting_make_stack_derives_is_exported_in_the_readme_steps():
    block = by_hand_block()
    _, derived = stack.stack_environment({}, host="127.0.0.1", port=8000)
    exported = dict(
        re.findall(
            r"(?<![\w-])([A-Z_]+)=(\S+)", " ".join(line for line in block.splitlines() if line.startswith("export "))
        )
    )
    assert derived.keys() <= exported.keys()
    for name, value in derived.items():
        assert exported[name] == value, name


def test_the_steps_create_the_database_and_collect_static_files():
    block = by_hand_block()
    assert "createdb" in block
    assert "collectstatic --noinput" in block
