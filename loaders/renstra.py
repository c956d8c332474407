"""``load_renstra``: a Renstra (bundled, a folder of CSVs or one .xlsx) as DataFrames."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import pandas as pd

from loaders import evaluasi, profil
from loaders.errors import RenstraError, letak_toml
from loaders.forms import akhir_periode
from loaders.mentah import TabelMentah, baca_csv
from loaders.peta import Peta, PetaError, peta_folder
from loaders.rencana import rencana as muat_rencana
from loaders.sasaran import sasaran as muat_sasaran
from loaders.templat_renstra import baca_templat, tulis_templat
from loaders.wilayah import Wilayah

FOLDER_BAWAAN = Path(__file__).resolve().parent.parent / "renstra_data" / "wonoasih-2019-2024"
NAMA_MANIFEST = "manifest.toml"
POLARITAS = ("lebih_tinggi", "lebih_rendah")


@dataclass
class Renstra:
    """The document's tables. Every frame has a ``tabel`` and ``baris`` column tracing it to its source."""

    manifest: dict[str, Any]
    manifest_teks: str
    tabel_mentah: dict[str, TabelMentah]
    wilayah: Wilayah
    rencana: pd.DataFrame
    kinerja: pd.DataFrame
    anggaran: pd.DataFrame
    sasaran: pd.DataFrame
    pegawai: pd.DataFrame
    pegawai_total: pd.DataFrame
    sarpras: pd.DataFrame
    keterkaitan: pd.DataFrame
    isu_strategis: pd.DataFrame
    strategi: pd.DataFrame
    visi: str
    sumber: str
    # Kelurahan boundaries for the map (a folder's optional [peta]); None: no map panels. ``peta_galat``
    # says why a declared boundary file could not be used (the rest of the Renstra still loads).
    peta: Peta | None = None
    peta_galat: str = ""
    frames: tuple[str, ...] = field(
        default=(
            "rencana", "kinerja", "anggaran", "sasaran", "pegawai", "pegawai_total",
            "sarpras", "keterkaitan", "isu_strategis", "strategi",
        ),
        repr=False,
    )  # fmt: skip

    @property
    def judul(self) -> str:
        return str(self.manifest.get("renstra", {}).get("judul", ""))

    @property
    def kelurahan(self) -> list[str]:
        return list(self.wilayah.kelurahan)

    def ke_xlsx(self, tujuan: Path | IO[bytes]) -> None:
        """The whole Renstra as the Renstra template, filled (``loaders.templat_renstra``); ``load_renstra`` reads it back."""
        tulis_templat(self.manifest, self.manifest_teks, self.tabel_mentah, tujuan)


def _polaritas(manifest: dict[str, Any]) -> tuple[dict[str, str], str]:
    pol = manifest.get("polaritas", {})
    bawaan = str(pol.get("bawaan", "lebih_tinggi"))
    peta = {}
    for x in [{"polaritas": bawaan, "indikator": ""}, *pol.get("indikator", [])]:
        if x.get("polaritas") not in POLARITAS:
            raise RenstraError(
                f"polaritas '{x.get('polaritas')}' di manifest tidak dikenal; pilih {' atau '.join(POLARITAS)}"
            )
        if x.get("indikator"):
            peta[str(x["indikator"])] = str(x["polaritas"])
    return peta, bawaan


def _cek_manifest(manifest: dict[str, Any]) -> None:
    if not manifest.get("tabel"):
        raise RenstraError("manifest tidak menyebut satu tabel pun ([[tabel]])")
    if not manifest.get("kelurahan"):
        raise RenstraError("manifest tidak menyebut daftar kelurahan ([kelurahan])")
    ids = [t.get("id") for t in manifest["tabel"]]
    for t in manifest["tabel"]:
        for k in ("id", "berkas", "formulir", "label"):
            if not t.get(k):
                raise RenstraError(f"manifest: tabel '{t.get('id', '?')}' tidak punya '{k}'")
    ganda = {i for i in ids if ids.count(i) > 1}
    if ganda:
        raise RenstraError(f"manifest: id tabel ganda {sorted(ganda)}")


def _dari_folder(folder: Path) -> tuple[str, dict[str, Any], dict[str, TabelMentah]]:
    path = folder / NAMA_MANIFEST
    if not path.is_file():
        raise RenstraError(f"folder '{folder}' tidak berisi {NAMA_MANIFEST}")
    try:
        teks = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise RenstraError(f"{NAMA_MANIFEST} bukan teks UTF-8; simpan ulang sebagai UTF-8") from None
    try:
        manifest = tomllib.loads(teks)
    except tomllib.TOMLDecodeError as e:
        raise RenstraError(f"{NAMA_MANIFEST} bukan TOML yang sah ({letak_toml(e)})") from None
    _cek_manifest(manifest)
    akhir = akhir_periode(manifest)
    return teks, manifest, {str(m["id"]): baca_csv(folder, m, akhir) for m in manifest["tabel"]}


def load_renstra(source: str | Path | None = None) -> Renstra:
    """Load the bundled Renstra (``None``), a folder in its layout (CSV + manifest.toml), or a Renstra
    template workbook (.xlsx, ``loaders.templat_renstra``)."""
    path = FOLDER_BAWAAN if source is None else Path(source)
    if path.is_dir():
        teks, manifest, tabel = _dari_folder(path)
    elif path.suffix.lower() == ".xlsx" and path.is_file():
        return renstra_dari_xlsx(path.read_bytes(), path.name, str(path))
    elif not path.exists():
        raise RenstraError(f"sumber '{path}' tidak ditemukan")
    else:
        raise RenstraError(f"sumber '{path.name}' bukan folder Renstra maupun buku kerja .xlsx")
    r = _susun(teks, manifest, tabel, str(path))
    try:
        r.peta = peta_folder(path, manifest, r.wilayah)
    except PetaError as e:
        r.peta_galat = e.pesan
    return r


def renstra_dari_xlsx(data: bytes, nama: str = "renstra.xlsx", sumber: str = "") -> Renstra:
    """A Renstra from the bytes of a filled template; ``DaftarMasalahError`` lists every problem."""
    teks, manifest, tabel = baca_templat(data, nama)
    _cek_manifest(manifest)
    return _susun(teks, manifest, tabel, sumber or nama)


def _susun(teks: str, manifest: dict[str, Any], tabel: dict[str, TabelMentah], sumber: str) -> Renstra:
    wilayah = Wilayah.dari_manifest(manifest)
    polaritas, bawaan = _polaritas(manifest)

    def per(*kode: str) -> list[TabelMentah]:
        return [tm for tm in tabel.values() if tm.formulir.kode in kode]

    pegawai, pegawai_total = profil.pegawai(per("2.2.1", "2.2.2"), wilayah)
    strategi, visi = profil.strategi(per("T-C.26"))
    return Renstra(
        manifest=manifest,
        manifest_teks=teks,
        tabel_mentah=tabel,
        wilayah=wilayah,
        rencana=muat_rencana(per("T-C.27", "T-C.27 (2022-2024)"), wilayah, polaritas, bawaan),
        kinerja=evaluasi.kinerja(per("T-C.23"), polaritas, bawaan),
        anggaran=evaluasi.anggaran(per("T-C.24")),
        sasaran=muat_sasaran(per("T-C.25", "T-C.28"), polaritas, bawaan),
        pegawai=pegawai,
        pegawai_total=pegawai_total,
        sarpras=profil.sarpras(per("2.2.3")),
        keterkaitan=profil.keterkaitan(per("3.1")),
        isu_strategis=profil.isu_strategis(per("3.5")),
        strategi=strategi,
        visi=visi,
        sumber=sumber,
    )
