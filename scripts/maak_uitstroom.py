"""Generate the two uitstroom templates (docxtpl, editable in Word):

- templates/uitstroom/uitstroombesluit.docx: the decision that the person leaves the
  approach, with the three criteria and the evidence for each;
- templates/uitstroom/overdrachtsbrief.docx: the warme-overdrachtsbrief to the follow-up
  provider: what is handed over, the after-care consultation, and how to register again.

Run to (re)create them: python scripts/maak_uitstroom.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from docx.shared import Cm
from docxbouw import ACCENT, header_footer, new_document, para, save
from maak_levensloopplan import bullets, labels, small, table

FOLDER = Path(__file__).resolve().parent.parent / "templates" / "uitstroom"


def criteria(doc) -> None:  # type: ignore[no-untyped-def]
    table(doc, ["Voorwaarde", "Voldaan", "Onderbouwing"], "for c in besluit.criteria",
          ["{{ c.naam }}", "{{ c.voldaan }}", "{{ c.bewijs }}"], [5.0, 1.8, 9.8])


def besluit() -> None:
    doc = new_document("Uitstroombesluit")
    header_footer(doc, "Uitstroombesluit {{ meta.casus_id }} · Vertrouwelijk",
                  "{{ meta.casus_id }} · sjabloon versie {{ document.versie }}")
    doc.sections[0].header.paragraphs[0].runs[0].font.color.rgb = ACCENT
    doc.add_paragraph("Uitstroombesluit", style="Title")
    para(doc, "Einde van de levensloopaanpak, met warme overdracht", italic=True)
    labels(doc, [
        ("Casusnummer", "{{ meta.casus_id }}"),
        ("Cliënt", "{{ persoon.naam }}"),
        ("Regio", "{{ meta.regio }}"),
        ("Laatste planversie", "{{ meta.planversie }}, vastgesteld op {{ meta.vastgesteld }}"),
        ("Stabiel sinds", "{{ besluit.stabiel_sinds }}"),
        ("Uitstroom vanaf", "{{ besluit.overdracht_datum }}"),
        ("Vervolgaanbieder", "{{ besluit.vervolgaanbieder }}"),
    ])
    doc.add_heading("1. De drie voorwaarden", level=1)
    para(doc, "Iemand stroomt uit als hij of zij minstens twee jaar stabiel is op het gevaarscriterium, "
              "de beschermende factoren duurzaam geborgd zijn en een risicotaxatie laat zien dat het "
              "risico op gevaarlijk gedrag duidelijk lager is.")
    criteria(doc)
    doc.add_heading("2. Besluit", level=1)
    para(doc, "{%p if besluit.alle_voldaan %}")
    para(doc, "Aan alle drie de voorwaarden is voldaan. De levensloopaanpak voor deze cliënt eindigt "
              "op {{ besluit.overdracht_datum }}, na een warme overdracht aan {{ besluit.vervolgaanbieder }}.")
    para(doc, "{%p else %}")
    para(doc, "Nog niet aan alle voorwaarden is voldaan; uitstroom is op zijn vroegst mogelijk op "
              "{{ besluit.vroegste_datum }}.")
    para(doc, "{%p endif %}")
    labels(doc, [("Toelichting", "{{ besluit.toelichting }}", "besluit.toelichting")])
    # 001: uitstroom happens in consultation with the client and the naasten (triade)
    doc.add_heading("3. Wat {{ besluit.roepnaam }} en de naasten zeggen", level=1)
    labels(doc, [
        ("Eigen doelen", bullets("besluit.stem.doelen"), "besluit.stem.doelen"),
        ("Wat {{ besluit.roepnaam }} zegt over de uitstroom",
         "{% if besluit.stem.zegt %}{{ besluit.stem.zegt }}{% else %}Nog niet vastgelegd. Vraag "
         "{{ besluit.roepnaam }} wat hij of zij van de uitstroom vindt, voordat dit besluit wordt "
         "getekend.{% endif %}"),
        ("Toelichting", "{{ besluit.stem.toelichting }}", "besluit.stem.toelichting"),
        ("Wat de naasten zeggen", "{{ besluit.stem.naasten }}", "besluit.stem.naasten"),
    ])
    doc.add_heading("4. Opnieuw aanmelden", level=1)
    para(doc, "Gaat het weer mis, dan kan iedere partner de cliënt opnieuw aanmelden bij het Zorg- en "
              "Veiligheidshuis. De aanmelding wordt dan met voorrang besproken; de geschiedenis van dit "
              "plan blijft bewaard en helpt bij het besluit.")
    doc.add_heading("5. Akkoord", level=1)
    t = table(doc, ["Namens", "Datum", "Handtekening"], "for p in besluit.ondertekening",
              ["{{ p.namens }}", "", ""], [7.4, 3.4, 5.8])
    t.rows[1].height = Cm(1.4)  # room to sign
    para(doc, "")
    small(doc, "Gemaakt met {{ generator }} op {{ vandaag }}, sjabloon {{ document.sjabloon }} "
               "versie {{ document.versie }}.")
    FOLDER.mkdir(parents=True, exist_ok=True)
    save(doc, FOLDER / "uitstroombesluit.docx")


def brief() -> None:
    doc = new_document("Warme overdracht")
    header_footer(doc, "Warme overdracht {{ meta.casus_id }} · Vertrouwelijk",
                  "{{ meta.casus_id }} · sjabloon versie {{ document.versie }}")
    doc.sections[0].header.paragraphs[0].runs[0].font.color.rgb = ACCENT
    para(doc, "Aan: {{ besluit.vervolgaanbieder }}")
    para(doc, "Datum: {{ vandaag }}")
    para(doc, "Betreft: warme overdracht van cliënt {{ persoon.naam }} (casus {{ meta.casus_id }})")
    para(doc, "")
    para(doc, "Geachte collega,")
    para(doc, "{{ besluit.roepnaam }} stroomt op {{ besluit.overdracht_datum }} uit de levensloopaanpak. "
              "{{ besluit.roepnaam }} is sinds {{ besluit.stabiel_sinds }} stabiel, de beschermende "
              "factoren zijn geborgd en het risico is aantoonbaar lager. U neemt de zorg en begeleiding "
              "over. In deze brief staat wat u moet weten.")
    doc.add_heading("Grondslag voor deze overdracht", level=2)
    para(doc, "{%p if besluit.grondslag.geldig %}")
    para(doc, "{{ besluit.roepnaam }} gaf op {{ besluit.grondslag.vanaf }} schriftelijk toestemming om "
              "gegevens te delen{% if besluit.grondslag.omvang %} ({{ besluit.grondslag.omvang }}){% endif %}. "
              "Die toestemming geldt{% if besluit.grondslag.tot %} tot {{ besluit.grondslag.tot }}, dus"
              "{% endif %} ook op de dag van de overdracht ({{ besluit.grondslag.datum }}).")
    para(doc, "{%p else %}")
    para(doc, "Let op: er is geen toestemming die geldt op de dag van de overdracht "
              "({{ besluit.grondslag.datum or 'nog niet afgesproken' }}). Route nu: {{ besluit.grondslag.route }}"
              "{% if besluit.grondslag.tot %}, toestemming tot {{ besluit.grondslag.tot }}{% endif %}. Vraag "
              "{{ besluit.roepnaam }} om nieuwe toestemming voordat u deze brief verstuurt.")
    para(doc, "{%p endif %}")
    doc.add_heading("Wat goed werkt", level=2)
    para(doc, "{%p for x in besluit.wat_werkt %}")
    para(doc, "• {{ x }}")
    para(doc, "{%p endfor %}")
    para(doc, "{%p if besluit.risicotaxatie %}")
    doc.add_heading("Risicotaxatie", level=2)
    para(doc, "{{ besluit.risicotaxatie }}")
    para(doc, "{%p endif %}")
    doc.add_heading("Signalen om op te letten", level=2)
    para(doc, "{%p for s in scenarios %}")
    para(doc, "• {{ s.naam }}: {% for x in s.signalen.oranje %}{{ x }}{% if not loop.last %}; {% endif %}"
              "{% endfor %}")
    para(doc, "{%p endfor %}")
    para(doc, "{%p for s in besluit.eigen_woorden %}")
    para(doc, "• In de woorden van {{ besluit.roepnaam }} ({{ s.titel }}): oranje: "
              "{{ s.oranje | join('; ') }}{% if s.rood %}; rood: {{ s.rood | join('; ') }}{% endif %}"
              "{% if s.wat_helpt %}. Wat helpt: {{ s.wat_helpt | join('; ') }}{% endif %}.")
    para(doc, "{%p endfor %}")
    doc.add_heading("In een crisis", level=2)
    para(doc, "Bij direct gevaar: bel 112.")
    para(doc, "{%p for n in besluit.nacht %}")
    para(doc, "• Dag en nacht: {{ n.organisatie }}, {{ n.telefoon }}")
    para(doc, "{%p endfor %}")
    para(doc, "{%p if besluit.netwerk or besluit.naasten %}")
    doc.add_heading("Wie blijft er betrokken", level=2)
    para(doc, "{%p for x in besluit.netwerk %}")
    para(doc, "• {{ x }}")
    para(doc, "{%p endfor %}")
    para(doc, "{%p for x in besluit.naasten %}")
    para(doc, "• {{ x }} (met toestemming van {{ besluit.roepnaam }})")
    para(doc, "{%p endfor %}")
    para(doc, "{%p endif %}")
    doc.add_heading("Nazorg en consultatie", level=2)
    para(doc, "Ook na de uitstroom kunt u de casusregisseur raadplegen als u twijfelt of zich zorgen maakt.")
    para(doc, "{%p if besluit.nazorg %}")
    para(doc, "{{ besluit.nazorg }}")
    para(doc, "{%p endif %}")
    para(doc, "{%p for p in aanspreekpunten %}")
    para(doc, "• {{ p.titel }}: {{ p.naam }}, {{ p.bereikbaar }}")
    para(doc, "{%p endfor %}")
    doc.add_heading("Opnieuw aanmelden", level=2)
    para(doc, "Ziet u dat het weer misgaat (terugkerend gevaarlijk gedrag, zorg die niet meer lukt, "
              "dreigende dakloosheid of detentie), meld de cliënt dan opnieuw aan bij het Zorg- en "
              "Veiligheidshuis. Wacht niet op een crisis. {{ besluit.roepnaam }} moet weer aan de criteria voor de "
              "aanpak voldoen; de geschiedenis van dit plan helpt bij het besluit.")
    para(doc, "")
    para(doc, "Met vriendelijke groet,")
    para(doc, "{{ meta.auteurs }}")
    para(doc, "")
    small(doc, "Vertrouwelijk. Gemaakt met {{ generator }}, sjabloon {{ document.sjabloon }} versie "
               "{{ document.versie }}.")
    save(doc, FOLDER / "overdrachtsbrief.docx")


def main() -> None:
    besluit()
    brief()
    print(FOLDER)


if __name__ == "__main__":
    main()
