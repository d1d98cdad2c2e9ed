"""The last step: archival PDF/A-2b, or a password, applied to ReportLab's plain output.

ReportLab has no PDF/A mode, and its AES-256 output is malformed, so both are done with
pikepdf: an empty ``/Trans`` dictionary that ReportLab writes on every page is removed,
the dates are set from the options, then ``pikepdf.pdfa.prepare`` adds the output intent
and XMP metadata and the file is written with the settings PDF/A-2b asks for. A file is
archival or protected, never both: PDF/A forbids encryption.

Every export is not validated again here (reading the written file back took a quarter
of an annual report's export): the tests and CI validate each document kind, the
bilingual forms, every script the fonts cover and the demo's documents with
``pikepdf.pdfa.validate_written``.
"""

from __future__ import annotations

import datetime as dt
import io

import pikepdf
import pikepdf.pdfa


def _pdf_date(value: dt.datetime) -> str:
    aware = value if value.tzinfo else value.astimezone()
    offset = aware.strftime("%z") or "+0000"
    return aware.strftime("D:%Y%m%d%H%M%S") + f"{offset[:3]}'{offset[3:]}'"


def finish(plain: bytes, *, created: dt.datetime, archival: bool, password: str | None) -> bytes:
    with pikepdf.open(io.BytesIO(plain)) as pdf:
        for page in pdf.pages:
            if "/Trans" in page.obj:
                del page.obj["/Trans"]
        stamp = pikepdf.String(_pdf_date(created))
        pdf.docinfo["/CreationDate"] = stamp
        pdf.docinfo["/ModDate"] = stamp
        pdf.docinfo["/Producer"] = pikepdf.String("Hyvinvointiryhmä (ReportLab, pikepdf)")
        out = io.BytesIO()
        if password is not None:
            pdf.save(
                out,
                encryption=pikepdf.Encryption(user=password, owner=password, R=6),
            )
        elif archival:
            pikepdf.pdfa.prepare(pdf, "2b")
            pdf.save(out, **pikepdf.pdfa.resolve_save_kwargs("2b", deterministic_id=True))
        else:
            pdf.save(out, deterministic_id=True)
        return out.getvalue()
