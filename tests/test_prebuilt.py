"""Provider `prebuilt`: OpenCV's official Windows release (a 7-Zip self-extracting .exe) downloaded from a
127.0.0.1 server (GitHub is unreachable here), verified, cached, and only the files the build needs
extracted safely. The fixture release has the official layout (opencv/build/include, x64/vc16/lib and bin,
LICENSE, etc/licenses) and a stub in front of the 7z data, as the real .exe has."""
from __future__ import annotations

import copy
import dataclasses
import hashlib
import io
from pathlib import Path
from typing import Callable

import pytest

from backend.context import BuildContext
from backend.deps import NativeDeps
from backend.deps.prebuilt import add_release, prebuilt_pins, resolve_prebuilt
from backend.errors import BuildError
from backend.inputs.archive import SEVEN_ZIP_SIGNATURE, extract_7z, seven_zip_offset
from backend.pins import Pins
from backend.toolchains import Toolchain
from conftest import IndexServer, leftovers

FILENAME = "opencv-4.12.0-windows.exe"
DLL_BYTES = b"MZ" + b"\x00" * 4096


def seven_zip(members: dict[str, bytes]) -> bytes:
    import py7zr

    buffer = io.BytesIO()
    with py7zr.SevenZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(data, name)
    return buffer.getvalue()


# A PE stub that itself contains the signature bytes (as 7-Zip's SFX code may): only the real archive's
# start header has a valid CRC.
STUB = b"MZ" + b"\x90" * 500 + SEVEN_ZIP_SIGNATURE + b"\x00" * 26 + b"\x90" * 300


def self_extracting(members: dict[str, bytes]) -> bytes:
    return STUB + seven_zip(members)


def official_layout(**overrides: bytes) -> dict[str, bytes]:
    members = {
        "opencv/build/include/opencv2/core.hpp": b"#pragma once\n",
        "opencv/build/include/opencv2/imgproc.hpp": b"#pragma once\n",
        "opencv/build/x64/vc16/lib/opencv_world4120.lib": b"!<arch>\n",
        "opencv/build/x64/vc16/lib/opencv_world4120d.lib": b"!<arch>\n debug",
        "opencv/build/x64/vc16/bin/opencv_world4120.dll": DLL_BYTES,
        "opencv/build/x64/vc16/bin/opencv_world4120d.dll": DLL_BYTES,
        "opencv/build/LICENSE": b"Apache License 2.0\n",
        "opencv/build/etc/licenses/zlib-README": b"zlib licence\n",
        "opencv/sources/modules/core/src/matrix.cpp": b"// sources are not needed\n" * 100,
        "opencv/LICENSE.txt": b"top-level copy\n",
    }
    members.update(overrides)
    return {name: data for name, data in members.items() if data}


@pytest.fixture
def release(index_server: IndexServer, no_proxy_env: None,
            make_ctx: Callable[..., BuildContext]) -> Callable[[bytes], BuildContext]:
    """A context whose OpenCV release pin points at `data` on the local server."""

    def factory(data: bytes, config: dict | None = None) -> BuildContext:
        index_server.files[FILENAME] = data
        ctx = make_ctx(config)
        pins = copy.deepcopy(ctx.pins.data)
        port = index_server.httpd.server_address[1]
        pins["prebuilt"]["opencv"].update(url=f"http://127.0.0.1:{port}/files/{FILENAME}",
                                          sha256=hashlib.sha256(data).hexdigest())
        return dataclasses.replace(ctx, pins=Pins(pins))

    return factory


def the_pin(ctx: BuildContext):
    (pin,) = prebuilt_pins(ctx.pins)
    return pin


def test_the_data_file_pins_the_official_release() -> None:
    project = Path(__file__).resolve().parent.parent
    (pin,) = prebuilt_pins(Pins.load(project))
    assert pin.url == "https://github.com/opencv/opencv/releases/download/4.12.0/opencv-4.12.0-windows.exe"
    assert pin.sha256 == "b753b14d880b9bc8d89d6acd3b665c040baec0211078435432fcae117db707af"
    assert pin.kind == "7z-sfx" and pin.machines == ("x64",) and pin.libraries == ("opencv_world4120",)


def test_release_is_downloaded_verified_and_only_the_needed_files_extracted(release, index_server) -> None:
    ctx = release(self_extracting(official_layout()))
    deps = NativeDeps(provider="prebuilt")
    add_release(ctx, the_pin(ctx), "x64", deps)
    root = Path(deps.include_dirs[0]).parent
    extracted = sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())
    assert extracted == ["LICENSE", "etc/licenses/zlib-README", "include/opencv2/core.hpp",
                         "include/opencv2/imgproc.hpp", "x64/vc16/bin/opencv_world4120.dll",
                         "x64/vc16/lib/opencv_world4120.lib"]  # no debug builds, no sources
    assert deps.libraries == ["opencv_world4120"]
    assert deps.library_dirs == [str(root / "x64/vc16/lib")] and deps.runtime_dirs == [str(root / "x64/vc16/bin")]
    assert [Path(p).name for p in deps.licences["opencv"]] == ["LICENSE", "zlib-README"]
    assert deps.versions["opencv"] == "4.12.0 (official release)"
    # Second use: from the cache, no new request.
    requests = len(index_server.requests)
    again = NativeDeps(provider="prebuilt")
    add_release(ctx, the_pin(ctx), "x64", again)
    assert again == deps and len(index_server.requests) == requests


def test_a_tampered_download_is_refused_and_nothing_is_kept(release, index_server) -> None:
    ctx = release(self_extracting(official_layout()))
    index_server.files[FILENAME] = self_extracting(official_layout(**{"opencv/build/LICENSE": b"changed"}))
    with pytest.raises(BuildError, match="sha256 mismatch"):
        add_release(ctx, the_pin(ctx), "x64", NativeDeps(provider="prebuilt"))
    assert leftovers(ctx.cache_dir / "prebuilt") == []


def test_a_release_without_the_promised_files_names_them_and_leaves_no_folder(release) -> None:
    ctx = release(self_extracting(official_layout(**{"opencv/build/x64/vc16/bin/opencv_world4120.dll": b""})))
    with pytest.raises(BuildError, match=r"has no x64/vc16/bin/opencv_world4120.dll under opencv/build/"):
        add_release(ctx, the_pin(ctx), "x64", NativeDeps(provider="prebuilt"))
    assert [p.name for p in (ctx.cache_dir / "prebuilt").iterdir() if p.is_dir()] == []


def test_unsafe_member_names_are_refused_before_anything_is_written(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    import py7zr.py7zr

    monkeypatch.setattr(py7zr.py7zr, "check_archive_path", lambda name: True)  # py7zr won't write such names
    archive = tmp_path / "evil.exe"
    archive.write_bytes(self_extracting({"opencv/build/include/ok.h": b"x", "../../escape.txt": b"x"}))
    with pytest.raises(BuildError, match="unsafe path"):
        extract_7z(archive, tmp_path / "out", lambda name: True)
    assert not (tmp_path / "escape.txt").exists() and not any((tmp_path / "out").rglob("*"))


def test_offsets_of_plain_and_self_extracting_archives(tmp_path: Path) -> None:
    plain, sfx, junk = tmp_path / "a.7z", tmp_path / "a.exe", tmp_path / "junk.exe"
    plain.write_bytes(seven_zip({"a": b"1"}))
    sfx.write_bytes(self_extracting({"a": b"1"}))
    junk.write_bytes(b"MZ" + SEVEN_ZIP_SIGNATURE + b"\x00" * 100)
    assert seven_zip_offset(plain) == 0
    assert seven_zip_offset(sfx) == len(STUB)
    with pytest.raises(BuildError, match="holds no 7z archive"):
        seven_zip_offset(junk)


def test_other_architectures_and_toolchains_are_refused_with_what_to_do(release) -> None:
    ctx = release(self_extracting(official_layout()))
    with pytest.raises(BuildError, match="no build for arm64") as error:
        add_release(ctx, the_pin(ctx), "arm64", NativeDeps(provider="prebuilt"))
    assert "deps=source" in str(error.value.hint)
    zig = Toolchain(name="zig", compiler="c++", version="zig", platform="windows", machine="AMD64")
    gcc = Toolchain(name="gcc", compiler="g++", version="gcc")
    for toolchain in (zig, gcc, None):
        with pytest.raises(BuildError, match="needs a native Windows build"):
            resolve_prebuilt(ctx, toolchain)


def test_settings_refuse_prebuilt_with_zig_and_build_requirements_add_py7zr(make_ctx, monkeypatch) -> None:
    from backend import hooks

    with pytest.raises(BuildError, match="toolchain=zig cannot link the MSVC-built libraries of deps=prebuilt"):
        make_ctx({"toolchain": "zig", "deps": "prebuilt"})
    assert make_ctx({"deps": "prebuilt"}).settings.deps == "prebuilt"
    monkeypatch.setenv("FFCV_BUILD_OFFLINE", "true")
    names = {r.split(">")[0] for r in hooks.get_requires_for_build_wheel({"deps": "prebuilt"})}
    assert {"py7zr", "cmake", "ninja"} <= names
    assert "py7zr" not in {r.split(">")[0] for r in hooks.get_requires_for_build_wheel({"deps": "source"})}



def test_vendor_script_prints_every_pinned_download_with_its_provenance(project_dir: Path) -> None:
    import re
    import subprocess
    import sys

    result = subprocess.run([sys.executable, project_dir / "vendor_scripts" / "vendor.py", "pins"],
                            capture_output=True, text=True, check=True)
    pinned = set(re.findall(r'sha256 = "([0-9a-f]{64})"', (project_dir / "vendor_scripts/pins.toml").read_text()))
    printed = set(re.findall(r"^sha256\s+([0-9a-f]{64})$", result.stdout, re.M))
    assert printed == pinned and len(pinned) >= 5
    # every third-party file; ffcv's sdist is the project itself
    assert result.stdout.count("provenance ") == len(pinned) - 1
    assert "from        https://github.com/opencv/opencv/releases/download/4.12.0/" in result.stdout


# OpenCV packs its release with `7z -mx9`, which sends x86/x64 executables through the BCJ2 filter (py7zr has
# no BCJ2 decoder). 7-Zip picks BCJ2 for a file whose PE header names an x86/x64 machine: a minimal header and
# code-like bytes (call instructions) make this DLL one.
def pe_dll(size_units: int = 4000) -> bytes:
    import random
    import struct

    dos = bytearray(b"MZ" + b"\x00" * 62)
    dos[0x3C:0x40] = struct.pack("<I", 0x40)
    coff = b"PE\x00\x00" + struct.pack("<HHIIIHH", 0x8664, 1, 0, 0, 0, 0xF0, 0x2022)
    optional = struct.pack("<H", 0x20B) + b"\x00" * (0xF0 - 2)
    rng = random.Random(0)
    code = b"".join(b"\xe8" + rng.randbytes(4) + rng.randbytes(27) for _ in range(size_units))
    return bytes(dos) + coff + optional + code


def seven_zip_program() -> str:
    import shutil

    found = shutil.which("7z") or shutil.which("7zz") or shutil.which("7za")
    if found is None:
        pytest.fail("7-Zip is not installed (apt-get install 7zip p7zip-full; tests/run does as root)")
    return found


def bcj2_release(folder: Path, sfx: str | None = None) -> Path:
    """The official layout packed by a real 7-Zip with -mx9, as OpenCV does: a .7z behind the stub, or with
    `sfx`, a real 7-Zip self-extracting program made from that SFX module."""
    import subprocess

    tree = folder / "tree"
    for name, data in official_layout(**{"opencv/build/x64/vc16/bin/opencv_world4120.dll": pe_dll()}).items():
        (tree / name).parent.mkdir(parents=True, exist_ok=True)
        (tree / name).write_bytes(data)
    packed = folder / ("release.exe" if sfx else "release.7z")
    switches = [f"-sfx{sfx}"] if sfx else []
    subprocess.run([seven_zip_program(), "a", "-mx9", *switches, str(packed), "opencv"], cwd=tree, check=True,
                   capture_output=True)
    methods = subprocess.run([seven_zip_program(), "l", "-slt", str(packed)], capture_output=True, text=True).stdout
    assert "BCJ2" in methods, methods  # the filter py7zr lacks
    if sfx:
        packed.chmod(0o755)
        return packed
    exe = folder / "release-with-stub.exe"
    exe.write_bytes(STUB + packed.read_bytes())
    return exe


def wanted_by_the_pin(make_ctx) -> Callable[[str], bool]:
    (pin,) = prebuilt_pins(make_ctx().pins)
    return pin.wanted


EXPECTED = ["LICENSE", "etc/licenses/zlib-README", "include/opencv2/core.hpp", "include/opencv2/imgproc.hpp",
            "x64/vc16/bin/opencv_world4120.dll", "x64/vc16/lib/opencv_world4120.lib"]


def test_a_bcj2_release_that_py7zr_cannot_unpack_is_extracted_by_7zip_on_path(release, tmp_path: Path,
                                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    import py7zr

    archive = bcj2_release(tmp_path / "made")
    with pytest.raises(BuildError, match="py7zr cannot unpack it") as error:
        extract_7z(archive, tmp_path / "py7zr-only", lambda name: True)
    assert isinstance(error.value.__cause__, py7zr.exceptions.UnsupportedCompressionMethodError)

    ctx = release(archive.read_bytes())
    monkeypatch.setenv("PATH", str(Path(seven_zip_program()).parent))
    deps = NativeDeps(provider="prebuilt")
    add_release(ctx, the_pin(ctx), "x64", deps)
    root = Path(deps.include_dirs[0]).parent
    assert sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()) == EXPECTED
    assert (root / "x64/vc16/bin/opencv_world4120.dll").read_bytes() == pe_dll()
    assert [p.name for p in (ctx.cache_dir / "prebuilt").iterdir() if p.name.startswith(".")] == []  # no leftovers


def test_without_a_7zip_program_the_bcj2_release_fails_clearly_and_leaves_nothing(
        release, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ctx = release(bcj2_release(tmp_path / "made").read_bytes())
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    with pytest.raises(BuildError, match="needs a 7-Zip program") as error:
        add_release(ctx, the_pin(ctx), "x64", NativeDeps(provider="prebuilt"))
    assert "7zip" in str(error.value.hint) and "deps=source" in str(error.value.hint)
    assert [p for p in (ctx.cache_dir / "prebuilt").iterdir() if p.is_dir()] == []


def test_the_self_extracting_release_runs_itself_when_no_7zip_is_on_path(make_ctx, tmp_path: Path) -> None:
    """The self-run route (Windows, no 7-Zip on PATH): a real 7-Zip self-extractor, made here with p7zip's
    console SFX module for Linux (the same -o<dir> -y switches as 7-Zip's Windows modules), with BCJ2 inside."""
    from backend.inputs.sevenzip import extract_with_program

    module = Path("/usr/lib/p7zip/7zCon.sfx")
    if not module.is_file():
        pytest.fail(f"{module} is missing: apt-get install p7zip-full (tests/run does as root)")
    sfx = bcj2_release(tmp_path / "made", sfx=str(module))
    dest = tmp_path / "stage" / "tree"
    dest.parent.mkdir()
    chosen = extract_with_program(sfx, dest, wanted_by_the_pin(make_ctx), tool=None, self_extract=True)
    assert sorted(name[len("opencv/build/"):] for name in chosen) == EXPECTED
    assert sorted(str(p.relative_to(dest / "opencv/build")) for p in dest.rglob("*") if p.is_file()) == EXPECTED
    assert [p.name for p in dest.parent.iterdir()] == ["tree"]  # the full extraction was temporary


def test_the_7zip_route_checks_names_first_and_what_the_program_wrote(make_ctx, tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    import py7zr.py7zr
    import sys

    from backend.inputs.sevenzip import extract_with_program

    # An unsafe name: refused before any program runs (this tool does not exist).
    monkeypatch.setattr(py7zr.py7zr, "check_archive_path", lambda name: True)
    evil = tmp_path / "evil.exe"
    evil.write_bytes(self_extracting({"opencv/build/include/ok.h": b"x", "../../escape.txt": b"x"}))
    with pytest.raises(BuildError, match="unsafe path"):
        extract_with_program(evil, tmp_path / "a" / "tree", lambda n: True, tool=tmp_path / "no-7z", self_extract=False)
    # A program that writes a link where a listed file should be: refused, nothing moved into dest.
    tool = tmp_path / "bin" / "7z"
    tool.parent.mkdir()
    tool.write_text(f"#!{sys.executable}\nimport os, sys\n"
                    "out = next(a[2:] for a in sys.argv if a.startswith('-o'))\n"
                    "os.makedirs(os.path.join(out, 'opencv', 'build'), exist_ok=True)\n"
                    "os.symlink('/etc/passwd', os.path.join(out, 'opencv', 'build', 'LICENSE'))\n")
    tool.chmod(0o755)
    archive = bcj2_release(tmp_path / "made")
    dest = tmp_path / "b" / "tree"
    dest.parent.mkdir()
    with pytest.raises(BuildError, match="wrote a link 'opencv/build/LICENSE'"):
        extract_with_program(archive, dest, wanted_by_the_pin(make_ctx), tool=tool, self_extract=False)
    assert list(dest.rglob("*")) == [] and [p.name for p in dest.parent.iterdir()] == ["tree"]
