"""Calls PEP 517 hooks of the project in the current folder as pip and build do: pyproject_hooks starts a fresh
interpreter that imports the backend pyproject.toml names, from its backend-path. Run by the Windows CPython of
the Wine rehearsal (tests/test_msvc_wine.py); its build requirements are installed beside it.

    python pep517_hooks.py OUTDIR SETTINGS_JSON HOOK [HOOK ...]

Prints one line `RESULT {"hook": ..., "ok": ..., "result" or "error": ...}` per hook and stops at the first
that fails (the backend's own messages go to the inherited stderr)."""
import json
import sys
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

from pyproject_hooks import BuildBackendHookCaller


def main() -> int:
    out, settings, hooks = sys.argv[1], json.loads(sys.argv[2]), sys.argv[3:]
    system = tomllib.loads(Path("pyproject.toml").read_text(encoding="utf-8"))["build-system"]
    caller = BuildBackendHookCaller(".", system["build-backend"], backend_path=system.get("backend-path"))
    for hook in hooks:
        try:
            if hook.startswith("get_requires_"):
                result = getattr(caller, hook)(config_settings=settings)
            else:
                result = getattr(caller, hook)(out, config_settings=settings)
        except Exception as exc:  # the hook's process failed: report it as the frontend would
            print("RESULT " + json.dumps({"hook": hook, "ok": False, "error": f"{type(exc).__name__}: {exc}"}))
            return 1
        print("RESULT " + json.dumps({"hook": hook, "ok": True, "result": result}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
