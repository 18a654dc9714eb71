"""The `source` provider's machinery with real CMake and Ninja on tiny fixture projects (seconds, not minutes)."""
from __future__ import annotations

import io
import tarfile
import threading
from pathlib import Path

import pytest

from backend.deps import NativeDeps, simd_warning
from backend.deps.source import (LICENCES_DIR, PREFIX_MARKER, add_source_library, build_prefix, configure_options,
                                 prefix_key, source_archive, source_pins)
from backend.errors import BuildError
from backend.inputs.download import file_sha256
from backend.log import Log
from backend.pins import SourceArchive, SourcePin
from backend.toolchains import Toolchain
from backend.toolchains.arch import architecture
from backend.toolchains.registry import detect

GOOD_CMAKE = """cmake_minimum_required(VERSION 3.15)
project(tiny C)
add_library(tiny STATIC tiny.c)
install(TARGETS tiny ARCHIVE DESTINATION lib)
install(FILES tiny.h DESTINATION include)
"""


def make_archive(path: Path, files: dict[str, str]) -> Path:
    with tarfile.open(path, "w:gz") as tar:
        for name, text in files.items():
            data = text.encode()
            info = tarfile.TarInfo(f"tiny-1.0/src/{name}")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return path


def tiny_pin(archive: Path, options: tuple[str, ...] = ()) -> SourcePin:
    return SourcePin(
        name="tiny", version="1.0",
        archives=(SourceArchive("pypi", "tiny", archive.name, file_sha256(archive), "tiny-1.0/src", ("docs",)),),
        cmake_options=options, include_dirs=("include",), link=("lib/libtiny.a",), system_libraries=(),
        licences=("LICENSE",), simd_assemblers=(), simd_off_option=None)


@pytest.fixture
def good_archive(tmp_path: Path) -> Path:
    return make_archive(tmp_path / "tiny-1.0.tar.gz", {
        "CMakeLists.txt": GOOD_CMAKE, "tiny.c": "int tiny(void) { return 42; }\n", "tiny.h": "int tiny(void);\n",
        "LICENSE": "tiny licence\n", "docs/skipped.txt": "not extracted\n"})


def test_build_once_then_reuse(make_ctx, good_archive: Path) -> None:
    stream = io.StringIO()
    ctx = make_ctx({"local-files": str(good_archive)}, log=Log(stream, colour=False))
    pin = tiny_pin(good_archive)
    toolchain = detect(ctx)
    prefix = build_prefix(ctx, pin, toolchain)
    assert (prefix / "lib" / "libtiny.a").is_file() and (prefix / "include" / "tiny.h").is_file()
    assert (prefix / PREFIX_MARKER).is_file()
    assert (prefix / LICENCES_DIR / "LICENSE").read_text() == "tiny licence\n"
    assert build_prefix(ctx, pin, toolchain) == prefix
    assert stream.getvalue().count("built into") == 1 and "reused from" in stream.getvalue()
    # Only the finished prefix (and its lock) is in the cache: no staging folders.
    assert sorted(p.name for p in prefix.parent.iterdir()) == sorted([prefix.name, prefix.name + ".lock"])


def test_failed_build_leaves_no_prefix_and_shows_the_error(make_ctx, tmp_path: Path) -> None:
    archive = make_archive(tmp_path / "tiny-1.0.tar.gz", {
        "CMakeLists.txt": GOOD_CMAKE, "tiny.c": "int tiny(void) { return undeclared_symbol; }\n",
        "tiny.h": "", "LICENSE": ""})
    ctx = make_ctx({"local-files": str(archive)})
    with pytest.raises(BuildError) as error:
        build_prefix(ctx, tiny_pin(archive), detect(ctx))
    assert "tiny 1.0: build (ninja) failed" in str(error.value) and "undeclared_symbol" in str(error.value)
    prefixes = ctx.cache_dir / "prefixes"
    assert [p.name for p in prefixes.iterdir() if not p.name.endswith(".lock")] == []


def test_missing_install_output_is_an_error(make_ctx, tmp_path: Path) -> None:
    archive = make_archive(tmp_path / "tiny-1.0.tar.gz", {
        "CMakeLists.txt": GOOD_CMAKE.replace("install(TARGETS tiny ARCHIVE DESTINATION lib)\n", ""),
        "tiny.c": "int tiny(void) { return 1; }\n", "tiny.h": "", "LICENSE": ""})
    ctx = make_ctx({"local-files": str(archive)})
    with pytest.raises(BuildError, match="did not give lib/libtiny.a"):
        build_prefix(ctx, tiny_pin(archive), detect(ctx))


def test_concurrent_builds_build_once(make_ctx, good_archive: Path) -> None:
    stream = io.StringIO()
    ctx = make_ctx({"local-files": str(good_archive)}, log=Log(stream, colour=False))
    pin, toolchain = tiny_pin(good_archive), detect(ctx)
    results: list[Path] = []
    threads = [threading.Thread(target=lambda: results.append(build_prefix(ctx, pin, toolchain))) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 2 and results[0] == results[1]
    assert stream.getvalue().count("built into") == 1


def test_prefix_key_follows_every_input(good_archive: Path) -> None:
    pin = tiny_pin(good_archive)
    gcc = Toolchain("gcc", "/usr/bin/c++", "c++ 12.2.0")
    key = prefix_key(pin, ["-DA=1"], gcc)
    assert prefix_key(pin, ["-DA=1"], gcc) == key
    assert prefix_key(pin, ["-DA=2"], gcc) != key
    assert prefix_key(pin, ["-DA=1"], Toolchain("gcc", "/usr/bin/c++", "c++ 13.1.0")) != key
    other = SourcePin(**{**vars(pin), "archives": (SourceArchive("pypi", "tiny", "x", "0" * 64, "s", ()),)})
    assert prefix_key(other, ["-DA=1"], gcc) != key


def test_missing_assembler_turns_simd_off_with_a_warning(make_ctx, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    (jpeg,) = [pin for pin in source_pins(make_ctx().pins) if pin.name == "libjpeg-turbo"]
    stream = io.StringIO()
    ctx = make_ctx(log=Log(stream, colour=False))
    monkeypatch.setenv("PATH", str(tmp_path))  # no nasm, no yasm
    options = configure_options(jpeg, True, ctx, Toolchain("gcc", "/usr/bin/c++", "c++ 12.2.0", machine="x86_64"))
    assert options[-1] == "-DWITH_SIMD=OFF"
    assert "[WARN] libjpeg-turbo: no nasm or yasm found, building WITHOUT SIMD" in stream.getvalue()


@pytest.mark.parametrize("machine", ["aarch64", "arm64", "ARM64"])
def test_arm64_simd_needs_no_assembler(make_ctx, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                       machine: str) -> None:
    """libjpeg-turbo's ARM64 SIMD is NEON intrinsics: without nasm it stays on, and nothing is said."""
    (jpeg,) = [pin for pin in source_pins(make_ctx().pins) if pin.name == "libjpeg-turbo"]
    stream = io.StringIO()
    monkeypatch.setenv("PATH", str(tmp_path))  # no nasm, no yasm
    options = configure_options(jpeg, True, make_ctx(log=Log(stream, colour=False)),
                                Toolchain("msvc", "cl.exe", "19.44", platform="windows", machine=machine))
    assert "-DWITH_SIMD=OFF" not in options and "WITHOUT SIMD" not in stream.getvalue()


def simd_pin(archive: Path, machine: str) -> SourcePin:
    """The tiny library with SIMD code that needs an assembler ("tinyasm") on `machine` (a canonical name)."""
    return SourcePin(**{**vars(tiny_pin(archive)), "simd_assemblers": ("tinyasm",),
                        "simd_off_option": "-DTINY_SIMD=OFF", "simd_assembler_architectures": (machine,)})


@pytest.mark.parametrize("assembler", [False, True])
def test_simd_state_comes_from_the_prefix_and_is_warned_about(make_ctx, good_archive: Path, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch, assembler: bool) -> None:
    """Without the assembler: a WARN while building, simd False for the build record and the closing warning;
    a reused prefix reports how it was built, not what PATH holds now."""
    tools = tmp_path / "tools"
    tools.mkdir()
    if assembler:
        (tools / "tinyasm").write_text("#!/bin/sh\nexit 0\n")
        (tools / "tinyasm").chmod(0o755)
    monkeypatch.setenv("PATH", f"{tools}:{Path('/usr/bin')}:{Path('/bin')}")
    stream = io.StringIO()
    ctx = make_ctx({"local-files": str(good_archive)}, log=Log(stream, colour=False))
    toolchain = detect(ctx)
    pin = simd_pin(good_archive, architecture(make_ctx().pins, toolchain.machine).name)
    deps = NativeDeps(provider="source")
    add_source_library(ctx, pin, toolchain, deps)
    assert deps.simd == {"tiny": assembler}
    assert ("[WARN] tiny: no tinyasm found, building WITHOUT SIMD" in stream.getvalue()) is not assembler
    warning = simd_warning(deps)
    assert (warning is None) is assembler
    if not assembler:
        assert "tiny built WITHOUT SIMD" in warning and "JPEG decoding with this wheel will be several times slower" in warning
        # The prefix built without SIMD keeps saying so, whatever is on PATH later (a new PATH builds a new one).
        marker = next((ctx.cache_dir / "prefixes").glob(f"tiny-1.0-*/{PREFIX_MARKER}"))
        again = NativeDeps(provider="source")
        add_source_library(ctx, pin, toolchain, again)
        assert again.simd == {"tiny": False} and "-DTINY_SIMD=OFF" in marker.read_text()


def test_libraries_without_simd_concerns_are_not_reported(make_ctx, good_archive: Path) -> None:
    ctx = make_ctx({"local-files": str(good_archive)})
    deps = NativeDeps(provider="source")
    add_source_library(ctx, tiny_pin(good_archive), detect(ctx), deps)
    assert deps.simd == {} and simd_warning(deps) is None


def test_pinned_sources_are_complete(make_ctx) -> None:
    pins = source_pins(make_ctx().pins)
    assert [pin.name for pin in pins] == ["libjpeg-turbo", "opencv"]
    for pin in pins:
        assert pin.archives and all(len(a.sha256) == 64 for a in pin.archives)
        assert pin.link and pin.licences and pin.include_dirs
    (opencv,) = [pin for pin in pins if pin.name == "opencv"]
    assert "-DBUILD_LIST=core,imgproc" in opencv.cmake_options and "-DBUILD_SHARED_LIBS=OFF" in opencv.cmake_options


def test_per_platform_data_is_picked_for_the_platform(make_ctx) -> None:
    pins = make_ctx().pins
    windows = {pin.name: pin for pin in source_pins(pins, "windows")}
    assert "-DWITH_CRT_DLL=TRUE" in windows["libjpeg-turbo"].cmake_options
    assert "-DBUILD_WITH_STATIC_CRT=OFF" in windows["opencv"].cmake_options
    assert windows["opencv"].system_libraries == ()
    linux = {pin.name: pin for pin in source_pins(pins, "linux")}
    assert "-DWITH_CRT_DLL=TRUE" not in linux["libjpeg-turbo"].cmake_options
    assert linux["opencv"].system_libraries == ("dl", "m", "pthread", "rt")
    shim = make_ctx().project_dir / pins.pthread_shim / "pthread.h"
    assert shim.is_file()


GLOB_CMAKE = """cmake_minimum_required(VERSION 3.15)
project(tiny CXX)
file(GLOB sources src/*.cpp)
add_library(tiny STATIC ${sources})
install(TARGETS tiny ARCHIVE DESTINATION lib)
"""


def test_compile_only_keeps_just_the_listed_units(make_ctx, tmp_path: Path) -> None:
    """A library that globs its sources (as OpenCV does) compiles only what `compile-only` lists: a unit that
    does not compile shows that the others were removed first; the prefix key records the list."""
    import dataclasses
    import subprocess

    archive = make_archive(tmp_path / "tiny-1.0.tar.gz", {
        "CMakeLists.txt": GLOB_CMAKE, "src/used.cpp": "int used() { return 1; }\n",
        "src/unused.cpp": "#error FFCV never calls this\n", "LICENSE": "tiny licence\n"})
    ctx = make_ctx({"local-files": str(archive)})
    pin = dataclasses.replace(tiny_pin(archive), compile_only=(("src", ("used.cpp",)),))
    toolchain = detect(ctx)
    prefix = build_prefix(ctx, pin, toolchain)
    members = subprocess.run(["ar", "t", str(prefix / "lib" / "libtiny.a")], capture_output=True, text=True).stdout
    assert members.split() == ["used.cpp.o"]
    options = configure_options(pin, False, ctx, toolchain)
    assert prefix_key(pin, options, toolchain) != prefix_key(tiny_pin(archive), options, toolchain)
    wrong = dataclasses.replace(pin, compile_only=(("src", ("gone.cpp",)),))
    with pytest.raises(BuildError, match="gone.cpp"):
        build_prefix(ctx, wrong, toolchain)


def test_architecture_options_follow_the_cpu_family_whatever_its_spelling(make_ctx) -> None:
    """OpenCV's dispatch list names x86 instruction sets: every x86_64 spelling (Linux, Windows host, MSVC, CMake)
    gets it, an ARM target never does."""
    pins = make_ctx().pins
    for machine in ("x86_64", "AMD64", "x64", "amd64"):
        (opencv,) = [p for p in source_pins(pins, "linux", "gcc", machine) if p.name == "opencv"]
        assert "-DCPU_DISPATCH=" in opencv.cmake_options, machine
    for machine in ("aarch64", "arm64", "ARM64"):
        (opencv,) = [p for p in source_pins(pins, "linux", "gcc", machine) if p.name == "opencv"]
        assert not any(o.startswith("-DCPU_DISPATCH") for o in opencv.cmake_options), machine
    linux = {p.name: p for p in source_pins(pins, "linux", "gcc", "x86_64")}
    assert dict(linux["opencv"].compile_only)["modules/imgproc/src"] == ("resize.cpp", "tables.cpp")
    # One trimmed OpenCV for every target: the same files for MSVC, zig's Windows, macOS and aarch64 targets
    # (plus only the extras the data file gives a target, none of which may drop a file of the common list).
    common = dict(linux["opencv"].compile_only)
    for target in (("windows", "msvc", "x64"), ("windows", "zig", "x86_64"), ("macos", "zig", "arm64"),
                   ("linux", "zig", "aarch64")):
        (opencv,) = [p for p in source_pins(pins, *target) if p.name == "opencv"]
        for folder, files in common.items():
            assert set(files) <= set(dict(opencv.compile_only)[folder]), target


def test_compile_only_extras_join_a_listed_folder(make_ctx) -> None:
    """A target's extras add files to the common list's folders; an extra for a folder the list does not
    name is an error in the data file (that folder is compiled whole anyway)."""
    from backend.deps.source import compile_only

    entry = {"compile-only": {"src": ["a.cpp"]}, "compile-only-extra-windows": {"src": ["win.cpp", "a.cpp"]},
             "compile-only-extra-aarch64": {"src": ["neon.cpp"]}}
    assert compile_only(entry, "windows", "x86_64") == (("src", ("a.cpp", "win.cpp")),)
    assert compile_only(entry, "linux", "aarch64") == (("src", ("a.cpp", "neon.cpp")),)
    assert compile_only(entry, "linux", "x86_64") == (("src", ("a.cpp",)),)
    with pytest.raises(BuildError, match="other"):
        compile_only({**entry, "compile-only-extra-macos": {"other": ["x.cpp"]}}, "macos", "aarch64")


def test_offline_without_the_sources_keeps_the_advice_and_names_the_route_without_download(make_ctx,
                                                                                              good_archive: Path) -> None:
    """What wheels.yml's wheel-from-sdist hit on its first run (offline, no provider named, empty cache): the
    error says what to do, the fetch error's advice and the offline route that needs no download."""
    ctx = make_ctx({"offline": "true"})
    with pytest.raises(BuildError) as caught:
        source_archive(ctx, tiny_pin(good_archive))
    error = caught.value
    assert "offline=true and tiny-1.0.tar.gz is not in the cache" in error.message
    assert error.hint is not None
    assert "python -m backend fetch" in error.hint and "-C local-files=PATH" in error.hint
    assert "-C deps=pkg-config" in error.hint


def named_pin(name: str, archive: Path) -> SourcePin:
    return SourcePin(
        name=name, version="1.0",
        archives=(SourceArchive("pypi", name, archive.name, file_sha256(archive), "tiny-1.0/src", ()),),
        cmake_options=(), include_dirs=("include",), link=("lib/libtiny.a",), system_libraries=(),
        licences=("LICENSE",), simd_assemblers=(), simd_off_option=None)


def waiting_cmake(me: str, other: str, meeting: Path, then: str = "") -> str:
    """A CMakeLists.txt whose configure says it started, then waits (30 s at most) for `other`'s configure."""
    return f"""cmake_minimum_required(VERSION 3.15)
project(tiny C)
file(WRITE "{meeting}/{me}-started" "")
set(waited 0)
while(NOT EXISTS "{meeting}/{other}-started" AND waited LESS 300)
  execute_process(COMMAND "${{CMAKE_COMMAND}}" -E sleep 0.1)
  math(EXPR waited "${{waited}} + 1")
endwhile()
if(NOT EXISTS "{meeting}/{other}-started")
  message(FATAL_ERROR "{me} configured alone: {other} was not being built at the same time")
endif()
{then}
add_library(tiny STATIC tiny.c)
install(TARGETS tiny ARCHIVE DESTINATION lib)
install(FILES tiny.h DESTINATION include)
"""


def two_libraries(tmp_path: Path, left_cmake: str, right_cmake: str) -> list[tuple[str, Path]]:
    made = []
    for name, cmake in (("left", left_cmake), ("right", right_cmake)):
        made.append((name, make_archive(tmp_path / f"{name}-1.0.tar.gz", {
            "CMakeLists.txt": cmake, "tiny.c": "int tiny(void) { return 1; }\n", "tiny.h": "int tiny(void);\n",
            "LICENSE": f"{name} licence\n"})))
    return made


def test_the_libraries_are_built_side_by_side(make_ctx, tmp_path: Path) -> None:
    """Each configure waits for the other's to start: built one after the other, the first fails."""
    from backend.deps.source import build_prefixes

    meeting = tmp_path / "meeting"
    meeting.mkdir()
    archives = two_libraries(tmp_path, waiting_cmake("left", "right", meeting),
                             waiting_cmake("right", "left", meeting))
    ctx = make_ctx({"local-files": ":".join(str(path) for _, path in archives)})
    pins = [named_pin(name, path) for name, path in archives]
    prefixes = build_prefixes(ctx, pins, detect(ctx))
    assert sorted(prefixes) == ["left", "right"]
    assert all((prefix / "lib" / "libtiny.a").is_file() for prefix in prefixes.values())


def test_the_first_failure_stops_the_other_builds_and_is_reported(make_ctx, tmp_path: Path) -> None:
    """`left` fails as soon as `right` has started; `right` would configure for 60 s more. Its cmake is
    stopped (it never writes its end mark), its staging folder removed, and left's error is the one raised."""
    from backend.deps.source import build_prefixes

    meeting = tmp_path / "meeting"
    meeting.mkdir()
    failing = waiting_cmake("left", "right", meeting, then='message(FATAL_ERROR "left cannot be configured")')
    slow = waiting_cmake("right", "left", meeting, then=f'execute_process(COMMAND "${{CMAKE_COMMAND}}" -E sleep 60)\n'
                                                        f'file(WRITE "{meeting}/right-finished" "")')
    archives = two_libraries(tmp_path, failing, slow)
    ctx = make_ctx({"local-files": ":".join(str(path) for _, path in archives)})
    with pytest.raises(BuildError) as error:
        build_prefixes(ctx, [named_pin(name, path) for name, path in archives], detect(ctx))
    assert "left 1.0: configure (cmake) failed" in str(error.value) and "left cannot be configured" in str(error.value)
    assert not (meeting / "right-finished").exists()
    leftovers = [p.name for p in (ctx.cache_dir / "prefixes").iterdir() if not p.name.endswith(".lock")]
    assert leftovers == []
