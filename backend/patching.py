"""Stage: apply the patch series patches/<version>/*.patch in order to the extracted tree."""
from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from pathlib import Path

from .errors import BuildError
from .log import Log


@dataclass(frozen=True)
class AppliedPatch:
    name: str
    subject: str
    sha256: str


def patch_subject(text: str) -> str:
    for line in text.splitlines():
        if line.startswith("Subject:"):
            return line.partition(":")[2].strip()
        if line.startswith(("diff --git", "--- ")):
            break
    return ""


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.INFO:
            self.messages.append(record.getMessage())


def patch_series(patch_dir: Path) -> list[Path]:
    patches = sorted(patch_dir.glob("*.patch"))
    if not patches:
        raise BuildError(f"No patch series in {patch_dir}.")
    return patches


def apply_series(tree: Path, patch_dir: Path, log: Log) -> list[AppliedPatch]:
    """Apply each patch (git-style diff) to `tree`; the first that does not apply stops the build."""
    import patch_ng

    applied = []
    series = patch_series(patch_dir)
    seen: dict[str, Path] = {}
    for patch_file in series:  # before anything is applied: a copy would be "applied" (no-op) and recorded twice
        digest = hashlib.sha256(patch_file.read_bytes()).hexdigest()
        if digest in seen:
            raise BuildError(f"{patch_file.name} is a copy of {seen[digest].name} in {patch_dir}.",
                             "Remove the copy: each change is one patch.")
        seen[digest] = patch_file
    for patch_file in series:
        text = patch_file.read_text(encoding="utf-8")
        subject = patch_subject(text)
        if not subject:
            raise BuildError(f"{patch_file} has no 'Subject:' header saying what it changes and why.")
        collector = _Collect()
        patch_logger = logging.getLogger("patch_ng")
        patch_logger.addHandler(collector)
        old_level = patch_logger.level
        patch_logger.setLevel(logging.INFO)
        try:
            patch_set = patch_ng.fromstring(text.encode("utf-8"))
            # patch_ng already drops the a/ b/ prefixes of git-style diffs.
            ok = bool(patch_set) and patch_set.apply(strip=0, root=str(tree))
        finally:
            patch_logger.removeHandler(collector)
            patch_logger.setLevel(old_level)
        already = [message for message in collector.messages if message.startswith("already patched")]
        if ok and already:
            raise BuildError(f"Patch {patch_file.name} changes nothing: {tree.name} already has its changes "
                             f"({'; '.join(' '.join(m.split()) for m in already)}).",
                             "Another patch of the series makes the same change (or upstream does now): "
                             "remove one.")
        if not ok:
            details = "\n".join(f"  {message}" for message in collector.messages) or "  (not a valid patch)"
            raise BuildError(f"Patch {patch_file.name} does not apply to {tree.name}:\n{details}",
                             "The upstream sources differ from what the patch expects: refresh the patch.")
        log.info(f"patch {patch_file.name}: {subject}")
        applied.append(AppliedPatch(patch_file.name, subject, hashlib.sha256(text.encode()).hexdigest()))
    return applied
