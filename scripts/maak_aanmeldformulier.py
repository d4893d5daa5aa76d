"""Generate the aanmelding templates (docxtpl, editable in Word):

- templates/aanmelding/aanmeldformulier.docx: the whole aanmelding, criteria as a checklist
- templates/aanmelding/terugkoppeling.docx: the letter to the registrant with the decision
- templates/aanmelding/tafelversie.docx: the form for the table, only allow-listed fields

Run once to (re)create the starting templates: python scripts/maak_aanmeldformulier.py
After that the templates are maintained in Word; see README, "Een sjabloon aanpassen".
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from docxbouw import fixed_widths, grid_table, header_footer, label_table, new_document, para, save

FOLDER = Path(__file__).resolve().parent.parent / "templates" / "aanmelding"
CONFIDENTIAL = ("Vertrouwelijk. Dit formulier bevat bijzondere persoonsgegevens (gezondheid, "
                "strafrechtelijke gegevens). Deel het alleen met wie het nodig heeft voor het "
                "aanmeld- en inclusieoverleg, op de grondslag onder 'Gegevensdeling'.")


def registration(doc) -> None:  # type: ignore[no-untyped-def]
    doc.add_paragraph("Aanmeldformulier levensloopaanpak", style="Title")
    para(doc, "Aanmelding bij het {{ regio.zvh.naam }}", italic=True)
    label_table(doc, [
        ("Casusnummer", "{{ meta.casus_id }}"),
        ("Regio", "{{ regio.naam }}"),
        ("Status", "{{ meta.status }}"),
        ("Datum van aanmelding", "{{ aanmelding.datum }}"),
    ])
    para(doc, CONFIDENTIAL, italic=True)
    doc.add_heading("1. Aanmelder", level=1)
    label_table(doc, [
        ("Organisatie", "{{ aanmelding.aanmelder.organisatie }}"),
        ("Naam", "{{ aanmelding.aanmelder.naam }}"),
        ("Functie", "{{ aanmelding.aanmelder.functie }}"),
        ("Telefoon", "{{ aanmelding.aanmelder.telefoon }}"),
        ("E-mail", "{{ aanmelding.aanmelder.email }}"),
    ])
    doc.add_heading("2. Persoon", level=1)
    label_table(doc, [
        ("Naam", "{{ persoon.naam }}"),
        ("Roepnaam", "{{ persoon.roepnaam }}"),
        ("Geboortedatum", "{{ persoon.geboortedatum }}"),
        ("Verblijft nu", "{{ persoon.verblijf }}"),
        ("Toelichting verblijf", "{{ persoon.verblijf_toelichting }}"),
        ("Problematiek", "{{ persoon.problematiek }}"),
        ("Toelichting problematiek", "{{ persoon.problematiek_toelichting }}"),
    ])
    doc.add_heading("3. Reden van aanmelding", level=1)
    para(doc, "{{ aanmelding.reden }}")
    label_table(doc, [
        ("Is er nu een acute crisis?", "{{ aanmelding.acute_crisis }}"),
        ("Toelichting", "{{ aanmelding.acute_crisis_toelichting }}"),
    ])
    para(doc, "{%p if aanmelding.acute_crisis_sleutel == 'ja' %}")
    para(doc, "Aanmelden gebeurt bij voorkeur in een rustige periode. Pak de crisis eerst op via de "
              "gewone crisisroute (crisisdienst, zo nodig 112).", italic=True)
    para(doc, "{%p endif %}")


def history(doc) -> None:  # type: ignore[no-untyped-def]
    doc.add_heading("4. Voorgeschiedenis", level=1)
    para(doc, "Korte tijdlijn van zorg, politiecontacten, justitie en titels.", italic=True)
    para(doc, "{%p if aanmelding.voorgeschiedenis %}")
    widths = [3.2, 3.0, 10.4]
    fixed_widths(grid_table(doc, ["Datum", "Soort", "Wat gebeurde er"], "for g in aanmelding.voorgeschiedenis",
                            ["{{ g.datum }}", "{{ g.soort }}", "{{ g.omschrijving }}"], widths), widths)
    para(doc, "{%p else %}")
    para(doc, "Er is geen voorgeschiedenis vastgelegd.")
    para(doc, "{%p endif %}")
    doc.add_heading("5. Huidige zorg, wat al is geprobeerd, titels", level=1)
    label_table(doc, [("Huidige zorg en ondersteuning", "{{ aanmelding.huidige_zorg }}")])
    para(doc, "")
    para(doc, "Wat is al geprobeerd?", italic=True)
    para(doc, "{%p if aanmelding.geprobeerd %}")
    tried = [4.6, 4.0, 3.6, 4.4]
    fixed_widths(grid_table(doc, ["Interventie", "Organisatie", "Periode", "Resultaat"],
                            "for p in aanmelding.geprobeerd",
                            ["{{ p.interventie }}", "{{ p.organisatie }}", "{{ p.periode }}", "{{ p.resultaat }}"],
                            tried), tried)
    para(doc, "{%p else %}")
    para(doc, "Er is nog niet vastgelegd wat al is geprobeerd.")
    para(doc, "{%p endif %}")
    para(doc, "Risicotaxatie bij aanmelding", italic=True)
    para(doc, "{%p if aanmelding.heeft_risicotaxatie %}")
    label_table(doc, [
        ("Instrument", "{{ aanmelding.risicotaxatie.instrument }}"),
        ("Datum", "{{ aanmelding.risicotaxatie.datum }}"),
        ("Uitgevoerd door", "{{ aanmelding.risicotaxatie.uitgevoerd_door }}"),
        ("Uitkomst", "{{ aanmelding.risicotaxatie.uitkomst }}"),
    ])
    para(doc, "{%p else %}")
    para(doc, "Er is geen risicotaxatie vastgelegd. Landelijk criterium 2 vraagt erom.")
    para(doc, "{%p endif %}")
    para(doc, "")
    para(doc, "{%p if persoon.juridisch_kader %}")
    kader = [5.0, 2.8, 2.8, 6.0]
    fixed_widths(grid_table(doc, ["Titel", "Vanaf", "Tot", "Toelichting"], "for k in persoon.juridisch_kader",
                            ["{{ k.titel }}", "{{ k.start }}", "{{ k.einde }}", "{{ k.toelichting }}"],
                            kader), kader)
    para(doc, "{%p else %}")
    para(doc, "Er is op dit moment geen juridische titel of financieringstitel vastgelegd.")
    para(doc, "{%p endif %}")
    doc.add_heading("6. Gegevensdeling", level=1)
    label_table(doc, [
        ("Route", "{{ gegevensdeling.route }}"),
        ("Toestemming gegeven op", "{{ gegevensdeling.toestemming_datum }}"),
        ("Waarvoor geldt de toestemming", "{{ gegevensdeling.toestemming_omvang }}"),
        ("Toelichting", "{{ gegevensdeling.toelichting }}"),
    ])
    para(doc, "{%p if aanmelding.titels_die_aflopen %}")
    para(doc, "{%p for t in aanmelding.titels_die_aflopen %}")
    para(doc, "De titel {{ t.titel }} loopt af op {{ t.einde }}.")
    para(doc, "{%p endfor %}")
    label_table(doc, [
        ("Grondslag voor delen na het einde van de titel",
         "{% if aanmelding.grondslag_na_titel %}{{ aanmelding.grondslag_na_titel }}{% else %}"
         "nog niet vastgelegd{% endif %}"),
        ("Toelichting", "{{ aanmelding.grondslag_na_titel_toelichting }}"),
    ])
    para(doc, "{%p endif %}")


def criteria(doc) -> None:  # type: ignore[no-untyped-def]
    doc.add_heading("7. Landelijke criteria", level=1)
    para(doc, "Alle zes landelijke criteria moeten gelden. Een X staat bij het oordeel over elk "
              "criterium.", italic=True)
    headers = ["Nr.", "Criterium", "Voldoet", "Voldoet niet", "Onbekend", "Toelichting"]
    cells = ["{{ c.nummer }}", "{{ c.tekst }}", "{{ c.vak_voldoet }}", "{{ c.vak_voldoet_niet }}",
             "{{ c.vak_onbekend }}", "{{ c.toelichting }}"]
    # 'Onbekend' needs 2.3 cm or the word breaks in two
    widths = [0.9, 6.0, 2.0, 2.0, 2.3, 3.4]
    fixed_widths(grid_table(doc, headers, "for c in aanmelding.landelijk", cells, widths), widths)
    para(doc, "{{ aanmelding.landelijk_samenvatting }}")
    doc.add_heading("8. Criteria van regio {{ regio.naam }}", level=1)
    para(doc, "{%p if aanmelding.regio %}")
    fixed_widths(grid_table(doc, headers, "for c in aanmelding.regio", cells, widths), widths)
    para(doc, "{{ aanmelding.regio_samenvatting }}")
    para(doc, "{%p else %}")
    para(doc, "Deze regio heeft geen eigen criteria vastgelegd.")
    para(doc, "{%p endif %}")
    para(doc, "{%p if aanmelding.waarschuwingen %}")
    para(doc, "Let op:")
    para(doc, "{%p for w in aanmelding.waarschuwingen %}")
    para(doc, "• {{ w }}")
    para(doc, "{%p endfor %}")
    para(doc, "{%p endif %}")


def preparation(doc) -> None:  # type: ignore[no-untyped-def]
    doc.add_heading("9. Voorbereiding door de procesregisseur", level=1)
    para(doc, "De procesregisseur vult de aanmelding aan met informatie van partners en toetst "
              "haar aan de criteria voordat zij in het overleg komt.", italic=True)
    label_table(doc, [
        ("Procesregisseur", "{{ aanmelding.procesregisseur.naam }}"
                            "{% if aanmelding.procesregisseur.functie %}, "
                            "{{ aanmelding.procesregisseur.functie }}{% endif %}"),
        ("Weet de cliënt van de aanmelding?", "{{ aanmelding.client_op_de_hoogte }}"),
        ("Voorcheck en vooradvies", "{{ aanmelding.voorcheck }}"),
        ("Samenvatting voor de tafelversie", "{{ aanmelding.tafel_samenvatting }}"),
    ])
    para(doc, "")
    para(doc, "{%p if aanmelding.informatie_partners %}")
    widths = [5.0, 3.0, 8.6]
    fixed_widths(grid_table(doc, ["Informatie opgevraagd bij", "Gevraagd op", "Antwoord"],
                            "for v in aanmelding.informatie_partners",
                            ["{{ v.organisatie }}", "{{ v.gevraagd_op }}", "{{ v.antwoord }}"], widths), widths)
    para(doc, "{%p else %}")
    para(doc, "Er is (nog) geen informatie bij partners opgevraagd.")
    para(doc, "{%p endif %}")


def decision(doc) -> None:  # type: ignore[no-untyped-def]
    doc.add_heading("10. Aanmeld- en inclusieoverleg", level=1)
    label_table(doc, [
        ("Datum overleg", "{{ aanmelding.overleg.datum }}"),
        ("Deelnemers", "{{ aanmelding.overleg.deelnemers_tekst }}"),
        ("Besluit", "{% if aanmelding.besluit %}{{ aanmelding.besluit }}{% else %}nog geen besluit{% endif %}"),
        ("Toelichting op het besluit", "{{ aanmelding.besluit_toelichting }}"),
        ("Levensloopaanbieder", "{{ aanmelding.levensloopaanbieder }}"),
        ("Casusregisseur", "{{ aanmelding.casusregisseur }}"),
        ("Gemeentelijke casusregisseur", "{{ aanmelding.gemeentelijke_casusregisseur }}"),
        ("Advies aan de aanmelder", "{{ aanmelding.advies }}"),
    ])
    para(doc, "")
    para(doc, "Gemaakt met {{ generator }} op {{ vandaag }}, sjabloon {{ document.sjabloon }} "
              "versie {{ document.versie }}.", italic=True)


def aanmeldformulier() -> None:
    doc = new_document("Aanmeldformulier levensloopaanpak")
    header_footer(doc, "Aanmelding {{ meta.casus_id }} · Vertrouwelijk",
                  "Aanmeldformulier · sjabloon {{ document.versie }}")
    registration(doc)
    history(doc)
    criteria(doc)
    preparation(doc)
    decision(doc)
    save(doc, FOLDER / "aanmeldformulier.docx")


def letter_body(doc) -> None:  # type: ignore[no-untyped-def]
    para(doc, "{%p if aanmelding.besluit_sleutel == 'geincludeerd' %}")
    para(doc, "Het aanmeld- en inclusieoverleg heeft op {{ aanmelding.overleg.datum }} besloten "
              "dat de persoon die u heeft aangemeld, wordt geïncludeerd in de levensloopaanpak.")
    label_table(doc, [
        ("Levensloopaanbieder", "{{ aanmelding.levensloopaanbieder }}"),
        ("Casusregisseur", "{{ aanmelding.casusregisseur }}"),
        ("Gemeentelijke casusregisseur", "{{ aanmelding.gemeentelijke_casusregisseur }}"),
    ])
    para(doc, "")
    para(doc, "De casusregisseur neemt contact met u op om het levensloopplan samen op te "
              "stellen. Wij rekenen erop dat u als partner betrokken blijft.")
    para(doc, "{%p elif aanmelding.besluit_sleutel == 'niet_geincludeerd' %}")
    para(doc, "Het aanmeld- en inclusieoverleg heeft op {{ aanmelding.overleg.datum }} besloten "
              "dat de persoon die u heeft aangemeld, niet wordt geïncludeerd in de levensloopaanpak.")
    para(doc, "{{ aanmelding.besluit_toelichting }}")
    para(doc, "{%p if aanmelding.niet_voldaan %}")
    para(doc, "Aan deze criteria is volgens het overleg niet voldaan:")
    # the criterion's wording and the meeting's reason in their own columns: a reason left
    # empty prints "–", never the criterion (which would read as the meeting's finding)
    widths = [10.4, 6.2]
    fixed_widths(grid_table(doc, ["Criterium", "Waarom niet"], "for c in aanmelding.niet_voldaan",
                            ["{{ c.soort }} {{ c.nummer }}: {{ c.kort }}", "{{ c.waarom_niet }}"],
                            widths), widths)
    para(doc, "{%p endif %}")
    doc.add_heading("Ons advies", level=2)
    para(doc, "{{ aanmelding.advies }}")
    # the advice often already says "meld opnieuw aan": then the letter does not repeat it
    para(doc, "{%p if not aanmelding.advies_noemt_heraanmelding %}")
    para(doc, "Verandert de situatie, dan kunt u de persoon opnieuw aanmelden. Wilt u eerst "
              "overleggen? Bel of mail de procesregisseur.")
    para(doc, "{%p endif %}")
    para(doc, "Weet de persoon van de aanmelding, informeer hem of haar dan zelf over dit besluit. "
              "Het Zorg- en Veiligheidshuis bewaart de gegevens van de aanmelding volgens zijn "
              "privacyreglement.")
    para(doc, "{%p else %}")
    para(doc, "Het aanmeld- en inclusieoverleg heeft op {{ aanmelding.overleg.datum }} het besluit "
              "over uw aanmelding aangehouden. Er is meer informatie nodig om te kunnen besluiten.")
    para(doc, "{{ aanmelding.besluit_toelichting }}")
    para(doc, "{{ aanmelding.advies }}")
    para(doc, "De procesregisseur neemt contact met u op over wat er nog nodig is.")
    para(doc, "{%p endif %}")


def terugkoppeling() -> None:
    doc = new_document("Terugkoppeling aanmelding levensloopaanpak")
    header_footer(doc, "{{ regio.zvh.naam }} · Vertrouwelijk",
                  "Terugkoppeling {{ meta.casus_id }} · sjabloon {{ document.versie }}")
    para(doc, "{{ regio.zvh.naam }}")
    para(doc, "{{ regio.zvh.adres }}")
    para(doc, "")
    para(doc, "Aan: {{ aanmelding.aanmelder.naam }}, {{ aanmelding.aanmelder.functie }}")
    para(doc, "{{ aanmelding.aanmelder.organisatie }}")
    label_table(doc, [
        ("Datum", "{{ briefdatum }}"),
        ("Ons kenmerk", "{{ meta.casus_id }}"),
        ("Betreft", "Uw aanmelding van {{ aanmelding.datum }} voor de levensloopaanpak"),
        ("Besluit", "{{ aanmelding.besluit }}"),
    ], widths=(4.0, 12.6))
    para(doc, "Beste {{ aanmelding.aanmelder.naam }},")
    para(doc, "Dank u voor uw aanmelding van {{ persoon.naam }} (casusnummer {{ meta.casus_id }}).")
    letter_body(doc)
    para(doc, "Met vriendelijke groet,")
    para(doc, "")
    para(doc, "{%p if aanmelding.procesregisseur.naam %}")
    para(doc, "{{ aanmelding.procesregisseur.naam }}")
    para(doc, "{% if aanmelding.procesregisseur.functie %}{{ aanmelding.procesregisseur.functie }}"
              "{% else %}Procesregisseur{% endif %}, {{ regio.zvh.naam }}")
    para(doc, "Telefoon {% if aanmelding.procesregisseur.telefoon %}{{ aanmelding.procesregisseur.telefoon }}"
              "{% else %}{{ regio.zvh.telefoon }}{% endif %} · {% if aanmelding.procesregisseur.email %}"
              "{{ aanmelding.procesregisseur.email }}{% else %}{{ regio.zvh.email }}{% endif %}")
    para(doc, "{%p else %}")
    para(doc, "De procesregisseur van het {{ regio.zvh.naam }}")
    para(doc, "Telefoon {{ regio.zvh.telefoon }} · {{ regio.zvh.email }}")
    para(doc, "{%p endif %}")
    para(doc, "Deze brief bevat vertrouwelijke gegevens. Bewaar hem in het dossier en deel hem "
              "niet verder dan nodig.", italic=True)
    save(doc, FOLDER / "terugkoppeling.docx")


def tafel_person(doc) -> None:  # type: ignore[no-untyped-def]
    label_table(doc, [
        ("Casusnummer", "{{ meta.casus_id }}"),
        ("Regio", "{{ regio.naam }}"),
        ("Aangemeld in", "{{ aanmelding.maand }}"),
        ("Aangemeld door (functie)", "{{ aanmelding.aanmelder_functie }}"),
        ("Datum overleg", "{{ aanmelding.overleg.datum }}"),
    ])
    doc.add_heading("1. Persoon", level=1)
    label_table(doc, [
        ("Leeftijd bij aanmelding", "{{ persoon.leeftijd }}"),
        ("Verblijft nu", "{{ persoon.verblijf }}"),
        ("Problematiek", "{{ persoon.problematiek }}"),
        ("Is er nu een acute crisis?", "{{ aanmelding.acute_crisis }}"),
        ("Weet de cliënt van de aanmelding?", "{{ aanmelding.client_op_de_hoogte }}"),
        ("Route gegevensdeling", "{{ gegevensdeling.route }}"),
    ])
    doc.add_heading("2. Samenvatting voor het overleg", level=1)
    para(doc, "{% if aanmelding.samenvatting %}{{ aanmelding.samenvatting }}{% else %}De procesregisseur "
              "heeft (nog) geen samenvatting voor de tafel geschreven.{% endif %}")


def tafel_history(doc) -> None:  # type: ignore[no-untyped-def]
    doc.add_heading("3. Voorgeschiedenis, titels en wat is geprobeerd", level=1)
    para(doc, "Alleen maand en soort; wat er gebeurde staat in het volledige formulier.", italic=True)
    para(doc, "{%p if aanmelding.voorgeschiedenis %}")
    widths = [5.0, 11.6]
    fixed_widths(grid_table(doc, ["Maand", "Soort"], "for g in aanmelding.voorgeschiedenis",
                            ["{{ g.datum }}", "{{ g.soort }}"], widths), widths)
    para(doc, "{%p endif %}")
    para(doc, "{%p if persoon.juridisch_kader %}")
    fixed_widths(grid_table(doc, ["Titel", "Periode"], "for k in persoon.juridisch_kader",
                            ["{{ k.titel }}", "{{ k.periode }}"], widths), widths)
    para(doc, "{%p endif %}")
    para(doc, "{%p if aanmelding.geprobeerd %}")
    tried = [6.0, 4.0, 6.6]
    fixed_widths(grid_table(doc, ["Al geprobeerd", "Periode", "Resultaat"], "for p in aanmelding.geprobeerd",
                            ["{{ p.interventie }}", "{{ p.periode }}", "{{ p.resultaat }}"], tried), tried)
    para(doc, "{%p endif %}")
    para(doc, "{%p if aanmelding.risicotaxatie.instrument %}")
    label_table(doc, [
        ("Risicotaxatie", "{{ aanmelding.risicotaxatie.instrument }}, {{ aanmelding.risicotaxatie.datum }}"),
        ("Uitkomst", "{{ aanmelding.risicotaxatie.uitkomst }}"),
    ])
    para(doc, "{%p endif %}")


def tafel_criteria(doc) -> None:  # type: ignore[no-untyped-def]
    headers = ["Nr.", "Criterium", "Voldoet", "Voldoet niet", "Onbekend"]
    cells = ["{{ c.nummer }}", "{{ c.tekst }}", "{{ c.vak_voldoet }}", "{{ c.vak_voldoet_niet }}",
             "{{ c.vak_onbekend }}"]
    widths = [0.9, 9.4, 2.0, 2.0, 2.3]
    doc.add_heading("4. Landelijke criteria", level=1)
    fixed_widths(grid_table(doc, headers, "for c in aanmelding.landelijk", cells, widths), widths)
    para(doc, "{{ aanmelding.landelijk_samenvatting }}")
    para(doc, "{%p if aanmelding.regio %}")
    doc.add_heading("5. Criteria van regio {{ regio.naam }}", level=1)
    fixed_widths(grid_table(doc, headers, "for c in aanmelding.regio", cells, widths), widths)
    para(doc, "{{ aanmelding.regio_samenvatting }}")
    para(doc, "{%p endif %}")


def tafelversie() -> None:
    doc = new_document("Aanmelding levensloopaanpak: tafelversie")
    header_footer(doc, "Tafelversie {{ meta.casus_id }} · Vertrouwelijk",
                  "Tafelversie aanmelding · sjabloon {{ document.versie }}")
    doc.add_paragraph("Aanmelding levensloopaanpak: tafelversie", style="Title")
    para(doc, "Voor het aanmeld- en inclusieoverleg van het {{ regio.zvh.naam }}. Deze versie noemt "
              "geen naam, geboortedatum, precieze datums, adressen of telefoonnummers, en niet wie "
              "aanmeldde. Zo bespreekt het overleg de situatie en niet de persoon. Het volledige "
              "formulier ligt bij de procesregisseur.", italic=True)
    tafel_person(doc)
    tafel_history(doc)
    tafel_criteria(doc)
    para(doc, "")
    para(doc, "Gemaakt met {{ generator }} op {{ vandaag }}, sjabloon {{ document.sjabloon }} "
              "versie {{ document.versie }}. Vernietig deze versie na het overleg.", italic=True)
    save(doc, FOLDER / "tafelversie.docx")


def main() -> None:
    aanmeldformulier()
    terugkoppeling()
    tafelversie()
    print(f"Geschreven: {FOLDER}/aanmeldformulier.docx, terugkoppeling.docx en tafelversie.docx")


if __name__ == "__main__":
    main()
