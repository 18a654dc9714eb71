"""A Linux aarch64 runtime for the tests, run under qemu-user: a Debian 12 arm64 root (debootstrap, minbase,
python3) with the manylinux aarch64 wheels of arm64-requirements.txt in /opt/site, prepared once per set of
pinned inputs in cache/arm64-runtime/<key> (complete or absent: built in a staging folder, renamed whole).

Needs Debian's qemu-user-static, binfmt-support and debootstrap (apt-get install; tests/run does as root), root, and
binfmt_misc (mounted here if it is not). Debian's packages come from the mirror apt is set up with, the wheels
from the index the host's pip uses; debootstrap's packages and pip's downloads are cached.

Each run happens in a private mount namespace (unshare): /proc, /dev and the caller's folder are mounted into
the root there (with /sys), and a fake arm64 /proc/cpuinfo over the host's x86 one (torch's cpuinfo library reads it and
crashes on x86 contents under qemu 7.2). Nothing of it outlives the run.

CLI:  python tests/support/arm64.py prepare [--cache DIR]
"""
from __future__ import annotations

import argparse
import hashlib
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from filelock import FileLock

SUITE = "bookworm"
PYTHON_VERSION = "3.11"  # Debian 12's python3
SCHEMA = 1  # bump when the layout of the runtime folder changes
MARKER = "ffcv-wheels-arm64-runtime.txt"
REQUIREMENTS = Path(__file__).with_name("arm64-requirements.txt")
BINFMT = Path("/proc/sys/fs/binfmt_misc")
QEMU = Path("/usr/bin/qemu-aarch64-static")
# What /proc/cpuinfo says on an arm64 Linux machine (a Neoverse N1 core, as on Graviton 2), four cores.
FAKE_CPUINFO = "".join(
    f"processor\t: {n}\nBogoMIPS\t: 243.75\nFeatures\t: fp asimd evtstrm aes pmull sha1 sha2 crc32 atomics fphp "
    "asimdhp cpuid asimdrdm lrcpc dcpop asimddp ssbs\nCPU implementer\t: 0x41\nCPU architecture: 8\n"
    "CPU variant\t: 0x3\nCPU part\t: 0xd0c\nCPU revision\t: 1\n\n" for n in range(4))


class Arm64Unavailable(RuntimeError):
    """The machine cannot run arm64 programs (no qemu-user-static, no binfmt_misc, not root)."""


def manylinux_platforms(glibc_minor: int = 36) -> list[str]:
    """pip --platform values a Debian 12 arm64 system accepts (glibc 2.36)."""
    return ["manylinux2014_aarch64", *(f"manylinux_2_{minor}_aarch64" for minor in range(17, glibc_minor + 1))]


def pip_target_flags() -> list[str]:
    tag = "cp" + PYTHON_VERSION.replace(".", "")
    flags = []
    for platform in manylinux_platforms():
        flags += ["--platform", platform]
    return [*flags, "--python-version", PYTHON_VERSION, "--implementation", "cp", "--abi", tag, "--abi", "abi3",
            "--abi", "none", "--only-binary=:all:", "--no-deps", "--no-compile"]


def apt_mirror() -> str:
    """The Debian archive apt on this machine uses (its sources, deb822 or one-line): the first main archive
    URI listed for the suite."""
    candidates = []
    folder = Path("/etc/apt")
    for path in [folder / "sources.list", *sorted((folder / "sources.list.d").glob("*.sources")),
                 *sorted((folder / "sources.list.d").glob("*.list"))]:
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        if path.suffix == ".sources":
            for stanza in re.split(r"\n\s*\n", text):
                fields = dict(re.findall(r"^(\w[\w-]*):\s*(.*)$", stanza, re.M))
                if SUITE in fields.get("Suites", "").split() and "deb" in fields.get("Types", "").split():
                    candidates += fields.get("URIs", "").split()
        else:
            for line in text.splitlines():
                parts = line.split()
                if len(parts) >= 3 and parts[0] == "deb" and SUITE in parts[2:3]:
                    candidates.append(parts[1] if not parts[1].startswith("[") else parts[2])
    if not candidates:
        raise Arm64Unavailable(f"No Debian archive for {SUITE} in apt's sources (/etc/apt).")
    return candidates[0]


def ensure_binfmt() -> None:
    """qemu-aarch64 registered with binfmt_misc (with the F flag, so it works inside the root)."""
    if os.geteuid() != 0:
        raise Arm64Unavailable("The arm64 runtime needs root (debootstrap, chroot, mounts).")
    if not QEMU.is_file():
        raise Arm64Unavailable(f"{QEMU} is missing: apt-get install qemu-user-static binfmt-support")
    if not (BINFMT / "register").exists():
        result = subprocess.run(["mount", "-t", "binfmt_misc", "binfmt_misc", str(BINFMT)], capture_output=True,
                                text=True)
        if result.returncode != 0:
            raise Arm64Unavailable(f"binfmt_misc cannot be mounted: {result.stderr.strip()}")
    if not (BINFMT / "qemu-aarch64").is_file():
        subprocess.run(["update-binfmts", "--enable", "qemu-aarch64"], capture_output=True, text=True)
    entry = BINFMT / "qemu-aarch64"
    if not entry.is_file() or "enabled" not in entry.read_text() or "F" not in _flags(entry.read_text()):
        raise Arm64Unavailable("qemu-aarch64 is not registered with binfmt_misc (with flag F): "
                               "apt-get install binfmt-support qemu-user-static; update-binfmts --enable qemu-aarch64")
    # Each run mounts in a private mount namespace, which needs "/" to be a mount point: true on a machine or in
    # a container, not in a plain chroot into a folder (seen in a debootstrap root: every run failed).
    private = subprocess.run(["unshare", "--mount", "true"], capture_output=True, text=True)
    if private.returncode != 0:
        raise Arm64Unavailable(f"a private mount namespace cannot be made here ({private.stderr.strip()}): in a "
                               "chroot, make its root a mount point first (mount --bind ROOT ROOT)")


def _flags(text: str) -> str:
    found = re.search(r"^flags:\s*(\S*)", text, re.M)
    return found.group(1) if found else ""


def debootstrap_version() -> str:
    result = subprocess.run(["dpkg-query", "-W", "-f", "${Version}", "debootstrap"], capture_output=True, text=True)
    return result.stdout.strip() or "unknown"


def runtime_key(requirements: str) -> str:
    inputs = f"{SCHEMA}\n{SUITE}\n{debootstrap_version()}\n{requirements}"
    return hashlib.sha256(inputs.encode()).hexdigest()[:16]


def _run(args: Sequence[str | Path], what: str, timeout: int = 3600, env: dict | None = None) -> str:
    result = subprocess.run([str(a) for a in args], capture_output=True, text=True, timeout=timeout, env=env)
    if result.returncode != 0:
        raise RuntimeError(f"{what} failed ({result.returncode}):\n{result.stdout[-3000:]}\n{result.stderr[-5000:]}")
    return result.stdout


@dataclass(frozen=True)
class Arm64Runtime:
    root: Path  # the arm64 Debian root
    timings: dict  # seconds each preparation step took (empty when it came from the cache)

    def run(self, args: Sequence[str | Path], work: Path, extra_site: Path | None = None,
            timeout: int = 1800) -> subprocess.CompletedProcess[str]:
        """Runs `args` (paths inside the root; `work` is mounted at /work) with Debian's python3 able to
        import /opt/site's packages (and /work/`extra_site`'s, which take precedence)."""
        work.mkdir(parents=True, exist_ok=True)
        cpuinfo = work / ".cpuinfo"
        cpuinfo.write_text(FAKE_CPUINFO, encoding="utf-8")
        root = self.root
        site = ["/opt/site"] if extra_site is None else [f"/work/{extra_site.relative_to(work)}", "/opt/site"]
        env = ["env", "-i", "PATH=/usr/local/bin:/usr/bin:/bin", "HOME=/work", "LANG=C.UTF-8",
               f"PYTHONPATH={':'.join(site)}", "PYTHONDONTWRITEBYTECODE=1", "NUMBA_CACHE_DIR=/work/.numba"]
        script = " && ".join([
            "mount --make-rprivate /",
            f"mount -t proc proc {shlex.quote(str(root / 'proc'))}",
            f"mount --bind {shlex.quote(str(cpuinfo))} {shlex.quote(str(root / 'proc/cpuinfo'))}",
            f"mount --rbind /dev {shlex.quote(str(root / 'dev'))}",
            # torch's cpuinfo reads the CPU lists from /sys as well.
            f"mount -t sysfs sysfs {shlex.quote(str(root / 'sys'))}",
            f"mkdir -p {shlex.quote(str(root / 'work'))}",
            f"mount --bind {shlex.quote(str(work))} {shlex.quote(str(root / 'work'))}",
            # In the root, from /work: chroot starts in /, which holds nothing of the caller's.
            "exec chroot " + shlex.join([str(root), "sh", "-c", 'cd /work && exec "$@"', "sh", *env, *map(str, args)]),
        ])
        return subprocess.run(["unshare", "--mount", "--fork", "sh", "-c", script], capture_output=True, text=True,
                              timeout=timeout)

    def install_ffcv(self, wheel: Path, work: Path) -> Path:
        """The ffcv wheel unpacked into work/site (not into the cached root, which stays as prepared)."""
        site = work / "site"
        shutil.rmtree(site, ignore_errors=True)
        _run([sys.executable, "-m", "pip", "--disable-pip-version-check", "install", "--target", str(site),
              *pip_target_flags(), str(wheel)], "pip install (ffcv, aarch64)")
        return site


def prepare(cache: Path, requirements: Path = REQUIREMENTS) -> Arm64Runtime:
    """The runtime for this cache: built on first use (debootstrap's two stages, then the wheels), then found
    at once. Changing the requirements file, SUITE, SCHEMA or debootstrap's version builds a new one."""
    ensure_binfmt()
    text = requirements.read_text(encoding="utf-8")
    folder = cache / "arm64-runtime"
    final = folder / runtime_key(text)
    folder.mkdir(parents=True, exist_ok=True)
    timings: dict[str, float] = {}
    with FileLock(str(final) + ".lock", timeout=3600):
        if (final / MARKER).is_file():
            return Arm64Runtime(final / "root", {})
        for stale in folder.glob(f".{final.name}.*"):  # left by an interrupted prepare (we hold the lock)
            shutil.rmtree(stale, ignore_errors=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{final.name}.", dir=folder))
        staging.chmod(0o755)
        root = staging / "root"
        try:
            debs = cache / "arm64-debs"  # debootstrap's downloads, kept across runtimes
            debs.mkdir(parents=True, exist_ok=True)
            start = time.monotonic()
            _run(["debootstrap", "--arch=arm64", "--variant=minbase", "--foreign", "--include=python3",
                  f"--cache-dir={debs}", SUITE, root, apt_mirror()], "debootstrap (first stage)")
            timings["debootstrap-first-stage"] = time.monotonic() - start
            start = time.monotonic()
            _run(["chroot", root, "/debootstrap/debootstrap", "--second-stage"], "debootstrap (second stage, qemu)")
            timings["debootstrap-second-stage"] = time.monotonic() - start
            start = time.monotonic()
            # The host's pip downloads (through its cache) and unpacks the aarch64 wheels.
            _run([sys.executable, "-m", "pip", "--disable-pip-version-check", "install", "--target",
                  root / "opt" / "site", *pip_target_flags(), "-r", requirements], "pip install (aarch64 wheels)")
            timings["wheels"] = time.monotonic() - start
            (staging / MARKER).write_text(text, encoding="utf-8")
            shutil.rmtree(final, ignore_errors=True)
            os.replace(staging, final)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    return Arm64Runtime(final / "root", timings)


def default_cache() -> Path:
    """The tests' cache (the Windows runtime's too): FFCV_TEST_ARM64_CACHE, else the user cache folder."""
    import platformdirs

    return Path(os.environ.get("FFCV_TEST_ARM64_CACHE")
                or platformdirs.user_cache_dir("ffcv-wheels-tests", appauthor=False))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("command", choices=["prepare"])
    parser.add_argument("--cache", type=Path, help="cache folder (default: the tests', FFCV_TEST_ARM64_CACHE)")
    options = parser.parse_args(argv)
    options.cache = options.cache or default_cache()
    start = time.monotonic()
    runtime = prepare(options.cache.resolve())
    print(f"{runtime.root} ({time.monotonic() - start:.0f} s) {runtime.timings}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
