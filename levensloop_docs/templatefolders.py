"""A region's own templates, and where each template in use comes from.

A region keeps its own templates outside the installed program, in a folder that holds
only the files it changed (``levensloop sjablonen kopieer``): ``LEVENSLOOP_SJABLONEN``, or
else ``sjablonen:`` in the settings file (``settings_path()``, in the platform's config
folder, e.g. ``~/.config/levensloop-docs/instellingen.yaml``). Every template is looked up
there first and falls back to the shipped one, so a program update reaches every template
the region did not change; ``sjablonen verschil`` shows what an update changed in one it did.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from levensloop_docs import resources
from levensloop_docs.errors import DataFileError, Problem
from levensloop_docs.i18n import _

APP_NAME = "levensloop-docs"
# the settings file in the platform's config folder (~/.config/levensloop-docs on Linux)
SETTINGS_FILE = "instellingen.yaml"


def settings_path() -> Path:
    """The settings file: ``LEVENSLOOP_INSTELLINGEN``, else the platform's config folder."""
    override = os.environ.get("LEVENSLOOP_INSTELLINGEN")
    if override:
        return Path(override)
    try:
        from platformdirs import user_config_path
    except ImportError:  # an environment installed before platformdirs was a dependency
        base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
        return base / APP_NAME / SETTINGS_FILE
    return user_config_path(APP_NAME, appauthor=False) / SETTINGS_FILE


def setting(key: str) -> str | None:
    """One value of the settings file (None without the file or the key)."""
    path = settings_path()
    try:
        stamp = path.stat().st_mtime_ns
    except OSError:
        return None
    value = _settings(path, stamp).get(key)
    return None if value is None or str(value).strip() == "" else str(value)


@cache
def _settings(path: Path, stamp: int) -> dict[str, object]:
    """The settings file read once per change (``stamp``): every template lookup asks it."""
    from levensloop_docs.yamlio import YamlReadError, load_yaml

    try:
        data = load_yaml(path)
    except YamlReadError as exc:
        raise DataFileError(problems=[exc.problem], summary=_settings_summary()) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        problem = Problem(path, "", _settings_shape())
        raise DataFileError(problems=[problem], summary=_settings_summary())
    return {str(k): v for k, v in data.items()}


def _settings_summary() -> str:
    return _("The settings file cannot be read.")


def _settings_shape() -> str:
    return _("The settings file must consist of lines such as 'sjablonen: /path/to/folder'.")


def own_templates_dir() -> Path | None:
    """The region's own templates: ``LEVENSLOOP_SJABLONEN``, else ``sjablonen:`` in the settings."""
    override = os.environ.get("LEVENSLOOP_SJABLONEN")
    if override:
        return Path(override)
    configured = setting("sjablonen")
    return Path(configured).expanduser() if configured else None


def template_folders() -> list[Path]:
    """Where templates are looked up, in order: the region's own folder, then the shipped one."""
    own = own_templates_dir()
    shipped = resources.shipped_templates_dir()
    return [own, shipped] if own is not None and own != shipped else [shipped]


def template_path(relative: str | Path) -> Path:
    """The template in use for ``relative`` (e.g. ``plan/levensloopplan.docx``): own copy first."""
    for folder in template_folders():
        candidate = folder / relative
        if candidate.is_file():
            return candidate
    return resources.shipped_templates_dir() / relative


def template_relative(path: Path) -> str:
    """``.../plan/levensloopplan.docx`` -> ``plan/levensloopplan.docx`` (its name if outside)."""
    for folder in template_folders():
        try:
            return path.relative_to(folder).as_posix()
        except ValueError:
            continue
    return path.name


def template_files(folder: str, pattern: str = "*") -> list[Path]:
    """The templates in ``folder`` (e.g. ``handreiking``): shipped ones, each replaced by an own copy."""
    names: set[str] = set()
    for root in template_folders():
        names |= {p.name for p in (root / folder).glob(pattern) if p.is_file()}
    return [template_path(f"{folder}/{name}") for name in sorted(names)]


def is_overridden(relative: str | Path) -> bool:
    own = own_templates_dir()
    return own is not None and own != resources.shipped_templates_dir() and (own / relative).is_file()
