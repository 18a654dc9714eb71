"""Provider `vcpkg`: the manifest from the data file, the vcpkg command line, the install root in the cache,
and what it yields, exercised with a fake vcpkg (a script: vcpkg and MSVC do not run here) that checks
the manifest it is given and installs what real vcpkg installs for these ports (file names of the
x64-windows-static-md triplet, share/<port>/copyright, and vcpkg's status file in its real format)."""
from __future__ import annotations

import json
import sys
import textwrap
from pathlib import Path

import pytest

from backend.deps.vcpkg import installed_versions, resolve_vcpkg
from backend.errors import BuildError
from backend.toolchains import Toolchain

MSVC = Toolchain("msvc", "cl.exe", "19.44", platform="windows", machine="x64", env={"VSCMD_VER": "17.14"})

# Two paragraphs as vcpkg writes them (installed/vcpkg/status), plus a feature paragraph and a removed port.
STATUS = """Package: zlib
Version: 1.3.1
Architecture: x64-windows-static-md
Multi-Arch: same
Type: Port
Status: install ok installed

Package: opencv4
Version: 4.12.0
Port-Version: 1
Depends: vcpkg-cmake, vcpkg-cmake-config, zlib
Architecture: x64-windows-static-md
Multi-Arch: same
Type: Port
Status: install ok installed

Package: opencv4
Feature: intrinsics
Architecture: x64-windows-static-md
Multi-Arch: same
Type: Port
Status: install ok installed

Package: libjpeg-turbo
Version: 3.1.2
Architecture: x64-windows-static-md
Multi-Arch: same
Type: Port
Status: install ok installed

Package: pthreads
Version: 3.0.0
Port-Version: 14
Architecture: x64-windows-static-md
Multi-Arch: same
Type: Port
Status: install ok installed

Package: glew
Version: 2.2.0
Architecture: x64-windows-static-md
Multi-Arch: same
Type: Port
Status: purge ok not-installed
"""

FAKE_VCPKG = textwrap.dedent('''\
    #!{python}
    import json, sys
    from pathlib import Path
    args = sys.argv[1:]
    log = Path(__file__).with_name("calls.jsonl")
    with log.open("a") as out:
        out.write(json.dumps(args) + "\\n")
    options = dict(a[2:].split("=", 1) for a in args if a.startswith("--") and "=" in a)
    assert args[0] == "install", args
    manifest = json.loads((Path(options["x-manifest-root"]) / "vcpkg.json").read_text())
    names = [d if isinstance(d, str) else d["name"] for d in manifest["dependencies"]]
    if names != ["opencv4", "libjpeg-turbo", "pthreads"] or len(manifest["builtin-baseline"]) != 40:
        print("error: unexpected manifest", manifest)
        sys.exit(1)
    prefix = Path(options["x-install-root"]) / options["triplet"]
    skip = set(Path(__file__).with_name("skip.txt").read_text().split()) if Path(__file__).with_name("skip.txt").exists() else set()
    files = {{"include/opencv2/core.hpp": "", "include/opencv2/imgproc.hpp": "", "include/turbojpeg.h": "",
             "include/pthread.h": "", "lib/opencv_core4.lib": "", "lib/opencv_imgproc4.lib": "", "lib/zlib.lib": "",
             "lib/turbojpeg.lib": "", "lib/jpeg.lib": "", "lib/pthreadVC3.lib": "",
             "share/opencv4/copyright": "Apache-2.0", "share/libjpeg-turbo/copyright": "IJG/BSD",
             "share/zlib/copyright": "zlib", "share/pthreads/copyright": "Apache-2.0"}}
    for name, text in files.items():
        if name not in skip:
            (prefix / name).parent.mkdir(parents=True, exist_ok=True)
            (prefix / name).write_text(text)
    status = Path(options["x-install-root"]) / "vcpkg" / "status"
    status.parent.mkdir(parents=True, exist_ok=True)
    status.write_text({status!r})
    print("All requested installations completed successfully in: 1.2 s")
''')


@pytest.fixture
def vcpkg_root(tmp_path: Path) -> Path:
    root = tmp_path / "vcpkg"
    root.mkdir()
    script = root / "vcpkg"
    script.write_text(FAKE_VCPKG.format(python=sys.executable, status=STATUS))
    script.chmod(0o755)
    return root


def calls(root: Path) -> list[list[str]]:
    return [json.loads(line) for line in (root / "calls.jsonl").read_text().splitlines()]


def test_vcpkg_installs_the_pinned_manifest_into_the_cache_and_yields_static_libraries(make_ctx, vcpkg_root) -> None:
    ctx = make_ctx({"deps": "vcpkg"})
    deps = resolve_vcpkg(ctx, MSVC, {"VCPKG_INSTALLATION_ROOT": str(vcpkg_root)})
    (call,) = calls(vcpkg_root)
    (root,) = [p for p in (ctx.cache_dir / "vcpkg").glob("x64-windows-static-md-*") if p.is_dir()]
    assert call == ["install", f"--x-manifest-root={root / 'manifest'}", f"--x-install-root={root / 'installed'}",
                    "--triplet=x64-windows-static-md", "--clean-after-build"]
    manifest = json.loads((root / "manifest" / "vcpkg.json").read_text())
    assert manifest["builtin-baseline"] == ctx.pins.vcpkg.builtin_baseline
    assert {"name": "opencv4", "default-features": False, "features": ["intrinsics"]} in manifest["dependencies"]
    prefix = root / "installed" / "x64-windows-static-md"
    assert deps.include_dirs == [str(prefix / "include")] and deps.library_dirs == [str(prefix / "lib")]
    assert deps.libraries == ["opencv_imgproc4", "opencv_core4", "zlib", "turbojpeg", "pthreadVC3"]
    # pthreads4w linked statically, and its pthread.h told that the UCRT has struct timespec.
    assert deps.define_macros == [("__PTW32_STATIC_LIB", None), ("PTW32_STATIC_LIB", None),
                                  ("HAVE_STRUCT_TIMESPEC", "1")]
    assert not any("pthread-shim" in d for d in deps.include_dirs)
    assert deps.versions == {"zlib": "1.3.1", "opencv4": "4.12.0#1", "libjpeg-turbo": "3.1.2", "pthreads": "3.0.0#14"}
    assert {port: [Path(f).read_text() for f in files] for port, files in deps.licences.items()} == {
        "opencv4": ["Apache-2.0"], "libjpeg-turbo": ["IJG/BSD"], "zlib": ["zlib"], "pthreads": ["Apache-2.0"]}
    assert deps.runtime_dirs == []  # static triplet: no DLL for delvewheel to bundle


def test_vcpkg_missing_or_not_bootstrapped_says_what_to_do(make_ctx, tmp_path: Path) -> None:
    ctx = make_ctx({"deps": "vcpkg"})
    with pytest.raises(BuildError, match="neither VCPKG_ROOT nor VCPKG_INSTALLATION_ROOT is set") as error:
        resolve_vcpkg(ctx, MSVC, {})
    assert "bootstrap-vcpkg.bat" in str(error.value)
    with pytest.raises(BuildError, match="holds no vcpkg executable"):
        resolve_vcpkg(ctx, MSVC, {"VCPKG_ROOT": str(tmp_path)})


def test_a_port_that_installs_other_library_names_is_reported_with_what_it_has(make_ctx, vcpkg_root) -> None:
    (vcpkg_root / "skip.txt").write_text("lib/pthreadVC3.lib")
    with pytest.raises(BuildError, match=r"lacks lib\\pthreadVC3.lib; it has: jpeg.lib, opencv_core4.lib"):
        resolve_vcpkg(make_ctx({"deps": "vcpkg"}), MSVC, {"VCPKG_ROOT": str(vcpkg_root)})


def test_a_failing_vcpkg_shows_its_output(make_ctx, vcpkg_root) -> None:
    ctx = make_ctx({"deps": "vcpkg"})
    ctx.pins.data["vcpkg"]["dependencies"] = ["opencv4"]  # a manifest the fake (like vcpkg) rejects
    with pytest.raises(BuildError, match="unexpected manifest"):
        resolve_vcpkg(ctx, MSVC, {"VCPKG_ROOT": str(vcpkg_root)})


def test_vcpkg_needs_msvc_and_a_known_architecture(make_ctx, vcpkg_root) -> None:
    ctx = make_ctx({"deps": "vcpkg"})
    environ = {"VCPKG_ROOT": str(vcpkg_root)}
    for toolchain in (None, Toolchain("gcc", "g++", "gcc"),
                      Toolchain("zig", "c++", "zig", platform="windows", machine="AMD64")):
        with pytest.raises(BuildError, match="needs a native Windows build"):
            resolve_vcpkg(ctx, toolchain, environ)
    x86 = Toolchain("msvc", "cl.exe", "19.44", platform="windows", machine="x86")
    with pytest.raises(BuildError, match="no triplet for x86"):
        resolve_vcpkg(ctx, x86, environ)
    with pytest.raises(BuildError, match="deps=vcpkg"):
        make_ctx({"deps": "vcpkg", "toolchain": "zig"})


def test_status_file_versions_skip_features_other_triplets_and_removed_ports(tmp_path: Path) -> None:
    (tmp_path / "vcpkg").mkdir()
    (tmp_path / "vcpkg" / "status").write_text(STATUS)
    assert installed_versions(tmp_path, "x64-windows-static-md") == {
        "zlib": "1.3.1", "opencv4": "4.12.0#1", "libjpeg-turbo": "3.1.2", "pthreads": "3.0.0#14"}
    assert installed_versions(tmp_path, "arm64-windows-static-md") == {}


PORT = json.loads((Path(__file__).parent / "fixtures" / "vcpkg" / "opencv4-port-717f2c1d.json").read_text())


def port_cmake_options(dependency: str | dict) -> dict[str, str]:
    """The CMake variables the opencv4 port's vcpkg_check_features sets for a manifest dependency on it
    (the recorded port: a selected feature's variable is ON, an unselected one's OFF; inverted the other way)."""
    selected = set() if isinstance(dependency, str) else set(dependency.get("features", []))
    if isinstance(dependency, str) or dependency.get("default-features", True):
        selected |= {feature.split(" ")[0] for feature in PORT["default-features"]}
    options = {variable: "ON" if feature in selected else "OFF" for feature, variable in PORT["features"].items()}
    options.update({variable: "OFF" if feature in selected else "ON"
                    for feature, variable in PORT["inverted-features"].items()})
    return options


def test_vcpkg_opencv_keeps_its_simd_code_like_the_source_provider(make_ctx) -> None:
    """With default features off, the opencv4 port passes -DCV_ENABLE_INTRINSICS=OFF unless the manifest
    names its `intrinsics` feature: cv::resize (FFCV's RandomResizedCrop) would lose its SIMD code, and the
    vcpkg wheel would be slower than the source provider's, which keeps OpenCV's default (ON)."""
    ctx = make_ctx()
    data = ctx.pins.data
    assert data["vcpkg"]["builtin-baseline"] == PORT["baseline"]  # the recorded port is the pinned one
    (opencv,) = [d for d in data["vcpkg"]["dependencies"] if isinstance(d, dict) and d["name"] == "opencv4"]
    assert opencv["default-features"] is False  # no codecs, GUI or dnn: only what a core+imgproc build needs
    options = port_cmake_options(opencv)
    assert options["CV_ENABLE_INTRINSICS"] == PORT["opencv-options"]["CV_ENABLE_INTRINSICS"] == "ON", options
    assert options["WITH_IPP"] == options["WITH_OPENMP"] == options["WITH_TBB"] == "OFF"
    source = [*data["source"]["opencv"]["cmake-options"], *data["source"]["opencv"]["cmake-options-windows"]]
    assert "-DWITH_IPP=OFF" in source and "-DWITH_OPENMP=OFF" in source and "-DWITH_TBB=OFF" in source
    assert not any(o.startswith(("-DCV_ENABLE_INTRINSICS=", "-DCV_DISABLE_OPTIMIZATION=")) for o in source)
    # The port's thread feature is no OpenCV option: OpenCV keeps threads on whatever vcpkg passes.
    assert "OPENCV_ENABLE_THREAD_SUPPORT" not in PORT["opencv-options"]
    assert PORT["opencv-options"]["OPENCV_DISABLE_THREAD_SUPPORT"] == "OFF"
