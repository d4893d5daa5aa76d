"""The stroomschema of a region: per situation the steps, who is responsible, and who decides.

Seed 003 asks for a schema "per situatie inzichtelijk welke stappen er ondernomen kunnen
worden … en welke partner per processtap verantwoordelijk is". So this is a real flow chart,
not a ladder: aanmelding and inclusion (with who decides, per region), the region's own
op- en afschaalroute with a decision point before each heavier step (who decides, on what
trigger, with which title), a branch for an acute crisis (112, crisisdienst, crisismaatregel,
straight to BIZ), a branch for contact with justice (arrest, detention in a PI, back with the
casusregisseur), afschalen after a stay, and the exit to uitstroom.

The content is data (``Flow``): one function builds it from the region's context, one turns
it into a Graphviz drawing (``draw_png``), one into the rows of the text table that the
handreiking prints beside it (``table_rows``), so picture and table never say different
things. Graphviz (the ``dot`` program, through the ``graphviz`` Python package) lays the chart
out; both are imported only when a chart is drawn.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from levensloop_docs.i18n import _

Context = dict[str, Any]

# Okabe-Ito colours (safe for colour vision deficiencies); every meaning is also in words
STEP_FILL, DECISION_FILL, CRISIS_FILL, JUSTICE_FILL, EXIT_FILL = (
    "#E3F0F8",
    "#FFF3C4",
    "#F9D9C7",
    "#E6DDF2",
    "#D8EFE3",
)
EDGE, UP, DOWN, INK = "#0B4F6C", "#D55E00", "#0072B2", "#1A1A1A"
LANES = ("aanmelding", "route", "crisis", "justitie", "uitstroom")


@dataclass(frozen=True)
class Node:
    id: str
    lane: str  # one of LANES: the situation the step belongs to
    kind: str  # "stap", "besluit" (a decision point) or "einde"
    title: str
    wie: str = ""  # who is responsible for the step, or who decides
    trigger: str = ""  # for a decision: when it is taken
    titel: str = ""  # for a decision: the legal title it rests on


@dataclass(frozen=True)
class Edge:
    start: str
    end: str
    label: str = ""
    kind: str = "door"  # "op" (scale up), "af" (scale down), "door" (next step)


@dataclass
class Flow:
    region: str
    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)

    def node(self, node: Node) -> str:
        self.nodes.append(node)
        return node.id

    def link(self, start: str, end: str, label: str = "", kind: str = "door") -> None:
        self.edges.append(Edge(start, end, label, kind))


def lane_titles() -> dict[str, str]:
    return {"aanmelding": _("Registration and inclusion"), "route": _("Scaling up and down"),
            "crisis": _("Acute crisis"), "justitie": _("Contact with justice"),
            "uitstroom": _("Exit")}  # fmt: skip


def build_flow(regio: Mapping[str, Any]) -> Flow:
    """The region's stroomschema as data, from the handreiking's region context."""
    flow = Flow(str(regio["naam"]))
    included = _registration(flow, regio)
    first, heaviest, steps = _route(flow, regio)
    flow.link(included, first, _("plan set"))
    _crisis(flow, heaviest, first)
    _justice(flow, first)
    _exit(flow, first)
    if steps:
        flow.link("biz_crisis", steps[-1], _("admission"), "op")
    # the exit below the justice branch, so the chart stays three columns wide (no meaning)
    flow.link("terugkeer", "uitstroom_besluit", kind="onzichtbaar")
    return flow


def _registration(flow: Flow, regio: Mapping[str, Any]) -> str:
    decider = str(regio.get("inclusie_door") or _("the aanmeld- en inclusieoverleg of the ZVH"))
    flow.node(
        Node(
            "aanmelden",
            "aanmelding",
            "stap",
            _("Registration at the ZVH"),
            _("any partner with a case that fits"),
        )
    )
    flow.node(
        Node(
            "verrijken",
            "aanmelding",
            "stap",
            _("Check against the criteria, complete with information"),
            _("procesregisseur ZVH"),
        )
    )
    flow.node(
        Node(
            "inclusie",
            "aanmelding",
            "besluit",
            _("Include?"),
            decider,
            _("all national and regional criteria met"),
            _("none needed"),
        )
    )
    flow.node(
        Node(
            "advies",
            "aanmelding",
            "einde",
            _("Not included: advice to the registrant"),
            _("procesregisseur ZVH"),
        )
    )
    flow.node(
        Node(
            "plan",
            "aanmelding",
            "stap",
            _("Casusregisseur assigned; levensloopplan drawn up"),
            _("levensloopaanbieder with the network at the ZVH"),
        )
    )
    flow.link("aanmelden", "verrijken")
    flow.link("verrijken", "inclusie")
    flow.link("inclusie", "advies", _("no"))
    flow.link("inclusie", "plan", _("yes"))
    return "plan"


def _route(flow: Flow, regio: Mapping[str, Any]) -> tuple[str, str, list[str]]:
    steps: list[str] = []
    for s in regio["route"]:
        sid = f"stap{s['nummer']}"
        steps.append(
            flow.node(
                Node(
                    sid,
                    "route",
                    "stap",
                    _("Step {n}: {level}").format(n=s["nummer"], level=s["niveau"]),
                    ", ".join(s["wie"]),
                )
            )
        )
    if not steps:
        only = flow.node(Node("stap1", "route", "stap", _("Ambulant care"), _("levensloopaanbieder")))
        return only, only, [only]
    for i in range(len(steps) - 1):
        heavy = regio["route"][i + 1]
        biz = heavy["niveau_sleutel"] == "biz"
        did = f"besluit{i + 1}"
        flow.node(
            Node(
                did,
                "route",
                "besluit",
                _("Scale up to {level}?").format(level=heavy["niveau"]),
                _("casusregisseur (mandate), with the psychiatrist")
                if biz
                else _("casusregisseur (mandate)"),
                _("signals orange or red in the plan's scenarios"),
                _("zorgmachtiging or crisismaatregel; rarely a zelfbindingsverklaring")
                if biz
                else _("voluntary, or the running title"),
            )
        )
        flow.link(steps[i], did, _("scale up"), "op")
        flow.link(did, steps[i + 1], _("yes"), "op")
        flow.link(steps[i + 1], steps[i], _("scale down"), "af")
    # afschalen from the heaviest step: the clinic reports the person stable
    flow.node(
        Node(
            "afschalen",
            "route",
            "besluit",
            _("Stable? Scale down as agreed before admission"),
            _("casusregisseur, after the clinic reports the person stable"),
            _("risk factors stable, follow-up care in place, warm handover"),
            "",
        )
    )
    flow.link(steps[-1], "afschalen", _("stable"))
    flow.link("afschalen", steps[0], _("back to ambulant"), "af")
    return steps[0], steps[-1], steps


def _crisis(flow: Flow, heaviest: str, first: str) -> None:
    flow.node(Node("gevaar", "crisis", "stap", _("Acute danger: call 112"), _("whoever sees it; police")))
    flow.node(
        Node(
            "crisisdienst",
            "crisis",
            "stap",
            _("Assessment by the crisisdienst (day and night)"),
            _("GGZ crisisdienst; casusregisseur informed the same day"),
        )
    )
    flow.node(
        Node(
            "crisismaatregel",
            "crisis",
            "besluit",
            _("Crisismaatregel?"),
            _("the mayor (Wvggz)"),
            _("immediate danger from a psychiatric disorder, after a medical statement"),
            _("crisismaatregel (Wvggz)"),
        )
    )
    flow.node(
        Node(
            "biz_crisis",
            "crisis",
            "stap",
            _("Straight to BIZ or crisis admission, no steps in between"),
            _("clinic; casusregisseur stays involved"),
        )
    )
    flow.link(first, "gevaar", _("acute crisis"), "op")
    flow.link("gevaar", "crisisdienst")
    flow.link("crisisdienst", "crisismaatregel")
    flow.link("crisismaatregel", "biz_crisis", _("yes"), "op")
    flow.link("crisismaatregel", first, _("no: back to the plan"), "af")


def _justice(flow: Flow, first: str) -> None:
    flow.node(
        Node(
            "aanhouding",
            "justitie",
            "stap",
            _("Arrest"),
            _("police; informs the casusregisseur the same day"),
        )
    )
    flow.node(
        Node(
            "detentie",
            "justitie",
            "besluit",
            _("Detention?"),
            _("Public Prosecution Service and judge"),
            _("suspicion of a criminal offence"),
            _("criminal law (pre-trial detention, sentence)"),
        )
    )
    flow.node(
        Node(
            "pi",
            "justitie",
            "stap",
            _("Stay in a penitentiary institution (PI)"),
            _("PI; casusregisseur keeps in touch; reclassering advises on special conditions"),
        )
    )
    flow.node(
        Node(
            "terugkeer",
            "justitie",
            "stap",
            _("Release prepared: housing, income, care"),
            _("casusregisseur with PI, gemeente and reclassering"),
        )
    )
    flow.link(first, "aanhouding", _("contact with justice"), "op")
    flow.link("aanhouding", "detentie")
    flow.link("detentie", "pi", _("yes"), "op")
    flow.link("detentie", first, _("no"), "af")
    flow.link("pi", "terugkeer")
    flow.link("terugkeer", first, _("release"), "af")


def _exit(flow: Flow, first: str) -> None:
    flow.node(
        Node(
            "uitstroom_besluit",
            "uitstroom",
            "besluit",
            _("Exit?"),
            _("the network in the ZVH meeting"),
            _("at least two years stable, protective factors secured, lower risk shown by a risicotaxatie"),
            "",
        )
    )
    flow.node(
        Node(
            "uitstroom",
            "uitstroom",
            "einde",
            _("Exit with a warm handover; registering again is possible"),
            _("casusregisseur to the next care provider"),
        )
    )
    flow.link(first, "uitstroom_besluit", _("long stable"))
    flow.link("uitstroom_besluit", "uitstroom", _("yes"))
    flow.link("uitstroom_besluit", first, _("no"), "af")


# -- the text table ------------------------------------------------------------------------------


def table_rows(flow: Flow) -> list[Context]:
    """One row per step and decision, in the order of the situations: the chart as text."""
    titles = lane_titles()
    nexts: dict[str, list[str]] = {}
    by_id = {n.id: n for n in flow.nodes}
    for e in flow.edges:
        if e.kind == "onzichtbaar":
            continue
        target = by_id[e.end].title
        nexts.setdefault(e.start, []).append(f"{e.label}: {target}" if e.label else target)
    rows = []
    for lane in LANES:
        for n in (n for n in flow.nodes if n.lane == lane):
            rows.append(
                {
                    "situatie": titles[lane],
                    "stap": n.title,
                    "besluit": n.kind == "besluit",
                    "wie": n.wie,
                    "trigger": n.trigger,
                    "titel": n.titel,
                    "daarna": "; ".join(nexts.get(n.id, [])),
                }
            )
    return rows


# -- the chart in parts, each readable at print size --------------------------------------------

# Drawn whole the chart is 42 cm wide: on an A4 text width its type printed at 3 to 4 pt. So it
# is drawn in parts that each fit the page at their natural size (10 pt boxes, 8 pt arrows):
# registration, the route, the crisis and justice branches side by side, and the exit. An arrow
# to another part ends in a dashed box that names where it goes; the route's own part leaves out
# the branches that leave every step (they are drawn in their own parts, from 'Stap 1').
PARTS: tuple[tuple[str, ...], ...] = (("aanmelding",), ("route",), ("crisis", "justitie"), ("uitstroom",))
FONT_PT = {"graph": 11, "node": 10, "edge": 8}  # at natural size: the smallest printed type is 8 pt


def part_flow(flow: Flow, lanes: tuple[str, ...]) -> Flow:
    """The nodes of ``lanes``, and for every arrow to or from another part a reference box."""
    by_id = {n.id: n for n in flow.nodes}
    inside = {n.id for n in flow.nodes if n.lane in lanes}
    titles = lane_titles()
    part = Flow(flow.region, [n for n in flow.nodes if n.id in inside])
    refs: dict[str, str] = {}

    def ref(node_id: str) -> str:
        other = by_id[node_id]
        # a step of the route by its own name; a side branch by its situation
        title = other.title if other.lane == "route" else titles[other.lane]
        key = "ref_" + (node_id if other.lane == "route" else other.lane)
        if key not in refs:
            refs[key] = part.node(Node(key, lanes[0], "verwijzing", title))
        return refs[key]

    seen: set[tuple[str, str, str]] = set()
    for e in flow.edges:
        if e.kind == "onzichtbaar" or (e.start not in inside and e.end not in inside):
            continue
        outside = e.start if e.start not in inside else e.end if e.end not in inside else None
        if lanes == ("route",) and outside is not None and by_id[outside].lane != "aanmelding":
            continue  # a side branch: drawn in its own part
        start = e.start if e.start in inside else ref(e.start)
        end = e.end if e.end in inside else ref(e.end)
        if (start, end, e.label) not in seen:
            seen.add((start, end, e.label))
            part.edges.append(Edge(start, end, e.label, e.kind))
    return part


# -- the drawing ----------------------------------------------------------------------------------


def _wrap(text: str, width: int = 28) -> str:
    import textwrap

    return "\n".join(textwrap.wrap(text, width)) if text else ""


def _short(text: str) -> str:
    """Role labels without their explanation in brackets: the table has the long form."""
    import re

    return re.sub(r"\s*\([^)]*\)", "", text)


def _label(n: Node, width: int = 22) -> str:
    """Title and who; for a decision also the title it rests on (the trigger is in the table)."""
    parts = [_wrap(n.title, width)]
    if n.kind == "besluit":
        parts.append(_wrap(_("decides: {who}").format(who=_short(n.wie)), width))
        if n.titel:
            parts.append(_wrap(_("title: {title}").format(title=_short(n.titel)), width))
    elif n.wie:
        parts.append(_wrap(_short(n.wie), width + 2))
    return "\n".join(parts)


def dot_source(flow: Flow, zigzag: bool = False) -> str:
    """The chart in the DOT language (what Graphviz draws); plain text, no Graphviz needed.

    ``zigzag``: each decision beside the step it leads to, so a route of four steps is half
    as tall (the part that holds only the route).
    """
    fills = {
        "aanmelding": STEP_FILL,
        "route": STEP_FILL,
        "crisis": CRISIS_FILL,
        "justitie": JUSTICE_FILL,
        "uitstroom": EXIT_FILL,
    }
    lines = [
        "digraph stroomschema {",
        f'  graph [rankdir=TB, fontname="Liberation Sans", fontsize={FONT_PT["graph"]}, nodesep=0.2, '
        'ranksep=0.3, bgcolor="white", newrank=true];',
        f'  node [fontname="Liberation Sans", fontsize={FONT_PT["node"]}, margin="0.08,0.04", '
        f'fontcolor="{INK}", color="{EDGE}", style=filled];',
        f'  edge [fontname="Liberation Sans", fontsize={FONT_PT["edge"]}, color="{EDGE}", '
        f'fontcolor="{INK}"];',
    ]
    titles = lane_titles()
    for lane in LANES:
        lines.append(f'  subgraph "cluster_{lane}" {{')
        lines.append(f'    label={_quote(titles[lane])}; style="rounded,dashed"; color="#7A7A7A";')
        lines += [_node_line(n, fills[lane], zigzag) for n in flow.nodes if n.lane == lane]
        lines.append("  }")
    if zigzag:  # each decision beside the step it leads to: two columns, half the height
        kinds = {n.id: n.kind for n in flow.nodes}
        lines += [f"  {{rank=same; {_quote(e.start)}; {_quote(e.end)}}}" for e in flow.edges
                  if e.kind == "op" and kinds.get(e.start) == "besluit" and kinds.get(e.end) == "stap"]
    colours = {"op": UP, "af": DOWN, "door": EDGE, "onzichtbaar": EDGE}
    references = {n.id for n in flow.nodes if n.kind == "verwijzing"}
    one_column = len({n.lane for n in flow.nodes if n.id not in references}) == 1
    for e in flow.edges:
        if e.kind == "onzichtbaar":
            lines.append(f"  {_quote(e.start)} -> {_quote(e.end)} [style=invis];")
            continue
        attrs = [f'color="{colours[e.kind]}"']
        if e.label:  # a space before each line: the text sat against the arrow ("lang stabiel")
            padded = "\n".join(" " + line for line in _wrap(e.label, 18).splitlines())
            attrs.append(f"label={_quote(padded)}")
        if e.kind == "af":  # back up the chart: dashed, and not pulling the layout upwards
            attrs += ["style=dashed", "constraint=false"]
            if e.end in references and one_column:
                # one column: the way back and the way in shared the reference's underside, the
                # arrowhead sat on the way-in's label; in at the side instead
                attrs.append('headport="e"')
        elif e.start == "plan" and e.end in {n.id for n in flow.nodes if n.lane == "route"}:
            attrs.append("constraint=false")  # registration beside the route, not above it
        lines.append(f"  {_quote(e.start)} -> {_quote(e.end)} [{', '.join(attrs)}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _node_line(n: Node, fill: str, zigzag: bool) -> str:
    if n.kind == "verwijzing":  # an arrow to another part of the chart ends here
        return (f'    {_quote(n.id)} [label={_quote(_wrap(n.title, 24))}, shape=box, fillcolor="white", '
                'style="dashed,rounded,filled"];')
    # a decision: a hexagon; in the two-column route a box with cut corners, which takes half
    # the height for the same text (the yellow and the question mark say 'decision')
    shape = "box" if n.kind != "besluit" or zigzag else "hexagon"
    fill = DECISION_FILL if n.kind == "besluit" else fill
    style = (
        ("filled,diagonals" if zigzag else "filled") if n.kind == "besluit"
        else "filled,rounded" if n.kind == "stap" else "filled,bold"
    )
    label = _label(n, 30 if zigzag else 22)
    # the cut corners are drawn inside the box: without room the strokes cross the first and last
    # letters of a line (seen in the PNG: "Opschalen", "Stabiel?")
    room = ', margin="0.2,0.08"' if n.kind == "besluit" and zigzag else ""
    return (f'    {_quote(n.id)} [label={_quote(label)}, shape={shape}, fillcolor="{fill}", '
            f'style="{style}"{room}];')


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def draw_png(flow: Flow, dpi: int = 110, zigzag: bool = False) -> bytes:
    """The chart as PNG, laid out by Graphviz's ``dot``; a Dutch error when it is not installed.

    The PNG says its resolution, so Word places it at its natural size: the type prints at the
    size it was drawn in.
    """
    from levensloop_docs.errors import ConversionError

    try:
        import graphviz  # type: ignore[import-untyped]
    except ImportError:
        raise ConversionError(_missing()) from None
    dot = dot_source(flow, zigzag).replace('bgcolor="white"', f'bgcolor="white", dpi={dpi}')
    source = graphviz.Source(dot)
    try:
        return with_dpi(bytes(source.pipe(format="png")), dpi)
    except graphviz.ExecutableNotFound:
        raise ConversionError(_missing()) from None


def with_dpi(png: bytes, dpi: int) -> bytes:
    """The PNG with its resolution recorded (a ``pHYs`` chunk after the header).

    Graphviz's PNG has none, so Word took it as 72 dpi and placed a chart drawn at 110 dpi half
    as large again: too tall for the page, and no longer at the size its type was drawn in.
    """
    import struct
    import zlib

    if png[12:16] != b"IHDR" or b"pHYs" in png[:64]:
        return png
    per_metre = round(dpi / 0.0254)
    data = struct.pack(">IIB", per_metre, per_metre, 1)
    chunk = struct.pack(">I", len(data)) + b"pHYs" + data + struct.pack(">I", zlib.crc32(b"pHYs" + data))
    end_of_header = 8 + 8 + 13 + 4  # signature, IHDR length and type, its 13 bytes, its CRC
    return png[:end_of_header] + chunk + png[end_of_header:]


def _missing() -> str:
    from levensloop_docs import platform_os

    if platform_os.WINDOWS:
        command = "'winget install --id Graphviz.Graphviz'"
    elif platform_os.MACOS:
        command = "'brew install graphviz'"
    else:
        command = "'sudo apt-get install graphviz'"
    return _(
        "The stroomschema needs Graphviz (the program 'dot'), which is not installed. Install it, "
        "e.g. with {command}, and try again."
    ).format(command=command)


def graphviz_available() -> tuple[bool, str]:
    """For 'levensloop doctor': can a chart be drawn, and with which version of dot."""
    import shutil

    dot = shutil.which("dot")
    if dot is None:
        return False, _missing()
    try:
        import graphviz

        return True, "dot " + ".".join(str(p) for p in graphviz.version())
    except ImportError:
        return False, _missing()
    except Exception:  # any failure of dot is the same answer for the doctor
        return False, _missing()


def data_uri(png: bytes) -> str:
    """A PNG as a data URI, so the HTML page carries its picture (one file to hand on)."""
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def stroomschema_context(regio: Mapping[str, Any], draw: bool = True) -> Context:
    """The handreiking's chart (PNG data URI), its alt text and the same content as table rows.

    ``draw=False``: the same context without the pictures (empty strings), for the template
    check, which needs the shape and not Graphviz.
    """
    flow = build_flow(regio)
    alt = _(
        "Flow chart of region {region}: registration and inclusion, scaling up and down step by step, "
        "an acute crisis, contact with justice and exit. The table below gives the same steps as "
        "text."
    ).format(region=regio["naam"])
    rows = table_rows(flow)
    # per situation, in the order of the chart (a Jinja groupby would sort them by name)
    situations = [
        {"titel": t, "rijen": [r for r in rows if r["situatie"] == t]} for t in lane_titles().values()
    ]
    titles = lane_titles()
    parts = []
    for lanes in PARTS:
        label = " · ".join(titles[lane] for lane in lanes)
        parts.append({
            "titel": label,
            "png": data_uri(draw_png(part_flow(flow, lanes), zigzag=lanes == ("route",))) if draw else "",
            "alt": _("Flow chart of region {region}, part: {part}. The table below gives the same "
                     "steps as text.").format(region=regio["naam"], part=label),
        })  # fmt: skip
    return {
        "stroomschema": parts[0]["png"],
        "stroomschema_delen": parts,
        "stroomschema_alt": alt,
        "stroomschema_rijen": rows,
        "stroomschema_situaties": situations,
        "stroomschema_dot": dot_source(flow),
    }
