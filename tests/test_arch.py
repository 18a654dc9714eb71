"""The architecture vocabulary (backend/toolchains/arch.py, the data file's [architectures] table): every tool's
spelling of an architecture comes from one record, and the data file's other tables name architectures in it. Each
check here fails if one table or spelling disagrees with another, or with what a real vcvarsall.bat printed."""
from __future__ import annotations

from pathlib import Path

import pytest

from backend.deps.source import source_pins
from backend.errors import BuildError
from backend.pins import Pins, prebuilt_pins
from backend.toolchains import msvc
from backend.toolchains.arch import architecture, architectures, msvc_targets, wheel_platform

PROJECT_DIR = Path(__file__).resolve().parents[1]
PINS = Pins.load(PROJECT_DIR)
# `set` in a real "x64 Native Tools Command Prompt for VS 2022" (tests/fixtures/msvc/README.md says where from).
VCVARS_X64 = PROJECT_DIR / "tests" / "fixtures" / "msvc" / "vcvarsall-x64-vs2022-community.set.txt"


def test_msvc_builds_for_the_architectures_with_a_windows_wheel_tag() -> None:
    assert list(msvc_targets(PINS)) == ["x64", "arm64"]  # not 32-bit Windows
    assert {arch.name for arch in msvc_targets(PINS).values()} == {"x86_64", "aarch64"}


@pytest.mark.parametrize("name", list(msvc_targets(PINS)))
def test_each_msvc_target_reads_the_same_through_every_spelling(name: str) -> None:
    arch = msvc_targets(PINS)[name]
    tag = msvc.wheel_tag(PINS, name)
    assert wheel_platform(PINS, tag).arch == arch  # the wheel tag parses back to the same record
    assert msvc.wheel_target_arch(PINS, tag) == name
    assert msvc.target_arch(PINS, tag.replace("_", "-")) == name  # sysconfig spells it win-amd64
    for spelling in (arch.name, arch.msvc, arch.msvc_machine, arch.wheel["windows"], arch.cmake["windows"]):
        assert architecture(PINS, str(spelling)) == arch, spelling
    # lib.exe's /machine: values (ARM64, X64, X86) are vcvarsall's names in capitals; the vswhere component that
    # carries the compiler is named after its target (VC.Tools.x86.x64, VC.Tools.ARM64).
    assert arch.msvc_machine == name.upper()
    assert str(arch.msvc_component).startswith("Microsoft.VisualStudio.Component.VC.Tools.")
    assert str(arch.msvc_component).lower().endswith("." + name)


def test_spellings_match_a_real_vcvarsall_x64_environment() -> None:
    dump = msvc.parse_set_output(VCVARS_X64.read_text(encoding="utf-8"))
    host = msvc.host_arch(PINS, dump)
    assert host == dump["VSCMD_ARG_HOST_ARCH"]  # PROCESSOR_ARCHITECTURE=AMD64 -> x64
    arch = architecture(PINS, dump["PROCESSOR_ARCHITECTURE"])
    assert arch.msvc == dump["VSCMD_ARG_TGT_ARCH"] and arch.name == "x86_64"
    assert f"\\bin\\host{host}\\{arch.msvc}".lower() in dump["Path"].lower()  # where cl.exe is
    assert msvc.vcvarsall_argument(host, str(arch.msvc)) == "x64"


def test_the_host_is_x64_unless_windows_reports_arm64() -> None:
    assert msvc.host_arch(PINS, {}) == "x64"
    assert msvc.host_arch(PINS, {"PROCESSOR_ARCHITECTURE": "x86"}) == "x64"  # 32-bit: no MSVC target of its own
    assert msvc.host_arch(PINS, {"PROCESSOR_ARCHITECTURE": "IA64"}) == "x64"
    assert msvc.host_arch(PINS, {"PROCESSOR_ARCHITECTURE": "arm64"}) == "arm64"


def test_unknown_targets_keep_their_messages() -> None:
    with pytest.raises(BuildError, match=r"platform 'win32': supported are win-amd64, win-arm64 \(32-bit"):
        msvc.target_arch(PINS, "win32")
    with pytest.raises(BuildError, match="target 'win32': known targets are win_amd64, win_arm64"):
        msvc.wheel_target_arch(PINS, "win32")


def test_the_data_files_other_tables_name_architectures_in_the_vocabulary() -> None:
    targets = msvc_targets(PINS)
    for name, triplet in PINS.vcpkg.triplets.items():
        assert name in targets and triplet.startswith(f"{name}-windows"), triplet
    for pin in prebuilt_pins(PINS):
        assert set(pin.machines) <= set(targets), pin.machines
    for platform in ("linux", "macos", "windows"):
        for pin in source_pins(PINS, platform):
            assert set(pin.simd_assembler_architectures) <= set(architectures(PINS)), pin.name
    for tag in PINS.zig.targets:
        assert wheel_platform(PINS, tag).arch.zig


def test_binary_header_spellings_agree_with_pefile_and_delvewheel() -> None:
    """PE Machine values and names as pefile knows them, delvewheel's MachineType names, and Mach-O cputypes
    (CPU_TYPE_X86_64, CPU_TYPE_ARM64: the architecture number with CPU_ARCH_ABI64, 0x01000000)."""
    import pefile
    from delvewheel import _dll_list

    from backend.toolchains.arch import macho_architecture

    for arch in architectures(PINS).values():
        assert pefile.MACHINE_TYPE[f"IMAGE_FILE_MACHINE_{arch.pe_name}"] == arch.pe_machine, arch.name
        assert getattr(_dll_list.MachineType, str(arch.pe_name)), arch.name
    assert architecture(PINS, "x86_64").macho_cputype == 0x01000000 | 7
    assert architecture(PINS, "aarch64").macho_cputype == 0x01000000 | 12
    assert macho_architecture(PINS, 0x0100000C) == "arm64" and macho_architecture(PINS, 0x01000007) == "x86_64"
    assert macho_architecture(PINS, 18) == "0x12"  # PowerPC: not in the table
