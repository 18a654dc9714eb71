"""Command line from a checkout: python -m backend {fetch,record,settings}."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import record, upstream
from .errors import BuildError
from .log import Log
from .pipeline import make_context
from .settings import describe_schema

PROJECT_DIR = Path(__file__).resolve().parent.parent


def _config(pairs: list[str]) -> dict[str, str]:
    config = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep:
            raise BuildError(f"-C {pair!r}: expected key=value.")
        config[key] = value
    return config


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m backend", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    fetch = commands.add_parser("fetch", help="download and verify the upstream sdist (and with -C deps=source, "
                                               "the library sources) into the cache, for offline builds")
    fetch.add_argument("-C", "--config-setting", action="append", default=[], metavar="KEY=VALUE")
    show = commands.add_parser("record", help="print the build record of a wheel or of the installed ffcv")
    show.add_argument("wheel", nargs="?", type=Path, help="a wheel file (default: the installed ffcv)")
    commands.add_parser("settings", help="list every setting with its environment variable")
    args = parser.parse_args(argv)
    log = Log()
    try:
        if args.command == "fetch":
            ctx = make_context(_config(args.config_setting), project_dir=PROJECT_DIR, log=log)
            print(upstream.upstream_sdist(ctx))
            if ctx.settings.deps == "source":
                from .deps.source import source_archive
                from .pins import source_pins

                for pin in source_pins(ctx.pins):
                    print(source_archive(ctx, pin)[0])
        elif args.command == "record":
            data = record.read_from_wheel(args.wheel) if args.wheel else record.read_installed()
            print(json.dumps(data, indent=2))
        elif args.command == "settings":
            print(describe_schema())
    except BuildError as exc:
        log.error(str(exc))
        return 1
    except (FileNotFoundError, KeyError, ImportError) as exc:
        log.error(f"No build record: {exc}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
