"""Generate examples/formulieren/zvh-aanmeldformulier-voorbeeld.pdf: a fillable PDF form (AcroForm)
of a fictional Zorg- en Veiligheidshuis, made with reportlab.

Many ZVHs use their own fillable PDF; this example shows how `levensloop aanmelding formulier`
fills one from a mapping file (zvh-aanmeldformulier-voorbeeld.koppeling.yaml next to it).
Run: python scripts/maak_voorbeeldformulier.py
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.colors import HexColor, white
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas

TARGET = (Path(__file__).resolve().parent.parent / "examples" / "formulieren"
          / "zvh-aanmeldformulier-voorbeeld.pdf")
ACCENT = HexColor("#1F4E79")
LEFT, LABEL_W, FIELD_W = 2 * cm, 5.2 * cm, 11.8 * cm

CRITERIA = (
    "18+, agressief of gevaarlijk gedrag door stoornis, LVB of NAH",
    "Gevaar voor anderen of aantoonbaar hoog risico (risicotaxatie)",
    "Langdurige, terugkerende problemen; bestaande zorg schiet tekort",
    "Structurerende behandeling, begeleiding en begrenzing nodig",
    "Rechterlijke machtiging of strafrechtelijke titel (nu of eerder)",
    "Zonder sluitend aanbod keert het gevaarlijke gedrag terug",
)


class Form:
    """A page cursor that places labelled fields from top to bottom."""

    def __init__(self, canvas: Canvas) -> None:
        self.c = canvas
        self.y = A4[1] - 2 * cm

    def heading(self, text: str) -> None:
        self.y -= 0.5 * cm
        self.c.setFont("Helvetica-Bold", 12)
        self.c.setFillColor(ACCENT)
        self.c.drawString(LEFT, self.y, text)
        self.c.setFillColor(HexColor("#000000"))
        self.y -= 0.7 * cm

    def text(self, name: str, label: str, lines: int = 1) -> None:
        height = 0.65 * cm * lines
        self.c.setFont("Helvetica", 9.5)
        self.c.drawString(LEFT, self.y - 0.45 * cm, label)
        self.c.acroForm.textfield(
            name=name, tooltip=label, x=LEFT + LABEL_W, y=self.y - height, width=FIELD_W, height=height,
            fontName="Helvetica", fontSize=9 if lines == 1 else 8, borderColor=ACCENT, fillColor=white,
            fieldFlags="multiline" if lines > 1 else "", forceBorder=True,
        )
        self.y -= height + 0.25 * cm

    def checkbox(self, name: str, label: str, tooltip: str | None = None) -> None:
        self.c.acroForm.checkbox(
            name=name, tooltip=tooltip or label, x=LEFT, y=self.y - 0.5 * cm, size=0.45 * cm,
            buttonStyle="cross", borderColor=ACCENT, fillColor=white, forceBorder=True,
        )
        self.c.setFont("Helvetica", 9.5)
        self.c.drawString(LEFT + 0.7 * cm, self.y - 0.4 * cm, label)
        self.y -= 0.65 * cm


def page_one(form: Form) -> None:
    c = form.c
    c.setFont("Helvetica-Bold", 16)
    c.setFillColor(ACCENT)
    c.drawString(LEFT, form.y, "Aanmelding levensloopaanpak")
    form.y -= 0.6 * cm
    c.setFont("Helvetica-Oblique", 9)
    c.setFillColor(HexColor("#000000"))
    c.drawString(LEFT, form.y, "Zorg- en Veiligheidshuis Voorbeeldregio (voorbeeld) - fictief formulier")
    form.heading("Persoon")
    form.text("casusnummer", "Casusnummer")
    form.text("naam_client", "Naam")
    form.text("geboortedatum", "Geboortedatum")
    form.text("verblijf", "Verblijfplaats")
    form.heading("Aanmelder")
    form.text("aanmelder_organisatie", "Organisatie")
    form.text("aanmelder_naam", "Naam en functie")
    form.text("aanmelder_telefoon", "Telefoon")
    form.text("aanmelder_email", "E-mail")
    form.text("datum_aanmelding", "Datum aanmelding")
    form.heading("Aanmelding")
    form.text("reden", "Reden van aanmelding", lines=4)
    form.text("huidige_zorg", "Huidige zorg en titels", lines=2)
    form.text("gegevensdeling", "Route gegevensdeling")


def page_two(form: Form) -> None:
    form.heading("Landelijke criteria (aankruisen als de persoon voldoet)")
    for i, text in enumerate(CRITERIA, start=1):
        form.checkbox(f"criterium_{i}", f"{i}. {text}", tooltip=f"Criterium {i} voldoet")
        form.text(f"criterium_{i}_toelichting", "   toelichting")
    form.checkbox("alle_criteria", "Aan alle zes criteria is voldaan")
    form.heading("Overleg en besluit")
    form.text("datum_overleg", "Datum overleg")
    form.text("besluit", "Besluit")
    form.checkbox("geincludeerd", "Geïncludeerd")
    form.text("casusregisseur", "Casusregisseur")
    form.text("advies", "Advies aan de aanmelder", lines=3)


def main() -> None:
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    canvas = Canvas(str(TARGET), pagesize=A4)
    canvas.setTitle("Aanmeldformulier ZVH (voorbeeld)")
    canvas.setAuthor("levensloop-docs")
    form = Form(canvas)
    page_one(form)
    canvas.showPage()
    form = Form(canvas)
    page_two(form)
    canvas.showPage()
    canvas.save()
    print(f"Geschreven: {TARGET}")


if __name__ == "__main__":
    main()
