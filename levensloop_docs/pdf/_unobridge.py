"""Bridge between levensloop-docs and one running LibreOffice, over UNO.

This file runs as a script under a Python that has LibreOffice's ``uno`` module (Debian's
python3-uno, or the Python bundled with LibreOffice on Windows/macOS), which is often not
the Python that runs levensloop-docs. It therefore uses only the standard library and uno.

    python _unobridge.py PIPE-NAME START-TIMEOUT

It connects to ``soffice --accept=pipe,name=PIPE-NAME;urp;``, prints ``{"ready": true}``
and then answers one JSON line per request line on stdin:
``{"src": path, "dst": path, "filter": {name: value}}`` -> ``{"ok": true}`` or
``{"ok": false, "error": text}``. The parent enforces the per-document timeout.
"""

from __future__ import annotations

import contextlib
import json
import sys
import time
from pathlib import Path
from typing import Any

import uno  # type: ignore[import-not-found,unused-ignore]


def _props(**values: Any) -> tuple[Any, ...]:
    out = []
    for name, value in values.items():
        prop = uno.createUnoStruct("com.sun.star.beans.PropertyValue")
        prop.Name = name
        prop.Value = value
        out.append(prop)
    return tuple(out)


def connect(pipe: str, timeout: float) -> Any:
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + timeout
    while True:
        try:
            ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            return ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        except Exception:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def convert(desktop: Any, src: str, dst: str, filter_data: dict[str, Any]) -> None:
    doc = desktop.loadComponentFromURL(Path(src).as_uri(), "_blank", 0, _props(Hidden=True, ReadOnly=True))
    if doc is None:
        raise RuntimeError("LibreOffice could not open the document")
    try:
        data = uno.Any("[]com.sun.star.beans.PropertyValue", _props(**filter_data))
        props = _props(FilterName="writer_pdf_Export", FilterData=data)
        args = uno.Any("[]com.sun.star.beans.PropertyValue", props)
        uno.invoke(doc, "storeToURL", (Path(dst).as_uri(), args))
    finally:
        doc.close(True)


def answer(message: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def main() -> None:
    pipe, start_timeout = sys.argv[1], float(sys.argv[2])
    desktop = connect(pipe, start_timeout)
    answer({"ready": True})
    for line in sys.stdin:
        request = json.loads(line)
        try:
            convert(desktop, request["src"], request["dst"], request.get("filter", {}))
        except Exception as exc:
            answer({"ok": False, "error": f"{type(exc).__name__}: {exc}"})
        else:
            answer({"ok": True})
    # stdin closed: our parent is done (or gone), so LibreOffice should not outlive it
    with contextlib.suppress(Exception):
        desktop.terminate()


if __name__ == "__main__":
    main()
