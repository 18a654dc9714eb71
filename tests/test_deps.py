"""Native dependency providers against the real pkg-config and the real system libraries."""
from __future__ import annotations

import io
import json
import os
import shutil
from pathlib import Path

import pytest

from backend.deps import NativeDeps
from backend.deps.pkgconfig import add_flags, keep_linked_modules
from backend.deps.registry import resolve as resolve_with_toolchain
from backend.errors import BuildError
from backend.log import Log
from backend.toolchains.registry import detect
from support.e2e import SYSTEM_LIBDIR

PKG_CONFIG = {"deps": "pkg-config"}  # not the default: these tests are about the system's libraries


def resolve(ctx):
    return resolve_with_toolchain(ctx, detect(ctx))


def write_pc(folder: Path, name: str, cflags: str, libs: str, version: str = "9.9.9") -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.pc").write_text(
        f"Name: {name}\nDescription: test\nVersion: {version}\nCflags: {cflags}\nLibs: {libs}\n")


def test_flags_are_filed_where_setuptools_expects_them() -> None:
    deps = NativeDeps(provider="test")
    add_flags(deps, ["-I/a", "-DONE", "-DTWO=2", "-pthread", "-fopenmp"], link=False)
    add_flags(deps, ["-L/lib", "-lfoo", "-Wl,-rpath,/x", "-pthread"], link=True)
    assert deps.include_dirs == ["/a"] and deps.library_dirs == ["/lib"] and deps.libraries == ["foo"]
    assert deps.define_macros == [("ONE", None), ("TWO", "2")]
    assert deps.extra_compile_args == ["-pthread", "-fopenmp"]
    assert deps.extra_link_args == ["-Wl,-rpath,/x", "-pthread"]


def test_only_core_and_imgproc_of_opencv_are_linked() -> None:
    tokens = ["-L/x", "-lopencv_gapi", "-lopencv_core", "-lopencv_highgui", "-lopencv_imgproc", "-lz"]
    assert keep_linked_modules(tokens, ("opencv_imgproc", "opencv_core")) == [
        "-L/x", "-lopencv_core", "-lopencv_imgproc", "-lz"]


def test_system_pkg_config_gives_opencv4_and_turbojpeg(make_ctx) -> None:
    deps = resolve(make_ctx(PKG_CONFIG))
    assert deps.provider == "pkg-config"
    assert set(deps.versions) == {"opencv", "turbojpeg"}
    assert any(d.endswith("opencv4") for d in deps.include_dirs)
    assert sorted(deps.libraries) == ["opencv_core", "opencv_imgproc", "turbojpeg"]
    assert "-pthread" in deps.extra_compile_args and "-pthread" in deps.extra_link_args


def test_every_pc_flag_passes_through(make_ctx, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Upstream's pkgconfig() filed these under the key None and crashed; here each lands in its place."""
    include = tmp_path / "include"
    for header in ("opencv2/core.hpp", "opencv2/imgproc.hpp", "turbojpeg.h"):
        (include / header).parent.mkdir(parents=True, exist_ok=True)
        (include / header).write_text("")
    pc = tmp_path / "pc"
    write_pc(pc, "opencv4", f"-I{include} -DCV_TEST=1 -fno-strict-aliasing",
             f"-L{tmp_path}/lib -lopencv_core -lopencv_imgproc -lopencv_dnn -Wl,--no-undefined")
    write_pc(pc, "libturbojpeg", "", f"-L{tmp_path}/lib -lturbojpeg", version="3.0.1")
    monkeypatch.setenv("PKG_CONFIG_LIBDIR", str(pc))
    monkeypatch.delenv("PKG_CONFIG_PATH", raising=False)
    deps = resolve(make_ctx(PKG_CONFIG))
    assert deps.versions == {"opencv": "9.9.9", "turbojpeg": "3.0.1"}
    assert deps.define_macros == [("CV_TEST", "1")]
    assert "-fno-strict-aliasing" in deps.extra_compile_args
    assert "-Wl,--no-undefined" in deps.extra_link_args
    assert deps.libraries == ["opencv_core", "opencv_imgproc", "turbojpeg"]
    assert deps.library_dirs == [f"{tmp_path}/lib"]


def test_missing_modules_are_named_with_install_hints(make_ctx, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PKG_CONFIG_LIBDIR", str(tmp_path))
    monkeypatch.delenv("PKG_CONFIG_PATH", raising=False)
    with pytest.raises(BuildError) as error:
        resolve(make_ctx(PKG_CONFIG))
    text = str(error.value)
    assert "opencv (pkg-config opencv4)" in text and "turbojpeg (pkg-config libturbojpeg)" in text
    for hint in ("apt-get install libopencv-dev", "dnf install turbojpeg-devel", "brew install opencv",
                 "pacman -S libjpeg-turbo", "conda install -c conda-forge libjpeg-turbo"):
        assert hint in text


def test_missing_pkg_config_says_how_to_install_it(make_ctx, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    ctx = make_ctx(PKG_CONFIG)
    toolchain = detect(ctx)
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(BuildError, match="pkg-config is not installed") as error:
        resolve_with_toolchain(ctx, toolchain)
    assert "apt-get install pkg-config" in str(error.value)


def test_headers_missing_from_a_pc_include_dir_are_named(make_ctx, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    pc = tmp_path / "pc"
    write_pc(pc, "opencv4", f"-I{tmp_path}/nothing", "-lopencv_core -lopencv_imgproc")
    write_pc(pc, "libturbojpeg", "", "-lturbojpeg")
    monkeypatch.setenv("PKG_CONFIG_LIBDIR", str(pc))
    with pytest.raises(BuildError, match="opencv2/core.hpp"):
        resolve(make_ctx(PKG_CONFIG))


def test_dirs_provider_with_system_folders(make_ctx) -> None:
    libdir = SYSTEM_LIBDIR
    deps = resolve(make_ctx({"deps": "dirs", "include-dirs": os.pathsep.join(["/usr/include"]),
                             "library-dirs": str(libdir)}))
    assert "/usr/include/opencv4" in deps.include_dirs  # found under the opencv4/ subfolder
    assert deps.libraries == ["opencv_imgproc", "opencv_core", "turbojpeg"]
    assert deps.runtime_dirs == [str(libdir)]


def test_dirs_provider_names_missing_headers_and_libraries(make_ctx, tmp_path: Path) -> None:
    (tmp_path / "inc").mkdir()
    (tmp_path / "lib").mkdir()
    with pytest.raises(BuildError) as error:
        resolve(make_ctx({"deps": "dirs", "include-dirs": str(tmp_path / "inc")}))
    assert "opencv2/core.hpp" in str(error.value) and "turbojpeg.h" in str(error.value)
    shutil.copytree("/usr/include/opencv4/opencv2", tmp_path / "inc" / "opencv2")
    shutil.copy("/usr/include/turbojpeg.h", tmp_path / "inc")
    with pytest.raises(BuildError) as error:
        resolve(make_ctx({"deps": "dirs", "include-dirs": str(tmp_path / "inc"),
                          "library-dirs": str(tmp_path / "lib")}))
    assert "libopencv_core.so" in str(error.value) and "libturbojpeg.so" in str(error.value)


def test_dirs_provider_rejects_a_folder_that_does_not_exist(make_ctx, tmp_path: Path) -> None:
    with pytest.raises(BuildError, match="is not a folder"):
        resolve(make_ctx({"deps": "dirs", "include-dirs": str(tmp_path / "nope")}))


def windows_folders(root: Path, libraries: list[str]) -> tuple[Path, Path]:
    """Include and library folders shaped like a Windows build of the dependencies (header copies from
    the system, empty library files: only names are checked here)."""
    include, lib = root / "include", root / "lib"
    shutil.copytree("/usr/include/opencv4/opencv2", include / "opencv2")
    shutil.copy("/usr/include/turbojpeg.h", include)
    lib.mkdir()
    for name in libraries:
        (lib / name).write_bytes(b"")
    return include, lib


def test_dirs_for_a_windows_target_want_windows_library_files_and_named_libraries(make_ctx, tmp_path: Path) -> None:
    from backend.deps.dirs import resolve_dirs
    from backend.toolchains import Toolchain

    zig = Toolchain("zig", "c++", "zig 0.17", platform="windows", machine="AMD64")
    msvc = Toolchain("msvc", "cl.exe", "19.44", platform="windows", machine="AMD64")
    include, lib = windows_folders(tmp_path, ["opencv_world4120.lib", "libturbojpeg.dll.a"])
    ctx = make_ctx({"deps": "dirs", "include-dirs": str(include), "library-dirs": str(lib)})
    with pytest.raises(BuildError) as error:
        resolve_dirs(ctx, msvc)
    assert "opencv_core.lib (opencv)" in str(error.value) and "exact library names (libraries)" in str(error.value)
    named = make_ctx({"deps": "dirs", "include-dirs": str(include), "library-dirs": str(lib),
                      "libraries": "opencv_world4120,turbojpeg"})
    with pytest.raises(BuildError, match="turbojpeg.lib \\(libraries setting\\)"):
        resolve_dirs(named, msvc)  # MSVC links turbojpeg.lib, which is not there
    # zig looks for turbojpeg.dll, turbojpeg.lib, libturbojpeg.a: not MinGW's libturbojpeg.dll.a (found by
    # tests/test_e2e_windows_dll.py, where zig refused the folder this check had accepted).
    with pytest.raises(BuildError, match="turbojpeg.dll or turbojpeg.lib or libturbojpeg.a"):
        resolve_dirs(named, zig)
    (lib / "libturbojpeg.a").write_bytes(b"")
    deps = resolve_dirs(named, zig)
    assert deps.libraries == ["opencv_world4120", "turbojpeg"]
    assert deps.include_dirs[-1].endswith("vendor_scripts/pthread-shim")  # no pthread.h given: our shim
    assert deps.define_macros == []  # the shim declares no timespec
    assert "-pthread" not in deps.extra_compile_args
    assert deps.runtime_dirs == [str(lib)]


def test_dirs_ship_the_licence_files_named_and_warn_without_them(make_ctx, tmp_path: Path) -> None:
    from backend.deps.dirs import resolve_dirs
    from backend.toolchains import Toolchain

    msvc = Toolchain("msvc", "cl.exe", "19.44", platform="windows", machine="AMD64")
    include, lib = windows_folders(tmp_path, ["opencv_imgproc.lib", "opencv_core.lib", "turbojpeg.lib"])
    licence = tmp_path / "LICENSE.md"
    licence.write_text("libjpeg-turbo licence\n")
    config = {"deps": "dirs", "include-dirs": str(include), "library-dirs": str(lib)}
    deps = resolve_dirs(make_ctx({**config, "licence-files": str(licence)}), msvc)
    assert deps.licences == {"dirs": [str(licence)]}
    with pytest.raises(BuildError, match="licence file .*nope.txt does not exist"):
        resolve_dirs(make_ctx({**config, "licence-files": str(tmp_path / "nope.txt")}), msvc)
    stream = io.StringIO()
    assert resolve_dirs(make_ctx(config, log=Log(stream, colour=False)), msvc).licences == {}
    assert "[WARN] deps=dirs: no licence-files given" in stream.getvalue()


def test_dirs_for_a_windows_target_keep_a_given_pthread_h(make_ctx, tmp_path: Path) -> None:
    from backend.deps.dirs import resolve_dirs
    from backend.toolchains import Toolchain

    include, lib = windows_folders(tmp_path, ["opencv_imgproc.lib", "opencv_core.lib", "turbojpeg.lib"])
    (include / "pthread.h").write_text("/* pthreads4w */\n")
    deps = resolve_dirs(make_ctx({"deps": "dirs", "include-dirs": str(include), "library-dirs": str(lib)}),
                        Toolchain("msvc", "cl.exe", "19.44", platform="windows", machine="AMD64"))
    assert deps.include_dirs == [str(include)]
    assert deps.libraries == ["opencv_imgproc", "opencv_core", "turbojpeg"]
    # The UCRT's time.h defines struct timespec: a real pthread.h must not define it again.
    assert deps.define_macros == [("HAVE_STRUCT_TIMESPEC", "1")]


def conda_env(root: Path, windows: bool, libraries: list[str]) -> Path:
    """A conda environment's layout (conda-forge's libopencv and libjpeg-turbo): headers copied from the
    system, empty library files, and the conda-meta records conda writes."""
    prefix = root / "env"
    library_root = prefix / "Library" if windows else prefix
    (library_root / "include" / "opencv4").mkdir(parents=True)
    shutil.copytree("/usr/include/opencv4/opencv2", library_root / "include" / "opencv4" / "opencv2")
    shutil.copy("/usr/include/turbojpeg.h", library_root / "include")
    (library_root / "lib").mkdir()
    for name in libraries:
        (library_root / "lib" / name).write_bytes(b"")
    (prefix / "conda-meta").mkdir()
    licences = {"libopencv": ["LICENSE"], "libjpeg-turbo": ["LICENSE.md", "README.ijg"], "python": ["LICENSE"],
                "libzlib": ["LICENSE"]}
    # The files each package installed, as conda-meta lists them (OpenCV's DLLs need zlib's).
    shared = {"libopencv": ["opencv_core4100", "opencv_imgproc4100"], "libjpeg-turbo": ["turbojpeg"],
              "python": ["python312"], "libzlib": ["zlib"]}
    for name, version in (("libopencv", "4.10.0"), ("libjpeg-turbo", "3.0.0"), ("python", "3.12.7"),
                          ("libzlib", "1.3.1")):
        # conda's package cache keeps the extracted package, with conda-build's info/licenses/.
        extracted = root / "pkgs" / f"{name}-{version}-h0_0"
        (extracted / "info" / "licenses").mkdir(parents=True)
        for licence in licences[name]:
            (extracted / "info" / "licenses" / licence).write_text(f"{name} {licence}\n")
        files = [f"Library/bin/{lib}.dll" if windows else f"lib/lib{lib}.so.1" for lib in shared[name]]
        (prefix / "conda-meta" / f"{name}-{version}-h0_0.json").write_text(json.dumps(
            {"name": name, "version": version, "extracted_package_dir": str(extracted), "license": "BSD-3-Clause",
             "files": [*files, "info/about.json"]}))
    return prefix


def test_conda_on_windows_takes_the_versioned_import_libraries_and_the_dll_folder(make_ctx, tmp_path: Path) -> None:
    from backend.deps.conda import resolve_conda
    from backend.toolchains import Toolchain

    msvc = Toolchain("msvc", "cl.exe", "19.44", platform="windows", machine="x64")
    prefix = conda_env(tmp_path, True, ["opencv_core4100.lib", "opencv_imgproc4100.lib", "opencv_videoio4100.lib",
                                        "turbojpeg.lib", "jpeg.lib"])
    deps = resolve_conda(make_ctx({"deps": "conda"}), msvc, {"CONDA_PREFIX": str(prefix)})
    assert deps.libraries == ["opencv_imgproc4100", "opencv_core4100", "turbojpeg"]  # never every .lib
    assert deps.runtime_dirs == [str(prefix / "Library" / "bin")]
    assert str(prefix / "Library" / "include" / "opencv4") in deps.include_dirs
    assert deps.include_dirs[-1].endswith("pthread-shim")
    assert deps.versions == {"opencv": "4.10.0", "turbojpeg": "3.0.0"}
    # The licences of the packages whose DLLs delvewheel bundles go into the wheel.
    assert {name: [Path(f).read_text() for f in files] for name, files in deps.licences.items()} == {
        "opencv": ["libopencv LICENSE\n"], "turbojpeg": ["libjpeg-turbo LICENSE.md\n", "libjpeg-turbo README.ijg\n"]}


def test_conda_names_what_is_missing_or_ambiguous(make_ctx, tmp_path: Path) -> None:
    from backend.deps.conda import resolve_conda
    from backend.toolchains import Toolchain

    msvc = Toolchain("msvc", "cl.exe", "19.44", platform="windows", machine="x64")
    with pytest.raises(BuildError, match="CONDA_PREFIX is not set"):
        resolve_conda(make_ctx({"deps": "conda"}), msvc, {})
    prefix = conda_env(tmp_path, True, ["opencv_core4100.lib", "opencv_core490.lib", "opencv_imgproc4100.lib",
                                        "turbojpeg.lib"])
    with pytest.raises(BuildError, match="several versions of opencv_core.*opencv_core4100, opencv_core490"):
        resolve_conda(make_ctx({"deps": "conda"}), msvc, {"CONDA_PREFIX": str(prefix)})
    (prefix / "Library" / "lib" / "opencv_core490.lib").unlink()
    (prefix / "Library" / "lib" / "turbojpeg.lib").unlink()
    with pytest.raises(BuildError, match="turbojpeg \\(turbojpeg: conda install -c conda-forge libjpeg-turbo\\)"):
        resolve_conda(make_ctx({"deps": "conda"}), msvc, {"CONDA_PREFIX": str(prefix)})


def test_conda_on_linux_uses_the_prefix_itself(make_ctx, tmp_path: Path) -> None:
    from backend.deps.conda import resolve_conda

    prefix = conda_env(tmp_path, False, ["libopencv_core.so", "libopencv_imgproc.so", "libturbojpeg.so"])
    deps = resolve_conda(make_ctx({"deps": "conda"}), None, {"CONDA_PREFIX": str(prefix)})
    assert deps.libraries == ["opencv_imgproc", "opencv_core", "turbojpeg"]
    assert deps.library_dirs == deps.runtime_dirs == [str(prefix / "lib")]
    assert "-pthread" in deps.extra_link_args
    # `conda clean` removed the package cache: said, not silently dropped.
    shutil.rmtree(tmp_path / "pkgs")
    stream = io.StringIO()
    deps = resolve_conda(make_ctx({"deps": "conda"}, log=Log(stream, colour=False)), None, {"CONDA_PREFIX": str(prefix)})
    assert deps.licences == {}
    assert "[WARN] deps=conda: no licence files of libopencv in conda's package cache" in stream.getvalue()


def test_conda_ships_the_licences_of_every_library_the_repair_bundles(make_ctx, tmp_path: Path) -> None:
    """delvewheel bundles the DLLs OpenCV's DLLs need (zlib's here): their packages' licences go in too, each
    package once, and a package whose licences conda's cache no longer has is named."""
    from backend.deps.conda import resolve_conda
    from backend.record import original_library_name, record_files
    from backend.repair import RepairResult
    from backend.toolchains import Toolchain

    assert original_library_name("zlib-0123456789abcdef0123456789abcdef.dll") == "zlib.dll"  # delvewheel
    assert original_library_name("libz-0a1b2c3d.so.1.3.1") == "libz.so.1.3.1"  # auditwheel
    assert original_library_name("zlib.dll") == "zlib.dll"
    msvc = Toolchain("msvc", "cl.exe", "19.44", platform="windows", machine="x64")
    prefix = conda_env(tmp_path, True, ["opencv_core4100.lib", "opencv_imgproc4100.lib", "turbojpeg.lib"])
    stream = io.StringIO()
    ctx = make_ctx({"deps": "conda"}, log=Log(stream, colour=False))
    deps = resolve_conda(ctx, msvc, {"CONDA_PREFIX": str(prefix)})
    assert deps.runtime_licences["zlib.dll"][0] == "libzlib" and "python312.dll" in deps.runtime_licences
    bundled = [f"ffcv.libs/{name}-{index:032x}.dll" for index, name in enumerate(["opencv_core4100", "zlib"])]
    files = record_files(ctx, [], deps, msvc, RepairResult(tmp_path / "w.whl", "delvewheel", bundled))
    third_party = sorted(name for name in files if name.startswith("licenses/third-party/"))
    assert third_party == ["licenses/third-party/libzlib/LICENSE", "licenses/third-party/opencv/LICENSE",
                           "licenses/third-party/turbojpeg/LICENSE.md", "licenses/third-party/turbojpeg/README.ijg"]
    assert files["licenses/third-party/libzlib/LICENSE"] == b"libzlib LICENSE\n"
    assert "[WARN]" not in stream.getvalue()
    shutil.rmtree(tmp_path / "pkgs" / "libzlib-1.3.1-h0_0")
    deps = resolve_conda(ctx, msvc, {"CONDA_PREFIX": str(prefix)})
    files = record_files(ctx, [], deps, msvc, RepairResult(tmp_path / "w.whl", "delvewheel", bundled))
    assert not [name for name in files if "libzlib" in name]
    assert "[WARN] zlib-" in stream.getvalue() and "(package libzlib) is bundled, but its licence files were not found" in stream.getvalue()
