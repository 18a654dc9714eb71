"""The lean Linux/macOS extension: function sections, collected, only the data file's exports exported, stripped.
The link itself is tested for real with gcc on a small library (the real extension: tests/test_e2e_source.py)."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from backend.build import EXPORTS_FILE, write_native_settings
from backend.deps import NativeDeps
from backend.deps.source import configure_options
from backend.deps.source import source_pins
from backend.errors import BuildError
from backend.inputs.archive import extract_sdist
from backend.log import Log
from backend.patching import apply_series
from backend.pins import Pins
from backend.toolchains import SECTION_FLAGS, Toolchain, exports_file_text, lean_link_args
from backend.verify import check_exports, elf_exports

GCC = Toolchain("gcc", "/usr/bin/c++", "c++ 12.2.0", machine="x86_64", section_flags=list(SECTION_FLAGS),
                lean_link=True)
MSVC = Toolchain("msvc", "cl.exe", "19.44", platform="windows", machine="x64")


def test_exports_cover_every_function_ffcv_calls_through_ctypes(make_ctx, upstream_sdist: Path,
                                                                tmp_path: Path) -> None:
    """The patched ffcv/libffcv.py's lib.<name> lookups (ffcv_pread from patch 0008 among them) and the module
    init, each defined with EXPORT in the patched libffcv.cpp."""
    ctx = make_ctx()
    tree = extract_sdist(upstream_sdist, tmp_path)
    apply_series(tree, ctx.patch_dir, Log(colour=False))
    called = set(re.findall(r"\blib\.(\w+)", (tree / "ffcv" / "libffcv.py").read_text()))
    assert "ffcv_pread" in called and "imdecode" in called
    exports = set(ctx.upstream.exports)
    assert called | {"PyInit__libffcv"} == exports
    source = (tree / "libffcv" / "libffcv.cpp").read_text()
    for name in called:
        assert re.search(rf"EXPORT\s+[\w\s\*]+\b{name}\s*\(", source), name
    assert "PyInit__libffcv(" in source


def test_native_settings_carry_the_lean_flags(make_ctx, tmp_path: Path) -> None:
    ctx = make_ctx()
    extension = json.loads(write_native_settings(ctx, tmp_path, NativeDeps("source"), GCC).read_text())["extension"]
    assert extension["extra_compile_args"][-2:] == SECTION_FLAGS
    assert "-Wl,--gc-sections" in extension["extra_link_args"]
    assert f"-Wl,--version-script={tmp_path / EXPORTS_FILE}" in extension["extra_link_args"]
    assert "-Wl,--strip-all" in extension["extra_link_args"]
    script = (tmp_path / EXPORTS_FILE).read_text()
    assert all(f"    {name};" in script for name in ctx.upstream.exports) and "local: *;" in script
    (tmp_path / "w").mkdir()
    windows = json.loads(write_native_settings(ctx, tmp_path / "w", NativeDeps("source"), MSVC).read_text())
    windows = windows["extension"]
    assert not any("sections" in arg or "version-script" in arg for arg in
                   windows["extra_compile_args"] + windows["extra_link_args"])


def test_a_version_without_exports_is_refused(make_ctx, tmp_path: Path) -> None:
    ctx = make_ctx()
    data = json.loads(json.dumps(ctx.pins.data))
    del data["upstream"]["versions"]["1.0.2"]["exports"]
    with pytest.raises(BuildError, match="lists no exports") as error:
        write_native_settings(replace(ctx, pins=Pins(data)), tmp_path, NativeDeps("source"), GCC)
    assert "PyInit__libffcv" in str(error.value)


def test_macos_gets_ld64_flags_and_underscored_names() -> None:
    macos = replace(GCC, platform="macos", name="clang")
    assert exports_file_text(macos, ["PyInit__libffcv", "resize"]) == "_PyInit__libffcv\n_resize\n"
    assert lean_link_args(macos, Path("/x/e.txt")) == ["-Wl,-dead_strip", "-Wl,-exported_symbols_list,/x/e.txt",
                                                       "-Wl,-x"]


def test_source_libraries_get_the_section_flags(make_ctx) -> None:
    ctx = make_ctx()
    for pin in source_pins(ctx.pins):
        options = configure_options(pin, False, ctx, GCC)
        assert "-DCMAKE_C_FLAGS_INIT=-ffunction-sections -fdata-sections" in options
        assert "-DCMAKE_CXX_FLAGS_INIT=-ffunction-sections -fdata-sections" in options
        assert not any("FLAGS_INIT" in option for option in configure_options(pin, False, ctx, MSVC))


LIBRARY = """
extern "C" {
int used_helper(int x) { return x * 3; }
int unused_helper(int x) { static volatile int table[4096]; table[x] = x; return table[x / 2]; }
}
"""
EXTENSION = """
extern "C" {
int used_helper(int x);
int exported_one(int x) { return used_helper(x) + 1; }
int internal_only(int x) { return x - 1; }
}
"""


def section_sizes(path: Path) -> dict[str, int]:
    from elftools.elf.elffile import ELFFile

    with path.open("rb") as handle:
        return {section.name: section["sh_size"] for section in ELFFile(handle).iter_sections()}


@pytest.mark.skipif(shutil.which("g++") is None or shutil.which("ar") is None, reason="needs g++ and ar")
def test_real_link_exports_only_the_list_collects_and_strips(tmp_path: Path) -> None:
    (tmp_path / "lib.cpp").write_text(LIBRARY)
    (tmp_path / "ext.cpp").write_text(EXTENSION)

    def compile_and_link(toolchain: Toolchain, name: str) -> bytes:
        flags = ["-O2", "-fPIC", *toolchain.section_flags]
        subprocess.run(["g++", *flags, "-c", "lib.cpp", "-o", "lib.o"], cwd=tmp_path, check=True)
        subprocess.run(["ar", "rcs", "libhelper.a", "lib.o"], cwd=tmp_path, check=True)
        exports = tmp_path / "exports.txt"
        exports.write_text(exports_file_text(toolchain, ["exported_one"]))
        subprocess.run(["g++", *flags, "-shared", "ext.cpp", "libhelper.a", "-o", name,
                        *lean_link_args(toolchain, exports)], cwd=tmp_path, check=True)
        return (tmp_path / name).read_bytes()

    plain = compile_and_link(replace(GCC, section_flags=[], lean_link=False), "plain.so")
    lean = compile_and_link(GCC, "lean.so")
    assert {"exported_one", "internal_only"} <= elf_exports(plain)
    assert elf_exports(lean) == {"exported_one"}
    assert len(lean) < len(plain)
    lean_sections, plain_sections = section_sizes(tmp_path / "lean.so"), section_sizes(tmp_path / "plain.so")
    assert ".symtab" in plain_sections and ".symtab" not in lean_sections  # stripped
    # The unused archive function's 16 KiB table goes with its section.
    assert plain_sections.get(".bss", 0) >= 4096 * 4 > lean_sections.get(".bss", 0)

    wheel = tmp_path / "ffcv-1.0.2-cp310-abi3-linux_x86_64.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        archive.writestr("ffcv/_libffcv.abi3.so", lean)
    check_exports(wheel, ("exported_one",))
    with pytest.raises(BuildError, match="does not export internal_only"):
        check_exports(wheel, ("exported_one", "internal_only"))
