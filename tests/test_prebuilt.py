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

from backend.archive import SEVEN_ZIP_SIGNATURE, extract_7z, seven_zip_offset
from backend.context import BuildContext
from backend.deps import NativeDeps
from backend.deps.prebuilt import add_release, prebuilt_pins, resolve_prebuilt
from backend.errors import BuildError
from backend.pins import Pins
from backend.toolchain import Toolchain
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
    assert printed == pinned and len(pinned) == 5
    assert result.stdout.count("provenance ") == 4  # every third-party file; ffcv's sdist is the project itself
    assert "from        https://github.com/opencv/opencv/releases/download/4.12.0/" in result.stdout
