"""Profil kecamatan page: staff (Tabel 2.2.1, 2.2.2) and assets with their condition (Tabel 2.2.3). Pure pandas.

Staff figures are the tables' own rows; the totals the document prints beside them
(``r.pegawai_total``) are carried along so a page can show both. A document's prose may give
other staff counts (recorded as ``[[klaim]]`` in its manifest): ``klaim_pegawai`` sets them
beside the tables' figure instead of picking one silently.

The three tables are optional: a Renstra without them gives empty frames, and the page says
which table is missing (``formulir_ada``, ``pesan_tanpa_tabel``).

Assets: the document prints only the quantity and a remark ("7 buah kurang baik, 1 buah rusak
berat"); the loader reads the remark into kurang_baik / rusak / rusak_berat, and ``baik`` is the
quantity minus those. ``sarpras`` keeps the remark so every split can be checked.
"""

from __future__ import annotations

import pandas as pd

import kosakata
from loaders import Renstra

TABEL_KOMPOSISI = "Tabel 2.2.1"
TABEL_UNIT = "Tabel 2.2.2"
KRITERIA_JENIS_KELAMIN = "Jenis Kelamin"
KONDISI = ("baik", "kurang_baik", "rusak", "rusak_berat")
LABEL_KONDISI = {"baik": "Baik", "kurang_baik": "Kurang baik", "rusak": "Rusak", "rusak_berat": "Rusak berat"}
KLAIM_PEGAWAI = "jumlah_pegawai"
TABEL_SARPRAS = "Tabel 2.2.3"


# --- which optional tables a Renstra holds (shared by the Kinerja, Kelurahan and Profil pages) ---------


def formulir_ada(r: Renstra) -> list[str]:
    """The standard forms the Renstra holds a table of (``["2.2.1", "T-C.23", "T-C.25", ...]``)."""
    return sorted({str(tm.formulir.kode) for tm in r.tabel_mentah.values()})


pesan_tanpa_tabel = kosakata.tanpa_tabel  # the pages' name for the shared caveat


def judul_tabel(r: Renstra, formulir: str) -> str:
    """The printed title of the Renstra's table of ``formulir`` (``Komposisi Pegawai ... Tahun 2021``) with
    the document's own source note in brackets (``(Data Simda BMD ...)``), for a source line; "" when absent."""
    tm = next((t for t in r.tabel_mentah.values() if t.formulir.kode == formulir), None)
    if tm is None:
        return ""
    judul = str(tm.meta.get("judul") or "").strip()
    catatan = str(tm.meta.get("catatan") or "").strip()
    catatan = catatan.removeprefix("Sumber:").strip() if catatan.startswith("Sumber:") else ""
    return f"{judul} ({catatan})".strip() if catatan else judul


def _lebar(p: pd.DataFrame, indeks: list[str]) -> pd.DataFrame:
    """Long staff rows (one per jenis kelamin) -> laki_laki, perempuan, jumlah per ``indeks``, in printed order."""
    urut = p.groupby(indeks, sort=False)["baris"].min().rename("_baris")
    lebar = p.pivot_table(index=indeks, columns="jenis_kelamin", values="jumlah", aggfunc="sum", sort=False)
    lebar = lebar.rename(columns={"Laki-laki": "laki_laki", "Perempuan": "perempuan"})
    for c in ("laki_laki", "perempuan"):
        if c not in lebar.columns:
            lebar[c] = pd.NA
    lebar = lebar.join(urut).sort_values("_baris", kind="stable").reset_index()
    lebar["jumlah"] = lebar[["laki_laki", "perempuan"]].sum(axis=1, min_count=1)
    lebar = lebar.rename(columns={"_baris": "baris"})
    return lebar.astype({"laki_laki": "Int64", "perempuan": "Int64", "jumlah": "Int64", "baris": "Int64"})


def kriteria(r: Renstra) -> list[str]:
    """The criteria of Tabel 2.2.1 in printed order (Jenis Kelamin, Pendidikan Terakhir, ...)."""
    p = r.pegawai[r.pegawai["tabel"] == TABEL_KOMPOSISI]
    return list(dict.fromkeys(p.sort_values("baris", kind="stable")["kriteria"]))


def pegawai_menurut(r: Renstra, nama_kriteria: str) -> pd.DataFrame:
    """Staff of Tabel 2.2.1 by one criterion: kategori, laki_laki, perempuan, jumlah, baris (printed order).

    Categories the document prints as 0 for both sexes (e.g. Eselon II-a) stay: they are figures, not gaps.
    """
    p = r.pegawai[(r.pegawai["tabel"] == TABEL_KOMPOSISI) & (r.pegawai["kriteria"] == nama_kriteria)]
    kolom = ["kategori", "laki_laki", "perempuan", "jumlah", "baris"]
    if p.empty:
        return pd.DataFrame(columns=kolom)
    return _lebar(p, ["kategori"])[kolom]


def total_kriteria(r: Renstra) -> pd.DataFrame:
    """Per criterion of Tabel 2.2.1: jumlah (sum of its rows), total_dokumen (printed), selisih (jumlah - printed).

    Criteria count different people: Pangkat/Golongan and Jabatan cover fewer staff than
    Jenis Kelamin, so their totals differ from each other without any error.
    """
    p = r.pegawai[r.pegawai["tabel"] == TABEL_KOMPOSISI]
    jumlah = p.groupby("kriteria", sort=False)["jumlah"].sum().rename("jumlah")
    t = r.pegawai_total
    t = t[(t["tabel"] == TABEL_KOMPOSISI)].drop_duplicates("kriteria").set_index("kriteria")["total_dokumen"]
    hasil = pd.DataFrame({"kriteria": kriteria(r)})
    hasil["jumlah"] = hasil["kriteria"].map(jumlah).astype("Int64")
    hasil["total_dokumen"] = hasil["kriteria"].map(t).astype("Int64")
    hasil["selisih"] = (hasil["jumlah"] - hasil["total_dokumen"]).astype("Int64")
    return hasil.astype({"kriteria": "string"})


def pegawai_per_unit(r: Renstra) -> pd.DataFrame:
    """Staff per unit kerja (Tabel 2.2.2): unit_kerja, kelurahan ('' for the kecamatan office), laki_laki,
    perempuan, jumlah (their sum), jumlah_dokumen (the row's printed total), baris; printed order."""
    p = r.pegawai[r.pegawai["tabel"] == TABEL_UNIT].copy()
    kolom = ["unit_kerja", "kelurahan", "laki_laki", "perempuan", "jumlah", "jumlah_dokumen", "baris"]
    if p.empty:
        return pd.DataFrame(columns=kolom)
    p["kelurahan"] = p["kelurahan"].fillna("")
    lebar = _lebar(p, ["kategori", "kelurahan"]).rename(columns={"kategori": "unit_kerja"})
    t = r.pegawai_total
    t = t[(t["tabel"] == TABEL_UNIT) & t["kategori"].fillna("").ne("") & t["jenis_kelamin"].fillna("").eq("")]
    cetak = t.drop_duplicates("kategori").set_index("kategori")["total_dokumen"]
    lebar["jumlah_dokumen"] = lebar["unit_kerja"].map(cetak).astype("Int64")
    return lebar[kolom].astype({"unit_kerja": "string", "kelurahan": "string"})


def ringkasan_pegawai(r: Renstra) -> pd.DataFrame:
    """One row: jumlah, laki_laki, perempuan (Tabel 2.2.1 by jenis kelamin), total_dokumen (printed beside
    them) and jumlah_unit (the printed TOTAL of Tabel 2.2.2), so the two tables can be compared."""
    jk = pegawai_menurut(r, KRITERIA_JENIS_KELAMIN)
    tot = total_kriteria(r).set_index("kriteria")
    t = r.pegawai_total
    unit = t[(t["tabel"] == TABEL_UNIT) & t["kategori"].fillna("").eq("") & t["jenis_kelamin"].fillna("").eq("")]
    baris = {
        "jumlah": jk["jumlah"].sum(min_count=1) if not jk.empty else pd.NA,
        "laki_laki": jk["laki_laki"].sum(min_count=1) if not jk.empty else pd.NA,
        "perempuan": jk["perempuan"].sum(min_count=1) if not jk.empty else pd.NA,
        "total_dokumen": tot.loc[KRITERIA_JENIS_KELAMIN, "total_dokumen"]
        if KRITERIA_JENIS_KELAMIN in tot.index
        else pd.NA,
        "jumlah_unit": unit["total_dokumen"].iloc[0] if not unit.empty else pd.NA,
    }
    return pd.DataFrame([baris]).astype("Int64")


def klaim_pegawai(r: Renstra) -> pd.DataFrame:
    """The staff counts the document's prose states (manifest ``[[klaim]]``, besaran jumlah_pegawai) beside
    the tables' count (Tabel 2.2.1 by jenis kelamin): bagian, teks, nilai, jumlah_tabel, selisih (nilai - tabel)."""
    jumlah = ringkasan_pegawai(r)["jumlah"].iloc[0]
    rekaman = [
        {"bagian": str(k.get("bagian", "")), "teks": str(k.get("teks", "")), "nilai": int(k["nilai"])}
        for k in r.manifest.get("klaim", [])
        if k.get("besaran") == KLAIM_PEGAWAI and k.get("nilai") is not None
    ]
    hasil = pd.DataFrame(rekaman, columns=["bagian", "teks", "nilai"])
    hasil["jumlah_tabel"] = jumlah
    hasil = hasil.astype({"bagian": "string", "teks": "string", "nilai": "Int64", "jumlah_tabel": "Int64"})
    hasil["selisih"] = (hasil["nilai"] - hasil["jumlah_tabel"]).astype("Int64")
    return hasil


def kelompok_sarpras(r: Renstra) -> list[str]:
    """Asset groups in printed order (Sarana, Prasarana); [] without Tabel 2.2.3."""
    return list(dict.fromkeys(r.sarpras.sort_values("baris", kind="stable")["kelompok"]))


def contoh_sarpras(r: Renstra) -> dict[str, object]:
    """What the asset charts' caption cites from Tabel 2.2.3: ``keterangan``, the first printed remark
    that splits a quantity (``7 buah kurang baik, 1 buah rusak berat``; "" if none), and ``satuan``,
    the units printed (``["buah", "set", "unit", "lokal"]``, in printed order)."""
    d = r.sarpras.sort_values("baris", kind="stable")
    rusak = d[
        d[["kurang_baik", "rusak", "rusak_berat"]].fillna(0).sum(axis=1).gt(0) & d["keterangan"].fillna("").ne("")
    ]
    satuan = [str(x) for x in dict.fromkeys(d["satuan"].dropna()) if str(x).strip()]
    return {"keterangan": str(rusak["keterangan"].iloc[0]) if not rusak.empty else "", "satuan": satuan}


def sarpras(r: Renstra, kelompok: str = "", hanya_tidak_baik: bool = False) -> pd.DataFrame:
    """Assets of Tabel 2.2.3 with their condition, in printed order.

    ``kelompok`` picks Sarana or Prasarana ('' for all); ``hanya_tidak_baik`` keeps items with
    at least one unit not in good condition. Columns: kelompok, nama, jumlah, satuan, baik,
    kurang_baik, rusak, rusak_berat, keterangan (the printed remark), selisih (jumlah minus the
    four conditions: 0 when the split accounts for every unit), baris.
    """
    d = r.sarpras.sort_values("baris", kind="stable").copy()
    if kelompok:
        d = d[d["kelompok"] == kelompok]
    kondisi = d[list(KONDISI)].astype("Int64")
    if hanya_tidak_baik:
        d = d[(kondisi[["kurang_baik", "rusak", "rusak_berat"]].fillna(0).sum(axis=1) > 0).to_numpy()]
        kondisi = d[list(KONDISI)].astype("Int64")
    d["selisih"] = (d["jumlah"].astype("Int64") - kondisi.sum(axis=1, min_count=1)).astype("Int64")
    kolom = ["kelompok", "nama", "jumlah", "satuan", *KONDISI, "keterangan", "selisih", "baris"]
    return d[kolom].reset_index(drop=True)
