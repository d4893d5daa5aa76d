"""Part 'casus': case id (new cases only), region and status."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from levensloop_docs.i18n import _
from levensloop_docs.interview.session import Interview, store
from levensloop_docs.model import validators as v


def _case_id_check(folder: Path) -> Any:
    def check(value: str) -> None:
        v.parse_case_id(value)
        existing = _same_file(folder, f"{value}.yaml")
        if existing is not None and existing.stem != value:
            msg = _("A case with id {other} already exists here. On Windows and macOS ids that differ "
                    "only in capitals are the same file: choose another id.")
            raise ValueError(msg.format(other=existing.stem))
        if existing is not None:
            raise ValueError(
                _("A case with this id already exists here; change it with 'levensloop bewerk'.")
            )

    return check


def _same_file(folder: Path, name: str) -> Path | None:
    """The file in ``folder`` that ``name`` would be on a case-insensitive disk (Windows, macOS)."""
    if (folder / name).exists():
        return folder / name
    try:
        return next((p for p in folder.iterdir() if p.name.casefold() == name.casefold()), None)
    except OSError:
        return None


def ask_case_id(interview: Interview) -> None:
    """Ask the case id of a new case and bind the interview to its file ``ID.yaml``."""
    folder = interview.folder or Path.cwd()
    meta = interview.section("meta")
    hint = _("pseudonymous, e.g. LLA-2026-0042; also the file name")
    case_id = interview.question(
        "meta.casus_id",
        "text",
        _("Case id"),
        meta.get("casus_id", ""),
        required=True,
        hint=hint,
        check=_case_id_check(folder),
    )
    meta["casus_id"] = case_id
    interview.bind(folder / f"{case_id}.yaml")


def region_choices() -> list[tuple[str, str]]:
    """Every region profile as a choice (key, name)."""
    from levensloop_docs.reference.regions import region_keys, region_label

    return [(key, region_label(key)) for key in region_keys()]


def run(interview: Interview) -> None:
    if interview.new:
        ask_case_id(interview)
    meta = interview.section("meta")
    store(meta, "regio", interview.choice("meta.regio", _("Region"), region_choices(), meta.get("regio")))
    status = interview.choice(
        "meta.status", _("Status of the case"), "statussen", meta.get("status", "geincludeerd")
    )
    store(meta, "status", status)
