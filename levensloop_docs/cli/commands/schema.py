"""``levensloop schema``: the JSON Schema of a case file, for systems that produce them."""

from __future__ import annotations

import click


@click.command(name="schema")
def schema() -> None:
    """Toon het JSON-schema van een casusbestand (voor EPD- of ZVH-koppelingen)."""
    import json

    from levensloop_docs.model.casus import Casus

    document = Casus.model_json_schema()
    document["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    document["title"] = "Casusbestand levensloopaanpak"
    click.echo(json.dumps(document, indent=2, ensure_ascii=False))
