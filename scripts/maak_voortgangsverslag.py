"""Generate templates/evaluatie/voortgangsverslag.docx (a docxtpl template, editable in Word).

Run to (re)create the template: python scripts/maak_voortgangsverslag.py
The verslag of one evaluation moment (levensloopbijeenkomst): actions, goals, ZRM over
time (chart and table), incidents and escalations, risk, what goes well and less well,
and what changed in the plan since the previous version. Built like the plan's template
(scripts/maak_levensloopplan.py) with the same blocks.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from docxbouw import ACCENT, header_footer, new_document, para, save
from maak_levensloopplan import bullets, labels, small, table, zrm_chart

TARGET = Path(__file__).resolve().parent.parent / "templates" / "evaluatie" / "voortgangsverslag.docx"


def keep_with_next(paragraph) -> None:  # type: ignore[no-untyped-def]
    """w:keepNext and w:keepLines on the paragraph: never alone at the bottom of a page."""
    paragraph.paragraph_format.keep_with_next = True
    paragraph.paragraph_format.keep_together = True


def cover(doc) -> None:  # type: ignore[no-untyped-def]
    doc.add_paragraph("Voortgangsverslag", style="Title")
    para(doc, "Evaluatie van het levensloopplan in de levensloopbijeenkomst", italic=True)
    labels(doc, [
        ("Casusnummer", "{{ meta.casus_id }}"),
        ("Cliënt", "{{ persoon.naam }}"),
        ("Regio", "{{ meta.regio }}"),
        ("Datum van de evaluatie", "{{ evaluatie.datum }}"),
        ("Vorige evaluatie", "{{ vorige_evaluatie }}", "vorige_evaluatie"),
        ("Geëvalueerde planversie", "{{ evaluatie.planversie }}", "evaluatie.planversie"),
        ("Nieuwe planversie", "{{ meta.planversie }}, vastgesteld op {{ meta.vastgesteld }}"),
        ("Aanwezig", bullets("evaluatie.deelnemers"), "evaluatie.deelnemers"),
        ("Volgende evaluatie", "{{ evaluatie.volgende_evaluatie }}"),
    ])
    small(doc, "Vertrouwelijk. Dit verslag bevat bijzondere persoonsgegevens. Deel het alleen met "
               "de partners in het netwerk van dit plan.")


def actions(doc) -> None:  # type: ignore[no-untyped-def]
    doc.add_heading("1. Acties: wat is er gedaan", level=1)
    para(doc, "{%p if evaluatie.acties %}")
    table(doc, ["Levensgebied", "Actie", "Stand", "Wat is er gedaan"], "for a in evaluatie.acties",
          ["{{ a.gebied }}", "{{ a.actie }}", "{{ a.status }}", "{{ a.gedaan }}"], [3.2, 5.6, 2.2, 5.6])
    para(doc, "{%p else %}")
    para(doc, "Bij deze evaluatie is de stand van de acties niet vastgelegd.")
    para(doc, "{%p endif %}")
    doc.add_heading("2. Doelen", level=1)
    para(doc, "{%p if evaluatie.doelen %}")
    table(doc, ["Levensgebied", "Doel", "Oordeel", "Toelichting"], "for d in evaluatie.doelen",
          ["{{ d.gebied }}", "{{ d.doel }}", "{{ d.oordeel }}", "{{ d.toelichting }}"], [3.2, 5.6, 2.6, 5.2])
    para(doc, "{%p else %}")
    para(doc, "Bij deze evaluatie zijn de doelen niet beoordeeld.")
    para(doc, "{%p endif %}")


def zrm(doc) -> None:  # type: ignore[no-untyped-def]
    doc.add_heading("3. Zelfredzaamheid (ZRM) door de tijd", level=1)
    para(doc, "{%p if zrm.rijen %}")
    zrm_chart(doc, "Score per levensgebied op elke evaluatiedatum: 1 is acute problematiek, 5 is volledig "
                   "zelfredzaam. De tabel onder de grafiek geeft dezelfde cijfers.")
    para(doc, "{%p else %}")
    para(doc, "Er zijn nog geen ZRM-scores vastgelegd bij een evaluatie.")
    para(doc, "{%p endif %}")


def incidents(doc) -> None:  # type: ignore[no-untyped-def]
    doc.add_heading("4. Incidenten en escalaties sinds de vorige evaluatie", level=1)
    para(doc, "{%p if evaluatie.incidenten %}")
    table(doc, ["Datum", "Wat er gebeurde", "Zwaarste zorg", "Vorm", "Fase", "Escalatie"],
          "for i in evaluatie.incidenten",
          ["{{ i.datum }}", "{{ i.omschrijving }}", "{{ i.niveau }}", "{{ i.vorm }}", "{{ i.fase }}",
           "{{ i.escalatie }}"],
          [2.4, 5.0, 3.2, 2.6, 1.6, 1.8])
    para(doc, "{%p else %}")
    para(doc, "Geen incidenten of escalaties sinds de vorige evaluatie.")
    para(doc, "{%p endif %}")
    para(doc, "Een escalatie is een incident waarbij de zorg zwaarder werd dan ambulant, of de rode fase "
              "van een scenario. Het telt voor de uitstroom: stabiel is pas twee jaar na de laatste.")
    doc.add_heading("5. Risico", level=1)
    labels(doc, [
        ("Risicotaxatie: wat is er veranderd", "{{ evaluatie.risicotaxatie }}", "evaluatie.risicotaxatie"),
        ("Herhaling risicotaxatie", "{{ risicotaxatie_te_laat }}", "risicotaxatie_te_laat"),
        ("Stabiel sinds", "{{ uitstroom.stabiel_sinds }}"),
        ("Vroegst mogelijke uitstroom", "{{ uitstroom.vroegste_datum }}"),
    ])


def course(doc) -> None:  # type: ignore[no-untyped-def]
    doc.add_heading("6. Hoe gaat het", level=1)
    labels(doc, [
        # 000 Bijlage 3: the client's own view at every levensloopbijeenkomst, visible when missing
        ("Wat {{ persoon.roepnaam or 'de cliënt' }} zelf zegt",
         "{% if evaluatie.stem_client %}{{ evaluatie.stem_client }}{% else %}Niet vastgelegd. Vraag "
         "{{ persoon.roepnaam or 'de cliënt' }} bij de volgende bijeenkomst wat hij of zij ervan vindt."
         "{% endif %}"),
        ("Wat de naasten zeggen", "{{ evaluatie.stem_naasten }}", "evaluatie.stem_naasten"),
        ("Wat gaat goed", bullets("evaluatie.gaat_goed"), "evaluatie.gaat_goed"),
        ("Wat gaat minder goed", bullets("evaluatie.gaat_minder"), "evaluatie.gaat_minder"),
        ("Wat verandert er in het plan", bullets("evaluatie.wijzigingen"), "evaluatie.wijzigingen"),
    ])
    # The heading and each group heading keep with the first change line on the paragraph
    # itself, not only through the heading style: a style edited in Word cannot undo it.
    keep_with_next(doc.add_heading("7. Wat is gewijzigd sinds versie {{ vorige_versie }}", level=1))
    para(doc, "{%p if plan_wijzigingen %}")
    para(doc, "{%p for g in plan_wijzigingen %}")
    keep_with_next(doc.add_heading("{{ g.onderdeel }}", level=3))
    para(doc, "{%p for w in g.wijzigingen %}")
    para(doc, "• {{ w.tekst }}")
    para(doc, "{%p endfor %}")
    para(doc, "{%p endfor %}")
    para(doc, "{%p elif vorige_versie %}")
    para(doc, "Het plan is inhoudelijk niet gewijzigd.")
    para(doc, "{%p else %}")
    para(doc, "Er is geen eerdere versie van het plan bewaard om mee te vergelijken.")
    para(doc, "{%p endif %}")
    para(doc, "")
    small(doc, "Gemaakt met {{ generator }} op {{ vandaag }}, sjabloon {{ document.sjabloon }} "
               "versie {{ document.versie }}.")


def main() -> None:
    doc = new_document("Voortgangsverslag")
    header_footer(doc, "Voortgangsverslag {{ meta.casus_id }} · Vertrouwelijk",
                  "{{ meta.casus_id }} · planversie {{ meta.planversie }} · sjabloon versie "
                  "{{ document.versie }}")
    doc.sections[0].header.paragraphs[0].runs[0].font.color.rgb = ACCENT
    for part in (cover, actions, zrm, incidents, course):
        part(doc)
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    save(doc, TARGET)
    print(TARGET)


if __name__ == "__main__":
    main()
