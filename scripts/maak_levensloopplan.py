"""Generate templates/plan/levensloopplan.docx (a docxtpl template, editable in Word).

Run to (re)create the template: python scripts/maak_levensloopplan.py
After that the template can be maintained in Word; see README, "Een sjabloon aanpassen".
Every table has fixed column widths (docxbouw.fixed_widths) so Word and LibreOffice lay
it out the same; optional rows are wrapped in ``{%tr if %}`` so a printed plan has no
empty label rows.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docxbouw import ACCENT, fixed_widths, grid_table, header_footer, new_document, para, save, shade

TARGET = Path(__file__).resolve().parent.parent / "templates" / "plan" / "levensloopplan.docx"
LABEL_WIDTHS = [5.2, 11.4]
BULLETS = "{% for c in LIST %}• {{ c }}{% if not loop.last %}\n{% endif %}{% endfor %}"


def bullets(expr: str) -> str:
    return BULLETS.replace("LIST", expr)


def keep_rows_whole(table) -> None:  # type: ignore[no-untyped-def]
    """A table row never breaks across pages: a scenario or action stays readable."""
    for row in table.rows:
        tr_pr = row._tr.get_or_add_trPr()
        el = OxmlElement("w:cantSplit")
        el.set(qn("w:val"), "true")
        tr_pr.append(el)


def row_height(row, cm: float) -> None:  # type: ignore[no-untyped-def]
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:trHeight")
    el.set(qn("w:val"), str(int(Cm(cm).twips)))
    el.set(qn("w:hRule"), "atLeast")
    tr_pr.append(el)


def table(doc, headers, loop, cells, widths, *, whole_rows: bool = True):  # type: ignore[no-untyped-def]
    """A repeated-row table (docxbouw.grid_table) with fixed widths."""
    t = grid_table(doc, headers, loop, cells, widths)
    fixed_widths(t, widths)
    if whole_rows:
        keep_rows_whole(t)
    return t


def labels(doc, rows, widths=LABEL_WIDTHS):  # type: ignore[no-untyped-def]
    """Label/value rows; a row given a condition only appears when it holds.

    ``rows``: (label, value) or (label, value, condition).
    """
    count = sum(3 if len(r) == 3 else 1 for r in rows)
    t = doc.add_table(rows=count, cols=2)
    t.style = doc.styles["Table Grid"]
    i = 0
    for row in rows:
        label, value = row[0], row[1]
        condition = row[2] if len(row) == 3 else None
        if condition:
            t.rows[i].cells[0].text = "{%tr if " + condition + " %}"
            i += 1
        left, right = t.rows[i].cells
        left.text = ""
        left.paragraphs[0].add_run(label).bold = True
        shade(left)
        right.text = value
        i += 1
        if condition:
            t.rows[i].cells[0].text = "{%tr endif %}"
            i += 1
    fixed_widths(t, widths)
    return t


def heading_run(doc, label: str, value: str) -> None:  # type: ignore[no-untyped-def]
    p = doc.add_paragraph()
    p.add_run(label).bold = True
    p.add_run(value)


def small(doc, text: str) -> None:  # type: ignore[no-untyped-def]
    p = doc.add_paragraph()
    run = p.add_run(text)
    run.italic = True
    run.font.size = Pt(9)


def cover(doc) -> None:  # type: ignore[no-untyped-def]
    doc.add_paragraph("Levensloopplan", style="Title")
    para(doc, "Samenwerkingsafspraken in de levensloopaanpak (ketenveldnorm levensloopfunctie "
              "en beveiligde intensieve zorg)", italic=True)
    labels(doc, [
        ("Casusnummer", "{{ meta.casus_id }}"),
        ("Cliënt", "{{ persoon.naam }}"),
        ("Regio", "{{ meta.regio }}"),
        ("Status", "{{ meta.status }}"),
        ("Versie van het plan", "{{ meta.planversie }}"),
        ("Vastgesteld op", "{{ meta.vastgesteld }}"),
        ("Volgende evaluatie", "{{ meta.volgende_evaluatie }}"),
        ("Opgesteld door", "{{ meta.auteurs }}", "meta.auteurs"),
    ])
    para(doc, "{%p if aanspreekpunten %}")
    doc.add_heading("Eerste aanspreekpunten", level=2)
    table(doc, ["Wie", "Organisatie en contactpersoon", "Bereikbaar"], "for c in aanspreekpunten",
          ["{{ c.titel }}", "{{ c.naam }}", "{{ c.bereikbaar }}"], [4.2, 6.8, 5.6])
    para(doc, "{%p endif %}")
    para(doc, "")
    para(doc, "Dit plan vult het behandelplan van de levensloopaanbieder aan. Het legt per "
              "levensgebied vast wie wat doet, wat er gebeurt als het slechter gaat, en hoe de "
              "zorg op- en weer afschaalt. Zo hoeft in een crisis niemand opnieuw te onderhandelen.")
    small(doc, "Vertrouwelijk. Dit plan bevat bijzondere persoonsgegevens (gezondheid, "
               "strafrechtelijke gegevens). Deel het alleen met partners die het voor hun taak "
               "nodig hebben, op de grondslag in hoofdstuk 3. Bewaar het niet op een open schijf "
               "en gooi een papieren versie weg via de vertrouwelijke papierbak.")
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def person(doc) -> None:  # type: ignore[no-untyped-def]
    doc.add_heading("1. Persoon", level=1)
    labels(doc, [
        ("Naam", "{{ persoon.naam }}"),
        ("Roepnaam", "{{ persoon.roepnaam }}", "persoon.roepnaam"),
        ("Geboortedatum", "{{ persoon.geboortedatum }}", "persoon.geboortedatum"),
        ("Verblijft nu", "{{ persoon.verblijf }}"),
        ("Toelichting verblijf", "{{ persoon.verblijf_toelichting }}", "persoon.verblijf_toelichting"),
        ("Problematiek", "{{ persoon.problematiek }}", "persoon.problematiek"),
        ("Toelichting problematiek", "{{ persoon.problematiek_toelichting }}",
         "persoon.problematiek_toelichting"),
    ])
    doc.add_heading("2. Juridisch kader en financiering", level=1)
    para(doc, "{%p if persoon.juridisch_kader %}")
    table(doc, ["Titel", "Vanaf", "Tot", "Toelichting"], "for k in persoon.juridisch_kader",
          ["{{ k.titel }}", "{{ k.start }}", "{{ k.einde }}", "{{ k.toelichting }}"],
          [4.6, 2.9, 2.9, 6.2])
    para(doc, "{%p else %}")
    para(doc, "Er is op dit moment geen juridische titel of financieringstitel vastgelegd.")
    para(doc, "{%p endif %}")


def consent(doc) -> None:  # type: ignore[no-untyped-def]
    doc.add_heading("3. Gegevensdeling", level=1)
    para(doc, "De partners delen gegevens over deze persoon op de volgende grondslag. Deel "
              "alleen wat de ontvanger nodig heeft voor zijn taak.")
    labels(doc, [
        ("Route", "{{ gegevensdeling.route }}"),
        ("Toestemming gegeven op", "{{ gegevensdeling.toestemming_datum }}",
         "gegevensdeling.toestemming_datum"),
        ("Waarvoor geldt de toestemming", "{{ gegevensdeling.toestemming_omvang }}",
         "gegevensdeling.toestemming_omvang"),
        ("Toestemming ingetrokken",
         "{% if gegevensdeling.ingetrokken %}ja{% if gegevensdeling.ingetrokken_datum %}, op "
         "{{ gegevensdeling.ingetrokken_datum }}{% endif %}{% else %}nee{% endif %}"),
        ("Toelichting", "{{ gegevensdeling.toelichting }}", "gegevensdeling.toelichting"),
    ])


def network(doc) -> None:  # type: ignore[no-untyped-def]
    doc.add_heading("4. Netwerk", level=1)
    para(doc, "De partners die samen dit plan uitvoeren, onder procesregie van het Zorg- en "
              "Veiligheidshuis. In de tabellen verderop staat bij 'Wie' steeds een van deze partners.")
    para(doc, "{%p for r in ringen %}")
    doc.add_heading("{{ r.titel }}", level=2)
    table(doc, ["Rol", "Organisatie", "Contactpersoon", "Bereikbaar"], "for p in r.partners",
          ["{{ p.rol }}", "{{ p.organisatie }}",
           "{{ p.contactpersoon }}{% if p.functie %}, {{ p.functie }}{% endif %}",
           "{{ p.bereikbaar }}"],
          [4.2, 4.4, 3.6, 4.4])
    para(doc, "{%p endfor %}")
    para(doc, "{%p if not ringen %}")
    para(doc, "Er zijn nog geen partners vastgelegd.")
    para(doc, "{%p endif %}")
    doc.add_heading("Naasten", level=2)
    para(doc, "{%p if naasten %}")
    table(doc, ["Naam", "Relatie", "Betekenis", "Contact mag", "Toelichting"], "for n in naasten",
          ["{{ n.naam }}{% if n.telefoon %}\n{{ n.telefoon }}{% endif %}", "{{ n.relatie }}",
           "{{ n.type }}", "{{ n.toestemming_contact }}", "{{ n.toelichting }}"],
          [3.4, 2.2, 2.8, 1.8, 6.4])
    small(doc, "Neem alleen contact op met een naaste als de cliënt daar toestemming voor gaf "
               "('Contact mag: ja'). Is een naaste ook slachtoffer, stem elk contact dan eerst af "
               "met de casusregisseur.")
    para(doc, "{%p else %}")
    para(doc, "Er zijn geen naasten vastgelegd.")
    para(doc, "{%p endif %}")


def domains(doc) -> None:  # type: ignore[no-untyped-def]
    doc.add_heading("5. Levensgebieden", level=1)
    para(doc, "Per levensgebied: hoe het nu gaat, waar de risico's zitten, wat het doel is en "
              "wie wat doet. De ZRM-score (Zelfredzaamheid-Matrix) loopt van 1 (acuut probleem) "
              "tot 5 (volledig zelfredzaam).")
    para(doc, "{%p for g in levensgebieden %}")
    doc.add_heading("5.{{ loop.index }} {{ g.gebied }}{% if g.zrm_score %} (ZRM {{ g.zrm_score }}){% endif %}",
                    level=2)
    para(doc, "{%p if g.situatie %}")
    heading_run(doc, "Situatie nu: ", "{{ g.situatie }}")
    para(doc, "{%p endif %}")
    para(doc, "{%p if g.risicos %}")
    doc.add_paragraph().add_run("Risico's en signalen").bold = True
    para(doc, "{%p for r in g.risicos %}")
    para(doc, "{{ r }}", style="List Bullet")
    para(doc, "{%p endfor %}")
    para(doc, "{%p endif %}")
    para(doc, "{%p if g.doelen %}")
    doc.add_paragraph().add_run("Doelen").bold = True
    para(doc, "{%p for r in g.doelen %}")
    para(doc, "{{ r }}", style="List Bullet")
    para(doc, "{%p endfor %}")
    para(doc, "{%p endif %}")
    para(doc, "{%p if g.acties %}")
    table(doc, ["Wat", "Wie", "Wanneer", "Status"], "for a in g.acties",
          ["{{ a.wat }}", "{{ a.wie }}", "{{ a.wanneer }}", "{{ a.status }}"],
          [7.2, 4.6, 3.0, 1.8])
    para(doc, "{%p else %}")
    para(doc, "Voor dit levensgebied zijn nog geen acties afgesproken.", italic=True)
    para(doc, "{%p endif %}")
    para(doc, "{%p endfor %}")
    para(doc, "{%p if not levensgebieden %}")
    para(doc, "Er zijn nog geen levensgebieden uitgewerkt.")
    para(doc, "{%p endif %}")


def scenarios(doc) -> None:  # type: ignore[no-untyped-def]
    doc.add_heading("6. Scenario's", level=1)
    para(doc, "Wat kan er gebeuren, waaraan zie je het op tijd, en wat doet ieder dan? Elk "
              "scenario volgt het stoplicht van het signaleringsplan: groen (het gaat goed), "
              "oranje (eerste signalen, extra alert) en rood (crisis, direct handelen).")
    para(doc, "{%p for s in scenarios %}")
    doc.add_heading("6.{{ loop.index }} {{ s.naam }}", level=2)
    para(doc, "{%p if s.beschrijving %}")
    para(doc, "{{ s.beschrijving }}")
    para(doc, "{%p endif %}")
    t = table(doc, ["Fase", "Signalen", "Wie doet wat"], "for f in s.fasen",
              ["{% cellbg f.kleur %}{{ f.label }}\n{{ f.uitleg }}",
               "{% for x in f.signalen %}• {{ x }}{% if not loop.last %}\n{% endif %}"
               "{% else %}–{% endfor %}",
               "{% for a in f.acties %}{{ a.wie }}: {{ a.wat }}{% if not loop.last %}\n\n{% endif %}"
               "{% else %}–{% endfor %}"],
              [2.6, 6.0, 8.0])
    t.rows[2].cells[0].paragraphs[0].runs[0].bold = True
    para(doc, "{%p if s.wie_bellen %}")
    heading_run(doc, "Wie wordt gebeld: ", "{{ s.wie_bellen }}")
    para(doc, "{%p endif %}")
    para(doc, "{%p endfor %}")
    para(doc, "{%p if not scenarios %}")
    para(doc, "Er zijn nog geen scenario's uitgewerkt.")
    para(doc, "{%p endif %}")


def escalation(doc) -> None:  # type: ignore[no-untyped-def]
    doc.add_heading("7. Op- en afschalingsroute", level=1)
    para(doc, "Zo licht als kan, zo zwaar als nodig. Zo kort als kan, zo lang als nodig. "
              "Zo dichtbij als kan, zo ver weg als nodig. De route is vooraf afgesproken, de "
              "terugweg ook: wie opschaalt, weet al hoe en waarheen er weer wordt afgeschaald.")
    para(doc, "{%p for s in opschaling.stappen %}")
    doc.add_heading("Stap {{ s.nummer }}: van {{ s.van }} naar {{ s.naar }}", level=2)
    labels(doc, [
        ("Wanneer opschalen", bullets("s.criteria"), "s.criteria"),
        ("Wie besluit", "{{ s.wie_besluit }}"),
        ("Bestemming", "{{ s.plaats }}{% if s.bedtype %}{% if s.plaats %} ({{ s.bedtype }})"
                       "{% else %}{{ s.bedtype }}{% endif %}{% endif %}", "s.plaats or s.bedtype"),
        ("Beveiligingsniveau", "{{ s.beveiligingsniveau }}", "s.beveiligingsniveau"),
        ("Juridische basis", "{{ s.juridische_basis }}", "s.juridische_basis"),
        ("Vervoer", "{{ s.vervoer }}", "s.vervoer"),
        ("Overdracht", "{{ s.overdracht }}", "s.overdracht"),
        ("Wat doorloopt tijdens opname", bullets("s.doorloopt"), "s.doorloopt"),
        ("Terugkeergarantie", "{{ s.terugkeergarantie }}{% if s.terugkeer_toelichting %}: "
                              "{{ s.terugkeer_toelichting }}{% endif %}"),
    ])
    para(doc, "{%p endfor %}")
    para(doc, "{%p if not opschaling.stappen %}")
    para(doc, "Er is nog geen opschalingsroute afgesproken.")
    para(doc, "{%p endif %}")
    doc.add_heading("Afschalen", level=2)
    para(doc, "{%p if opschaling.afschaling %}")
    labels(doc, [
        ("Wanneer afschalen", bullets("opschaling.afschaling.criteria"), "opschaling.afschaling.criteria"),
        ("Naar niveau", "{{ opschaling.afschaling.naar }}"),
        ("Bestemming na afschaling", "{{ opschaling.afschaling.bestemming }}",
         "opschaling.afschaling.bestemming"),
        ("Warme overdracht", "{{ opschaling.afschaling.warme_overdracht }}",
         "opschaling.afschaling.warme_overdracht"),
    ])
    para(doc, "{%p else %}")
    para(doc, "De afschaling is nog niet vooraf afgesproken. Leg deze vast voordat er wordt opgeschaald.")
    para(doc, "{%p endif %}")


def risk_and_exit(doc) -> None:  # type: ignore[no-untyped-def]
    doc.add_heading("8. Risicotaxatie", level=1)
    para(doc, "{%p if risicotaxaties %}")
    table(doc, ["Instrument", "Datum", "Uitkomst", "Door", "Volgende"], "for r in risicotaxaties",
          ["{{ r.instrument }}", "{{ r.datum }}", "{{ r.uitkomst }}", "{{ r.uitgevoerd_door }}",
           "{{ r.volgende }}"],
          [2.4, 2.6, 6.2, 2.8, 2.6])
    para(doc, "{%p else %}")
    para(doc, "Er is nog geen risicotaxatie vastgelegd.")
    para(doc, "{%p endif %}")
    doc.add_heading("9. Uitstroom", level=1)
    para(doc, "Iemand kan uitstromen als aan alle drie de voorwaarden is voldaan. Daarna volgt "
              "een warme overdracht. Opnieuw aanmelden blijft mogelijk.")
    doc.paragraphs[-1].paragraph_format.keep_with_next = True
    t = table(doc, ["Voorwaarde voor uitstroom", "Voldaan"], "for c in uitstroom.criteria",
              ["{{ c.naam }}", "{{ c.voldaan }}"], [13.6, 3.0])
    for row in t.rows:  # three short rows: keep them on one page with their heading
        for cell in row.cells:
            cell.paragraphs[0].paragraph_format.keep_with_next = True
    para(doc, "")
    labels(doc, [
        ("Stabiel sinds", "{{ uitstroom.stabiel_sinds }}"),
        ("Vroegst mogelijke uitstroom", "{{ uitstroom.vroegste_datum }}"),
        ("Beschermende factoren", "{{ uitstroom.beschermende_factoren }}", "uitstroom.beschermende_factoren"),
        ("Toelichting", "{{ uitstroom.toelichting }}", "uitstroom.toelichting"),
        ("Vervolgaanbieder", "{{ uitstroom.vervolgaanbieder }}", "uitstroom.vervolgaanbieder"),
        ("Nazorg en consultatie", "{{ uitstroom.nazorg }}", "uitstroom.nazorg"),
        ("Overdracht op", "{{ uitstroom.overdracht_datum }}", "uitstroom.overdracht_datum"),
    ])


def signatures(doc) -> None:  # type: ignore[no-untyped-def]
    doc.add_heading("10. Evaluatie en ondertekening", level=1)
    para(doc, "Dit plan wordt geëvalueerd op {{ meta.volgende_evaluatie }}, of eerder als de "
              "situatie daarom vraagt. De casusregisseur vraagt de procesregisseur van het Zorg- "
              "en Veiligheidshuis om de casus te agenderen als het plan vastloopt.")
    para(doc, "Met hun handtekening verklaren de partners dat zij de afspraken in dit plan "
              "uitvoeren. De cliënt tekent voor gezien en, waar mogelijk, voor akkoord.")
    widths = [7.4, 3.4, 5.8]
    para(doc, "{%p if meta.akkoord %}")
    t = table(doc, ["Akkoord namens", "Datum", "Handtekening"], "for a in meta.akkoord",
              ["{{ a.wie }}", "{{ a.datum }}", ""], widths)
    row_height(t.rows[2], 1.4)
    para(doc, "{%p endif %}")
    t = table(doc, ["Cliënt", "Datum", "Handtekening"], "for x in [1]",
              ["{{ persoon.naam }}", "", ""], widths)
    row_height(t.rows[2], 1.4)
    para(doc, "")
    small(doc, "Gemaakt met {{ generator }} op {{ vandaag }}, sjabloon {{ document.sjabloon }} "
               "versie {{ document.versie }}.")


def main() -> None:
    doc = new_document("Levensloopplan")
    header_footer(doc, "Levensloopplan {{ meta.casus_id }} · Vertrouwelijk",
                  "{{ meta.casus_id }} · planversie {{ meta.planversie }} · sjabloon versie "
                  "{{ document.versie }}")
    doc.sections[0].header.paragraphs[0].runs[0].font.color.rgb = ACCENT
    for part in (cover, person, consent, network, domains, scenarios, escalation, risk_and_exit,
                 signatures):
        part(doc)
    save(doc, TARGET)
    print(TARGET)


if __name__ == "__main__":
    main()
