"""Generate templates/plan/levensloopplan.docx (a docxtpl template, editable in Word).

Run once to (re)create the starting template: python scripts/maak_levensloopplan.py
After that the template is maintained in Word; see README, "Een sjabloon aanpassen".
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from docx.enum.text import WD_BREAK
from docxbouw import grid_table, header_footer, label_table, new_document, para, save

TARGET = Path(__file__).resolve().parent.parent / "templates" / "plan" / "levensloopplan.docx"


def cover(doc) -> None:  # type: ignore[no-untyped-def]
    doc.add_paragraph("Levensloopplan", style="Title")
    para(doc, "Samenwerkingsafspraken in de levensloopaanpak (ketenveldnorm levensloopfunctie "
              "en beveiligde intensieve zorg)", italic=True)
    label_table(doc, [
        ("Casusnummer", "{{ meta.casus_id }}"),
        ("Naam", "{{ persoon.naam }}"),
        ("Regio", "{{ meta.regio }}"),
        ("Status", "{{ meta.status }}"),
        ("Versie van het plan", "{{ meta.planversie }}"),
        ("Vastgesteld op", "{{ meta.vastgesteld }}"),
        ("Volgende evaluatie", "{{ meta.volgende_evaluatie }}"),
        ("Opgesteld door", "{{ meta.auteurs }}"),
    ])
    para(doc, "")
    para(doc, "Vertrouwelijk. Dit plan bevat bijzondere persoonsgegevens (gezondheid, "
              "strafrechtelijke gegevens). Deel het alleen met partners die het voor hun taak "
              "nodig hebben, op de grondslag die in hoofdstuk 3 staat. Bewaar het niet op een "
              "open schijf en gooi een papieren versie weg via de vertrouwelijke papierbak.",
         italic=True)
    para(doc, "Dit plan vult het behandelplan van de levensloopaanbieder aan. Het legt per "
              "levensgebied vast wie wat doet, wat er gebeurt als het slechter gaat, en hoe de "
              "zorg op- en weer afschaalt. Zo hoeft in een crisis niemand opnieuw te onderhandelen.")
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def person(doc) -> None:  # type: ignore[no-untyped-def]
    doc.add_heading("1. Persoon", level=1)
    label_table(doc, [
        ("Naam", "{{ persoon.naam }}"),
        ("Roepnaam", "{{ persoon.roepnaam }}"),
        ("Geboortedatum", "{{ persoon.geboortedatum }}"),
        ("Verblijft nu", "{{ persoon.verblijf }}"),
        ("Toelichting verblijf", "{{ persoon.verblijf_toelichting }}"),
        ("Problematiek", "{{ persoon.problematiek }}"),
        ("Toelichting problematiek", "{{ persoon.problematiek_toelichting }}"),
    ])
    doc.add_heading("2. Juridisch kader en financiering", level=1)
    para(doc, "{%p if persoon.juridisch_kader %}")
    grid_table(doc, ["Titel", "Vanaf", "Tot", "Toelichting"], "for k in persoon.juridisch_kader",
               ["{{ k.titel }}", "{{ k.start }}", "{{ k.einde }}", "{{ k.toelichting }}"],
               [5.0, 2.8, 2.8, 6.0])
    para(doc, "{%p else %}")
    para(doc, "Er is op dit moment geen juridische titel of financieringstitel vastgelegd.")
    para(doc, "{%p endif %}")


def consent(doc) -> None:  # type: ignore[no-untyped-def]
    doc.add_heading("3. Gegevensdeling", level=1)
    para(doc, "De partners delen gegevens over deze persoon op de volgende grondslag. Deel "
              "alleen wat de ontvanger nodig heeft voor zijn taak.")
    label_table(doc, [
        ("Route", "{{ gegevensdeling.route }}"),
        ("Toestemming gegeven op", "{{ gegevensdeling.toestemming_datum }}"),
        ("Waarvoor geldt de toestemming", "{{ gegevensdeling.toestemming_omvang }}"),
        ("Toestemming ingetrokken",
         "{% if gegevensdeling.ingetrokken %}ja, op {{ gegevensdeling.ingetrokken_datum }}"
         "{% else %}nee{% endif %}"),
        ("Toelichting", "{{ gegevensdeling.toelichting }}"),
    ])


def network(doc) -> None:  # type: ignore[no-untyped-def]
    doc.add_heading("4. Netwerk", level=1)
    para(doc, "Eerste ring: altijd betrokken bij de levensloopaanpak. Tweede ring: betrokken "
              "bij deze persoon.")
    grid_table(doc, ["Rol", "Ring", "Organisatie", "Contactpersoon", "Telefoon", "E-mail"],
               "for p in partners",
               ["{{ p.rol }}", "{{ p.ring }}", "{{ p.organisatie }}",
                "{{ p.contactpersoon }}{% if p.functie %}, {{ p.functie }}{% endif %}",
                "{{ p.telefoon }}", "{{ p.email }}"],
               [3.6, 1.1, 3.4, 3.3, 2.5, 3.1])
    doc.add_heading("Naasten", level=2)
    para(doc, "{%p if naasten %}")
    grid_table(doc, ["Naam", "Relatie", "Betekenis", "Contact toegestaan", "Toelichting"],
               "for n in naasten",
               ["{{ n.naam }}", "{{ n.relatie }}", "{{ n.type }}", "{{ n.toestemming_contact }}",
                "{{ n.toelichting }}"],
               [3.2, 2.6, 3.0, 2.4, 5.4])
    para(doc, "Neem alleen contact op met een naaste als de cliënt daar toestemming voor gaf.",
         italic=True)
    para(doc, "{%p else %}")
    para(doc, "Er zijn geen naasten vastgelegd.")
    para(doc, "{%p endif %}")


def domains(doc) -> None:  # type: ignore[no-untyped-def]
    doc.add_heading("5. Levensgebieden", level=1)
    para(doc, "Per levensgebied: hoe het nu gaat, waar de risico's zitten, wat het doel is en "
              "wie wat doet. De ZRM-score loopt van 1 (acuut probleem) tot 5 (volledig zelfredzaam).")
    para(doc, "{%p for g in levensgebieden %}")
    doc.add_heading("5.{{ loop.index }} {{ g.gebied }}{% if g.zrm_score %} (ZRM {{ g.zrm_score }}){% endif %}",
                    level=2)
    para(doc, "{%p if g.situatie %}")
    p = doc.add_paragraph()
    p.add_run("Situatie nu: ").bold = True
    p.add_run("{{ g.situatie }}")
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
    grid_table(doc, ["Wat", "Wie", "Wanneer", "Status"], "for a in g.acties",
               ["{{ a.wat }}", "{{ a.wie }}", "{{ a.wanneer }}", "{{ a.status }}"],
               [7.0, 4.4, 3.2, 2.0])
    para(doc, "{%p else %}")
    para(doc, "Voor dit levensgebied zijn nog geen acties afgesproken.", italic=True)
    para(doc, "{%p endif %}")
    para(doc, "{%p endfor %}")
    para(doc, "{%p if not levensgebieden %}")
    para(doc, "Er zijn nog geen levensgebieden uitgewerkt.")
    para(doc, "{%p endif %}")


def scenarios(doc) -> None:  # type: ignore[no-untyped-def]
    doc.add_heading("6. Scenario's", level=1)
    para(doc, "Wat kan er gebeuren, waaraan zie je het op tijd, en wat doet ieder dan? "
              "Groen: het gaat goed. Oranje: eerste signalen, extra alert. Rood: crisis, "
              "direct handelen.")
    para(doc, "{%p for s in scenarios %}")
    doc.add_heading("6.{{ loop.index }} {{ s.naam }}", level=2)
    para(doc, "{%p if s.beschrijving %}")
    para(doc, "{{ s.beschrijving }}")
    para(doc, "{%p endif %}")
    grid_table(doc, ["Fase", "Signalen", "Wie doet wat"], "for f in s.fasen",
               ["{{ f.fase }}",
                "{% for x in f.signalen %}• {{ x }}{% if not loop.last %}\n{% endif %}{% endfor %}",
                "{% for a in f.acties %}{{ a.wie }}: {{ a.wat }}{% if not loop.last %}\n{% endif %}"
                "{% endfor %}"],
               [2.0, 6.6, 8.0])
    p = doc.add_paragraph()
    p.add_run("Wie wordt gebeld: ").bold = True
    p.add_run("{{ s.wie_bellen }}")
    para(doc, "{%p endfor %}")
    para(doc, "{%p if not scenarios %}")
    para(doc, "Er zijn nog geen scenario's uitgewerkt.")
    para(doc, "{%p endif %}")


def escalation(doc) -> None:  # type: ignore[no-untyped-def]
    doc.add_heading("7. Op- en afschalingsroute", level=1)
    para(doc, "Zo licht als kan, zo zwaar als nodig. Zo kort als kan, zo lang als nodig. "
              "Zo dichtbij als kan, zo ver weg als nodig. De route is vooraf afgesproken; "
              "de terugweg ook.")
    para(doc, "{%p for s in opschaling.stappen %}")
    doc.add_heading("Stap {{ s.nummer }}: van {{ s.van }} naar {{ s.naar }}", level=2)
    label_table(doc, [
        ("Wanneer opschalen", "{% for c in s.criteria %}• {{ c }}{% if not loop.last %}\n{% endif %}{% endfor %}"),
        ("Wie besluit", "{{ s.wie_besluit }}"),
        ("Bestemming", "{{ s.plaats }}{% if s.bedtype %} ({{ s.bedtype }}){% endif %}"),
        ("Beveiligingsniveau", "{{ s.beveiligingsniveau }}"),
        ("Juridische basis", "{{ s.juridische_basis }}"),
        ("Vervoer", "{{ s.vervoer }}"),
        ("Overdracht", "{{ s.overdracht }}"),
        ("Wat doorloopt tijdens opname", "{% for c in s.doorloopt %}• {{ c }}{% if not loop.last %}\n{% endif %}{% endfor %}"),
        ("Terugkeergarantie", "{{ s.terugkeergarantie }}{% if s.terugkeer_toelichting %}: {{ s.terugkeer_toelichting }}{% endif %}"),
    ])
    para(doc, "{%p endfor %}")
    para(doc, "{%p if not opschaling.stappen %}")
    para(doc, "Er is nog geen opschalingsroute afgesproken.")
    para(doc, "{%p endif %}")
    doc.add_heading("Afschalen", level=2)
    para(doc, "{%p if opschaling.afschaling %}")
    label_table(doc, [
        ("Wanneer afschalen", "{% for c in opschaling.afschaling.criteria %}• {{ c }}{% if not loop.last %}\n{% endif %}{% endfor %}"),
        ("Naar niveau", "{{ opschaling.afschaling.naar }}"),
        ("Bestemming na afschaling", "{{ opschaling.afschaling.bestemming }}"),
        ("Warme overdracht", "{{ opschaling.afschaling.warme_overdracht }}"),
    ])
    para(doc, "{%p else %}")
    para(doc, "De afschaling is nog niet vooraf afgesproken. Leg deze vast voordat er wordt opgeschaald.")
    para(doc, "{%p endif %}")


def risk_and_exit(doc) -> None:  # type: ignore[no-untyped-def]
    doc.add_heading("8. Risicotaxatie", level=1)
    para(doc, "{%p if risicotaxaties %}")
    grid_table(doc, ["Instrument", "Datum", "Uitkomst", "Uitgevoerd door", "Volgende"],
               "for r in risicotaxaties",
               ["{{ r.instrument }}", "{{ r.datum }}", "{{ r.uitkomst }}", "{{ r.uitgevoerd_door }}",
                "{{ r.volgende }}"],
               [2.8, 2.8, 5.6, 2.8, 2.6])
    para(doc, "{%p else %}")
    para(doc, "Er is nog geen risicotaxatie vastgelegd.")
    para(doc, "{%p endif %}")
    doc.add_heading("9. Uitstroom", level=1)
    para(doc, "Iemand kan uitstromen als aan alle drie de voorwaarden is voldaan. Daarna volgt "
              "een warme overdracht. Opnieuw aanmelden blijft mogelijk.")
    grid_table(doc, ["Voorwaarde", "Voldaan"], "for c in uitstroom.criteria",
               ["{{ c.naam }}", "{{ c.voldaan }}"], [12.6, 4.0])
    label_table(doc, [
        ("Stabiel sinds", "{{ uitstroom.stabiel_sinds }}"),
        ("Vroegst mogelijke uitstroom", "{{ uitstroom.vroegste_datum }}"),
        ("Beschermende factoren", "{{ uitstroom.beschermende_factoren }}"),
        ("Toelichting", "{{ uitstroom.toelichting }}"),
    ])


def signatures(doc) -> None:  # type: ignore[no-untyped-def]
    doc.add_heading("10. Evaluatie en ondertekening", level=1)
    para(doc, "Dit plan wordt geëvalueerd op {{ meta.volgende_evaluatie }}, of eerder als de "
              "situatie daarom vraagt. De casusregisseur vraagt de procesregisseur van het Zorg- "
              "en Veiligheidshuis om de casus te agenderen als het plan vastloopt.")
    para(doc, "{%p if meta.akkoord %}")
    grid_table(doc, ["Akkoord namens", "Datum", "Handtekening"], "for a in meta.akkoord",
               ["{{ a.wie }}", "{{ a.datum }}", ""], [7.6, 3.5, 5.5])
    para(doc, "{%p endif %}")
    grid_table(doc, ["Cliënt", "Datum", "Handtekening"], "for x in [1]",
                ["{{ persoon.naam }}", "", ""], [7.6, 3.5, 5.5])
    para(doc, "")
    para(doc, "Gemaakt met {{ generator }} op {{ vandaag }}, sjabloon {{ document.sjabloon }} "
              "versie {{ document.versie }}.", italic=True)


def main() -> None:
    doc = new_document("Levensloopplan")
    header_footer(doc, "Levensloopplan {{ meta.casus_id }} · Vertrouwelijk",
                  "Planversie {{ meta.planversie }} · sjabloon {{ document.versie }}")
    for part in (cover, person, consent, network, domains, scenarios, escalation, risk_and_exit,
                 signatures):
        part(doc)
    save(doc, TARGET)
    print(TARGET)


if __name__ == "__main__":
    main()
