"""macOS arm64 compile and link check: `python -m build --wheel -C toolchain=zig -C target=macosx_11_0_arm64`
cross-builds FFCV's extension with our patches and the `source` provider's libraries (libjpeg-turbo, OpenCV) for
aarch64-macos with zig's own macOS headers and libSystem stubs, so that a macOS-only compile or link error in the
patches shows here. Nothing here can run the result: only a macOS runner proves it runs."""
from __future__ import annotations

import json
import sys
import zipfile
from pathlib import Path

import pytest

from backend.pins import Pins
from backend.toolchains.arch import macho_architecture
from backend.verify import macho_imports
from support.e2e import build_env, run

TARGET = "macosx_11_0_arm64"
PROJECT_DIR = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.timeout(3600)  # a cold cache cross-builds OpenCV for macOS


@pytest.fixture(scope="module")
def macos_wheel(repo: Path, shared_cache: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    out = tmp_path_factory.mktemp("dist-macos")
    result = run([sys.executable, "-m", "build", "--wheel", "-C", "toolchain=zig", "-C", f"target={TARGET}",
                  "--outdir", out], cwd=repo, env=build_env(shared_cache), timeout=3600)
    (wheel,) = out.glob("*.whl")
    return {"wheel": wheel, "log": result.stdout + result.stderr}


def test_macos_arm64_extension_links_only_the_system(macos_wheel: dict) -> None:
    wheel = macos_wheel["wheel"]
    assert wheel.name == f"ffcv-1.0.2-cp310-abi3-{TARGET}.whl", wheel.name
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        (extension,) = [n for n in names if n.startswith("ffcv/_libffcv")]
        data = archive.read(extension)
        record = json.loads(archive.read("ffcv-1.0.2.dist-info/ffcv-build.json"))
    assert extension == "ffcv/_libffcv.abi3.so"
    cputype, libraries = macho_imports(data)
    assert macho_architecture(Pins.load(PROJECT_DIR), cputype) == "arm64"
    # Only macOS's own C library (libSystem); zig links libc++ statically; Python's symbols stay undefined,
    # for the interpreter that loads the module.
    assert libraries == ["/usr/lib/libSystem.B.dylib"], libraries
    for name in ("_PyInit__libffcv", "_imdecode", "_resize", "_my_memcpy", "_ffcv_pread"):
        assert name.encode() + b"\0" in data, name  # exported (the exports list; everything else is local)
    assert record["provider"] == "source" and record["cross"] == {"toolchain": "zig", "target": TARGET}
    assert set(record["libraries"]) == {"libjpeg-turbo", "opencv"}
    assert "verify: every Mach-O file needs only macOS's own libraries" in macos_wheel["log"]
    assert "only a macOS machine proves it runs" in macos_wheel["log"]


def fake_macho(libraries: list[str], cputype: int = 0x0100000C) -> bytes:
    """A thin 64-bit Mach-O dylib whose only load commands name `libraries` (LC_LOAD_DYLIB)."""
    import struct

    commands = b""
    for library in libraries:
        name = library.encode() + b"\0"
        size = (24 + len(name) + 7) // 8 * 8
        commands += struct.pack("<IIIIII", 0xC, size, 24, 2, 0x10000, 0x10000) + name.ljust(size - 24, b"\0")
    header = struct.pack("<IiIIIIII", 0xFEEDFACF, cputype, 0, 6, len(libraries), len(commands), 0, 0)
    return header + commands


def test_macho_imports_are_read_from_the_load_commands() -> None:
    data = fake_macho(["/usr/lib/libSystem.B.dylib", "/opt/homebrew/lib/libopencv_core.412.dylib"])
    assert macho_imports(data) == (0x0100000C, ["/usr/lib/libSystem.B.dylib",
                                                "/opt/homebrew/lib/libopencv_core.412.dylib"])


@pytest.mark.parametrize("library, ok", [("/usr/lib/libSystem.B.dylib", True),
                                         ("/System/Library/Frameworks/Accelerate.framework/Accelerate", True),
                                         ("@loader_path/.dylibs/libturbojpeg.0.dylib", True),
                                         ("/opt/homebrew/lib/libopencv_core.412.dylib", False),
                                         ("@rpath/libomp.dylib", False)])
def test_verify_refuses_a_macos_wheel_needing_a_library_macos_lacks(make_ctx, tmp_path: Path, library: str,
                                                                    ok: bool) -> None:
    from backend.errors import BuildError
    from backend.verify import verify_wheel

    wheel = tmp_path / f"ffcv-1.0.2-cp310-abi3-{TARGET}.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        archive.writestr("ffcv/_libffcv.abi3.so", fake_macho(["/usr/lib/libSystem.B.dylib", library]))
        archive.writestr("ffcv/.dylibs/libturbojpeg.0.dylib", fake_macho(["/usr/lib/libSystem.B.dylib"]))
        archive.writestr("ffcv-1.0.2.dist-info/ffcv-build.json", "{}")
        archive.writestr("ffcv-1.0.2.dist-info/licenses/LICENSE", "x")
    if ok:
        verify_wheel(make_ctx(), wheel, repaired=True)
    else:
        with pytest.raises(BuildError, match="neither in the wheel nor part of macOS"):
            verify_wheel(make_ctx(), wheel, repaired=True)
