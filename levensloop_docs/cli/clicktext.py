"""Dutch texts for click's own messages (usage errors, help headings).

click wraps its messages in ``gettext`` bound at import time in each of its modules;
we point those names at our catalogs, where ``locales/nl/LC_MESSAGES/click.po``
translates them.
"""

from __future__ import annotations

import importlib

from levensloop_docs.i18n import _, ngettext

_CLICK_MODULES = (
    "click.core", "click.decorators", "click.exceptions", "click.formatting",
    "click.parser", "click.types", "click.termui", "click.shell_completion",
)  # fmt: skip


def install_dutch_click() -> None:
    for name in _CLICK_MODULES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        if hasattr(module, "_"):
            module._ = _  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext  # type: ignore[attr-defined]
