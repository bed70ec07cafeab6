"""The ``labelcore`` command: the core for pipelines. The only module that touches the disk."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable

from labelcore import __version__
from labelcore.errors import LabelcoreError

# name -> (configure the subparser, run it). Each area of the core adds its commands here.
Command = tuple[Callable[[argparse.ArgumentParser], None], Callable[[argparse.Namespace], int]]
COMMANDS: dict[str, tuple[str, Command]] = {}

# command -> the module that registers it with @command (one per area of the core). Only the module
# of the command that runs is imported: `--version` and `validate` then skip the pydantic models,
# importers and exporters they never use (start-up was mostly those imports).
COMMAND_MODULES: dict[str, str] = {
    "validate": "labelcore.config.cli",
    "templates": "labelcore.templates.cli",
    "import": "labelcore.importers.cli",
    "export": "labelcore.exporters.cli",
    "formats": "labelcore.exporters.cli",
}


def command(name: str, help: str, configure: Callable[[argparse.ArgumentParser], None] | None = None):
    """Register a subcommand: decorate ``run(ns) -> exit code``; ``configure`` adds its arguments."""

    def register(run: Callable[[argparse.Namespace], int]):
        COMMANDS[name] = (help, (configure or (lambda parser: None), run))
        return run

    return register


def load_command(name: str) -> tuple[str, Command]:
    """The registered command, importing its module the first time."""
    if name not in COMMANDS:
        importlib.import_module(COMMAND_MODULES[name])
    return COMMANDS[name]


class _Parser(argparse.ArgumentParser):
    """The top-level parser: its help lists every command, so only printing it loads them all."""

    def format_help(self) -> str:
        for action in self._subparsers._group_actions if self._subparsers else ():
            for choice in getattr(action, "_choices_actions", ()):
                choice.help = load_command(choice.dest)[0]
        return super().format_help()


class _CommandParser(argparse.ArgumentParser):
    """A subcommand's parser: imports the command and adds its arguments when it is parsed."""

    pending: str | None = None

    def parse_known_args(self, args=None, namespace=None):
        if self.pending is not None:
            help_text, (configure, _run) = load_command(self.pending)
            self.pending, self.description = None, help_text
            configure(self)
        return super().parse_known_args(args, namespace)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="labelcore", description="Label Studio configs, tasks, import and export, offline.")
    parser.add_argument("--version", action="version", version=f"labelcore {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_CommandParser)
    for name in sorted(COMMANDS.keys() | COMMAND_MODULES.keys()):
        sub.add_parser(name, help="").pending = name
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    ns = parser.parse_args(argv)
    if not ns.command:
        parser.print_help()
        return 0
    _help, (_configure, run) = COMMANDS[ns.command]
    try:
        return run(ns)
    except LabelcoreError as exc:
        print(f"labelcore: {exc.type}: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
