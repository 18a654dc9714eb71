"""Verification refuses an ELF or Mach-O extension that leaves a name undefined beyond the Python C API and the
C/C++ runtime: a `compile-only` list shortened on purpose (a tiny globbing library built by the source provider
with real CMake, Ninja and gcc; zig's clang for the macOS target) gives an extension that links but would fail
its import, and the wheel is refused. Seconds: no OpenCV is built here (the real extension's wheels pass the
same check in the end-to-end tests of every route)."""
from __future__ import annotations

import dataclasses
import subprocess
import zipfile
from pathlib import Path

import pytest

from backend.deps.source import build_prefix
from backend.errors import BuildError
from backend.toolchains.registry import detect
from backend.verify import check_symbols, elf_unbound, macho_unbound, unresolved_symbols
from test_source_provider import GLOB_CMAKE, make_archive, tiny_pin

# The library: used() calls helper(), defined in a unit of its own; memset and strlen come from the C runtime.
LIBRARY = {
    "CMakeLists.txt": GLOB_CMAKE,
    "src/used.cpp": "#include <cstring>\nint helper(int);\n"
                    "int used(char *text) { std::memset(text, 'a', 3); return helper((int)std::strlen(text)); }\n",
    "src/helper.cpp": "int helper(int n) { return n + 1; }\n",
    "LICENSE": "tiny licence\n",
}
# The extension: the library, one C++ runtime call and one Python C API call (left to the interpreter).
EXTENSION = """#include <string>
extern "C" void *PyLong_FromLong(long);
int used(char *text);
extern "C" void *probe(const char *name) {
    std::string copy(name);
    return PyLong_FromLong(used(&copy[0]));
}
"""


def wheel_with(path: Path, binary: Path, name: str) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.write(binary, f"ffcv/{name}")
    return path


def linux_extension(make_ctx, tmp_path: Path, files: tuple[str, ...]) -> Path:
    """_libffcv.abi3.so linking the tiny library built from `files` only."""
    tmp_path.mkdir(parents=True)
    archive = make_archive(tmp_path / "tiny-1.0.tar.gz", LIBRARY)
    ctx = make_ctx({"local-files": str(archive)})
    pin = dataclasses.replace(tiny_pin(archive), compile_only=(("src", files),))
    prefix = build_prefix(ctx, pin, detect(ctx))
    source = tmp_path / "ext.cpp"
    source.write_text(EXTENSION)
    out = tmp_path / f"ext-{len(files)}.so"
    subprocess.run(["c++", "-shared", "-fPIC", "-o", str(out), str(source), str(prefix / "lib" / "libtiny.a")],
                   check=True)
    return out


def test_elf_extension_missing_a_listed_unit_is_refused(make_ctx, tmp_path: Path) -> None:
    whole = linux_extension(make_ctx, tmp_path / "whole", ("used.cpp", "helper.cpp"))
    short = linux_extension(make_ctx, tmp_path / "short", ("used.cpp",))
    # What the loader must find without a library named for it: Python's name, and helper() when it is missing.
    assert "PyLong_FromLong" in elf_unbound(whole.read_bytes())
    assert not any("helper" in name or "memset" in name for name in elf_unbound(whole.read_bytes()))
    assert "_Z6helperi" in elf_unbound(short.read_bytes())
    prefixes = make_ctx().pins.interpreter_symbol_prefixes
    assert unresolved_symbols(wheel_with(tmp_path / "whole.whl", whole, "_libffcv.abi3.so"), prefixes) == {}
    short_wheel = wheel_with(tmp_path / "short.whl", short, "_libffcv.abi3.so")
    assert unresolved_symbols(short_wheel, prefixes) == {"ffcv/_libffcv.abi3.so": ["_Z6helperi"]}
    with pytest.raises(BuildError, match=r"_Z6helperi[\s\S]*compile-only"):
        check_symbols(make_ctx(), short_wheel)


def zig() -> Path:
    try:
        import ziglang
    except ImportError:
        pytest.skip("ziglang is not installed (requirements-test.txt has it)")
    return Path(ziglang.__file__).parent / "zig"


# The same library and extension in C for the Mach-O check: zig's c++ would build libc++ for the target first
# (minutes on a cold zig cache); libSystem's names show the runtime binding as well.
C_UNITS = {
    "used.c": "#include <string.h>\nint helper(int);\n"
              "int used(char *text) { memset(text, 'a', 3); return helper((int)strlen(text)); }\n",
    "helper.c": "int helper(int n) { return n + 1; }\n",
    "ext.c": "#include <stdlib.h>\nvoid *PyLong_FromLong(long);\nint used(char *text);\n"
             "void *probe(void) { char *text = calloc(8, 1); void *result = PyLong_FromLong(used(text)); "
             "free(text); return result; }\n",
}


def test_macho_extension_missing_a_unit_is_refused(make_ctx, tmp_path: Path) -> None:
    """The macOS target as the zig route links it (-undefined dynamic_lookup): every unresolved name gets the
    dynamic-lookup ordinal, the C runtime's are bound to libSystem."""
    for name, text in C_UNITS.items():
        (tmp_path / name).write_text(text)

    def link(out: str, *units: str) -> Path:
        subprocess.run([str(zig()), "cc", "-target", "aarch64-macos.11.0", "-shared",
                        "-Wl,-undefined,dynamic_lookup", "-o", str(tmp_path / out), "ext.c", *units],
                       check=True, cwd=tmp_path)
        return tmp_path / out

    whole, short = link("whole.so", "used.c", "helper.c"), link("short.so", "used.c")
    assert "PyLong_FromLong" in macho_unbound(whole.read_bytes())
    assert not any(name in ("helper", "memset", "strlen", "calloc", "free")
                   for name in macho_unbound(whole.read_bytes()))
    prefixes = make_ctx().pins.interpreter_symbol_prefixes
    assert unresolved_symbols(wheel_with(tmp_path / "whole.whl", whole, "_libffcv.abi3.so"), prefixes) == {}
    short_wheel = wheel_with(tmp_path / "short.whl", short, "_libffcv.abi3.so")
    assert unresolved_symbols(short_wheel, prefixes) == {"ffcv/_libffcv.abi3.so": ["helper"]}
    with pytest.raises(BuildError, match="helper"):
        check_symbols(make_ctx(), short_wheel)


def test_names_of_a_needed_library_in_the_providers_folders_are_found_there(tmp_path: Path) -> None:
    """An unrepaired build (repair=false) against a library the loader's cache does not know (deps=dirs with
    its own folder): the names that library defines are looked for in the provider's folders, as the repair
    step would, so they are not mistaken for missing ones; a name nobody defines still is."""
    libdir = tmp_path / "lib"
    libdir.mkdir()
    (tmp_path / "helper.cpp").write_text("int helper(int n) { return n + 1; }\n")
    subprocess.run(["g++", "-shared", "-fPIC", "-o", libdir / "libhelper.so", tmp_path / "helper.cpp"], check=True)
    (tmp_path / "ext.cpp").write_text("int helper(int);\nint absent(int);\n"
                                      "extern \"C\" int probe(int n) { return helper(n) + absent(n); }\n")
    extension = tmp_path / "_libffcv.so"
    subprocess.run(["g++", "-shared", "-fPIC", "-o", extension, tmp_path / "ext.cpp", f"-L{libdir}", "-lhelper"],
                   check=True)
    wheel = wheel_with(tmp_path / "ffcv-1.0.2-cp310-abi3-linux_x86_64.whl", extension, "_libffcv.so")
    without = unresolved_symbols(wheel, ("Py",))
    within = unresolved_symbols(wheel, ("Py",), [str(libdir)])
    assert without == {"ffcv/_libffcv.so": ["_Z6absenti", "_Z6helperi"]}, without
    assert within == {"ffcv/_libffcv.so": ["_Z6absenti"]}, within
