"""Staff (2.2.1, 2.2.2), assets (2.2.3) and the strategic tables (3.1, 3.5, T-C.26) in tidy form."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pandas as pd

from loaders.frame import BULAT, TEKS, Sel, bingkai_rekaman
from loaders.mentah import TabelMentah, siapkan_angka
from loaders.wilayah import KelurahanTakDikenal, Wilayah

SKEMA_PEGAWAI = {
    "tabel": TEKS, "baris": BULAT, "kriteria": TEKS, "kategori": TEKS, "kelurahan": TEKS,
    "jenis_kelamin": TEKS, "jumlah": BULAT,
}  # fmt: skip
SKEMA_PEGAWAI_TOTAL = {
    "tabel": TEKS, "baris": BULAT, "kriteria": TEKS, "kategori": TEKS, "jenis_kelamin": TEKS, "total_dokumen": BULAT,
}  # fmt: skip
SKEMA_SARPRAS = {
    "tabel": TEKS, "baris": BULAT, "kelompok": TEKS, "nama": TEKS, "jumlah": BULAT, "satuan": TEKS,
    "baik": BULAT, "kurang_baik": BULAT, "rusak": BULAT, "rusak_berat": BULAT, "keterangan": TEKS,
}  # fmt: skip
SKEMA_KETERKAITAN = {
    "tabel": TEKS,
    "baris": BULAT,
    "misi_kota": TEKS,
    "tujuan": TEKS,
    "sasaran": TEKS,
    "isu_strategis": TEKS,
}
SKEMA_ISU = {"tabel": TEKS, "baris": BULAT, "no": TEKS, "urusan": TEKS, "permasalahan": TEKS, "isu_strategis": TEKS}
SKEMA_STRATEGI = {
    "tabel": TEKS, "baris": BULAT, "misi": TEKS, "tujuan": TEKS, "sasaran": TEKS, "strategi": TEKS, "arah_kebijakan": TEKS,
}  # fmt: skip

_JENIS_KELAMIN = {"lakilaki": "Laki-laki", "perempuan": "Perempuan"}


def _jk(teks: str) -> str:
    return _JENIS_KELAMIN.get(re.sub(r"[^a-z]", "", teks.lower()), "")


def _bulat(sel: Sel, kolom: str) -> Callable[[int], int | None]:
    """``baca(i)``: the staff count of row ``i`` in ``kolom`` (None if empty). Raises as ``tm.angka``
    would, or when the count is not a whole non-negative number."""
    larik = sel.angka([kolom])[kolom]
    angka, teks, galat = larik["angka"].tolist(), larik["teks"].tolist(), larik["galat"].tolist()

    def baca(i: int) -> int | None:
        if galat[i] is not None:
            raise sel.tm.galat(galat[i], sel.baris[i], kolom)
        v = angka[i]
        if v is not None and (v < 0 or not float(v).is_integer()):
            raise sel.tm.galat(f"jumlah pegawai '{teks[i]}' harus bilangan bulat tidak negatif", sel.baris[i], kolom)
        return None if v is None else int(v)

    return baca


def pegawai(tabel: list[TabelMentah], wilayah: Wilayah) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Tidy staff counts and the totals the document prints beside them."""
    data: list[dict[str, Any]] = []
    total: list[dict[str, Any]] = []
    kolom = {"2.2.1": ["total", "jumlah"], "2.2.2": ["laki_laki", "perempuan", "jumlah"]}
    siapkan_angka([(tm, kolom.get(tm.formulir.kode, kolom["2.2.2"]), "nilai") for tm in tabel])
    for tm in tabel:
        if tm.formulir.kode == "2.2.1":
            _menurut_kriteria(Sel(tm), data, total)
        else:
            _per_unit_kerja(Sel(tm), wilayah, data, total)
    return bingkai_rekaman(data, SKEMA_PEGAWAI), bingkai_rekaman(total, SKEMA_PEGAWAI_TOTAL)


def _menurut_kriteria(sel: Sel, data: list[dict[str, Any]], total: list[dict[str, Any]]) -> None:
    """2.2.1: staff by criterion (rank, education, ...) and sex, and the totals printed per criterion."""
    tm, kriteria, kategori = sel.tm, "", ""
    kriteria_k, kategori_k = sel.teks("kriteria"), sel.teks("kategori")
    total_b, jumlah_b = _bulat(sel, "total"), _bulat(sel, "jumlah")
    for i, b in enumerate(sel.baris):
        if kriteria_k[i]:
            kriteria, kategori = kriteria_k[i], ""
            t = total_b(i)
            if t is not None:
                total.append({"tabel": tm.label, "baris": b, "kriteria": kriteria, "kategori": "",
                              "jenis_kelamin": "", "total_dokumen": t})  # fmt: skip
        if not kriteria:
            raise tm.galat("baris tanpa kriteria di atasnya", b, "kriteria")
        teks = kategori_k[i]
        jk = _jk(teks)
        jumlah = jumlah_b(i)
        if not jk:
            if jumlah is not None:
                raise tm.galat(f"'{teks}' bukan Laki-laki/Perempuan tetapi berisi jumlah", b, "jumlah")
            kategori = teks
            continue
        if jumlah is None:
            raise tm.galat("jumlah pegawai kosong", b, "jumlah")
        data.append({"tabel": tm.label, "baris": b, "kriteria": kriteria, "kategori": kategori or "Seluruh pegawai",
                     "kelurahan": "", "jenis_kelamin": jk, "jumlah": jumlah})  # fmt: skip


def _per_unit_kerja(sel: Sel, wilayah: Wilayah, data: list[dict[str, Any]], total: list[dict[str, Any]]) -> None:
    """2.2.2: staff per unit kerja (kelurahan) and sex, and the TOTAL row."""
    tm = sel.tm
    unit_k, no_k = sel.teks("unit_kerja"), sel.teks("no")
    baca = [_bulat(sel, k) for k in ("laki_laki", "perempuan", "jumlah")]
    for i, b in enumerate(sel.baris):
        unit = unit_k[i]
        laki, perempuan, jumlah = (f(i) for f in baca)
        if no_k[i].upper() == "TOTAL":
            for jk, v in (("Laki-laki", laki), ("Perempuan", perempuan), ("", jumlah)):
                total.append({"tabel": tm.label, "baris": b, "kriteria": "Unit Kerja", "kategori": "",
                              "jenis_kelamin": jk, "total_dokumen": v})  # fmt: skip
            continue
        if not unit:
            raise tm.galat("unit kerja kosong", b, "unit_kerja")
        try:
            kelurahan = wilayah.kanonik(unit)
        except KelurahanTakDikenal as e:
            raise tm.galat(f"{e}; kelurahan yang dikenal: {', '.join(wilayah.kelurahan)}", b, "unit_kerja") from None
        total.append({"tabel": tm.label, "baris": b, "kriteria": "Unit Kerja", "kategori": unit,
                      "jenis_kelamin": "", "total_dokumen": jumlah})  # fmt: skip
        for jk, v in (("Laki-laki", laki), ("Perempuan", perempuan)):
            data.append({"tabel": tm.label, "baris": b, "kriteria": "Unit Kerja", "kategori": unit,
                         "kelurahan": kelurahan, "jenis_kelamin": jk, "jumlah": v})  # fmt: skip


_KONDISI = re.compile(r"(?:(\d+)\s*(?:buah|unit|set|lokal)?\s*)?(kurang baik|rusak berat|rusak)", re.IGNORECASE)


def _kondisi(keterangan: str, jumlah: int) -> dict[str, int]:
    """Counts by condition from a remark such as '7 buah kurang baik, 1 buah rusak berat'.

    A condition without a count ('Kurang baik', 'Faximile rusak') covers the whole item.
    """
    hasil = {"kurang_baik": 0, "rusak": 0, "rusak_berat": 0}
    for angka, kondisi in _KONDISI.findall(keterangan):
        hasil[kondisi.lower().replace(" ", "_")] += int(angka) if angka else jumlah
    return hasil


def sarpras(tabel: list[TabelMentah]) -> pd.DataFrame:
    siapkan_angka([(tm, ["jumlah"], "nilai") for tm in tabel])
    rekaman = []
    for tm in tabel:
        kelompok = ""
        sel = Sel(tm)
        jenis_k, no_k, jumlah_k, keterangan_k = (sel.teks(k) for k in ("jenis", "no", "jumlah", "keterangan"))
        larik = sel.angka(["jumlah"])["jumlah"]
        angka, satuan, teks, galat = (larik[k].tolist() for k in ("angka", "satuan", "teks", "galat"))
        for i, b in enumerate(sel.baris):
            nama = jenis_k[i]
            if no_k[i]:
                kelompok = nama
                if not jumlah_k[i]:
                    continue
            if galat[i] is not None:
                raise tm.galat(galat[i], b, "jumlah")
            if angka[i] is None or angka[i] < 0 or not float(angka[i]).is_integer():
                raise tm.galat(f"jumlah '{teks[i]}' harus bilangan bulat dengan satuan, mis. '40 buah'", b, "jumlah")
            jumlah = int(angka[i])
            kondisi = _kondisi(keterangan_k[i], jumlah)
            if sum(kondisi.values()) > jumlah:
                raise tm.galat(
                    f"keterangan menyebut lebih banyak barang rusak/kurang baik daripada jumlahnya ({jumlah})",
                    b,
                    "keterangan",
                )
            rekaman.append({"tabel": tm.label, "baris": b, "kelompok": kelompok, "nama": re.sub(r"^-\s*", "", nama),
                            "jumlah": jumlah, "satuan": satuan[i], "baik": jumlah - sum(kondisi.values()), **kondisi,
                            "keterangan": keterangan_k[i]})  # fmt: skip
    return bingkai_rekaman(rekaman, SKEMA_SARPRAS)


def _isi_ke_bawah(tm: TabelMentah, kolom: list[str]) -> list[dict[str, Any]]:
    """Rows with merged (empty) cells filled from the row above, as the printed table reads."""
    terakhir = dict.fromkeys(kolom, "")
    hasil = []
    sel = Sel(tm)
    teks = {k: sel.teks(k) for k in tm.formulir.keys}
    for i, b in enumerate(sel.baris):
        r: dict[str, Any] = {"tabel": tm.label, "baris": b}
        for k in tm.formulir.keys:
            r[k] = teks[k][i]
        for k in kolom:
            r[k] = r[k] or terakhir[k]
            terakhir[k] = r[k]
        hasil.append(r)
    return hasil


def keterkaitan(tabel: list[TabelMentah]) -> pd.DataFrame:
    rekaman = [r for tm in tabel for r in _isi_ke_bawah(tm, ["misi_kota", "tujuan", "sasaran"])]
    return bingkai_rekaman(rekaman, SKEMA_KETERKAITAN)


def isu_strategis(tabel: list[TabelMentah]) -> pd.DataFrame:
    rekaman = [r for tm in tabel for r in _isi_ke_bawah(tm, ["no", "urusan"])]
    return bingkai_rekaman(rekaman, SKEMA_ISU)


def strategi(tabel: list[TabelMentah]) -> tuple[pd.DataFrame, str]:
    """T-C.26 rows under their misi, and the visi line printed at its top."""
    rekaman = []
    visi = ""
    for tm in tabel:
        misi = tujuan = sas = strat = ""
        sel = Sel(tm)
        tujuan_k, sasaran_k, strategi_k, arah_k = (
            sel.teks(k) for k in ("tujuan", "sasaran", "strategi", "arah_kebijakan")
        )
        for i, (b, seksi) in enumerate(zip(sel.baris, sel.seksi(), strict=True)):
            if seksi.lower().startswith("visi"):
                visi = seksi.split(":", 1)[-1].strip().strip('“”"')
                continue
            if seksi:
                misi, tujuan, sas, strat = seksi, "", "", ""
                continue
            tujuan = tujuan_k[i] or tujuan
            sas = sasaran_k[i] or sas
            strat = strategi_k[i] or strat
            rekaman.append({"tabel": tm.label, "baris": b, "misi": misi, "tujuan": tujuan, "sasaran": sas,
                            "strategi": strat, "arah_kebijakan": arah_k[i]})  # fmt: skip
    return bingkai_rekaman(rekaman, SKEMA_STRATEGI), visi
