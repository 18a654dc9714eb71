"""toolchain=zig pieces: settings, targets, the wrapper scripts, the Windows Python headers and the
python3.dll import library (made from the real embeddable CPython's exports, linked by real zig)."""
from __future__ import annotations

import io
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from backend import hooks
from backend.errors import BuildError
from backend.log import Log
from backend.toolchains.registry import detect
from backend.toolchains.windows_python import embeddable_python
from backend.toolchains.zig import ZIG_VARIABLE, default_flags, detect_zig, find_zig, write_wrappers, zig_target


def test_zig_needs_a_provider_that_builds_for_the_target(make_ctx) -> None:
    with pytest.raises(BuildError, match="deps=pkg-config finds this machine's libraries"):
        make_ctx({"toolchain": "zig", "deps": "pkg-config"})
    assert make_ctx({"toolchain": "zig", "deps": "source"}).settings.toolchain == "zig"
    assert make_ctx({"toolchain": "zig"}).settings.deps == "source"  # the default provider builds for the target


def test_a_target_without_a_cross_toolchain_is_refused(make_ctx) -> None:
    with pytest.raises(BuildError, match="target=win_amd64 needs a cross toolchain"):
        detect(make_ctx({"target": "win_amd64"}))


def test_unknown_toolchain_value_gets_a_suggestion(make_ctx) -> None:
    with pytest.raises(BuildError, match="Did you mean 'zig'"):
        make_ctx({"toolchain": "zgi"})


def test_targets_come_from_the_data_file(make_ctx) -> None:
    default = zig_target(make_ctx({"toolchain": "zig", "deps": "source"}))
    assert (default.wheel_platform, default.triple, default.tested) == ("win_amd64", "x86_64-windows-gnu", True)
    arm = zig_target(make_ctx({"toolchain": "zig", "deps": "source", "target": "win_arm64"}))
    assert (arm.triple, arm.dlltool_machine, arm.tested) == ("aarch64-windows-gnu", "arm64", False)
    linux = zig_target(make_ctx({"toolchain": "zig", "deps": "source", "target": "manylinux_2_17_aarch64"}))
    # The manylinux tag's glibc version is the one zig links against.
    assert (linux.platform, linux.triple, linux.cmake_system, linux.cmake_processor) == \
        ("linux", "aarch64-linux-gnu.2.17", "Linux", "aarch64")
    mac = zig_target(make_ctx({"toolchain": "zig", "deps": "source", "target": "macosx_11_0_arm64"}))
    assert (mac.triple, mac.cmake_system, mac.cmake_processor) == ("aarch64-macos.11.0", "Darwin", "arm64")
    with pytest.raises(BuildError, match="(?s)cannot build for target 'win32'.*Known targets: macosx_11_0_arm64, "
                                         "manylinux_2_17_aarch64, manylinux_2_17_x86_64, win_amd64, win_arm64"):
        zig_target(make_ctx({"toolchain": "zig", "deps": "source", "target": "win32"}))


def test_build_requirements_ask_for_pip_while_the_windows_python_is_not_cached(
        tmp_path: Path, upstream_sdist: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The upstream sdist is local and deps=dirs fetches nothing: only the Windows CPython needs the index."""
    monkeypatch.setenv("FFCV_BUILD_CACHE_DIR", str(tmp_path / "empty-cache"))
    config = {"deps": "dirs", "include-dirs": str(tmp_path), "upstream-sdist": str(upstream_sdist)}
    assert "pip" not in hooks.get_requires_for_build_wheel(config)
    assert "pip" in hooks.get_requires_for_build_wheel({**config, "toolchain": "zig"})
    assert "pip" not in hooks.get_requires_for_build_wheel({**config, "toolchain": "zig", "offline": "true"})


def test_build_requirements_add_zig_pefile_and_delvewheel(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FFCV_BUILD_OFFLINE", "true")
    requirements = hooks.get_requires_for_build_wheel({"toolchain": "zig", "deps": "source"})
    names = {r.split(">")[0] for r in requirements}
    assert {"ziglang", "pefile", "delvewheel", "cmake", "ninja"} <= names
    assert not {r.split(">")[0] for r in hooks.get_requires_for_build_wheel({})} & {"ziglang", "delvewheel"}


def test_wrappers_drop_host_flags_and_keep_the_rest(tmp_path: Path) -> None:
    echo = tmp_path / "fake-zig"
    echo.write_text('#!/bin/sh\nfor a do printf "<%s>" "$a"; done\n')
    echo.chmod(0o755)
    target = zig_target_for_test()
    wrappers = write_wrappers(tmp_path / "bin", target)
    env = {**os.environ, ZIG_VARIABLE: str(echo)}
    out = subprocess.run([wrappers["c++"], "-O3", "-g", "-fPIC", "-Wl,--as-needed", "-Wl,--kill-at", "a b.cpp"],
                         capture_output=True, text=True, check=True, env=env).stdout
    # The defaults come first: the caller's -O3 wins; a command without -O (CMake's checks) links in the
    # same mode as the rest, and strips as the extension's link does (-s), so zig builds its runtime for the
    # target once (not also in Debug mode, not also unstripped).
    assert out == "<c++><-target><x86_64-windows-gnu><-O2><-s><-O3><-fPIC><a b.cpp>"
    plain = subprocess.run([wrappers["cc"], "-o", "x.exe", "x.c"], capture_output=True, text=True, check=True,
                           env=env).stdout
    assert plain == "<cc><-target><x86_64-windows-gnu><-O2><-s><-o><x.exe><x.c>"
    assert subprocess.run([wrappers["ar"], "rcs", "x.a"], capture_output=True, text=True, env=env).stdout == "<ar><rcs><x.a>"
    # zig is named at run time: a wrapper run outside the backend says so instead of running anything.
    unset = subprocess.run([wrappers["ar"], "rcs", "x.a"], capture_output=True, text=True,
                           env={k: v for k, v in os.environ.items() if k != ZIG_VARIABLE})
    assert unset.returncode != 0 and f"{ZIG_VARIABLE}: is not set" in unset.stderr and not unset.stdout


def test_wrappers_strip_where_the_extension_link_strips_and_carry_opencvs_cpu_baseline(project_dir: Path) -> None:
    from backend.pins import Pins

    assert default_flags(AARCH64_LINUX) == ("-O2", "-s")
    assert default_flags(MACOS_ARM64) == ("-O2",)  # ld64's -x keeps the link unstripped
    # x86_64: OpenCV's baseline (SSE3) on every command, from the data file
    assert Pins.load(project_dir).zig.cpu_flags["x86_64"] == ("-msse3",)
    assert default_flags(x86_64_linux(project_dir)) == ("-O2", "-s", "-msse3")


def x86_64_linux(project_dir: Path):
    from backend.pins import Pins

    flags = Pins.load(project_dir).zig.cpu_flags.get("x86_64", ())
    return _target("manylinux_2_17_x86_64", "linux", "x86_64-linux-gnu.2.17", "", "x86_64", False, flags)


# The control builds compiler-rt three times (about 30 s idle): in the e2e tier.
@pytest.mark.parametrize("through_wrapper", [True, pytest.param(False, marks=pytest.mark.e2e)],
                         ids=["wrapper", "zig-directly"])
def test_a_builds_links_share_one_zig_runtime(tmp_path: Path, project_dir: Path, through_wrapper: bool) -> None:
    """Real zig, a fresh cache, the links one cold build makes: CMake's checks (no -O, no -s), OpenCV's
    baseline check (its -msse3) and the extension's lean link (-O3, --strip-all). Through the wrapper zig builds
    compiler-rt for the target once; the same commands given to zig directly (the control) build it three
    times: zig keys its runtime on optimisation mode, strip and CPU features."""
    target = x86_64_linux(project_dir)
    launcher = tmp_path / "zig"  # the wrappers run "$FFCV_WHEELS_ZIG cc ...": python -m ziglang
    launcher.write_text(f'#!/bin/sh\nexec {shlex.quote(sys.executable)} -m ziglang "$@"\n')
    launcher.chmod(0o755)
    cc = [str(write_wrappers(tmp_path / "bin", target)["cc"])] if through_wrapper else \
        [str(launcher), "cc", "-target", target.triple]
    source = tmp_path / "x.c"
    source.write_text("int main(void) { return 0; }\n")
    cache = tmp_path / "zig-cache"
    env = {**os.environ, ZIG_VARIABLE: str(launcher), "ZIG_GLOBAL_CACHE_DIR": str(cache),
           "ZIG_LOCAL_CACHE_DIR": str(cache)}
    for flags in ([], ["-msse3"], ["-O3", "-Wl,--gc-sections", "-Wl,--strip-all"]):
        subprocess.run([*cc, *flags, "-o", str(tmp_path / "a.out"), str(source)], env=env, check=True,
                       capture_output=True, timeout=600)
    runtimes = sorted(cache.rglob("libcompiler_rt.a"))
    assert len(runtimes) == (1 if through_wrapper else 3), runtimes


def _target(*fields):
    from backend.toolchains.zig import ZigTarget

    return ZigTarget(*fields)


AARCH64_LINUX = _target("manylinux_2_17_aarch64", "linux", "aarch64-linux-gnu.2.17", "", "aarch64", True)
MACOS_ARM64 = _target("macosx_11_0_arm64", "macos", "aarch64-macos.11.0", "", "arm64", True)


def zig_target_for_test():
    from backend.toolchains.zig import ZigTarget

    return ZigTarget("win_amd64", "windows", "x86_64-windows-gnu", "i386:x86-64", "AMD64", True)


@pytest.fixture(scope="session")
def zig_toolchain(project_dir: Path, shared_cache: Path):
    from backend.pipeline import make_context

    ctx = make_context({"cache-dir": str(shared_cache), "toolchain": "zig", "deps": "source"},
                       project_dir=project_dir, environ={}, log=Log(colour=False))
    return ctx, detect_zig(ctx)


def test_prepared_toolchain_has_windows_headers_and_the_stable_abi_import_library(zig_toolchain) -> None:
    ctx, tools = zig_toolchain
    cross = tools.cross
    assert tools.platform == "windows" and cross.wheel_platform == "win_amd64" and cross.extension_suffix == ".pyd"
    include = Path(cross.python_include)
    assert (include / "Python.h").is_file()
    assert (include / "pyconfig.h").read_bytes() == (ctx.project_dir / "vendor_scripts/windows-python/pyconfig.h").read_bytes()
    assert "-DCMAKE_TOOLCHAIN_FILE=" in cross.cmake_args[0]
    toolchain_file = Path(cross.cmake_args[0].split("=", 1)[1]).read_text()
    assert "set(CMAKE_SYSTEM_NAME Windows)" in toolchain_file and "CMAKE_SYSTEM_PROCESSOR AMD64" in toolchain_file
    assert tools.env["SETUPTOOLS_EXT_SUFFIX"] == ".pyd" and tools.env["CXX"] == tools.compiler
    # zig runs from the cache (stable_zig), not from the build environment ziglang came with.
    assert Path(tools.env[ZIG_VARIABLE]).is_relative_to(ctx.cache_dir)
    # Prepared once: a second detection reuses the same folder.
    assert detect_zig(ctx).cross == cross


def test_the_prepared_folder_outlives_the_build_environment_zig_came_from(zig_toolchain, tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """pip's isolated build environment puts ziglang at a new path on every build: the cached toolchain
    (and so the cached OpenCV/TurboJPEG builds keyed on its compiler) must not change with it."""
    from backend.toolchains import zig

    ctx, tools = zig_toolchain
    elsewhere = tmp_path / "build-env-2" / "ziglang"
    elsewhere.mkdir(parents=True)
    (elsewhere / "zig").symlink_to(find_zig())
    monkeypatch.setattr(zig, "find_zig", lambda: elsewhere / "zig")
    moved = detect_zig(ctx)
    assert moved.compiler == tools.compiler and moved.cross == tools.cross
    # and zig runs from the same place: zig's runtime for the target, keyed on its lib folder's path, is reused
    assert moved.env[ZIG_VARIABLE] == tools.env[ZIG_VARIABLE]


def test_zig_runs_from_one_cached_folder_whatever_build_environment_it_came_from(make_ctx, tmp_path: Path) -> None:
    """Two build environments (two copies of the ziglang package at different paths) give one zig in the cache,
    which runs (its lib folder came along)."""
    from backend.toolchains.zig import _link_or_copy, stable_zig, zig_version

    ctx = make_ctx({"cache-dir": str(tmp_path / "cache")})
    package = find_zig().parent
    found = []
    for env in ("build-env-1", "build-env-2"):
        copy = tmp_path / env / "ziglang"
        shutil.copytree(package, copy, copy_function=_link_or_copy, ignore=shutil.ignore_patterns("__pycache__"))
        found.append(stable_zig(ctx, copy / find_zig().name, zig_version(copy / find_zig().name)))
    assert found[0] == found[1] and found[0].is_relative_to(tmp_path / "cache")
    assert zig_version(found[0]) == zig_version(find_zig())
    assert (found[0].parent / "lib").is_dir()


def test_a_stable_abi_module_links_against_python3_dll_only(zig_toolchain, tmp_path: Path) -> None:
    import pefile

    _, tools = zig_toolchain
    source = tmp_path / "mod.cpp"
    source.write_text('#include <Python.h>\nstatic struct PyModuleDef d = {PyModuleDef_HEAD_INIT, "m", 0, -1, 0};\n'
                      'PyMODINIT_FUNC PyInit_m(void) { return PyModule_Create(&d); }\n')
    module = tmp_path / "m.pyd"
    subprocess.run([tools.compiler, "-shared", "-DPy_LIMITED_API=0x030A0000", f"-I{tools.cross.python_include}",
                    str(source), tools.cross.python_import_library, "-o", str(module)], check=True,
                   capture_output=True, text=True, env={**os.environ, **tools.env})
    pe = pefile.PE(str(module))
    imports = {entry.dll.decode().lower(): [i.name.decode() for i in entry.imports if i.name]
               for entry in pe.DIRECTORY_ENTRY_IMPORT}
    assert imports["python3.dll"] == ["PyModule_Create2"]
    assert not any(dll.startswith("python31") for dll in imports)  # stable ABI: no versioned python3XY.dll
    exports = [e.name.decode() for e in pe.DIRECTORY_ENTRY_EXPORT.symbols]
    assert "PyInit_m" in exports


def test_embeddable_python_is_extracted_once_and_verified(make_ctx, shared_cache: Path) -> None:
    stream = io.StringIO()
    ctx = make_ctx({"cache-dir": str(shared_cache)}, log=Log(stream, colour=False))
    folder = embeddable_python(ctx)
    assert {"python.exe", "python3.dll", "python312.dll", "python312._pth"} <= {p.name for p in folder.iterdir()}
    assert embeddable_python(ctx) == folder


def test_zig_is_found_in_the_build_environment() -> None:
    zig = find_zig()
    assert subprocess.run([str(zig), "version"], capture_output=True, text=True).stdout.strip()
    assert str(zig).startswith(sys.prefix)


def test_fetch_for_zig_keeps_the_windows_python_for_an_offline_build(upstream_sdist: Path, tmp_path: Path, project_dir: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    """Before: `fetch -C toolchain=zig` fetched the upstream sdist and library sources but not the Windows
    CPython the zig toolchain takes python3.dll from, so a later offline=true zig build failed."""
    from backend.__main__ import main
    from backend.deps.registry import PROVIDERS
    from backend.pipeline import make_context
    from backend.toolchains.registry import TOOLCHAINS

    cache = tmp_path / "cache"
    # deps=dirs downloads nothing: what fetch keeps here is the toolchain's own.
    config = {"cache-dir": str(cache), "toolchain": "zig", "deps": "dirs", "include-dirs": str(tmp_path),
              "upstream-sdist": str(upstream_sdist)}
    offline = make_context({**config, "offline": "true"}, project_dir=project_dir, environ={}, log=Log(colour=False))
    with pytest.raises(BuildError, match="offline"):
        embeddable_python(offline)
    assert main(["fetch", *(f"-C{key}={value}" for key, value in config.items())]) == 0
    folder = embeddable_python(offline)
    assert str(folder) in capsys.readouterr().out
    assert (folder / "python3.dll").is_file()
    assert "pip" not in hooks.get_requires_for_build_wheel(config)  # nothing left to download
    assert PROVIDERS["dirs"].prefetch(offline) == [] and TOOLCHAINS["native"].prefetch(offline) == []


def test_build_requirements_of_a_linux_target_leave_out_the_windows_tools(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """manylinux_2_17_aarch64: zig, but neither pefile nor delvewheel, and no Windows CPython to fetch."""
    monkeypatch.setenv("FFCV_BUILD_CACHE_DIR", str(tmp_path / "empty-cache"))
    names = {r.split(">")[0] for r in hooks.get_requires_for_build_wheel(
        {"toolchain": "zig", "target": "manylinux_2_17_aarch64", "deps": "dirs", "include-dirs": str(tmp_path)})}
    assert "ziglang" in names and not names & {"pefile", "delvewheel"}
