"""Printing a document: the very PDF the export writes, page by page, through Qt's print
dialog, and its print preview.

Each page is drawn from the PDF by PDFium (pypdfium2) at the printer's resolution (at most
300 dpi, plenty for text) and scaled to the whole sheet, so the paper carries the PDF's own
margins, page headers and page numbers. The document is built off the GUI thread
(:class:`DocumentBuilder`); the pages are drawn one at a time, and the caller's ``step``
shows the progress between them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QMarginsF, QObject, QRectF, QRunnable, QSizeF, Signal
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

from hyvinvointi_app.domain.errors import UserError
from hyvinvointi_app.store.database import Database

MAX_DPI = 300
"""The resolution pages are drawn at for a printer."""
PREVIEW_DPI = 150
"""For a print preview: sharp at the preview's zoom, a tenth of a printer page's memory
(the preview keeps every page drawn)."""


class PrintPages:
    """A PDF's pages, ready to be drawn on a printer or a preview."""

    def __init__(self, pdf: bytes) -> None:
        import pypdfium2

        self.document = pypdfium2.PdfDocument(pdf)

    def close(self) -> None:
        self.document.close()

    def __len__(self) -> int:
        return len(self.document)

    def page_layout(self, index: int) -> QPageLayout:
        """A page's sheet as the printer is asked for it: A4 or A3, upright or on its side (a
        sheet wider than high is the same A4 turned, not a custom size)."""
        width, height = self.document[index].get_size()  # points
        wide = width > height
        size = QPageSize(
            QSizeF(min(width, height), max(width, height)),
            QPageSize.Unit.Point,
            "",
            QPageSize.SizeMatchPolicy.FuzzyMatch,
        )
        turned = QPageLayout.Orientation.Landscape if wide else QPageLayout.Orientation.Portrait
        return QPageLayout(size, turned, QMarginsF(0, 0, 0, 0))

    def image(self, index: int, dpi: float) -> QImage:
        bitmap = self.document[index].render(scale=dpi / 72, rev_byteorder=True)
        image = QImage(
            bitmap.buffer,
            bitmap.width,
            bitmap.height,
            bitmap.stride,
            QImage.Format.Format_RGB888,
        )
        return image.copy()  # the bitmap's memory goes with it

    def range(self, printer: QPrinter) -> range:
        """The pages chosen in the print dialog (1-based there), or all."""
        first, last = printer.fromPage(), printer.toPage()
        if first <= 0:
            return range(len(self))
        return range(first - 1, min(last, len(self)))

    def paint(
        self,
        printer: QPrinter,
        step: Callable[[int, int], None] | None = None,
        *,
        dpi: float = MAX_DPI,
    ) -> bool:
        """Draw the chosen pages on ``printer``, each filling the sheet, at ``dpi`` (at most
        the printer's); False when the printer cannot be drawn on (offline, or it refused
        the job). ``step`` hears (pages done, pages in all) after each page."""
        chosen = self.range(printer)
        if not chosen:
            return True
        printer.setFullPage(True)
        printer.setPageLayout(self.page_layout(chosen[0]))
        dpi = min(printer.resolution(), dpi)
        painter = QPainter()
        if not painter.begin(printer):
            return False
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)  # a preview scales
        try:
            for done, index in enumerate(chosen):
                if done:
                    printer.newPage()
                sheet = QRectF(printer.pageLayout().fullRectPixels(printer.resolution()))
                image = self.image(index, dpi)
                scale = min(sheet.width() / image.width(), sheet.height() / image.height())
                target = QRectF(0, 0, image.width() * scale, image.height() * scale)
                painter.drawImage(target, image)
                if step is not None:
                    step(done + 1, len(chosen))
        finally:
            painter.end()
        return True


class BuilderSignals(QObject):
    built = Signal(bytes)
    failed = Signal(str)
    crashed = Signal(object)


class DocumentBuilder(QRunnable):
    """Builds a document's PDF in a worker thread, for printing."""

    def __init__(self, db: Database, build: Callable[[Database], bytes]) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.db = db
        self.build = build
        self.signals = BuilderSignals()

    def run(self) -> None:
        from hyvinvointi_app.i18n.errors import describe

        try:
            pdf = self.build(self.db)
        except UserError as error:
            self.signals.failed.emit(describe(error))
        except BaseException as error:  # handed over to the GUI thread's crash reporter
            self.signals.crashed.emit(error)
        else:
            self.signals.built.emit(pdf)


class PrintSignals(QObject):
    step = Signal(int, int)
    finished = Signal(bool)
    crashed = Signal(object)


class PrintJob(QRunnable):
    """Draws the pages on the printer in a worker thread (Qt paints on a printer in any
    thread), so the window stays free while a long report goes out; closes the pages."""

    def __init__(self, pages: PrintPages, printer: QPrinter) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.pages = pages
        self.printer = printer
        self.signals = PrintSignals()

    def run(self) -> None:
        try:
            done = self.pages.paint(self.printer, self.signals.step.emit)
        except BaseException as error:  # handed over to the GUI thread's crash reporter
            self.signals.crashed.emit(error)
        else:
            self.signals.finished.emit(done)
        finally:
            self.pages.close()
