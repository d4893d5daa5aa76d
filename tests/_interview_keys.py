"""Keystrokes for the interview, as a person types them into the real questionary prompts.

Each helper returns the keys for one prompt; a script is a list of them, so a test can
stop after any prompt (Ctrl-C) and go on from there.
"""

from __future__ import annotations

ENTER = "\r"
CLEAR = "\x15"  # Ctrl-U: remove the default text before the cursor
SUBMIT = "\x1b\r"  # Esc, Enter: end a multi-line answer
BACKSPACE = "\x7f"
CTRL_C = "\x03"


def typed(text: str) -> str:
    """A one-line answer that replaces whatever default the prompt shows."""
    return CLEAR + text + ENTER


def lines(*items: str) -> str:
    """A multi-line answer (one item per line); no items keeps the prompt empty."""
    return "\r".join(items) + SUBMIT


def pick(fragment: str) -> str:
    """Choose in a list by typing part of the label, then Enter."""
    return fragment + ENTER


def tick(*fragments: str) -> str:
    """Tick items of a checkbox by searching each, then Enter."""
    return "".join(f + " " + BACKSPACE * len(f) for f in fragments) + ENTER


YES, NO = "j" + ENTER, "n" + ENTER
ADD, DONE = pick("Toevoegen"), pick("Klaar")


def full_interview() -> list[str]:
    """The whole 'nieuw' interview for the fictional case in examples/antwoorden/."""
    return [
        *_casus(), *_persoon(), *_juridisch(), *_gegevensdeling(), *_netwerk(),
        *_levensgebieden(), *_scenarios(), *_opschaling(), *_risicotaxatie(), *_evaluatie(),
        ENTER,  # save: yes (the default)
    ]  # fmt: skip


def _casus() -> list[str]:
    return [typed("LLA-2026-0107"), pick("Overijssel"), ENTER]


def _persoon() -> list[str]:
    return [
        typed("Derk Hoogeveen"), typed("Derk"), typed("14-6-1979"), pick("opvang"),
        typed("Slaapt afwisselend in de nachtopvang en bij een kennis."), tick("(GGZ)", "Verslaving"), ENTER,
    ]  # fmt: skip


def _juridisch() -> list[str]:
    return [ADD, pick("bijzondere voorwaarden"), typed("1-3-2026"), typed("1-3-2028"),
            typed("Meldplicht en behandelverplichting."), DONE]


def _gegevensdeling() -> list[str]:
    return [pick("onder voorwaarden"), ENTER]


def _partner(role: str, new_id: str | None, org: str, person: str, phone: str, mail: str) -> list[str]:
    short = typed(new_id) if new_id else ENTER
    night = [ENTER] if role == "Levensloopaanbieder" else []  # the 24/7 number: left empty
    return [ADD, pick(role), short, typed(org), ENTER, typed(person), typed(phone), typed(mail), *night,
            ENTER]


def _netwerk() -> list[str]:
    return [
        *_partner("Levensloopaanbieder", "forfact", "ForFACT Oost (voorbeeld)", "Ilse Brouwer", "053-0000201",
                  "i.brouwer@forfact-voorbeeld.nl"),
        *_partner("Reclassering", None, "Reclassering Oost (voorbeeld)", "Pim Ter Horst", "053-0000202", ""),
        *_partner("Gemeentelijke", None, "Gemeente Enschede, sociaal domein (voorbeeld)", "", "14 053", ""),
        DONE,
        ADD, typed("Wilma Hoogeveen"), typed("moeder"), ENTER, tick("Hulpbron"), YES, ENTER, ENTER,
        ENTER, ENTER,  # what she wants, how she wants to be involved: left empty
        typed("Als het slecht gaat, bel ik mijn moeder."),  # the agreement in the client's words
        DONE,
    ]  # fmt: skip


def _levensgebieden() -> list[str]:
    return [
        tick("Huisvesting", "Middelengebruik"),
        typed("1"), lines("Geen vaste woonplek; de nachtopvang is vaak vol."),
        lines("Slapen op straat leidt tot meer gebruik."),
        lines("Binnen drie maanden een plek in beschermd wonen."),
        ADD, typed("Aanmelden voor beschermd wonen."), pick("gemeente"), typed("1-12-2026"), ENTER,
        ENTER, DONE,  # status, then 'protects a naaste?': no (the default)
        typed("2"), lines("Drinkt dagelijks."), lines(), lines(),
        ADD, typed("Gesprek over gebruik bij elk huisbezoek."), pick("forfact"), typed("wekelijks"),
        pick("Loopt"), ENTER, DONE,
    ]  # fmt: skip


def _scenarios() -> list[str]:
    return [
        ADD, pick("Terugval"), ENTER, ENTER,
        lines("Komt afspraken na."), lines("Mist afspraken.", "Ruikt naar drank."),
        lines("Dreigt met geweld."),
        tick("forfact", "reclassering"),
        ENTER, typed("Binnen twee dagen op huisbezoek."), typed("Crisisdienst inschakelen."),
        ENTER, ENTER, typed("Overleg met het OM over de voorwaarden."),
        tick("forfact"),
        YES, typed("Als ik weer ga drinken"),  # the scenario in the client's own words
        lines("Ik slaap goed."), lines("Ik blijf in bed liggen."), lines("Ik word boos op iedereen."),
        lines("Wandelen met de hond."),
        DONE,
    ]  # fmt: skip


def _opschaling() -> list[str]:
    return [
        ADD, ENTER, pick("(BIZ)"),
        lines("Rood in het scenario 'terugval in middelengebruik'.", "Geweld of dreiging met geweld."),
        pick("forfact"), typed("FPK Oost (voorbeeld)"), pick("FPK -"), ENTER, ENTER, pick("Zorgmachtiging"),
        typed("Zorgambulance."), ENTER, lines(), ENTER, typed("ForFACT Oost neemt hem terug."), DONE,
        lines("Vier weken stabiel."), ENTER, typed("Beschermd wonen."),
        typed("Overdrachtsgesprek op de afdeling."), lines(), ENTER,
    ]  # fmt: skip


def _risicotaxatie() -> list[str]:
    return [ADD, pick("HKT-R"), typed("15-10-2026"), typed("Hoog risico op geweld bij gebruik."),
            typed("ForFACT Oost"), ENTER, DONE]


def _evaluatie() -> list[str]:
    return [typed("2-11-2026"), ENTER, lines("Ilse Brouwer (casusregisseur ForFACT, voorbeeld)"),
            ENTER, lines(), ENTER,  # meeting, attendees, rhythm: left empty
            lines(), lines(), ENTER,  # the client's goals, what helps, part in the plan: left empty
            DONE]
