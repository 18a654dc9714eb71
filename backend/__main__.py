"""Command line from a checkout: python -m backend {fetch,pins,record,settings,doctor,closure}."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .bootstrap import run_in_tools_environment
from .errors import BuildError
from .log import Log
from .signals import EXIT_CODE, Terminated, terminate_by_exception

PROJECT_DIR = Path(__file__).resolve().parent.parent


def _config(pairs: list[str]) -> dict[str, str]:
    config = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep:
            raise BuildError(f"-C {pair!r}: expected key=value.")
        config[key] = value
    return config


def print_closure(wheel: Path, log: Log) -> int:
    from .pins import Pins
    from .verify import WindowsSystem, missing_from, windows_closure

    from .wheelfile import open_wheel

    with open_wheel(wheel) as archive:
        if not any(name.lower().endswith((".pyd", ".dll")) for name in archive.namelist()):
            raise BuildError(f"{wheel.name} holds no .pyd or .dll: not a Windows wheel.",
                             "closure checks Windows wheels; Linux wheels are checked by auditwheel show.")
    found = windows_closure(wheel, WindowsSystem.from_pins(Pins.load(PROJECT_DIR)))
    for name, imports in sorted(found.items()):
        print(name)
        for dll, where in sorted(imports.items(), key=lambda item: item[0].lower()):
            print(f"    {dll:48} {where}")
    missing = missing_from(found)
    if missing:
        log.error(f"{sum(map(len, missing.values()))} imported DLLs are neither in the wheel nor part of "
                  "Windows or CPython (marked MISSING above).")
        return 1
    log.ok(f"{len(found)} PE files: every imported DLL is in the wheel or part of Windows or CPython.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m backend", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    fetch = commands.add_parser("fetch", help="download and verify the upstream sdist and the library sources "
                                               "(deps=source, the default; with -C deps=prebuilt, also OpenCV's "
                                               "official Windows release, extracted; with -C toolchain=zig, also "
                                               "the Windows CPython) into the cache, for offline builds and CI "
                                               "caches")
    fetch.add_argument("-C", "--config-setting", action="append", default=[], metavar="KEY=VALUE")
    show = commands.add_parser("record", help="print the build record of a wheel or of the installed ffcv")
    show.add_argument("wheel", nargs="?", type=Path, help="a wheel file (default: the installed ffcv)")
    settings = commands.add_parser("settings", help="list every setting with its environment variable")
    settings.add_argument("--markdown", action="store_true", help="as the table in docs/building.md")
    commands.add_parser("pins", help="every pinned download of the data file: file, sha256, where from, provenance")
    doctor = commands.add_parser("doctor", help="what this machine offers for a build, and how an installed ffcv "
                                                "finds its native libraries")
    doctor.add_argument("-C", "--config-setting", action="append", default=[], metavar="KEY=VALUE")
    doctor.add_argument("--python", type=Path, default=Path(sys.executable),
                        help="the interpreter whose installed ffcv to inspect (default: this one)")
    closure = commands.add_parser("closure", help="the DLLs each .pyd/.dll of a Windows wheel imports, and where "
                                                  "each comes from (exit 1 if any is missing)")
    closure.add_argument("wheel", type=Path)
    args = parser.parse_args(argv)
    log = Log()
    try:
        # Commands run with only the standard library; those that need the backend's requirements get
        # them from a tools environment made once (a bare checkout has none of them).
        with terminate_by_exception():
            code = run_in_tools_environment(PROJECT_DIR, args.command, sys.argv[1:] if argv is None else argv,
                                            log.info)
            return code if code is not None else _run_command(args, log)
    except BuildError as exc:
        log.error(str(exc))
        return 1
    except Terminated as exc:
        log.error(f"Stopped by {exc.name}; its downloads and temporary folders were removed.")
        return EXIT_CODE
    except KeyboardInterrupt:
        log.error("Interrupted.")
        return 130


def _run_command(args: argparse.Namespace, log: Log) -> int:
    if args.command == "fetch":
        from .deps.registry import provider
        from .inputs import upstream
        from .pipeline import make_context
        from .toolchains.registry import toolchain_kind

        ctx = make_context(_config(args.config_setting), project_dir=PROJECT_DIR, log=log)
        print(upstream.upstream_sdist(ctx))
        # Whatever the chosen provider and toolchain download in a build (toolchain=zig: the Windows CPython).
        for path in [*provider(ctx).prefetch(ctx), *toolchain_kind(ctx).prefetch(ctx)]:
            print(path)
    elif args.command == "pins":
        from .pins import Pins, pinned_downloads

        for entry in pinned_downloads(Pins.load(PROJECT_DIR)):
            print("\n".join(f"{key:11} {value}" for key, value in entry.items()) + "\n")
    elif args.command == "record":
        from . import record

        data = record.read_from_wheel(args.wheel) if args.wheel else record.read_installed()
        print(json.dumps(data, indent=2))
    elif args.command == "settings":
        from .settings import describe_schema

        print(describe_schema(markdown=args.markdown))
    elif args.command == "doctor":
        from .doctor import doctor as run_doctor
        from .pipeline import make_context

        return run_doctor(make_context(_config(args.config_setting), project_dir=PROJECT_DIR, log=log), args.python)
    elif args.command == "closure":
        return print_closure(args.wheel, log)
    return 0


if __name__ == "__main__":
    sys.exit(main())
