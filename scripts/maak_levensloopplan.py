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

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
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
        tr_pr.append(OxmlElement("w:cantSplit"))  # on by being there


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
    keep_rows_whole(t)
    return t


def keep_together(table) -> None:  # type: ignore[no-untyped-def]
    """The whole table stays on one page, with the paragraph after it (a scenario)."""
    for row in table.rows:
        for cell in row.cells:
            for p in cell.paragraphs:
                p.paragraph_format.keep_with_next = True


def keep_next(doc) -> None:  # type: ignore[no-untyped-def]
    doc.paragraphs[-1].paragraph_format.keep_with_next = True


def heading_run(doc, label: str, value: str) -> None:  # type: ignore[no-untyped-def]
    p = doc.add_paragraph()
    p.add_run(label).bold = True
    p.add_run(value)


def small(doc, text: str) -> None:  # type: ignore[no-untyped-def]
    p = doc.add_paragraph()
    run = p.add_run(text)
    run.italic = True
    run.font.size = Pt(9)


def zrm_table(doc, widths=(4.6, 4.0, 4.0, 4.0)) -> None:  # type: ignore[no-untyped-def]
    """The ZRM table beside the chart: a row per levensgebied, a column per evaluation date."""
    t = doc.add_table(rows=4, cols=4)
    t.style = doc.styles["Table Grid"]
    t.rows[0].cells[0].text = "Levensgebied"
    t.rows[0].cells[1].text = "{%tc for d in zrm.datums %}"
    t.rows[0].cells[2].text = "{{ d }}"
    t.rows[0].cells[3].text = "{%tc endfor %}"
    for cell in t.rows[0].cells:
        shade(cell)
    t.rows[1].cells[0].text = "{%tr for r in zrm.rijen %}"
    t.rows[2].cells[0].text = "{{ r.gebied }}"
    t.rows[2].cells[1].text = "{%tc for s in r.scores %}"
    t.rows[2].cells[2].text = "{{ s }}"
    t.rows[2].cells[3].text = "{%tc endfor %}"
    t.rows[3].cells[0].text = "{%tr endfor %}"
    fixed_widths(t, list(widths))
    keep_rows_whole(t)


def zrm_chart(doc, intro: str) -> None:  # type: ignore[no-untyped-def]
    """Intro, chart (a picture with alt text, from views/zrmchart.py) and the same numbers as a table."""
    para(doc, intro)
    keep_next(doc)
    para(doc, "{{ zrm_grafiek }}")
    keep_next(doc)  # the chart stays with the table's first rows
    zrm_table(doc)


RED = RGBColor(0xC0, 0x39, 0x2B)


def emphasise_112(cell, words: str) -> None:  # type: ignore[no-untyped-def]
    """The words about 112 in their own bold red run (docxtpl keeps a run's formatting)."""
    text = cell.text
    before, found, after = text.partition(words)
    if not found:
        return
    cell.text = ""
    paragraph = cell.paragraphs[0]
    paragraph.add_run(before)
    run = paragraph.add_run(words)
    run.bold, run.font.color.rgb = True, RED
    paragraph.add_run(after)


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
        ("Geïncludeerd op", "{{ meta.inclusiedatum }}", "meta.inclusiedatum"),
        ("Vastgesteld op", "{{ meta.vastgesteld }}{% if meta.vastgesteld_in %}, in "
                           "{{ meta.vastgesteld_in }}{% endif %}"),
        ("Aanwezig", bullets("meta.aanwezig"), "meta.aanwezig"),
        ("Volgende evaluatie", "{{ meta.volgende_evaluatie }}"),
        ("Evaluatieritme", "{{ meta.evaluatie_ritme }}", "meta.evaluatie_ritme"),
        ("Opgesteld door", "{{ meta.auteurs }}", "meta.auteurs"),
        ("Gewijzigd ten opzichte van de vorige versie", bullets("meta.wijzigingen"), "meta.wijzigingen"),
    ])
    para(doc, "{%p if aanspreekpunten %}")
    doc.add_heading("Eerste aanspreekpunten", level=2)
    t = table(doc, ["Wie", "Organisatie en contactpersoon", "Bereikbaar"], "for c in aanspreekpunten",
              ["{{ c.titel }}", "{{ c.naam }}", "{{ c.bereikbaar }}"], [4.2, 6.8, 5.6])
    cell = t.rows[2].cells[2]
    cell.text = ""
    para_ = cell.paragraphs[0]
    para_.add_run("{% if c.bereikbaar == '112' %}")
    red = para_.add_run("{{ c.bereikbaar }}")
    red.bold, red.font.color.rgb = True, RED
    para_.add_run("{% else %}{{ c.bereikbaar }}{% endif %}")
    para(doc, "{%p endif %}")
    para(doc, "")
    para(doc, "Dit plan vult het behandelplan van de levensloopaanbieder aan. Het legt per "
              "levensgebied vast wie wat doet, wat er gebeurt als het slechter gaat, en hoe de "
              "zorg op- en weer afschaalt. Zo hoeft in een crisis niemand opnieuw te onderhandelen.")
    small(doc, "Vertrouwelijk. Dit plan bevat bijzondere persoonsgegevens (gezondheid, "
               "strafrechtelijke gegevens). Deel het alleen met partners die het voor hun taak "
               "nodig hebben, op de grondslag in hoofdstuk 3. Bewaar het niet op een open schijf "
               "en gooi een papieren versie weg via de vertrouwelijke papierbak.")


def person(doc) -> None:  # type: ignore[no-untyped-def]
    # a new page via the heading, not a break paragraph: a full cover then gives no blank page
    doc.add_heading("1. Persoon", level=1).paragraph_format.page_break_before = True
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
    doc.add_heading("Wat {{ persoon.roepnaam or persoon.naam }} zelf wil", level=2)
    para(doc, "{%p if client.doelen or client.wat_helpt or client.betrokkenheid %}")
    labels(doc, [
        ("Eigen doelen", bullets("client.doelen"), "client.doelen"),
        ("Wat helpt", bullets("client.wat_helpt"), "client.wat_helpt"),
        ("Betrokken bij dit plan", "{{ client.betrokkenheid }}", "client.betrokkenheid"),
        ("Toelichting", "{{ client.toelichting }}", "client.toelichting"),
    ])
    para(doc, "{%p else %}")
    para(doc, "Nog niet vastgelegd. Vraag {{ persoon.roepnaam or persoon.naam }} naar de eigen "
              "doelen en wat helpt, en leg vast of het plan samen is opgesteld.", italic=True)
    para(doc, "{%p endif %}")
    doc.add_heading("2. Juridisch kader en financiering", level=1)
    para(doc, "{%p if persoon.juridisch_kader %}")
    table(doc, ["Titel", "Vanaf", "Tot", "Toelichting"], "for k in persoon.juridisch_kader",
          ["{{ k.titel }}", "{{ k.start }}", "{{ k.einde }}", "{{ k.toelichting }}"],
          [4.6, 2.9, 2.9, 6.2])
    para(doc, "{%p else %}")
    para(doc, "Er is op dit moment geen juridische titel of financieringstitel vastgelegd.")
    para(doc, "{%p endif %}")
    para(doc, "{%p if persoon.afloop %}")
    doc.add_heading("Als een titel afloopt: wie doet wat", level=2)
    para(doc, "{%p for a in persoon.afloop %}")
    p = doc.add_paragraph(style="List Bullet")
    p.add_run("{{ a.titel }}{% if a.voorbij %} liep af op {{ a.datum }}{% elif a.datum %} loopt af op "
              "{{ a.datum }}{% else %}, bij afloop{% endif %}: ").bold = True
    p.add_run("{% if a.wie %}{{ a.wie }}: {% endif %}{% if a.wat %}{{ a.wat }}{% else %}nog niet "
              "afgesproken wie wat doet{% endif %}")
    para(doc, "{%p endfor %}")
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
           "{{ p.bereikbaar }}{% if p.buiten_kantoortijd and p.buiten_kantoortijd != p.telefoon %}"
           "\nDag en nacht: {{ p.buiten_kantoortijd }}{% endif %}"],
          [4.2, 4.4, 3.6, 4.4])
    para(doc, "{%p endfor %}")
    para(doc, "{%p if not ringen %}")
    para(doc, "Er zijn nog geen partners vastgelegd.")
    para(doc, "{%p endif %}")
    doc.add_heading("Naasten", level=2)
    para(doc, "{%p if naasten %}")
    table(doc, ["Naam", "Relatie", "Betekenis", "Bereikbaar", "Contact mag", "Toelichting"],
          "for n in naasten",
          ["{{ n.naam }}", "{{ n.relatie }}", "{{ n.type }}", "{{ n.telefoon }}",
           "{{ n.toestemming_contact }}", "{{ n.toelichting }}"],
          [3.0, 2.0, 2.5, 2.5, 1.6, 5.0])
    small(doc, "Neem alleen contact op met een naaste als de cliënt daar toestemming voor gaf "
               "('Contact mag: ja'). Is een naaste ook slachtoffer, stem elk contact dan eerst af "
               "met de casusregisseur.")
    para(doc, "{%p if naasten|selectattr('stem')|list %}")
    doc.add_heading("Wat naasten willen", level=2)
    table(doc, ["Naaste", "Wat de naaste wil", "Hoe betrokken", "Bescherming als slachtoffer"],
          "for n in naasten if n.stem",
          ["{{ n.naam }}", "{{ n.wil or 'Nog niet gevraagd.' }}", "{{ n.betrokkenheid or 'Nog niet gevraagd.' }}",
           "{% if n.slachtoffer %}{% for x in n.bescherming %}• {{ x }}{% if not loop.last %}\n{% endif %}"
           "{% else %}Nog niet afgesproken.{% endfor %}{% else %}Niet van toepassing.{% endif %}"],
          [3.0, 4.4, 4.4, 4.8])
    para(doc, "{%p endif %}")
    para(doc, "{%p else %}")
    para(doc, "Er zijn geen naasten vastgelegd.")
    para(doc, "{%p endif %}")


def domains(doc) -> None:  # type: ignore[no-untyped-def]
    doc.add_heading("5. Levensgebieden", level=1)
    para(doc, "Per levensgebied: hoe het nu gaat, waar de risico's zitten, wat het doel is en "
              "wie wat doet. De ZRM-score (Zelfredzaamheid-Matrix) loopt van 1 (acuut probleem) "
              "tot 5 (volledig zelfredzaam).")
    para(doc, "Elk levensgebied staat in dit overzicht, ook als er niets is afgesproken. Zo is te "
              "zien welke gebieden bewust zijn overgeslagen.")
    table(doc, ["Levensgebied", "ZRM", "Afspraken"], "for g in levensgebieden_overzicht",
          ["{{ g.gebied }}", "{{ g.zrm }}", "{{ g.status }}"], [8.0, 3.4, 5.2])
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
    # Only after a first evaluation with ZRM scores: a first plan has no history to show,
    # and its current scores are already in the overview table above.
    para(doc, "{%p if zrm.rijen %}")
    doc.add_heading("5.{{ levensgebieden|length + 1 }} Voortgang: ZRM-scores per evaluatie", level=2)
    zrm_chart(doc, "De ZRM-score per levensgebied op elke evaluatiedatum: 1 is acute problematiek, 5 is "
                   "volledig zelfredzaam. De tabel onder de grafiek geeft dezelfde cijfers.")
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
    keep_next(doc)
    para(doc, "{%p endif %}")
    para(doc, "{%p if s.gebieden %}")
    heading_run(doc, "Levensgebieden: ", "{{ s.gebieden }}")
    keep_next(doc)
    para(doc, "{%p endif %}")
    t = table(doc, ["Fase", "Signalen", "Wie doet wat"], "for f in s.fasen",
              ["{% cellbg f.kleur %}{{ f.label }}\n{{ f.uitleg }}",
               "{% for x in f.signalen %}• {{ x }}{% if not loop.last %}\n{% endif %}"
               "{% else %}Nog niet beschreven.{% endfor %}",
               "{% if f.rood %}Bij direct gevaar: bel eerst 112.{% if f.acties %}\n\n{% endif %}{% endif %}"
               "{% for a in f.acties %}{{ a.wie }}: {{ a.wat }}{% if not loop.last %}\n\n{% endif %}"
               "{% else %}{% if not f.rood %}Nog niet afgesproken.{% endif %}{% endfor %}"],
              [2.6, 6.0, 8.0])
    t.rows[2].cells[0].paragraphs[0].runs[0].bold = True
    emphasise_112(t.rows[2].cells[2], "Bij direct gevaar: bel eerst 112.")
    keep_together(t)
    p = doc.add_paragraph()
    p.paragraph_format.keep_together = True  # the call line stays with its table, whole
    p.add_run("Wie wordt gebeld: ").bold = True
    p.add_run("1. bij direct gevaar 112"
              "{% for b in s.bellen|rejectattr('politie') %}; {{ loop.index + 1 }}. {{ b.wie }}"
              "{% if b.telefoon %}, {{ b.telefoon }}{% endif %}{% endfor %}."
              "{% if nachtnummers %} Buiten kantoortijd: {% for n in nachtnummers %}{{ n.naam }}, "
              "{{ n.telefoon }}{% if not loop.last %}; {% endif %}{% endfor %}.{% endif %}"
              "{% for b in s.bellen|selectattr('politie') %} Na afloop informeren: {{ b.wie }}"
              "{% if b.telefoon %} ({{ b.telefoon }}, geen spoedlijn){% endif %}.{% endfor %}")
    para(doc, "{%p endfor %}")
    para(doc, "{%p if not scenarios %}")
    para(doc, "Er zijn nog geen scenario's uitgewerkt.")
    para(doc, "{%p endif %}")


def escalation(doc) -> None:  # type: ignore[no-untyped-def]
    doc.add_heading("7. Op- en afschalingsroute", level=1)
    para(doc, "Zo licht als kan, zo zwaar als nodig. Zo kort als kan, zo lang als nodig. "
              "Zo dichtbij als kan, zo ver weg als nodig. De route is vooraf afgesproken, de "
              "terugweg ook: wie opschaalt, weet al hoe en waarheen er weer wordt afgeschaald.")
    para(doc, "{%p if opschaling.huidig_niveau or opschaling.volgende_stap %}")
    p = doc.add_paragraph()
    p.add_run("{% if opschaling.huidig_niveau %}Huidig niveau: {{ opschaling.huidig_niveau }}"
              "{% if opschaling.huidig_sinds %} sinds {{ opschaling.huidig_sinds }}{% endif %}.{% endif %}"
              ).bold = True
    p.add_run("{% if opschaling.volgende_stap %} Volgende stap: {{ opschaling.volgende_stap }}{% endif %}")
    para(doc, "{%p endif %}")
    para(doc, "Er zijn drie vormen van opschaling. Elke vorm heeft een plek in de route of in een "
              "scenario.")
    keep_next(doc)
    keep_together(table(doc, ["Vorm van opschaling", "Waar in dit plan"], "for v in opschaling.vormen",
                        ["{{ v.vorm }}", "{{ v.waar or 'Nog niet uitgewerkt.' }}"], [9.0, 7.6]))
    para(doc, "")
    para(doc, "{%p for s in opschaling.stappen %}")
    doc.add_heading("Stap {{ s.nummer }}: van {{ s.van }} naar {{ s.naar }}", level=2)
    labels(doc, [
        ("Wanneer opschalen", bullets("s.criteria"), "s.criteria"),
        ("Wie zet in gang", "{{ s.wie_besluit }}"),
        ("Wie beslist (juridisch)", "{{ s.wie_beslist }}", "s.wie_beslist"),
        ("Vorm van opschaling", "{{ s.vormen }}", "s.vormen"),
        ("Bestemming", "{{ s.plaats }}{% if s.bedtype %}{% if s.plaats %}\n{% endif %}{{ s.bedtype }}"
                       "{% endif %}", "s.plaats or s.bedtype"),
        ("Contact bestemming (opname)", "{% if s.contact %}{{ s.contact }}{% else %}contact ontbreekt"
                                        "{% endif %}", "s.heeft_bestemming"),
        ("Beveiligingsniveau", "{{ s.beveiligingsniveau }}", "s.beveiligingsniveau"),
        ("Reguliere klinische stap ernaast", "{{ opschaling.regulier_naast_biz or 'ontbreekt' }}", "s.biz"),
        ("Afschalen naar (vastgelegd bij opname)",
         "{{ (opschaling.afschaling and opschaling.afschaling.bestemming) or 'nog niet vastgelegd' }}",
         "s.biz"),
        ("Juridische basis", "{{ s.juridische_basis }}", "s.juridische_basis"),
        ("Als dat niet lukt", "{{ s.juridische_terugval }}", "s.juridische_terugval"),
        ("Vervoer", "{{ s.vervoer }}", "s.vervoer"),
        ("Overdracht", "{{ s.overdracht }}", "s.overdracht"),
        ("Wat doorloopt tijdens opname", bullets("s.doorloopt"), "s.opname and s.doorloopt"),
        ("Terugkeergarantie", "{{ s.terugkeer }}", "s.opname and s.terugkeer"),
    ])
    para(doc, "{%p endfor %}")
    para(doc, "{%p if not opschaling.stappen %}")
    para(doc, "Er is nog geen opschalingsroute afgesproken.")
    para(doc, "{%p endif %}")
    doc.add_heading("Afschalen", level=2)
    para(doc, "{%p if opschaling.afschaling %}")
    para(doc, "De afschaling begint zodra de kliniek aangeeft dat de persoon stabiel is. Er wordt "
              "afgeschaald als aan de drie voorwaarden hieronder is voldaan.")
    keep_next(doc)
    labels(doc, [
        ("Wie verklaart de persoon stabiel",
         "{{ opschaling.afschaling.wie_stabiel or 'Nog niet afgesproken.' }}"),
        ("1. Stabilisatie van risicofactoren", "{% for c in opschaling.afschaling.criteria %}• {{ c }}"
         "{% if not loop.last %}\n{% endif %}{% else %}Nog niet beschreven.{% endfor %}"),
        ("2. Randvoorwaarden voor goede (vervolg)zorg op orde",
         "{% for c in opschaling.afschaling.randvoorwaarden %}• {{ c }}{% if not loop.last %}\n{% endif %}"
         "{% else %}Nog niet beschreven.{% endfor %}"),
        ("3. Warme overdracht", "{{ opschaling.afschaling.warme_overdracht or 'Nog niet beschreven.' }}"),
        ("Naar niveau", "{{ opschaling.afschaling.naar }}"),
        ("Bestemming na afschaling", "{{ opschaling.afschaling.bestemming }}",
         "opschaling.afschaling.bestemming"),
    ])
    para(doc, "{%p else %}")
    para(doc, "De afschaling is nog niet vooraf afgesproken. Leg deze vast voordat er wordt opgeschaald.")
    para(doc, "{%p endif %}")
    para(doc, "{%p if veiligheidsafspraken %}")
    doc.add_heading("Veiligheidsafspraken voor medewerkers", level=2)
    para(doc, "{%p for x in veiligheidsafspraken %}")
    para(doc, "{{ x }}", style="List Bullet")
    para(doc, "{%p endfor %}")
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
    para(doc, "Dit plan wordt geëvalueerd op {{ meta.volgende_evaluatie }}{% if meta.evaluatie_ritme %} "
              "en daarna {{ meta.evaluatie_ritme }}{% endif %}, of eerder als de "
              "situatie daarom vraagt. De casusregisseur vraagt de procesregisseur van het Zorg- "
              "en Veiligheidshuis om de casus te agenderen als het plan vastloopt.")
    para(doc, "Met hun handtekening verklaren de partners dat zij de afspraken in dit plan "
              "uitvoeren. Elke partner met een taak in dit plan tekent, en de procesregisseur. Heeft "
              "de cliënt een wettelijk vertegenwoordiger (curator, mentor of bewindvoerder), dan tekent "
              "die mee. De cliënt tekent voor gezien en, waar mogelijk, voor akkoord. Vul de datum in "
              "bij het tekenen.")
    keep_next(doc)
    widths = [7.4, 3.4, 5.8]
    t = table(doc, ["Namens", "Datum", "Handtekening"], "for a in ondertekening",
              ["{{ a.wie }}\n{{ a.rol }}{% if a.akkoord %}\nakkoord gegeven op {{ a.akkoord }}{% endif %}",
               "", ""], widths)
    row_height(t.rows[2], 1.0)
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
