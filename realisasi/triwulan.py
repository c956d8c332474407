"""Which rule makes an indicator's year from its triwulan figures, as the Renstra declares it.

The Renstra manifest may declare it per indicator, beside ``[polaritas]`` and in the same
shape (the indicator's text as printed)::

    [triwulan]
    rupiah = "jumlah"                 # optional: Rupiah spent (default: jumlah)

    [[triwulan.indikator]]
    indikator = "Jumlah aduan yang ditindaklanjuti"
    aturan = "terakhir"               # jumlah | terakhir | rata_rata
    alasan = "..."                    # optional, shown nowhere but kept with the rule

An indicator not listed gets a default from its unit, name and polarity (SIPD practice): a
percentage (satuan ``%``), a name that says percentage, index, ratio, level or score, or a
"lower is better" indicator (tren negatif) takes the last value; any other count is summed.
Rupiah is summed unless the manifest says otherwise.
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from loaders.errors import RenstraError
from loaders.renstra import Renstra
from metrics.kinerja import LEBIH_RENDAH
from metrics.triwulan import ATURAN, JUMLAH, TERAKHIR

_TINGKAT = re.compile(r"^\s*(persentase|prosentase|presentase|indeks|indek|rasio|tingkat|nilai|skor|angka)\b", re.I)
_SATUAN_TINGKAT = re.compile(r"^\s*(%|persen|indeks|indek|nilai|skor|poin|rasio)\s*$", re.I)


def aturan_bawaan(satuan: Any, indikator: Any, polaritas: Any = None) -> str:
    """The default rule of an indicator not declared in the manifest (see the module note)."""
    s = "" if satuan is None or pd.isna(satuan) else str(satuan)
    nama = "" if indikator is None or pd.isna(indikator) else str(indikator)
    tingkat = _SATUAN_TINGKAT.match(s) or _TINGKAT.match(nama) or polaritas == LEBIH_RENDAH
    return TERAKHIR if tingkat else JUMLAH


def _cek(aturan: Any, tempat: str) -> str:
    if aturan not in ATURAN:
        raise RenstraError(
            f"aturan triwulan '{str(aturan)[:40]}' di manifest ({tempat}) tidak dikenal; pilih {', '.join(ATURAN)}"
        )
    return str(aturan)


def aturan_manifest(manifest: dict[str, Any]) -> tuple[dict[str, str], str]:
    """The manifest's declared rules by indicator text, and the rule for Rupiah; RenstraError on a bad one."""
    bagian = manifest.get("triwulan", {}) or {}
    rupiah = _cek(bagian.get("rupiah", JUMLAH), "[triwulan] rupiah")
    peta = {}
    for i, x in enumerate(bagian.get("indikator", []) or [], start=1):
        if not str(x.get("indikator") or "").strip():
            raise RenstraError(f"[[triwulan.indikator]] ke-{i} di manifest tidak menyebut 'indikator'")
        peta[str(x["indikator"]).strip()] = _cek(x.get("aturan"), f"[[triwulan.indikator]] ke-{i}")
    return peta, rupiah


def aturan_renstra(r: Renstra) -> pd.DataFrame:
    """Per T-C.27 indicator row (tahun, item_id, indikator_ke): ``aturan``, ``aturan_rp`` and ``asal``
    ('manifest' or 'bawaan')."""
    peta, rupiah = aturan_manifest(r.manifest)
    d = r.rencana[["tahun", "item_id", "indikator_ke", "indikator", "satuan", "polaritas"]].copy()
    nama = d["indikator"].fillna("").astype(str).str.strip()
    bawaan = [aturan_bawaan(*x) for x in zip(d["satuan"], d["indikator"], d["polaritas"], strict=True)]
    d["aturan"] = pd.array([peta.get(n, b) for n, b in zip(nama, bawaan, strict=True)], dtype="string")
    d["aturan_rp"] = pd.array([rupiah] * len(d), dtype="string")
    d["asal"] = pd.array(["manifest" if n in peta else "bawaan" for n in nama], dtype="string")
    return d[["tahun", "item_id", "indikator_ke", "aturan", "aturan_rp", "asal"]].reset_index(drop=True)
