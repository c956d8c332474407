"""The Renstra template ("Templat Renstra"): any Renstra in the standard forms as one workbook.

An officer fills it in Excel; the dashboard imports it. Sheets:

- ``Petunjuk``: what each sheet and column takes, in Bahasa Indonesia;
- ``Identitas``: perangkat daerah, kecamatan, pemerintah daerah, periode, tanggal, judul;
- ``Kelurahan``: the kelurahan names and the other spellings the document uses;
- ``Daftar Tabel``: one row per table sheet: which form it follows, its label and title, the
  years of data it holds;
- one sheet per table in the form's printed layout (two header rows with merged group
  headings, the numbered column row, then the rows as printed; ``*****`` where the printed
  document cannot be read);
- ``Lanjutan`` (optional): the rest of a manifest as TOML text (indicator polarity, figures the
  prose states, transcription corrections, level overrides), for a Renstra that was transcribed
  with that care; what the first sheets say takes precedence.

Reading (:func:`baca_templat`) goes through the archive and cell checks every upload does
(``loaders.arsip``, ``loaders.buku_kerja``) and lists **every** problem at once (sheet, row,
column), in Bahasa Indonesia: missing sheets, a period that is not five plan years or is
reversed, years outside the period, codes that break program > kegiatan > sub kegiatan
nesting, an item without its parent, text where a pagu goes, a kelurahan the Kelurahan
sheet does not list, a code twice in one table. Writing (:func:`tulis_templat`,
:func:`templat_kosong`) uses ``ekspor.tulis_sel``, so no text ever becomes a formula.
"""

from __future__ import annotations

import io
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from ekspor import tulis_sel
from loaders import arsip
from loaders.buku_kerja import Buku, Lembar
from loaders.errors import DaftarMasalahError, Masalah, RenstraError, letak_toml
from loaders.forms import RANCANGAN, tahun_periode
from loaders.mentah import TabelMentah
from loaders.templat_isi import PETUNJUK, periksa_rencana
from loaders.xlsx import baca_lembar_form, buka_buku, tulis_lembar_form

LEMBAR_PETUNJUK, LEMBAR_IDENTITAS, LEMBAR_KELURAHAN = "Petunjuk", "Identitas", "Kelurahan"
LEMBAR_DAFTAR, LEMBAR_LANJUTAN = "Daftar Tabel", "Lanjutan"
LEMBAR_TETAP = (LEMBAR_PETUNJUK, LEMBAR_IDENTITAS, LEMBAR_KELURAHAN, LEMBAR_DAFTAR, LEMBAR_LANJUTAN)


@dataclass(frozen=True)
class Isian:
    """One row of the Identitas sheet: the manifest key, the label people see, what it takes."""

    kunci: str
    label: str
    keterangan: str
    wajib: bool = True


IDENTITAS: tuple[Isian, ...] = (
    Isian("judul", "Judul dokumen", "Judul seperti di sampul, mis. 'Rencana Strategis Kecamatan ... Tahun 2025-2029'"),
    Isian("perangkat_daerah", "Perangkat daerah", "Mis. 'Kecamatan ...' atau 'Dinas ...'"),
    Isian("kecamatan", "Kecamatan", "Nama kecamatan tanpa kata 'Kecamatan'"),
    Isian("alias_kecamatan", "Ejaan lain kecamatan", "Ejaan lain yang tercetak, dipisah titik koma", False),
    Isian("pemerintah_daerah", "Pemerintah daerah", "Mis. 'Kota ...' atau 'Kabupaten ...'"),
    Isian("periode_awal", "Periode awal", "Tahun, mis. 2025 (atau tahun dasar, mis. 2019 untuk 2019-2024)"),
    Isian("periode_akhir", "Periode akhir", "Tahun, mis. 2029: lima tahun rencana berakhir di tahun ini"),
    Isian("tanggal", "Tanggal dokumen", "Seperti tercetak, mis. 'Oktober 2021'", False),
    Isian("id", "ID Renstra", "Huruf kecil, angka, tanda hubung; kosongkan agar dibuat dari nama dan periode", False),
    Isian("sumber", "Sumber dokumen", "Dari mana dokumen ini (berkas PDF, situs)", False),
)
DAFTAR = (
    ("lembar", "Lembar"),
    ("formulir", "Formulir"),
    ("label", "Label"),
    ("judul", "Judul tabel"),
    ("tahun", "Tahun data"),
    ("bagian", "Bagian dokumen"),
)
KELURAHAN = (("nama", "Nama kelurahan"), ("alias", "Ejaan lain (dipisah titik koma)"))

_ID_SAH = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_KEPALA = PatternFill("solid", fgColor="DDEBF7")


# --- writing ---------------------------------------------------------------------------------


def tulis_templat(manifest: dict[str, Any], manifest_teks: str, tabel: dict[str, TabelMentah], tujuan: Any) -> None:
    """A Renstra (its manifest and raw tables) as the template, filled: the worked example."""
    wb = Workbook()
    wb.remove(wb.active)
    _tulis_petunjuk(wb)
    _tulis_identitas(wb, manifest)
    _tulis_kelurahan(wb, manifest)
    meta = {str(m.get("id")): m for m in manifest.get("tabel", [])}
    _tulis_daftar(wb, [(tid, meta.get(tid, {}), tm.formulir.kode) for tid, tm in tabel.items()])
    for tid, tm in tabel.items():
        tulis_lembar_form(wb, tid, tm.formulir, tm.baris_nomor, tm.data)
    _tulis_lanjutan(wb, manifest_teks)
    wb.save(tujuan)


def templat_kosong(periode: tuple[int, int]) -> bytes:
    """An empty template for a period (``(2025, 2029)``): every form's sheet with that period's years."""
    awal, akhir = int(periode[0]), int(periode[1])
    rencana = tahun_periode((awal, akhir))
    evaluasi = list(range(rencana[0] - 5, rencana[0]))
    tahun = {
        "T-C.23": {"tahun": evaluasi},
        "T-C.24": {"tahun": evaluasi},
        "T-C.25": {"tahun": rencana},
        "T-C.27": {"tahun": rencana},
        "T-C.28": {"awal": [rencana[0] - 1], "tahun": rencana, "akhir": [akhir]},
    }
    baku = [
        ("T-C.23", "T-C.23", "Pencapaian Kinerja Pelayanan", evaluasi),
        ("T-C.24", "T-C.24", "Anggaran dan Realisasi Pendanaan Pelayanan", evaluasi),
        ("T-C.25", "T-C.25", "Tujuan dan Sasaran Jangka Menengah Pelayanan", rencana),
        ("T-C.26", "T-C.26", "Tujuan, Sasaran, Strategi dan Arah Kebijakan", []),
        ("T-C.27", "T-C.27", "Rencana Program, Kegiatan, dan Pendanaan", rencana),
        ("T-C.28", "T-C.28", "Indikator Kinerja yang Mengacu pada Tujuan dan Sasaran RPJMD", rencana),
        ("Pegawai", "2.2.1", "Komposisi Pegawai", []),
        ("Pegawai per unit", "2.2.2", "Komposisi Pegawai per Unit Kerja", []),
        ("Sarana prasarana", "2.2.3", "Sarana dan Prasarana", []),
        ("Keterkaitan", "3.1", "Keterkaitan Visi, Misi, Tujuan dan Sasaran", []),
        ("Isu strategis", "3.5", "Isu-isu Strategis", []),
    ]
    wb = Workbook()
    wb.remove(wb.active)
    _tulis_petunjuk(wb)
    _tulis_identitas(wb, {"renstra": {"periode": [awal, akhir]}})
    _tulis_kelurahan(wb, {})
    _tulis_daftar(
        wb, [(lembar, {"label": lembar, "judul": judul, "tahun": th}, kode) for lembar, kode, judul, th in baku]
    )
    for lembar, kode, _, _ in baku:
        f = RANCANGAN[kode].tata_letak(tahun.get(kode, {}), akhir)
        nomor = [str(j) for j in range(1, len(f.kolom) + 1)]
        tulis_lembar_form(wb, lembar, f, nomor, None)
    _tulis_lanjutan(wb, '[polaritas]\nbawaan = "lebih_tinggi"\n')
    keluaran = io.BytesIO()
    wb.save(keluaran)
    return keluaran.getvalue()


def _kepala(ws: Any, judul: Iterable[str], lebar: Iterable[int]) -> None:
    for j, (teks, w) in enumerate(zip(judul, lebar, strict=True), start=1):
        sel = tulis_sel(ws, 1, j, teks)
        sel.font, sel.fill = Font(bold=True), _KEPALA
        ws.column_dimensions[get_column_letter(j)].width = w
    ws.freeze_panes = "A2"


def _tulis_petunjuk(wb: Workbook) -> None:
    ws = wb.create_sheet(LEMBAR_PETUNJUK)
    ws.column_dimensions["A"].width = 120
    for i, teks in enumerate(PETUNJUK, start=1):
        sel = tulis_sel(ws, i, 1, teks)
        sel.alignment = Alignment(wrap_text=True, vertical="top")
        if i == 1:
            sel.font = Font(bold=True, size=13)


def _tulis_identitas(wb: Workbook, manifest: dict[str, Any]) -> None:
    ws = wb.create_sheet(LEMBAR_IDENTITAS)
    _kepala(ws, ("Isian", "Nilai", "Keterangan"), (26, 70, 80))
    nilai = _nilai_identitas(manifest)
    for i, isian in enumerate(IDENTITAS, start=2):
        tulis_sel(ws, i, 1, isian.label).font = Font(bold=isian.wajib)
        tulis_sel(ws, i, 2, nilai.get(isian.kunci))
        tulis_sel(ws, i, 3, isian.keterangan + ("" if isian.wajib else " (boleh kosong)"))


def _nilai_identitas(manifest: dict[str, Any]) -> dict[str, Any]:
    info = manifest.get("renstra", {})
    kec = manifest.get("kecamatan", {})
    periode = info.get("periode") or [None, None]
    return {
        **{k: info.get(k) for k in ("judul", "perangkat_daerah", "pemerintah_daerah", "tanggal", "id", "sumber")},
        "kecamatan": kec.get("nama"),
        "alias_kecamatan": "; ".join(kec.get("alias", [])) or None,
        "periode_awal": periode[0],
        "periode_akhir": periode[-1],
    }


def _tulis_kelurahan(wb: Workbook, manifest: dict[str, Any]) -> None:
    ws = wb.create_sheet(LEMBAR_KELURAHAN)
    _kepala(ws, [label for _, label in KELURAHAN], (30, 60))
    for i, (nama, alias) in enumerate(manifest.get("kelurahan", {}).items(), start=2):
        tulis_sel(ws, i, 1, nama)
        tulis_sel(ws, i, 2, "; ".join(alias) or None)


def _tulis_daftar(wb: Workbook, baris: list[tuple[str, dict[str, Any], str]]) -> None:
    ws = wb.create_sheet(LEMBAR_DAFTAR)
    _kepala(ws, [label for _, label in DAFTAR], (22, 20, 22, 70, 16, 40))
    for i, (lembar, meta, kode) in enumerate(baris, start=2):
        isi = {
            "lembar": lembar,
            "formulir": kode,
            "label": meta.get("label") or lembar,
            "judul": meta.get("judul"),
            "tahun": teks_tahun(meta.get("tahun", [])),
            "bagian": meta.get("bagian"),
        }
        for j, (kunci, _) in enumerate(DAFTAR, start=1):
            tulis_sel(ws, i, j, isi[kunci] or None)


def _tulis_lanjutan(wb: Workbook, teks: str) -> None:
    ws = wb.create_sheet(LEMBAR_LANJUTAN)
    ws.column_dimensions["A"].width = 120
    for i, baris in enumerate(teks.splitlines(), start=1):
        if baris:
            tulis_sel(ws, i, 1, baris)


def teks_tahun(tahun: Iterable[int]) -> str:
    """``[2022, 2023, 2024]`` -> ``2022-2024``; gaps listed (``2019, 2021``); none -> ``""``."""
    t = sorted(int(x) for x in tahun)
    if not t:
        return ""
    if t == list(range(t[0], t[-1] + 1)) and len(t) > 1:
        return f"{t[0]}-{t[-1]}"
    return ", ".join(map(str, t))


# --- reading ---------------------------------------------------------------------------------


def baca_templat(sumber: Path | bytes, nama: str = "") -> tuple[str, dict[str, Any], dict[str, TabelMentah]]:
    """(manifest text, manifest, raw tables) of a filled template; :class:`DaftarMasalahError` lists every problem."""
    data = sumber.read_bytes() if isinstance(sumber, Path) else sumber
    nama = nama or (sumber.name if isinstance(sumber, Path) else "renstra.xlsx")
    buku = buka_buku(data, nama)
    masalah: list[Masalah] = []
    for lembar in (LEMBAR_IDENTITAS, LEMBAR_KELURAHAN, LEMBAR_DAFTAR):
        if lembar not in buku:
            masalah.append(Masalah(f"lembar wajib '{lembar}' tidak ada; unduh Templat Renstra dari dasbor"))
    if masalah:
        raise DaftarMasalahError(masalah, nama)
    lanjutan, lanjutan_teks = _baca_lanjutan(buku, masalah)
    renstra, kecamatan = _baca_identitas(buku[LEMBAR_IDENTITAS], masalah)
    kelurahan = _baca_kelurahan(buku[LEMBAR_KELURAHAN], masalah)
    daftar = _baca_daftar(buku, renstra.get("periode"), masalah)
    meta_lanjutan = {str(m.get("id")): m for m in lanjutan.get("tabel", [])}
    tabel: dict[str, TabelMentah] = {}
    akhir = renstra["periode"][-1] if renstra.get("periode") else None
    for meta in daftar:
        meta = {"berkas": f"{meta['id']}.xlsx", **meta_lanjutan.get(meta["id"], {}), **meta}
        try:
            tabel[meta["id"]] = baca_lembar_form(buku[meta["id"]], meta, akhir)
        except RenstraError as e:
            masalah.append(_dari_galat(e, meta["id"]))
    manifest = {**lanjutan, "renstra": {**lanjutan.get("renstra", {}), **renstra}, "kecamatan": kecamatan}
    manifest["kelurahan"] = kelurahan
    manifest["tabel"] = [
        {"berkas": f"{m['id']}.xlsx", **meta_lanjutan.get(m["id"], {}), **m} for m in daftar if m["id"] in tabel
    ]
    masalah += periksa_rencana(tabel, manifest)  # over the tables that could be read
    if masalah:
        raise DaftarMasalahError(masalah, nama)
    return lanjutan_teks, manifest, tabel


def _dari_galat(e: RenstraError, lembar: str) -> Masalah:
    """A loader's error as a located problem: its sheet, row and column, its message."""
    return Masalah(e.pesan, lembar=lembar, baris=e.baris, kolom=e.kolom)


def _teks(w: Lembar, r: int, c: int) -> str:
    s = w[(r, c)]
    if s.nilai is None:
        return ""
    if isinstance(s.nilai, float) and s.nilai.is_integer():
        return str(int(s.nilai))
    return " ".join(str(s.nilai).split())


def _tanpa_rumus(w: Lembar, masalah: list[Masalah]) -> None:
    for (r, c), s in sorted(w.sel.items()):
        if s.rumus:
            masalah.append(Masalah("sel berisi rumus; tulis nilainya", w.nama, r, get_column_letter(c)))


def _baca_identitas(w: Lembar, masalah: list[Masalah]) -> tuple[dict[str, Any], dict[str, Any]]:
    """[renstra] and [kecamatan] of the manifest, from the Identitas sheet (label in A, value in B)."""
    _tanpa_rumus(w, masalah)
    per_label = {isian.label.lower(): isian for isian in IDENTITAS}
    nilai: dict[str, tuple[str, int]] = {}
    for r in range(2, w.max_baris + 1):
        isian = per_label.get(_teks(w, r, 1).lower())
        if isian is not None:
            nilai[isian.kunci] = (_teks(w, r, 2), r)
    for isian in IDENTITAS:
        if isian.wajib and not nilai.get(isian.kunci, ("", 0))[0]:
            r = nilai.get(isian.kunci, ("", None))[1]
            masalah.append(Masalah(f"'{isian.label}' wajib diisi", w.nama, r, "B"))
    periode = _periode(nilai, w.nama, masalah)
    renstra = {
        k: nilai[k][0]
        for k in ("judul", "perangkat_daerah", "pemerintah_daerah", "tanggal", "sumber")
        if nilai.get(k, ("",))[0]
    }
    if periode:
        renstra["periode"] = periode
    renstra["id"] = _id(nilai, renstra, w.nama, masalah)
    kecamatan = {"nama": nilai.get("kecamatan", ("",))[0], "alias": _pisah(nilai.get("alias_kecamatan", ("",))[0])}
    return renstra, kecamatan


def _periode(nilai: dict[str, tuple[str, int]], lembar: str, masalah: list[Masalah]) -> list[int] | None:
    teks = [nilai.get(k, ("", None)) for k in ("periode_awal", "periode_akhir")]
    if not all(t for t, _ in teks):
        return None
    try:
        awal, akhir = (int(t) for t, _ in teks)
    except ValueError:
        r = next(r for t, r in teks if not t.isdigit())
        masalah.append(Masalah("periode harus tahun, mis. 2025", lembar, r, "B"))
        return None
    r = teks[1][1]
    if akhir < awal:
        masalah.append(Masalah(f"periode terbalik: awal {awal}, akhir {akhir}", lembar, r, "B"))
    elif akhir - awal not in (4, 5):
        masalah.append(
            Masalah(
                f"periode {awal}-{akhir} bukan lima tahun rencana (mis. 2025-2029, atau 2019-2024 dengan tahun "
                "dasar 2019)",
                lembar,
                r,
                "B",
            )
        )
    else:
        return [awal, akhir]
    return None


def _id(nilai: dict[str, tuple[str, int]], renstra: dict[str, Any], lembar: str, masalah: list[Masalah]) -> str:
    teks, r = nilai.get("id", ("", None))
    if teks:
        if not _ID_SAH.match(teks):
            masalah.append(
                Masalah(f"ID Renstra '{teks[:40]}' hanya boleh huruf kecil, angka dan tanda hubung", lembar, r, "B")
            )
        return teks
    dasar = re.sub(r"^(kecamatan|kec\.)\s+", "", str(renstra.get("perangkat_daerah", "")).lower())
    slug = re.sub(r"[^a-z0-9]+", "-", dasar).strip("-") or "renstra"
    periode = renstra.get("periode")
    return f"{slug}-{periode[0]}-{periode[1]}" if periode else slug


def _pisah(teks: str) -> list[str]:
    return [b.strip() for b in re.split(r"[;\n]", teks or "") if b.strip()]


def _baca_kelurahan(w: Lembar, masalah: list[Masalah]) -> dict[str, list[str]]:
    _tanpa_rumus(w, masalah)
    hasil: dict[str, list[str]] = {}
    dilihat: dict[str, int] = {}
    for r in range(2, w.max_baris + 1):
        nama, alias = _teks(w, r, 1), _pisah(_teks(w, r, 2))
        if not nama:
            if alias:
                masalah.append(Masalah("ejaan lain tanpa nama kelurahan", w.nama, r, "A"))
            continue
        for n in [nama, *alias]:
            kunci = re.sub(r"[^a-z]", "", n.lower())
            if kunci in dilihat and dilihat[kunci] != r:
                masalah.append(
                    Masalah(f"'{n[:40]}' sudah disebut di baris {dilihat[kunci]}", w.nama, r, "A" if n == nama else "B")
                )
            dilihat.setdefault(kunci, r)
        hasil[nama] = alias
    if not hasil:
        masalah.append(Masalah("daftar kelurahan kosong; isi satu kelurahan per baris", w.nama, 2, "A"))
    return hasil


def _baca_daftar(buku: Buku, periode: list[int] | None, masalah: list[Masalah]) -> list[dict[str, Any]]:
    """The table sheets to read, each checked: sheet present, form known, years inside the period."""
    w = buku[LEMBAR_DAFTAR]
    _tanpa_rumus(w, masalah)
    hasil: list[dict[str, Any]] = []
    for r in range(2, w.max_baris + 1):
        isi = {kunci: _teks(w, r, j) for j, (kunci, _) in enumerate(DAFTAR, start=1)}
        if not any(isi.values()):
            continue
        meta = _meta_tabel(isi, r, w.nama, buku, periode, masalah)
        if meta is not None:
            hasil.append(meta)
    kode = {m["formulir"] for m in hasil}
    if not kode & {"T-C.27", "T-C.27 (2022-2024)"}:
        masalah.append(Masalah("tabel T-C.27 (program, kegiatan, sub kegiatan, target dan pagu) wajib ada", w.nama))
    if not kode & {"T-C.25", "T-C.28"}:
        masalah.append(Masalah("tabel T-C.25 atau T-C.28 (tujuan dan sasaran dengan target) wajib ada", w.nama))
    disebut = {m["id"] for m in hasil}
    for n in buku.sheetnames:
        if n not in disebut and n not in LEMBAR_TETAP:
            masalah.append(Masalah(f"lembar '{arsip.teks_bagian(n)}' tidak tercantum di '{LEMBAR_DAFTAR}'", n))
    return hasil


def _meta_tabel(
    isi: dict[str, str], r: int, lembar: str, buku: Buku, periode: list[int] | None, masalah: list[Masalah]
) -> dict[str, Any] | None:
    kolom = {kunci: get_column_letter(j) for j, (kunci, _) in enumerate(DAFTAR, start=1)}
    if isi["lembar"] not in buku:
        masalah.append(Masalah(f"lembar '{isi['lembar'][:40]}' tidak ada di buku kerja", lembar, r, kolom["lembar"]))
        return None
    if isi["formulir"] not in RANCANGAN:
        daftar = ", ".join(k for k in RANCANGAN if "(" not in k)
        masalah.append(
            Masalah(f"formulir '{isi['formulir'][:20]}' tidak dikenal; pilih {daftar}", lembar, r, kolom["formulir"])
        )
        return None
    try:
        tahun = baca_tahun(isi["tahun"])
    except ValueError as e:
        masalah.append(Masalah(str(e), lembar, r, kolom["tahun"]))
        return None
    luar = _di_luar_periode(isi["formulir"], tahun, periode)
    if luar:
        masalah.append(Masalah(luar, lembar, r, kolom["tahun"]))
    meta = {
        "id": isi["lembar"],
        "formulir": isi["formulir"],
        "label": isi["label"] or isi["lembar"],
        "tahun": tahun,
    }
    meta |= {k: isi[k] for k in ("judul", "bagian") if isi[k]}
    return meta


def baca_tahun(teks: str) -> list[int]:
    """``2025-2029`` / ``2020`` / ``2019, 2021`` / empty -> the years; ValueError with an Indonesian message."""
    hasil: list[int] = []
    for bagian in (b.strip() for b in re.split(r"[,;]", teks or "") if b.strip()):
        m = re.fullmatch(r"(\d{4})(?:\s*[-–]\s*(\d{4}))?", bagian)
        if not m:
            raise ValueError(f"tahun '{bagian[:20]}' tidak terbaca; tulis mis. 2025-2029 atau 2020")
        awal, akhir = int(m.group(1)), int(m.group(2) or m.group(1))
        if akhir < awal:
            raise ValueError(f"rentang tahun '{bagian}' terbalik")
        hasil += range(awal, akhir + 1)
    return sorted(set(hasil))


_EVALUASI_KODE = ("T-C.23", "T-C.24")


def _di_luar_periode(kode: str, tahun: list[int], periode: list[int] | None) -> str:
    """Why the years do not fit the period ('' when they do)."""
    if not periode or not tahun:
        return ""
    rencana = tahun_periode(periode)
    if kode in _EVALUASI_KODE:  # evaluations of what came before, up to the first plan year
        luar = [t for t in tahun if t > rencana[0]]
        batas = f"sampai {rencana[0]}"
    else:
        luar = [t for t in tahun if not periode[0] <= t <= periode[1]]
        batas = f"{periode[0]}-{periode[1]}"
    if not luar:
        return ""
    return f"tahun {teks_tahun(luar)} di luar periode Renstra ({batas})"


def _baca_lanjutan(buku: Buku, masalah: list[Masalah]) -> tuple[dict[str, Any], str]:
    if LEMBAR_LANJUTAN not in buku:
        return {}, ""
    w = buku[LEMBAR_LANJUTAN]
    _tanpa_rumus(w, masalah)
    teks = "\n".join("" if w[(r, 1)].nilai is None else str(w[(r, 1)].nilai) for r in range(1, w.max_baris + 1))
    teks += "\n"
    try:
        return tomllib.loads(teks), teks
    except tomllib.TOMLDecodeError as e:
        masalah.append(Masalah(f"isi lembar bukan TOML yang sah ({letak_toml(e)})", LEMBAR_LANJUTAN))
        return {}, teks
