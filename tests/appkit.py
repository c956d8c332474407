"""Helpers for AppTest: open a page, read the plotly figures and tables it shows."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import numpy as np
from streamlit.testing.v1 import AppTest

import ekspor
import ui

APP = str(Path(__file__).resolve().parent.parent / "app.py")


def buka(halaman: str | None = None, tabel_terbuka: bool = False, **query: str) -> AppTest:
    """Run app.py (optionally on ``halaman/x.py``) with URL query parameters; fails on an exception.

    ``tabel_terbuka=True`` then opens every chart's table (as a user clicking "Tabel: ..." would).
    """
    at = AppTest.from_file(APP, default_timeout=60)
    for k, v in query.items():
        at.query_params[k] = v
    if halaman:  # straight to the page, as a shared link opens it (?bagian= is the page's own)
        at.switch_page(halaman)
    at.run()
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


def buka_bagian(at: AppTest, label: str) -> AppTest:
    """Open the page section (tab) ``label``, as clicking its tab does, and rerun; fails on an exception.

    The tab widget's key is ``ui._kunci_tab`` of the page's section labels (the tabs shown, in order).
    """
    label_tab = [t.label for t in at.tabs]
    assert label in label_tab, (label, label_tab)
    at.session_state[ui._kunci_tab(label_tab)] = label
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def id_grafik(at: AppTest) -> list[str]:
    """The panel ids of the charts on screen (``plotly_chart`` keys are ``grafik-<panel id>``)."""
    return [(el.proto.id or "").split("-", 2)[-1].removeprefix("grafik-") for el in at.get("plotly_chart")]


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
    statis = [t.value.map(lambda v: ekspor.teks_markdown(v) if isinstance(v, str) else v) for t in at.table]
    return [df.value for df in at.dataframe] + statis  # small tables as a reader sees them (escapes undone)


def teks_halaman(at: AppTest) -> str:
    """Everything a person can read on the page as run: texts, labels, options, tables, chart texts."""
    bagian: list[str] = []

    def kunjungi(node: Any) -> None:
        proto = getattr(node, "proto", None)
        if proto is not None:
            bagian.append(str(proto))
        for anak in getattr(node, "children", {}).values() if isinstance(getattr(node, "children", None), dict) else []:
            kunjungi(anak)

    kunjungi(at._tree)
    for df in tabel(at):
        bagian.append(df.to_csv())
    for t in at.tabs:
        bagian.append(t.label)
    return "\n".join(bagian)
