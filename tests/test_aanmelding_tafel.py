"""The tafelversie (issue 28, review F6 and B2): no identifier of the case, in any spelling.

The tafelversie is built from an allow-list; the few free texts that stay go through the
scrubber. These tests put every identifier of a (fictional) person into every free-text field
of the case, in the spellings people type, and read the tafelversie back as context, DOCX,
HTML and PDF text. ``KNOWN_LEAKS`` are the spellings that once leaked (review F6, with
fictional names): they must stay fixed.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from _aanmelding_helpers import DRENTHE, OOST_BRABANT, docx_rows, raw_case, write_case
from _pdf_helpers import docx_text
from conftest import TODAY, RunCli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

FIRST = "Sjoerd"
PARTICLE = "van der"
SURNAME = "Meulenkamp"
SECOND = "Kloppenburg"
FULL = f"{FIRST} {PARTICLE} {SURNAME}-{SECOND}"
BORN = date(1988, 4, 13)
BSN = "123456782"
PHONE = "0612345678"
NAASTE = "Hendrika Oosterbroek"
CONTACT = "Wubbo Zijlstra"

# what once leaked from the tafelversie (review vijandige-invoer F6), names made fictional
KNOWN_LEAKS = [
    "S. Meulenkamp heeft schulden.",
    "[naam] Meulenkamp bedreigde buurman.",
    "Moeder mevr. H. Oosterbroek woont in Oss.",
    "BSN 123 456 782 en 123.45.6782.",
    "Bel +31 6 1234 5678 of 0031612345678.",
    "Bel hem op 06 12 34 56 78 of (06) 12345678.",
    "geb.datum 13/04/1988",
    "geboren 13-4-1988, ook als 1988-04-13 of 13 april 1988 of 13 apr. '88",
    "Van der Meulenkamp-Kloppenburg en meulenkamp en MEULENKAMP en Meulenkamp's broer.",
    "S. v.d. Meulenkamp, S.v.d.M., SvdM en S.M.K. kwamen langs.",
    "Mail sjoerd.m@example.nl of sjoerd (at) example.nl; postcode 5211 AB of 5211ab.",
    "Wubbo Zijlstra (politie) en W. Zijlstra belden; Zijlstra zegt dat het rustig is.",
    "Meülenkamp en Klöppenburg (met accenten).",
    # found when the corpus was held against every spelling of F6 (issue 28)
    "De Meulenkamps en Kloppenburgs broer; bsn123456782.",
    "Bel 06.12.34.56.78; postcode 5211 ab of 5211-AB; geboren 13-apr-1988.",
]
# the identifiers, as the tests look for them in the output (case-insensitive, digits-only)
NAME_PARTS = [FIRST, SURNAME, SECOND, "Hendrika", "Oosterbroek", "Wubbo", "Zijlstra"]
NUMBERS = [BSN, PHONE[1:], "612345678", "13041988", "19880413", "130488", "5211"]


def leak_case(text: str, path: Path = DRENTHE) -> Any:
    """The Drenthe example with a person, a naaste and a contact of our own, and ``text`` in
    every free text of the aanmelding and the person."""
    data = raw_case(path)
    data["persoon"].update(
        naam=FULL,
        roepnaam=FIRST,
        geboortedatum=BORN.isoformat(),
        verblijf_toelichting=text,
        problematiek_toelichting=text,
    )
    data["netwerk"] = {
        "naasten": [{"id": "moeder", "naam": NAASTE, "relatie": "moeder", "toelichting": text}],
        "partners": [
            {
                "id": "pol",
                "rol": "politie",
                "organisatie": "Politie Drenthe (voorbeeld)",
                "contactpersoon": CONTACT,
            }
        ],
    }
    ag = data["aanmelding"]
    ag.update(
        reden=text, huidige_zorg=text, voorcheck=text, tafel_samenvatting=text, acute_crisis_toelichting=text
    )
    ag["aanmelder"]["functie"] = f"wijkagent, collega van {CONTACT}"
    for event in ag["voorgeschiedenis"]:
        event["omschrijving"] = text
    for c in ag["criteria_landelijk"] + ag["criteria_regio"]:
        c["toelichting"] = text
    ag["geprobeerd"] = [{"interventie": text, "organisatie": text, "van": "2024-03-15", "resultaat": text}]
    ag["risicotaxatie"] = {
        "instrument": "HKT-R",
        "datum": "2025-06-02",
        "uitgevoerd_door": "J. Pietersma",
        "uitkomst": text,
    }
    return data


def tafel(data: Any) -> dict[str, Any]:
    from levensloop_docs.case.casefile import validate_raw
    from levensloop_docs.model.vocab import load_vocabularies
    from levensloop_docs.views.aanmelding import anonymous_form_view

    casus, problems = validate_raw(data, Path("x.yaml"), today=TODAY)
    assert casus is not None, problems
    return dict(anonymous_form_view(casus, load_vocabularies(), TODAY))


def leaks(text: str) -> list[str]:
    """The identifiers of the leak case still in ``text`` (names as words, numbers as digits)."""
    found = [n for n in NAME_PARTS if re.search(rf"(?<!\w){n}(?:['’]?s)?(?!\w)", _plain(text), re.IGNORECASE)]
    digits = re.sub(r"[^\d]", "", " ".join(re.findall(r"[\d][\d\s.()/+-]*", text)))
    found += [n for n in NUMBERS if n in digits]
    found += [d for d in ("13 april", "13/04", "13-4", "13-04", "13.04", "13-apr", "13 apr") if d in text]
    found += ["5211"] if "5211" in text else []
    found += re.findall(r"\w\s?(?:@|\(at\))\s?\w", text)  # an e-mail address (not CSS's "@page")
    return found


def _plain(text: str) -> str:
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def context_text(context: dict[str, Any]) -> str:
    from levensloop_docs.views.anoniem import strings

    return "\n".join(strings(context))


@pytest.mark.parametrize("leak", KNOWN_LEAKS)
def test_known_leaks_stay_fixed(leak: str) -> None:
    text = context_text(tafel(leak_case(leak)))
    assert not leaks(text), (leak, leaks(text))


def test_the_leak_test_itself_sees_every_known_leak() -> None:
    """A test that cannot fail proves nothing: unscrubbed, every known leak is found."""
    for leak in KNOWN_LEAKS:
        assert leaks(leak) or "[naam]" in leak, leak


# -- hypothesis: identifiers in the spellings people type ------------------------------------


def _spellings() -> st.SearchStrategy[str]:
    d, m, y = BORN.day, BORN.month, BORN.year
    names = [
        SURNAME,
        SECOND,
        f"{SURNAME}-{SECOND}",
        f"{PARTICLE} {SURNAME}",
        f"Van der {SURNAME}",
        f"{FIRST[0]}. {SURNAME}",
        f"{FIRST[0]}.{SURNAME}",
        f"{FIRST[0]}. {PARTICLE} {SURNAME}",
        FIRST,
        FIRST.upper(),
        SURNAME.lower(),
        f"dhr. {SURNAME}",
        f"{SURNAME}s",
        f"{SURNAME}'s",
        f"vd {SURNAME}",
        f"v.d. {SURNAME}",
        f"{FIRST[0]}. v.d. {SURNAME}",
        f"{PARTICLE} {SURNAME}-{SECOND}",
        f"{FIRST} {PARTICLE} {SURNAME}",
        f"{FIRST[0]}. {SURNAME}-{SECOND}",
        "Oosterbroek",
        "H. Oosterbroek",
        "mevr. Oosterbroek",
        "Zijlstra",
        "W. Zijlstra",
        "Wubbo",
    ]
    dates = [
        f"{d}-{m}-{y}",
        f"{d:02d}-{m:02d}-{y}",
        f"{d}/{m}/{y}",
        f"{d:02d}/{m:02d}/{y}",
        f"{d}.{m}.{y}",
        f"{y}-{m:02d}-{d:02d}",
        f"{d} april {y}",
        f"{d} apr {y}",
        f"{d}-{m}-'88",
        f"{d:02d}{m:02d}{y}",
        f"{d} april",
        f"{d:02d}.{m:02d}.{y}",
        f"{d} apr. {y}",
        f"{d}-apr-{y}",
        f"{d} april '88",
        f"{d:02d}-{m:02d}-88",
        f"{d}/{m}/88",
        f"april {d}, {y}",
        f"{y}/{m:02d}/{d:02d}",
        f"{d} APRIL {y}",
    ]
    numbers = [
        BSN,
        "123 456 782",
        "123.456.782",
        "1234.56.782",
        "06-12345678",
        "06 12345678",
        "06 12 34 56 78",
        "06-1234 5678",
        "+31612345678",
        "+31 6 12345678",
        "+31 (0)6 1234 5678",
        "0031 6 1234 5678",
        "0031612345678",
        "(06) 12345678",
        "06.12.34.56.78",
        "06 - 12345678",
        "06-12 34 56 78",
        "+31-6-12345678",
        "+316 12345678",
        "0031-6-12345678",
        "123-456-782",
        "12 34 56 782",
        "bsn123456782",
        "BSN: 123456782",
    ]
    contact = [  # e-mail and postcode, in the spellings people type
        "sjoerd.meulenkamp@example.nl",
        "s.vandermeulenkamp@gmail.com",
        "SMeulenkamp@hotmail.com",
        "sjoerd88@live.nl",
        "sjoerd (at) example.nl",
        "5211 AB",
        "5211AB",
        "5211ab",
        "5211 ab",
        "5211-AB",
    ]
    return st.sampled_from(names + dates + numbers + contact)


_filler = st.text(alphabet=st.sampled_from("abc xyz,.;:!?()-'\n"), max_size=12)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(_filler, _spellings()), min_size=1, max_size=6), _filler)
def test_no_identifier_spelling_reaches_the_tafelversie(parts: list[tuple[str, str]], tail: str) -> None:
    text = "".join(f"{noise} {ident} " for noise, ident in parts) + tail
    out = context_text(tafel(leak_case(text)))
    assert not leaks(out), (text, leaks(out))


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(["Bakker", "Van den Berg", "de Jong-El Amrani", "Noël Çelik", "Ødegård", "Jo Li"]),
    st.text(min_size=0, max_size=30),
)
def test_the_scrubber_takes_every_name_part_out(name: str, noise: str) -> None:
    from levensloop_docs.case.casefile import validate_raw
    from levensloop_docs.views.anoniem import Scrubber

    data = raw_case()
    data["persoon"]["naam"] = f"Anna {name}"
    casus, _problems = validate_raw(data, Path("x.yaml"), today=TODAY)
    assert casus is not None
    out = Scrubber(casus)(f"{noise} {name} {noise}")
    for part in re.split(r"[\s-]+", name):
        if len(part) > 2 and part.casefold() not in ("van", "den", "de", "el"):
            assert not re.search(
                rf"(?<!\w){re.escape(part)}(?!\w)", out.replace(noise, " "), re.IGNORECASE
            ), out


# -- the allow-list -----------------------------------------------------------------------------


def test_the_tafelversie_has_only_the_allowed_fields() -> None:
    context = tafel(leak_case("tekst"))
    assert set(context) == {
        "meta",
        "regio",
        "anoniem",
        "persoon",
        "gegevensdeling",
        "aanmelding",
        "vandaag",
        "generator",
    }
    assert set(context["persoon"]) == {"leeftijd", "verblijf", "problematiek", "juridisch_kader"}
    assert set(context["regio"]) == {"naam", "zvh"} and set(context["meta"]) == {"casus_id", "status"}
    a = context["aanmelding"]
    # no name, team, phone or organisation of the aanmelder; no reason, voorcheck or criteria text
    assert "aanmelder" not in a and "reden" not in a and "voorcheck" not in a
    assert all(
        set(c) == {"nummer", "tekst", "oordeel", "vak_voldoet", "vak_voldoet_niet", "vak_onbekend"}
        for c in a["landelijk"] + a["regio"]
    )
    assert a["aanmelder_functie"] == "wijkagent, collega [naam]"


def test_quasi_identifiers_are_coarsened() -> None:
    """Review B2: an age band, month and year, no exact date of a police contact."""
    context = tafel(raw_case(OOST_BRABANT))
    text = context_text(context)
    assert context["persoon"]["leeftijd"] == "40 tot 50 jaar"
    assert "46" not in text and "Noor Verbeek" not in text and "073-0000021" not in text
    assert "wijkteam Noord" not in text and "'s-Hertogenbosch" not in text
    assert "10 februari 2025" not in text and "februari 2025" in text
    assert "basisteam" not in text and "geluidsoverlast" not in text  # the history's own words stay off
    assert context["aanmelding"]["maand"] == "oktober 2026"
    assert context["aanmelding"]["aanmelder_functie"] == "wijkcoach"
    assert context["aanmelding"]["samenvatting"].startswith("Alleenwonende man")


@pytest.mark.parametrize(
    ("born", "band"),
    [("2007-01-01", "18 tot 30 jaar"), ("1990-10-06", "30 tot 40 jaar"), ("1966-10-05", "60 jaar of ouder")],
)
def test_age_bands(born: str, band: str) -> None:
    data = raw_case(OOST_BRABANT)
    data["persoon"]["geboortedatum"] = born
    assert tafel(data)["persoon"]["leeftijd"] == band


# -- the documents themselves -------------------------------------------------------------------

LEAK_TEXT = " ".join(KNOWN_LEAKS)


def test_no_identifier_in_the_tafelversie_docx_and_html(tmp_path: Path, run_cli: RunCli) -> None:
    path = write_case(tmp_path, leak_case(LEAK_TEXT))
    result = run_cli(
        "genereer",
        path,
        "--uit",
        tmp_path / "uit",
        "--document",
        "aanmeldformulier",
        "--geanonimiseerd",
        "--formaat",
        "docx,html",
    )
    assert result.code == 0, result.err
    docx = tmp_path / "uit" / "LLA-2026-0051_aanmeldformulier-anoniem_v1.docx"
    html = (tmp_path / "uit" / "LLA-2026-0051_aanmeldformulier-anoniem_v1.html").read_text("utf-8")
    for text in (docx_text(docx), html):
        assert "tafelversie" in text and "LLA-2026-0051" in text
        assert not leaks(text), leaks(text)
    rows = {r[0]: r[1] for r in docx_rows(docx) if len(r) == 2}
    assert rows["Leeftijd bij aanmelding"] == "30 tot 40 jaar"
    assert rows["Aangemeld in"] == "november 2026"
    # the ordinary form still carries all of it
    plain = run_cli("genereer", path, "--uit", tmp_path / "gewoon", "--document", "aanmeldformulier")
    assert plain.code == 0 and FULL in docx_text(
        tmp_path / "gewoon" / "LLA-2026-0051_aanmeldformulier_v1.docx"
    )


@pytest.mark.pdf
def test_no_identifier_in_the_tafelversie_pdf(
    tmp_path: Path, run_cli: RunCli, needs_libreoffice: None
) -> None:
    from _pdf_helpers import pdf_text

    path = write_case(tmp_path, leak_case(LEAK_TEXT))
    result = run_cli(
        "genereer",
        path,
        "--uit",
        tmp_path,
        "--document",
        "aanmeldformulier",
        "--geanonimiseerd",
        "--formaat",
        "pdf",
    )
    assert result.code == 0, result.err
    text = pdf_text(tmp_path / "LLA-2026-0051_aanmeldformulier-anoniem_v1.pdf")
    assert "tafelversie" in text and not leaks(text), leaks(text)
