"""Helpers for AppTest: open a page, read the plotly figures and tables it shows."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import numpy as np
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parent.parent / "app.py")


def buka(halaman: str | None = None, tabel_terbuka: bool = False, **query: str) -> AppTest:
    """Run app.py (optionally on ``halaman/x.py``) with URL query parameters; fails on an exception.

    ``tabel_terbuka=True`` then opens every chart's table (as a user clicking "Tabel: ..." would).
    """
    at = AppTest.from_file(APP, default_timeout=60)
    for k, v in query.items():
        at.query_params[k] = v
    at.run()
    if halaman:
        at.switch_page(halaman).run()
    assert not at.exception, [e.value for e in at.exception]
    if tabel_terbuka:
        buka_tabel(at)
    return at


def buka_tabel(at: AppTest) -> AppTest:
    """Open every chart's table expander (``ui.AWALAN_TABEL`` keys) and rerun."""
    for k in list(at.session_state.keys()):
        if str(k).startswith("tabel-"):
            at.session_state[k] = True
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _dekode(v: Any) -> Any:
    """plotly's typed arrays ({"dtype", "bdata"}) -> lists; everything else unchanged, recursively."""
    if isinstance(v, dict):
        if "bdata" in v and "dtype" in v:
            arr = np.frombuffer(base64.b64decode(v["bdata"]), dtype=v["dtype"])
            if "shape" in v:
                arr = arr.reshape([int(x) for x in str(v["shape"]).split(",")])
            return arr.tolist()
        return {k: _dekode(x) for k, x in v.items()}
    if isinstance(v, list):
        return [_dekode(x) for x in v]
    return v


def gambar(at: AppTest) -> list[dict[str, Any]]:
    """Every plotly figure on the page, decoded (``fig["data"][0]["y"]`` is a plain list)."""
    return [_dekode(json.loads(el.proto.spec)) for el in at.get("plotly_chart")]


def gambar_berjudul(at: AppTest, teks: str) -> dict[str, Any]:
    """The figure whose ``plotly_chart`` key contains ``teks`` (keys are ``grafik-<panel id>``)."""
    for el in at.get("plotly_chart"):
        if teks in (el.proto.id or "") or teks in json.dumps(
            json.loads(el.proto.spec).get("layout", {}).get("title", "")
        ):
            return _dekode(json.loads(el.proto.spec))
    raise AssertionError(f"tidak ada grafik '{teks}'")


def tabel(at: AppTest) -> list[Any]:
    """Every table on the page as a pandas DataFrame of display text: the data grids
    (column names as in the data) then the small static tables (columns named by their headings)."""
    return [df.value for df in at.dataframe] + [t.value for t in at.table]
