"""The one object that flows through the pipeline: settings, pins, log and paths."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .log import Log
from .pins import Pins, UpstreamPin
from .settings import Settings

APP_NAME = "ffcv-wheels"


@dataclass(frozen=True)
class BuildContext:
    project_dir: Path
    settings: Settings
    pins: Pins
    log: Log

    @property
    def upstream(self) -> UpstreamPin:
        return self.pins.upstream(self.settings.upstream_version)

    @property
    def cache_dir(self) -> Path:
        if self.settings.cache_dir is not None:
            return self.settings.cache_dir
        import platformdirs

        return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))

    @property
    def patch_dir(self) -> Path:
        return self.project_dir / "patches" / self.upstream.version

    @property
    def bundled_sdist(self) -> Path:
        """Where our own sdist carries the upstream sdist."""
        return self.project_dir / "upstream" / self.upstream.filename
