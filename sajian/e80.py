"""Form E.80 "Evaluasi terhadap Hasil Renstra Perangkat Daerah" (Permendagri 86/2017) as one frame.

Pure pandas; the arithmetic is ``metrics`` (capaian with the indicator's polarity, serapan).

**Rows.** Grouped sasaran > program > kegiatan > sub kegiatan, as T-C.27 prints them, with the
codes. An item is followed across the T-C.27 tables of the periode by ``sajian.program``'s item
key (same Permendagri 90 code, tingkat and kelurahan); rows under another code scheme (an old
local code) keep their own printed row and appear under their own codes, never mapped onto the
new ones. One E.80 line per indicator of an item: a year that prints the item with another
indicator text starts another line (a changed indicator is another indicator). Sasaran lines come
from T-C.25/T-C.28 (targets K only; those forms print no Rupiah); a program joins a sasaran whose
name T-C.27 prints exactly (case and spaces aside), else its own printed sasaran heads a group.

**Figures.** Target K and Rp per year: T-C.27 (sasaran: T-C.25/T-C.28). Realisasi: the store
(``realisasi`` / ``realisasi_rp`` keyed by tahun, item_id, indikator_ke), else what the document
itself prints: T-C.23 for an indicator of the same name, T-C.24 for a program of the same name.
Rasio K = ``metrics.capaian`` (polarity respected), Rasio Rp = ``metrics.serapan``. A value that
does not exist stays NA, and the line's ``catatan`` gives the numbers of the notes (``E80.catatan``)
saying why; never 0.

Column numbering follows the form with the code as its own column: (1) No, (2) Sasaran, (3) Kode,
(4) Program/Kegiatan/Sub kegiatan, (5) Indikator, (6) Data capaian awal, (7) Target akhir
periode, (8)-(12) Target tahun ke-1..5, (13)-(17) Realisasi, (18)-(22) Rasio, (23) Unit
penanggung jawab; each of (7)-(22) split into K and Rp.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

import numpy as np
import pandas as pd

import kosakata
import metrics
from loaders import Renstra
from loaders.forms import tahun_periode
from metrics.kinerja import LEBIH_RENDAH
from sajian import pilihan
from sajian import program as sajian_program  # the item key across years (_dengan_kunci)
from sajian.anggaran import rentang_tahun

NAMA_FORMULIR = "E.80"
JUDUL_FORMULIR = "Evaluasi terhadap Hasil Renstra Perangkat Daerah"
TINGKAT_SASARAN = "sasaran"
_SPASI = re.compile(r"\s+")


class KolomE80(NamedTuple):
    """One printed column: frame column, first header row (group), second row (K / Rp / ""), number."""

    kunci: str
    grup: str
    sub: str
    nomor: str


@dataclass(frozen=True)
class E80:
    """The form: ``tabel`` (one row per line; printed columns per ``kolom`` plus helper columns
    tingkat, kunci, kunci_program, polaritas, satuan, item_id), ``kolom`` (header spec),
    ``catatan`` (numbered notes, ``catatan`` of a row cites them), ``judul``, ``tahun`` (years shown)."""

    tabel: pd.DataFrame
    kolom: tuple[KolomE80, ...]
    catatan: tuple[str, ...]
    judul: str
    tahun: tuple[int, ...]
    jabatan: str = ""  # who signs: "Camat <kecamatan>" (else "Kepala <perangkat daerah>")


def _normal(teks: object) -> str:
    return _SPASI.sub(" ", str(teks or "")).strip().casefold()


def _teks(x: object) -> str:
    return "" if x is None or x is pd.NA or (isinstance(x, float) and x != x) else str(x).strip()


def tahun_form(r: Renstra) -> list[int]:
    """The five target years of the periode (``[renstra] periode``), else the last five T-C.27 years."""
    periode = r.manifest.get("renstra", {}).get("periode")
    if periode:
        return tahun_periode(periode)
    return pilihan.tahun_rencana(r)[-5:]


def kolom_e80(tahun: list[int], tahun_ke: dict[int, int]) -> tuple[KolomE80, ...]:
    """The printed header for the years shown (``tahun_ke``: year -> its place 1..5 in the periode)."""
    k = [
        KolomE80("no", "No", "", "(1)"),
        KolomE80("sasaran", "Sasaran", "", "(2)"),
        KolomE80("kode", "Kode", "", "(3)"),
        KolomE80("program_kegiatan", "Program/Kegiatan/Sub Kegiatan", "", "(4)"),
        KolomE80("indikator", "Indikator Kinerja Program (outcome)/Kegiatan (output)", "", "(5)"),
        KolomE80("capaian_awal", "Data Capaian pada Awal Tahun Perencanaan", "", "(6)"),
        KolomE80("target_akhir_k", "Target Capaian pada Akhir Tahun Perencanaan", "K", "(7)"),
        KolomE80("target_akhir_rp", "Target Capaian pada Akhir Tahun Perencanaan", "Rp", "(7)"),
    ]
    for awal, apa, grup in ((8, "target", "Target Renstra"), (13, "realisasi", "Realisasi Capaian"),
                            (18, "rasio", "Rasio Capaian")):  # fmt: skip
        for t in tahun:
            ke = tahun_ke[t]
            nomor = f"({awal + ke - 1})"
            judul = f"{grup} Tahun ke-{ke} ({t})"
            k += [KolomE80(f"{apa}_k_{t}", judul, "K", nomor), KolomE80(f"{apa}_rp_{t}", judul, "Rp", nomor)]
    k += [KolomE80("unit", "Unit Penanggung Jawab", "", "(23)"), KolomE80("catatan", "Catatan", "", "")]
    return tuple(k)


class _Catatan:
    """Numbered notes in order of first use."""

    def __init__(self) -> None:
        self.teks: list[str] = []

    def no(self, teks: str) -> int:
        if teks not in self.teks:
            self.teks.append(teks)
        return self.teks.index(teks) + 1


# --- the T-C.27 lines --------------------------------------------------------------------------


def _rencana(r: Renstra, realisasi: pd.DataFrame) -> pd.DataFrame:
    """T-C.27 rows with item key, line key, the stored realisasi and the document's T-C.24 realisasi."""
    d = sajian_program._dengan_kunci(r)
    d = d[[c for c in _KOLOM_KERJA if c in d.columns]]  # only what the lines read: every new column copies less
    d["garis"] = d["kunci"].astype(str) + "#" + d["indikator_ke"].astype(str) + "#" + d["indikator"].map(_normal)
    kunci = ["tahun", "item_id", "indikator_ke"]
    lapor = realisasi[[*kunci, "realisasi", "realisasi_rp"]] if not realisasi.empty else None
    if lapor is None:
        d["realisasi"] = pd.array([pd.NA] * len(d), dtype="Float64")
        d["realisasi_rp"] = pd.array([pd.NA] * len(d), dtype="Float64")
    else:
        lapor = lapor.astype({"tahun": "Int64", "indikator_ke": "Int64", "item_id": "string"})
        lapor = lapor.drop_duplicates(kunci, keep="last")
        d = d.merge(lapor, on=kunci, how="left")
    d["realisasi"] = pd.to_numeric(d["realisasi"]).astype("Float64")
    d["realisasi_rp"] = pd.to_numeric(d["realisasi_rp"]).astype("Float64")
    d["sumber_rp"] = pd.Series(pd.NA, index=d.index, dtype="string").mask(d["realisasi_rp"].notna(), "unggah")
    return _dari_tc24(r, d)


def _dari_tc24(r: Renstra, d: pd.DataFrame) -> pd.DataFrame:
    """Program rows of a year T-C.24 reports: its realisasi where nothing was uploaded (same name, same year)."""
    a = r.anggaran
    if a.empty:
        return d
    a = a.loc[a["realisasi"].notna(), ["tahun", "program", "realisasi"]]
    peta = {(int(t), _nama_program(p)): float(x) for t, p, x in zip(a["tahun"], a["program"], a["realisasi"],
                                                                      strict=True)}  # fmt: skip
    baris = d.index[d["tingkat"].eq("program") & d["realisasi_rp"].isna()]
    nilai = {i: peta.get((int(t), _nama_program(n))) for i, t, n in
             zip(baris, d.loc[baris, "tahun"].tolist(), d.loc[baris, "nama"].tolist(), strict=True)}  # fmt: skip
    ada = [i for i, x in nilai.items() if x is not None]
    if ada:  # one assignment per column: a cell-by-cell .at costs ms per cell
        d.loc[ada, "realisasi_rp"] = [nilai[i] for i in ada]
        d.loc[ada, "sumber_rp"] = "T-C.24"
    return d


def _rekaman(df: pd.DataFrame) -> list[dict]:
    """The rows as dicts, as ``df.to_dict("records")`` gives them (Python scalars, a missing value None),
    read column by column: ``to_dict`` boxes cell by cell, the slowest step of the form."""
    nama = list(df.columns)  # a plain list: zipping with the Index itself costs ms per row
    kolom = [[None if v is pd.NA else v for v in df[c].tolist()] for c in nama]
    return [dict(zip(nama, baris, strict=True)) for baris in zip(*kolom, strict=True)]


def _nama_program(nama: object) -> str:
    n = _normal(nama)
    return n[len("program ") :] if n.startswith("program ") else n


@dataclass
class _Kerja:
    """What every line needs: years shown, the periode, the notes, T-C.27's years, the lurah's kelurahan,
    the sasaran lines' sources (read once per form)."""

    tahun: list[int]
    periode: list[int]
    cat: _Catatan
    tahun_tabel: set[int]
    kelurahan: str | None
    sasaran: _Sasaran


def _sel_tahun(x: dict | None, t: int, k: _Kerja, no: set[int]) -> dict:
    """Target, realisasi and rasio (K and Rp) of one line in year ``t`` (``x``: its T-C.27 row that year)."""
    sel: dict = {f"{a}_{s}_{t}": pd.NA for a in ("target", "realisasi", "rasio") for s in ("k", "rp")}
    cat = k.cat
    if x is None:
        no.add(cat.no("Target, realisasi dan rasio kosong pada tahun yang tidak mencetak baris (indikator) ini di "
                      "T-C.27: indikator lain pada tahun itu, atau tahun dengan skema kode lain."
                      if t in k.tahun_tabel else f"Tahun {t}: Renstra ini tidak mencetak T-C.27 untuk tahun itu."))  # fmt: skip
        return sel
    rendah = _teks(x["polaritas"]) == LEBIH_RENDAH
    sel[f"target_k_{t}"], sel[f"target_rp_{t}"] = x["target"], x["pagu"]
    sel[f"realisasi_k_{t}"], sel[f"realisasi_rp_{t}"] = x["realisasi"], x["realisasi_rp"]
    c = metrics.capaian(x["target"], x["realisasi"], lower_is_better=rendah)
    sel[f"rasio_k_{t}"], sel[f"rasio_rp_{t}"] = c, metrics.serapan(x["pagu"], x["realisasi_rp"])
    if pd.isna(x["target"]):
        no.add(cat.no("Target K kosong: T-C.27 tidak mencetak target yang terbaca; rasio K tidak dihitung."))
    if pd.isna(x["pagu"]):
        if x["pagu_status"] == "tidak_terbaca":
            no.add(cat.no(f"Target Rp kosong: {_pagu_tercetak(x)}; rasio Rp tidak dihitung (bukan 0 %)."))
        else:
            no.add(cat.no("Target Rp kosong: T-C.27 tidak mencetak pagu pada baris indikator ini (sel kosong atau -)."))
    if pd.isna(x["realisasi"]) or (pd.isna(x["realisasi_rp"]) and not pd.isna(x["pagu"])):
        no.add(cat.no("Realisasi kosong: belum dilaporkan di Isi Realisasi dan tidak dicetak dokumen; "
                      "rasio tidak dihitung (bukan 0 %)."))  # fmt: skip
    if c is None and not pd.isna(x["realisasi"]) and not pd.isna(x["target"]):
        no.add(cat.no("Rasio K kosong: target 0, capaian tidak dapat dihitung."))
    if _teks(x["sumber_rp"]) == "T-C.24":
        no.add(cat.no("Realisasi Rp program dari T-C.24 dokumen (program yang sama namanya, tahun yang sama); "
                      "rasio Rp = realisasi ÷ pagu T-C.27 × 100."))  # fmt: skip
    return sel


def _pagu_tercetak(x: dict) -> str:
    teks = _teks(x.get("pagu_teks"))
    return f"pagu tercetak {teks} (tidak terbaca)" if teks else "pagu tidak terbaca"


def _akhir(rows: list[dict], k: _Kerja, no: set[int]) -> tuple[object, object]:
    """(7): K = the last periode year's target; Rp = sum of the pagu printed in the periode for this line."""
    akhir = [x for x in rows if x["tahun"] == k.periode[-1]]
    nilai_k = akhir[0]["target"] if akhir else pd.NA
    if not akhir:
        no.add(
            k.cat.no(f"Target akhir K kosong: baris ini tidak tercantum pada tahun akhir periode ({k.periode[-1]}).")
        )
    ada = [x for x in rows if x["tahun"] in k.periode and x["pagu_status"] != "kosong"]
    if not ada:
        no.add(k.cat.no("Target akhir Rp kosong: T-C.27 tidak mencetak pagu baris ini pada tahun-tahun periode."))
        return nilai_k, pd.NA
    if any(pd.isna(x["pagu"]) for x in ada):
        no.add(k.cat.no("Target akhir Rp kosong: ada pagu tahunan yang tidak terbaca, jumlahnya tidak dihitung."))
        return nilai_k, pd.NA
    no.add(k.cat.no("Target akhir Rp = jumlah pagu T-C.27 baris ini pada tahun-tahun periode yang mencetaknya "
                    "(kolom Target Renstra Rp)."))  # fmt: skip
    return nilai_k, int(sum(int(x["pagu"]) for x in ada))


# --- sasaran lines -----------------------------------------------------------------------------


def _sasaran(r: Renstra) -> pd.DataFrame:
    """Sasaran indicators (T-C.25/T-C.28, the revised version): sasaran, indikator, satuan, polaritas,
    tahun, target, sumber (form), kondisi_awal."""
    s = r.sasaran
    s = s[s["level"].eq(TINGKAT_SASARAN) & s["versi"].eq("sesudah")]
    t = s[s["jenis"].eq("target") & s["target"].notna()]
    return t.drop_duplicates(["sasaran", "indikator", "tahun"]).reset_index(drop=True)


class _Sasaran:
    """The sasaran lines' sources, read once per form: ``_sasaran`` as rows (``normal``: each row's
    sasaran name normalised), ``awal`` (indikator -> kondisi awal) and ``nyata`` ((indikator, tahun)
    -> T-C.23's first row with a realisasi)."""

    def __init__(self, r: Renstra) -> None:
        s = _sasaran(r)
        self.resmi = list(dict.fromkeys(s["sasaran"].astype(str)))
        self.baris = _rekaman(s[["sasaran", "indikator", "satuan", "polaritas", "tahun", "target"]])
        self.normal = s["sasaran"].map(_normal).tolist()
        self._r = r

    @cached_property
    def awal(self) -> dict[str, object]:
        """Kondisi awal per indikator: the target of its earliest kondisi_awal row (revised version)."""
        s = self._r.sasaran
        k = s.loc[s["jenis"].eq("kondisi_awal") & s["versi"].eq("sesudah"), ["indikator", "tahun", "target"]]
        baris: dict[str, list[int]] = {}
        for i, indikator in enumerate(k["indikator"].tolist()):
            if not pd.isna(indikator):
                baris.setdefault(indikator, []).append(i)
        tahun, target = k["tahun"].tolist(), k["target"].tolist()

        def pertama(b: list[int]) -> object:
            th = [tahun[i] for i in b]
            if not any(pd.isna(t) for t in th) and len(set(th)) == len(th):  # distinct years: any sort agrees
                return target[min(b, key=lambda i: tahun[i])]
            return k.iloc[b].sort_values("tahun")["target"].iloc[0]  # ties or a row without a year: pandas' sort

        return {n: pertama(b) for n, b in baris.items()}

    @cached_property
    def nyata(self) -> dict[tuple[str, int], dict]:
        k = self._r.kinerja
        k = k.loc[k["realisasi"].notna(), ["indikator", "tahun", "realisasi", "realisasi_disamakan_target"]]
        hasil: dict[tuple[str, int], dict] = {}
        for x in _rekaman(k):
            hasil.setdefault((x["indikator"], x["tahun"]), x)
        return hasil


def _baris_sasaran(nama: str, k: _Kerja) -> list[dict]:
    """The E.80 lines of one sasaran: one per indicator, K only; realisasi from T-C.23 (same name)."""
    sas, cat, mau = k.sasaran, k.cat, _normal(nama)
    per_indikator: dict[str, list[dict]] = {}
    for x, n in zip(sas.baris, sas.normal, strict=True):
        if n == mau and x["indikator"] is not None:
            per_indikator.setdefault(x["indikator"], []).append(x)
    baris = []
    for indikator, g in per_indikator.items():
        no = {cat.no("Baris sasaran: T-C.25/T-C.28 tidak mencetak Rupiah, kolom Rp kosong.")}
        x = g[0]
        rendah = _teks(x["polaritas"]) == LEBIH_RENDAH
        rek: dict = {"tingkat": TINGKAT_SASARAN, "sasaran": nama, "indikator": _dengan_satuan(indikator, x["satuan"]),
                     "satuan": x["satuan"], "polaritas": x["polaritas"]}  # fmt: skip
        rek["capaian_awal"] = sas.awal.get(indikator, pd.NA)
        if pd.isna(rek["capaian_awal"]):
            no.add(cat.no("Data capaian awal kosong: tidak tercetak di dokumen."))
        per_tahun: dict[object, dict] = {}
        for y in g:
            per_tahun.setdefault(y["tahun"], y)
        akhir = per_tahun.get(k.periode[-1])
        rek["target_akhir_k"] = akhir["target"] if akhir else pd.NA
        rek["target_akhir_rp"] = pd.NA
        for t in k.tahun:
            gt, rt = per_tahun.get(t), sas.nyata.get((indikator, t))
            target = gt["target"] if gt else pd.NA
            nyata = rt["realisasi"] if rt else pd.NA
            rek.update({f"target_k_{t}": target, f"target_rp_{t}": pd.NA, f"realisasi_k_{t}": nyata,
                        f"realisasi_rp_{t}": pd.NA,
                        f"rasio_k_{t}": metrics.capaian(target, nyata, lower_is_better=rendah),
                        f"rasio_rp_{t}": pd.NA})  # fmt: skip
            if not gt:
                no.add(cat.no("Target sasaran kosong: T-C.25/T-C.28 tidak mencetak target tahun itu."))
            if not rt:
                no.add(cat.no("Realisasi sasaran kosong: T-C.23 tidak mencetak realisasi indikator yang sama "
                              "namanya pada tahun itu (realisasi sasaran tidak diunggah lewat Isi Realisasi)."))  # fmt: skip
            else:
                no.add(cat.no("Realisasi sasaran dari T-C.23 dokumen (indikator yang sama namanya)."))
                if bool(rt["realisasi_disamakan_target"] or False):
                    no.add(cat.no(_disamakan(t)))
        rek["unit"], rek["_no"] = "", no
        baris.append(rek)
    return baris


def _disamakan(t: int) -> str:
    return kosakata.catatan_realisasi_disamakan([t])


def _dengan_satuan(indikator: object, satuan: object) -> str:
    i, s = _teks(indikator), _teks(satuan)
    return f"{i} ({s})" if i and s and s != "%" else i


# --- assembly ----------------------------------------------------------------------------------


def _baris_garis(rows: list[dict], item: dict, k: _Kerja) -> dict:
    """One E.80 line of a T-C.27 item (``rows``: the line's rows of every year, oldest first)."""
    terbaru = rows[-1]
    no: set[int] = set()
    awal = [x["capaian_awal"] for x in rows if not pd.isna(x["capaian_awal"])]
    rek: dict = {
        "tingkat": item["tingkat"], "kode": _teks(item["kode"]), "program_kegiatan": _teks(item["nama"]),
        "kelurahan": _teks(item["kelurahan"]),
        "indikator": _dengan_satuan(terbaru["indikator"], terbaru["satuan"]),
        "satuan": _teks(terbaru["satuan"]), "polaritas": terbaru["polaritas"],
        "capaian_awal": awal[0] if awal else pd.NA,
        "kunci": item["kunci"], "kunci_program": item["kunci_program"],
        "item_id": ", ".join(dict.fromkeys(str(x["item_id"]) for x in rows)),
        "unit": next((_teks(x["unit_kerja"]) for x in reversed(rows) if _teks(x["unit_kerja"])), ""),
    }  # fmt: skip
    if not awal:
        no.add(k.cat.no("Data capaian awal kosong: tidak tercetak di T-C.27."))
    rek["target_akhir_k"], rek["target_akhir_rp"] = _akhir(rows, k, no)
    per_tahun = {x["tahun"]: x for x in rows}
    for t in k.tahun:
        rek.update(_sel_tahun(per_tahun.get(t), t, k, no))
    rek["_no"] = no
    return rek


def _sasaran_program(rows: list[dict]) -> str:
    """A program's sasaran as T-C.27 prints it (newest printing that prints one)."""
    return next((_teks(x["sasaran"]) for x in sorted(rows, key=lambda x: (x["tahun"], x["baris"]), reverse=True)
                 if _teks(x["sasaran"])), "")  # fmt: skip


def _kelompok_sasaran(
    sas: _Sasaran, per_program: dict[str, list[dict]], urutan: list[str]
) -> list[tuple[str, list[str]]]:
    """[(sasaran as printed, [program keys])] in the form's order: T-C.25/T-C.28 sasaran first."""
    resmi = sas.resmi
    peta = {_normal(n): n for n in resmi}
    kelompok: dict[str, list[str]] = {n: [] for n in resmi}
    for kp in urutan:
        tercetak = _sasaran_program(per_program.get(kp, []))
        kelompok.setdefault(peta.get(_normal(tercetak), tercetak), []).append(kp)
    return list(kelompok.items())


_KOLOM_KERJA = [
    "tabel", "tahun", "baris", "item_id", "indikator_ke", "tingkat", "kode", "nama", "kelurahan", "indikator",
    "satuan", "target", "pagu", "pagu_status", "pagu_teks", "capaian_awal", "unit_kerja", "polaritas", "sasaran",
    "skema_kode", "realisasi", "realisasi_rp", "sumber_rp", "kunci", "kunci_program", "kunci_induk", "garis",
]  # fmt: skip


def e80(
    r: Renstra,
    realisasi: pd.DataFrame,
    tahun: tuple[int, int] | None = None,
    program_id: str | None = None,
    kelurahan: str | None = None,
) -> E80:
    """The E.80 form for the Renstra ``r`` with the stored ``realisasi`` (``realisasi.KOLOM_REALISASI``).

    ``tahun`` (first, last) narrows the year columns; ``program_id`` (a key of ``pilihan.program``)
    keeps one program; ``kelurahan`` keeps that kelurahan's lines only (its program, kegiatan and
    sasaran stay as headings without figures: theirs are the whole kecamatan's).
    """
    periode = tahun_form(r)
    tahun_ke = {t: i + 1 for i, t in enumerate(periode)}
    pilih = [t for t in periode if tahun is None or tahun[0] <= t <= tahun[1]] or periode
    d = _rencana(r, realisasi)
    tahun_tabel = {int(t) for t in d["tahun"].dropna()}
    k = _Kerja(pilih, periode, _Catatan(), tahun_tabel, kelurahan or None, _Sasaran(r))
    per_program: dict[str, list[dict]] = {}
    for x in _rekaman(d[_KOLOM_KERJA]):
        per_program.setdefault(str(x["kunci_program"]), []).append(x)
    semua = program_id in (None, "", pilihan.SEMUA)
    urutan = [kp for kp in pilihan.program(r) if semua or kp == program_id]
    baris: list[dict] = []
    for nama_sasaran, program in _kelompok_sasaran(k.sasaran, per_program, urutan):
        isi = [x for kp in program for x in _baris_program(per_program.get(kp, []), kp, k)]
        if not isi and (not semua or kelurahan):
            continue  # a sasaran without a program of the filter / of the lurah's kelurahan
        baris += _judul_sasaran(nama_sasaran, k) + isi
    _catatan_skema(d, pilih, k.cat)
    tabel = _bingkai(baris, pilih)
    return E80(tabel, kolom_e80(pilih, tahun_ke), tuple(k.cat.teks), _judul(r, kelurahan), tuple(pilih), jabatan(r))


def jabatan(r: Renstra) -> str:
    """The signer's office from the Renstra's identity: ``Camat <kecamatan>``, else ``Kepala <perangkat daerah>``."""
    kec = _teks(r.wilayah.kecamatan)
    return f"Camat {kec}" if kec else f"Kepala {pilihan.perangkat_daerah(r)}"


def _judul_sasaran(nama: str, k: _Kerja) -> list[dict]:
    garis = _baris_sasaran(nama, k) if nama and not k.kelurahan else []
    if garis:
        return garis
    no = {k.cat.no("Sasaran tidak tercantum di T-C.27 maupun T-C.25/T-C.28 untuk program ini.")} if not nama else set()
    if k.kelurahan:
        no.add(k.cat.no(_CATATAN_JUDUL))
    elif nama:
        no.add(k.cat.no("Sasaran tercetak di T-C.27 tanpa indikator bernama sama di T-C.25/T-C.28 (nama tidak "
                        "dicocokkan dengan kira-kira): baris judul tanpa angka."))  # fmt: skip
    return [{"tingkat": TINGKAT_SASARAN, "sasaran": nama, "_no": no}]


_CATATAN_JUDUL = ("Tampilan kelurahan: baris sasaran, program dan kegiatan hanya judul; angkanya milik "
                  "seluruh kecamatan dan tidak ditampilkan.")  # fmt: skip


def _urutan_item(rows: list[dict]) -> list[dict]:
    """The items of one program (newest printing each), program first, then in code order; under an
    old code scheme in document order (the order of ``sajian.program.daftar_item``)."""
    terbaru: dict[str, dict] = {}
    for x in sorted(rows, key=lambda x: (x["tahun"], x["baris"])):
        terbaru[x["kunci"]] = x
    item = list(terbaru.values())
    if not any(x["skema_kode"] == "permendagri90" for x in item):
        return sorted(item, key=lambda x: (x["tingkat"] != "program", x["baris"]))
    kode = {x["kunci"]: _teks(x["kode"]) for x in item}

    def urut(x: dict) -> tuple:
        sendiri = _teks(x["kode"]) or kode.get(_teks(x["kunci_induk"]), "") + ".~"
        return (x["tingkat"] != "program", sendiri, -x["tahun"], x["baris"])

    return sorted(item, key=urut)


def _baris_program(rows: list[dict], kp: str, k: _Kerja) -> list[dict]:
    """The lines of one program: the program, then its kegiatan and sub kegiatan in code order."""
    per_item: dict[str, list[dict]] = {}
    for x in sorted(rows, key=lambda x: (x["tahun"], x["baris"])):
        per_item.setdefault(x["kunci"], []).append(x)
    baris = []
    for it in _urutan_item(rows):
        it = {**it, "kunci_program": kp}
        if k.kelurahan and _teks(it["kelurahan"]) != k.kelurahan:
            if it["tingkat"] != "sub_kegiatan" and _ada_anak_kelurahan(rows, it, k.kelurahan):
                baris.append({"tingkat": it["tingkat"], "kode": _teks(it["kode"]), "program_kegiatan": _teks(it["nama"]),
                              "kunci": it["kunci"], "kunci_program": kp, "_no": {k.cat.no(_CATATAN_JUDUL)}})  # fmt: skip
            continue
        garis: dict[str, list[dict]] = {}
        for x in sorted(per_item[it["kunci"]], key=lambda x: (x["indikator_ke"], x["tahun"])):
            garis.setdefault(x["garis"], []).append(x)
        for g in garis.values():
            baris.append(_baris_garis(sorted(g, key=lambda x: x["tahun"]), it, k))
    return baris


def _ada_anak_kelurahan(rows: list[dict], item: dict, kelurahan: str) -> bool:
    """Whether a program/kegiatan (``rows``: its program's rows) has a line of ``kelurahan`` below it."""
    anak = [x for x in rows if _teks(x["kelurahan"]) == kelurahan]
    if item["tingkat"] == "program":
        return bool(anak)
    return any(_teks(x["kunci_induk"]) == item["kunci"] for x in anak)


def _catatan_skema(d: pd.DataFrame, tahun: list[int], cat: _Catatan) -> None:
    lama = sorted(int(t) for t in d.loc[d["skema_kode"].eq("lokal_lama"), "tahun"].unique() if int(t) in tahun)
    if lama:
        cat.no(f"Tahun {rentang_tahun(lama)} tercetak dengan kode lama (bukan Permendagri 90/2019): program dan "
               "kegiatannya tampil dengan kodenya sendiri, tidak dipetakan ke kode baru.")  # fmt: skip


def _bingkai(baris: list[dict], tahun: list[int]) -> pd.DataFrame:
    """The lines as the form's frame: figures Float64 (anything not a number NA), the rest text ("" if
    missing), column by column from the lines (figures parsed in one go, not a column at a time)."""
    kolom = [k.kunci for k in kolom_e80(tahun, {t: i + 1 for i, t in enumerate(tahun)})]
    bantu = ["tingkat", "kelurahan", "kunci", "kunci_program", "polaritas", "satuan", "item_id"]
    angka = [k for k in kolom if k.startswith(("target_", "realisasi_", "rasio_")) or k == "capaian_awal"]
    semua = pd.Series([b.get(k) for k in angka for b in baris], dtype=object)
    nilai = pd.to_numeric(semua, errors="coerce").to_numpy(dtype=float).reshape(len(angka), len(baris))
    data: dict[str, object] = {k: pd.arrays.FloatingArray(x, np.isnan(x)) for k, x in zip(angka, nilai, strict=True)}
    data["no"] = pd.array([str(i) for i in range(1, len(baris) + 1)], dtype="string")
    data["catatan"] = pd.array([", ".join(str(n) for n in sorted(x)) if isinstance(x, set) and x else ""
                                for x in (b.get("_no") for b in baris)], dtype="string")  # fmt: skip
    for k in [*kolom, *bantu]:
        if k not in data:
            data[k] = pd.Series([b.get(k) for b in baris], dtype=object).astype("string").fillna("").array
    return pd.DataFrame({k: data[k] for k in [*kolom, *bantu]})


def _judul(r: Renstra, kelurahan: str | None) -> str:
    info = r.manifest.get("renstra", {})
    pd_ = pilihan.perangkat_daerah(r)
    pemda = _teks(info.get("pemerintah_daerah"))
    periode = info.get("periode")
    masa = f" Periode {periode[0]}-{periode[-1]}" if periode else ""
    kel = f" – Kelurahan {kelurahan}" if kelurahan else ""
    return f"{JUDUL_FORMULIR} {pd_}{' ' + pemda if pemda else ''}{masa}{kel}"
