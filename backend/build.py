"""Stage: run setuptools in the patched upstream tree, with the native settings written beside setup.py."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from .context import BuildContext
from .deps import NativeDeps
from .errors import BuildError
from .proc import run_tool, tool_env
from .toolchains import Toolchain, exports_file_text, lean_link_args

NATIVE_SETTINGS_FILE = "ffcv_native_build.json"  # read by the patched setup.py
LIMITED_API_TAG = "cp310"
LIMITED_API_HEX = "0x030A0000"
EXPORTS_FILE = "ffcv_exports.txt"  # the linker's exports list, beside setup.py


def lean_link(ctx: BuildContext, tree: Path, toolchain: Toolchain) -> list[str]:
    """The toolchain's lean-link flags, with the exports file they name written into the tree."""
    if not toolchain.lean_link:
        return []
    exports = list(ctx.upstream.exports)
    if not exports:
        raise BuildError(f"The data file lists no exports for ffcv {ctx.upstream.version}: the extension would "
                         "export nothing, not even its module init.",
                         f"Add exports = [...] to [upstream.versions.\"{ctx.upstream.version}\"] in "
                         "vendor_scripts/pins.toml (PyInit__libffcv and every lib.<name> of ffcv/libffcv.py).")
    path = tree / EXPORTS_FILE
    path.write_text(exports_file_text(toolchain, exports), encoding="utf-8")
    return lean_link_args(toolchain, path)


def write_native_settings(ctx: BuildContext, tree: Path, deps: NativeDeps | None,
                          toolchain: Toolchain | None) -> Path:
    """deps/toolchain None: metadata only, no compiler settings needed."""
    extension: dict[str, object] = deps.extension_kwargs() if deps else {}
    bdist_wheel: dict[str, str] = {}
    cross = toolchain.cross if toolchain else None
    if deps and toolchain:
        link_args = [*deps.extra_link_args, *toolchain.extra_link_args, *lean_link(ctx, tree, toolchain)]
        extension["extra_compile_args"] = [*deps.extra_compile_args, *toolchain.section_flags]
        if cross and cross.import_library_flag:
            link_args.append(cross.import_library_flag.format(tree / "build" / "_libffcv-import-library.lib"))
        extension["extra_link_args"] = link_args
    if ctx.settings.abi3:
        # The extension is an empty module (ctypes does the work), so the stable ABI serves every CPython.
        # A cross build names the file itself (SETUPTOOLS_EXT_SUFFIX): setuptools' abi3 suffix is the host's.
        if cross is None:
            extension["py_limited_api"] = True
        macros = [*(deps.extension_kwargs()["define_macros"] if deps else []), ["Py_LIMITED_API", LIMITED_API_HEX]]
        extension["define_macros"] = macros
        bdist_wheel["py_limited_api"] = LIMITED_API_TAG
    elif cross is not None:
        raise BuildError("Cross builds make stable-ABI wheels only (abi3=true): the target's import library "
                         "is that of python3.dll.", "Drop -C abi3=false.")
    if cross is not None and deps is not None:
        # The target's Python headers ahead of the build Python's, which setuptools adds after these.
        extension["include_dirs"] = [cross.python_include, *deps.include_dirs]
        extension["extra_objects"] = [*deps.extra_objects, *filter(None, [cross.python_import_library])]
        extension["library_dirs"] = [*cross.library_dirs, *deps.library_dirs]
        bdist_wheel["plat_name"] = cross.wheel_platform
    if ctx.settings.build_tag:
        bdist_wheel["build_number"] = ctx.settings.build_tag
    path = tree / NATIVE_SETTINGS_FILE
    path.write_text(json.dumps({"extension": extension, "options": {"bdist_wheel": bdist_wheel}}, indent=2),
                    encoding="utf-8")
    return path


def _setuptools_hook(ctx: BuildContext, tree: Path, hook: str, out_dir: Path, what: str,
                     variables: dict[str, str] | None = None) -> str:
    out_dir.mkdir(parents=True, exist_ok=True)
    script = ("import sys; from setuptools import build_meta as b; "
              f"print('RESULT=' + b.{hook}(sys.argv[1]))")
    # UTF-8 mode: upstream's setup.py reads README.md with open()'s default encoding, the ANSI code page on
    # Windows, which turned its UTF-8 into mojibake in METADATA.
    output = run_tool([sys.executable, "-X", "utf8", "-c", script, str(out_dir)], ctx.log, what, cwd=tree,
                      env=tool_env(**(variables or {})), verbose=ctx.settings.verbose)
    results = [line[len("RESULT="):] for line in output.splitlines() if line.startswith("RESULT=")]
    if not results:
        raise BuildError(f"{what}: setuptools returned no result.")
    return results[-1]


def metadata(ctx: BuildContext, tree: Path, out_dir: Path) -> str:
    write_native_settings(ctx, tree, None, None)
    return _setuptools_hook(ctx, tree, "prepare_metadata_for_build_wheel", out_dir, "metadata (setuptools)")


def compile_wheel(ctx: BuildContext, tree: Path, deps: NativeDeps, toolchain: Toolchain, out_dir: Path) -> Path:
    write_native_settings(ctx, tree, deps, toolchain)
    return out_dir / _setuptools_hook(ctx, tree, "build_wheel", out_dir, "compile (setuptools)", toolchain.env)
