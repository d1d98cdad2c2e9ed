"""The reports screen: choose a document and its options, export it off the GUI thread with a
progress bar, then open the file or its folder.

The language of a document is chosen here, whatever the interface language; it starts from
the default set in Settings. The save dialog is one overridable method
(:meth:`ReportsPage.choose_path`), so tests give a path instead.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

from PySide6.QtCore import QThreadPool, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from hyvinvointi_app.domain.enums import MeetingStatus, ReportLanguage, Role
from hyvinvointi_app.domain.errors import NotFound
from hyvinvointi_app.i18n.formatting import format_date
from hyvinvointi_app.i18n.labels import label, plan_type_label
from hyvinvointi_app.i18n.translator import _, ngettext, pgettext, ui_translator
from hyvinvointi_app.reports.options import PAPER_SIZES, REPORT_LANGUAGES
from hyvinvointi_app.reports.texts import (
    ReportTexts,
    document_name,
    meeting_file_name,
    safe_file_name,
)
from hyvinvointi_app.services import meetings, periods, plans, unit
from hyvinvointi_app.services.bundle_data import suggested_bundle_name
from hyvinvointi_app.services.exports import ExportKind
from hyvinvointi_app.ui.buttons import push_button
from hyvinvointi_app.ui.context import AppContext, setting_text
from hyvinvointi_app.ui.field_message import FieldMessage
from hyvinvointi_app.ui.flow_layout import FlowLayout
from hyvinvointi_app.ui.form_parts import resize_within_screen
from hyvinvointi_app.ui.icons import State, state_pixmap
from hyvinvointi_app.ui.page import Page, heading
from hyvinvointi_app.ui.printing import PREVIEW_DPI, DocumentBuilder, PrintJob, PrintPages
from hyvinvointi_app.ui.reports.worker import (
    BOTH_LANGUAGES,
    FIXED_FORMATS,
    MEETING_DOCUMENTS,
    MEETINGS_AHEAD,
    PUBLIC_DOCUMENTS,
    Document,
    ExportJob,
    ExportWorker,
)
from hyvinvointi_app.ui.save_path import start_folder

PRINTABLE = (
    Document.MEMO,
    Document.AGENDA,
    Document.PUBLIC_MEMO,
    Document.ANNUAL,
    Document.EVALUATION,
    Document.CLOCK_POSTER,
)
"""The documents printed as their PDF is (File → Print)."""
REPORT_LANGUAGE_KEY = "report_language"
"""The default report language stored by Settings (ui/settings/dialog.py)."""
FOLDER_KEY = "reports/folder"
"""The folder of the last export, offered again next time."""


_FILE_NAMES = {Document.CALENDAR_ENTRY: "invitation", Document.PERIOD_CALENDAR: "calendar"}
"""Documents named in files as another kind is: a meeting's calendar entry as its invitation
(as the e-mail's attachment is), the period's calendar by the meetings it holds."""


def _roles_text(roles: tuple[Role, ...]) -> str:
    """ "Huoltajien edustaja, Varhaiskasvatuksen henkilöstö (2)"."""
    counts = Counter(roles)
    return ", ".join(
        label(role) if count == 1 else f"{label(role)} ({count})" for role, count in counts.items()
    )


class ReportsPage(Page):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._subjects: dict[tuple[Document, int], str] = {}
        """Each period's label and each plan's name, for the suggested file name."""
        self._meeting_subjects: dict[int, tuple[int, dt.date]] = {}
        self._upcoming: int | None = None
        """The first meeting of the chosen period from today on, the usual one to call."""
        self._approved: list[int] = []
        """The chosen period's approved meetings, in date order: those with a public version."""
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.worker: ExportWorker | None = None
        self.printing: DocumentBuilder | None = None
        """The document being built to print, if any."""
        self._preview: tuple[QPrintPreviewDialog, QPrinter, PrintPages] | None = None
        self._print_job: tuple[PrintJob, QPrinter] | None = None
        self.last_path: Path | None = None
        context.closing.connect(self.wait_for_export)

        layout = QVBoxLayout(self)
        layout.addWidget(heading(_("Reports"), self))
        intro = QLabel(
            _(
                "Export a memo, an agenda, the annual report or a plan's evaluation summary "
                "as a PDF or as an editable Word file, a meeting's invitation or calendar "
                "entry, or the bundle for the municipality's coordinator. Choose the language "
                "of the document here: it need not be the language of the interface."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.document_box = self._combo(_("Document"))
        for document, text in (
            (Document.MEMO, _("Memo of a meeting")),
            (Document.AGENDA, _("Agenda of a meeting")),
            (Document.INVITATION, _("Invitation to a meeting (e-mail draft)")),
            (Document.CALENDAR_ENTRY, _("Calendar entry of a meeting (.ics)")),
            (Document.PUBLIC_MEMO, _("Public version of a memo (PDF or web page)")),
            (Document.ANNUAL, _("Annual report of an operating period")),
            (Document.EVALUATION, _("Evaluation summary of a plan")),
            (Document.BUNDLE, _("Bundle for the coordinator (PDFs, JSON and CSV)")),
            (Document.PERIOD_CALENDAR, _("Meetings ahead in the period (.ics)")),
            (Document.PUBLIC_MEMOS, _("Public versions of the period's memos (zip)")),
            (Document.CLOCK_POSTER, _("Annual clock as a poster (PDF, A4 or A3)")),
        ):
            self.document_box.addItem(text, document.value)
        self.document_box.setCurrentIndex(self.document_box.findData(Document.ANNUAL.value))
        self.document_box.currentIndexChanged.connect(lambda _i: self._on_document_changed())
        self.period_box = self._combo(_("Operating period"))
        self.period_box.currentIndexChanged.connect(lambda _i: self._fill_meetings())
        self.meeting_box = self._combo(_("Meeting"))
        self.meeting_box.currentIndexChanged.connect(lambda _i: self._on_meeting_changed())
        self.plan_box = self._combo(_("Plan"))
        self.language_box = self._combo(_("Language of the document"))
        self.format_box = self._combo(_("File format"))
        self.paper_box = self._combo(_("Paper size"))
        for paper in PAPER_SIZES:
            self.paper_box.addItem(paper, paper)
        self.format_box.currentIndexChanged.connect(lambda _i: self._on_format_changed())
        self.names_box = QCheckBox(_("Include members' &names (otherwise roles only)"), self)
        self.names_box.setAccessibleName(_("Include members' names"))
        self.password_edit = QLineEdit(self)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setAccessibleName(_("Password (optional)"))
        self.password_edit.setPlaceholderText(_("No password"))
        self.password_edit.textChanged.connect(lambda _t: self._update_notes())
        self.password_note = QLabel(self)
        self.password_note.setWordWrap(True)
        self.password_note.setMinimumWidth(420)

        self.document_note = QLabel(self)
        self.document_note.setWordWrap(True)
        # A wrapped label in a form row asks for the height of its narrowest width; a sensible
        # minimum keeps it from claiming empty lines.
        self.document_note.setMinimumWidth(420)
        self._labels: dict[QWidget, QLabel] = {}
        for text, field in (
            (_("&Document:"), self.document_box),
            (_("Operating &period:"), self.period_box),
            (_("&Meeting:"), self.meeting_box),
            (_("P&lan:"), self.plan_box),
            (_("&Language:"), self.language_box),
            (_("Fo&rmat:"), self.format_box),
            (_("Paper si&ze:"), self.paper_box),
            (_("Pass&word:"), self.password_edit),
        ):
            caption = QLabel(text, self)
            caption.setBuddy(field)
            self._labels[field] = caption
            form.addRow(caption, field)
            if field is self.document_box:
                form.addRow("", self.document_note)
        form.addRow("", self.names_box)
        form.addRow("", self.password_note)
        self.form = form
        form_box = QWidget(self)
        form_box.setLayout(form)
        form_box.setMaximumWidth(760)  # long lines of choices are hard to read across a wide screen
        form.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(form_box)

        buttons = FlowLayout()
        self.export_button = push_button(_("&Export…"), self.export, self, icon_name="export")
        self.print_button = push_button(pgettext("reports", "&Print…"), self.print_document, self)
        self.preview_button = push_button(
            _("Print pre&view…"), lambda: self.print_document(preview=True), self
        )
        self.cancel_button = push_button(_("&Cancel export"), self.cancel_export, self)
        self.cancel_button.hide()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        self.progress = QProgressBar(self)
        self.progress.setAccessibleName(_("Export progress"))
        self.progress.setTextVisible(True)
        self.progress.hide()
        layout.addWidget(self.progress)

        self.error = FieldMessage(self)
        layout.addWidget(self.error)
        self.unprintable_note = FieldMessage(self)
        """Characters the document shows as a mark (no font of the program has them)."""
        layout.addWidget(self.unprintable_note)

        self.done_row = QWidget(self)
        done_layout = QHBoxLayout(self.done_row)
        done_layout.setContentsMargins(0, 0, 0, 0)
        icon = QLabel(self.done_row)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        icon.setPixmap(state_pixmap(State.DONE, size))
        self.done_label = QLabel(self.done_row)
        self.done_label.setWordWrap(True)
        self.open_file_button = push_button(_("&Open file"), self.open_file, self.done_row)
        self.open_folder_button = push_button(_("Open &folder"), self.open_folder, self.done_row)
        done_layout.addWidget(icon)
        done_layout.addWidget(self.done_label, 1)
        done_layout.addWidget(self.open_file_button)
        done_layout.addWidget(self.open_folder_button)
        self.done_row.hide()
        layout.addWidget(self.done_row)
        layout.addStretch(1)

        self._fill_languages()
        self._on_document_changed()

    # -- building -----------------------------------------------------------------------

    def _combo(self, name: str) -> QComboBox:
        box = QComboBox(self)
        box.setAccessibleName(name)
        box.setMinimumContentsLength(24)
        return box

    def _default_language(self) -> str:
        try:
            fallback = str(unit.get_unit(self.context.database).working_language.value)
        except NotFound:
            fallback = ReportLanguage.FINNISH.value
        value = setting_text(self.context.settings, REPORT_LANGUAGE_KEY, fallback)
        return value if value in {v.value for v in ReportLanguage} else fallback

    def _fill_languages(self) -> None:
        """The bundle may hold each document twice, in Finnish and in Swedish; a single
        document is in one language or bilingual."""
        chosen = self.language_box.currentData() or self._default_language()
        self.language_box.blockSignals(True)
        self.language_box.clear()
        for value in ReportLanguage:
            self.language_box.addItem(label(value), value.value)
        if self.document is Document.BUNDLE:
            self.language_box.addItem(_("Finnish and Swedish, as separate files"), BOTH_LANGUAGES)
        index = self.language_box.findData(chosen)
        self.language_box.setCurrentIndex(max(index, 0))
        self.language_box.blockSignals(False)

    # -- reading ------------------------------------------------------------------------

    @property
    def document(self) -> Document:
        return Document(self.document_box.currentData())

    def refresh(self) -> None:
        db = self.context.database
        lang = ui_translator().language
        selected = self.period_box.currentData()
        current: int | None
        try:
            current = periods.current_period(db).id
        except NotFound:
            current = None
        self.period_box.blockSignals(True)
        self.period_box.clear()
        self._subjects.clear()
        for period in periods.list_periods(db):
            text = f"{period.label} ({format_date(period.start_date, lang)}–"
            text += f"{format_date(period.end_date, lang)})"
            self.period_box.addItem(text, period.id)
            self._subjects[(Document.ANNUAL, period.id)] = period.label
        wanted = selected if selected is not None else current
        self.period_box.setCurrentIndex(max(self.period_box.findData(wanted), 0))
        self.period_box.blockSignals(False)
        self._fill_meetings()
        selected_plan = self.plan_box.currentData()
        self.plan_box.clear()
        for plan in plans.list_plans(db, include_archived=True):
            text = f"{plan.name} — {plan_type_label(plan.type)}"
            if plan.archived:
                text += " " + pgettext("plan", "(archived)")
            self.plan_box.addItem(text, plan.id)
            self._subjects[(Document.EVALUATION, plan.id)] = plan.name
        self.plan_box.setCurrentIndex(max(self.plan_box.findData(selected_plan), 0))
        self._update_export_button()

    def _fill_meetings(self) -> None:
        selected = self.meeting_box.currentData()
        self.meeting_box.blockSignals(True)
        self.meeting_box.clear()
        self._meeting_subjects.clear()
        self._upcoming = None
        self._approved = []
        period_id = self.period_box.currentData()
        if period_id is not None:
            lang = ui_translator().language
            rows = meetings.list_meetings(self.context.database, period_id)
            today = dt.date.today()
            self._upcoming = next((r.id for r in rows if r.date >= today), None)
            self._approved = [r.id for r in rows if r.status is MeetingStatus.APPROVED]
            for row in reversed(rows):  # the latest first: the usual memo to send
                text = _("Meeting {number}, {date}").format(
                    number=row.number, date=format_date(row.date, lang)
                )
                text += f" — {label(row.status)}"
                self.meeting_box.addItem(text, row.id)
                self._meeting_subjects[row.id] = (row.number, row.date)
        if selected is None:
            selected = self._usual_meeting()
        self.meeting_box.setCurrentIndex(max(self.meeting_box.findData(selected), 0))
        self.meeting_box.blockSignals(False)
        self._update_notes()
        self._update_export_button()

    def _on_meeting_changed(self) -> None:
        self._update_notes()
        self._update_export_button()

    def _usual_meeting(self) -> int | None:
        """The meeting a document is usually made of: the next one for its agenda,
        invitation and calendar entry, the latest approved one for the public version."""
        if self.document in MEETINGS_AHEAD:
            return self._upcoming
        if self.document is Document.PUBLIC_MEMO and self._approved:
            return self._approved[-1]
        return None

    def _fill_formats(self) -> None:
        """A document of the office is a PDF or a Word file; a public version a PDF or a
        web page."""
        chosen = self.format_box.currentData()
        second = (
            (ExportKind.HTML, _("Web page (HTML)"))
            if self.document is Document.PUBLIC_MEMO
            else (ExportKind.DOCX, _("Word document (editable)"))
        )
        self.format_box.blockSignals(True)
        self.format_box.clear()
        for file_format, text in ((ExportKind.PDF, _("PDF document")), second):
            self.format_box.addItem(text, file_format.value)
        self.format_box.setCurrentIndex(max(self.format_box.findData(chosen), 0))
        self.format_box.blockSignals(False)

    def _set_row_visible(self, field: QWidget, visible: bool) -> None:
        field.setVisible(visible)
        self._labels[field].setVisible(visible)

    def _on_document_changed(self) -> None:
        document = self.document
        self._set_row_visible(self.meeting_box, document in MEETING_DOCUMENTS)
        self._set_row_visible(self.plan_box, document is Document.EVALUATION)
        self._set_row_visible(self.period_box, document is not Document.EVALUATION)
        self._set_row_visible(self.format_box, document not in FIXED_FORMATS)
        self._set_row_visible(self.paper_box, document is Document.CLOCK_POSTER)
        self.names_box.setVisible(document not in PUBLIC_DOCUMENTS)
        usual = self._usual_meeting()
        if usual is not None:
            self.meeting_box.setCurrentIndex(self.meeting_box.findData(usual))
        self._fill_formats()
        self._fill_languages()
        if document is Document.BUNDLE:
            self.language_box.setCurrentIndex(self.language_box.findData(BOTH_LANGUAGES))
        notes = {
            Document.MEMO: _(
                "The memo as approved, or the draft as it stands now if it is not approved."
            ),
            Document.AGENDA: _(
                "The meeting's time and place, its items with who presents them and the plan "
                "or theme they concern, and the action items still open from earlier meetings."
            ),
            Document.INVITATION: _(
                "An e-mail draft that your e-mail program (Outlook) opens ready to send: "
                "addressed to the members who have an e-mail address, with the agenda as a "
                "PDF and the meeting as a calendar entry attached. Nothing is sent from this "
                "program."
            ),
            Document.CALENDAR_ENTRY: _(
                "The meeting as a calendar entry, with the agenda as its description."
            ),
            Document.PUBLIC_MEMO: _(
                "For the guardians' notice board and the unit's web page: the approved memo "
                "under a short text on what the group is, members by role, without names, "
                "phone numbers, e-mail addresses or identity codes."
            ),
            Document.PUBLIC_MEMOS: _(
                "The public version of every approved memo of the period, each as a PDF and "
                "a web page, with a page that lists them, in one zip file."
            ),
            Document.PERIOD_CALENDAR: _(
                "The period's meetings from today on whose memo is not yet approved, as one "
                "calendar file to import into your calendar. Importing it again updates them."
            ),
            Document.ANNUAL: _(
                "Meetings and attendance by role, plan evaluations, result cards and action "
                "items of the period."
            ),
            Document.EVALUATION: _("All evaluations of the plan, period by period."),
            Document.BUNDLE: _(
                "A zip file for the municipality's coordinator: the annual report and the "
                "approved memos as PDF, and the same figures as JSON and CSV for "
                "spreadsheets. Roles only, unless you include names."
            ),
            Document.CLOCK_POSTER: _(
                "The annual clock as a wheel for the staff-room wall, on its side: each "
                "month's themes in the colour of the plan they evaluate, the period's "
                "meetings on the rim, and beside the wheel the themes' partners. Print A3 "
                "for the wall."
            ),
        }
        self.document_note.setText(notes[document])
        self._on_format_changed()
        self._update_export_button()

    @property
    def file_format(self) -> ExportKind:
        """The chosen format of a document; a bundle is always a zip file, an invitation an
        e-mail message, a calendar an iCalendar file."""
        fixed = FIXED_FORMATS.get(self.document)
        return fixed if fixed is not None else ExportKind(self.format_box.currentData())

    @property
    def _password_applies(self) -> bool:
        """Only a PDF has a password (not a Word file, not a bundle)."""
        return self.file_format is ExportKind.PDF

    def _on_format_changed(self) -> None:
        """A Word file has no password and is not archival: the password row goes away and
        the note says what the Word file is for."""
        self._set_row_visible(self.password_edit, self._password_applies)
        self._update_notes()

    def _update_notes(self) -> None:
        if self.document is Document.INVITATION:
            self.password_note.setText(self._recipients_text())
            self.password_note.setVisible(bool(self.password_note.text()))
            return
        if self.document is Document.PUBLIC_MEMO and self._object_id() is None:
            self.password_note.setText(
                _("This memo is not approved yet: a public version is made of an approved memo.")
            )
            self.password_note.setVisible(self.meeting_box.currentData() is not None)
            return
        if self.file_format not in (ExportKind.PDF, ExportKind.DOCX, ExportKind.HTML):
            self.password_note.hide()
            return
        self.password_note.show()
        if self.file_format is ExportKind.HTML:
            self.password_note.setText(
                _(
                    "A simple web page without scripts or outside files: copy its text into "
                    "the unit's web page, or send the file to whoever keeps the site."
                )
            )
        elif self.file_format is ExportKind.DOCX:
            self.password_note.setText(
                _(
                    "A Word file is an editable copy to paste into the municipality's own "
                    "template. File the PDF."
                )
            )
        elif self.password_edit.text():
            self.password_note.setText(
                _(
                    "A password-protected file is not archival (PDF/A): send it by e-mail, "
                    "file the unprotected one."
                )
            )
        else:
            self.password_note.setText(
                _("Without a password the file is archival (PDF/A), for filing.")
            )

    def _recipients_text(self) -> str:
        """Who the invitation goes to, and who it cannot reach by e-mail."""
        meeting_id = self.meeting_box.currentData()
        if meeting_id is None:
            return ""
        from hyvinvointi_app.services.invitation import agenda_data

        data = agenda_data(self.context.database, int(meeting_id))
        if data.recipients:
            text = ngettext(
                "The invitation goes to {count} member.",
                "The invitation goes to {count} members.",
                len(data.recipients),
            ).format(count=len(data.recipients))
        else:
            text = _("The invitation has no addressee yet.")
        if data.without_address:
            text += " " + _(
                "No e-mail address: {roles}. Add it in Members, or type it in the e-mail program."
            ).format(roles=_roles_text(data.without_address))
        if data.unusable_address:
            text += " " + _(
                "An e-mail address that cannot be used: {roles}. Correct it in Members."
            ).format(roles=_roles_text(data.unusable_address))
        return text

    def _object_id(self) -> int | None:
        document = self.document
        if document is Document.PUBLIC_MEMO:
            value = self.meeting_box.currentData()
            return int(value) if value in self._approved else None
        if document in MEETING_DOCUMENTS:
            box = self.meeting_box
        elif document is Document.EVALUATION:
            box = self.plan_box
        else:
            box = self.period_box
        value = box.currentData()
        return int(value) if value is not None else None

    def _update_export_button(self) -> None:
        idle = self.worker is None and self.printing is None
        ready = idle and self._object_id() is not None
        self.export_button.setEnabled(ready)
        printable = self.document in PRINTABLE
        for button in (self.print_button, self.preview_button):
            button.setVisible(printable)
            button.setEnabled(ready and printable)

    # -- choosing ------------------------------------------------------------------------

    def select_document(self, document: Document | str) -> None:
        self.document_box.setCurrentIndex(self.document_box.findData(Document(document).value))

    def choose_bundle(self) -> None:
        """File → Export for coordinator: this screen with the bundle chosen."""
        self.select_document(Document.BUNDLE)
        self.export_button.setFocus()

    def show_item(self, item_id: int) -> None:
        """A meeting's invitation (the Invitation… button of the meetings list): this screen
        with the invitation of meeting ``item_id`` chosen."""
        self.choose_meeting(Document.INVITATION, item_id)
        self.export_button.setFocus()

    def choose(self, document: Document | str, subject_id: int) -> None:
        """This screen with ``document`` of the meeting, period or plan ``subject_id`` chosen,
        ready to export (another screen's button asked for it)."""
        chosen = Document(document)
        if chosen in MEETING_DOCUMENTS:
            self.choose_meeting(chosen, subject_id)
        else:
            box = self.plan_box if chosen is Document.EVALUATION else self.period_box
            box.setCurrentIndex(max(box.findData(subject_id), 0))
            self.select_document(chosen)
        self.export_button.setFocus()

    def choose_meeting(self, document: Document, meeting_id: int) -> None:
        """This screen with ``document`` of the meeting ``meeting_id`` chosen."""
        try:
            period_id = meetings.get_meeting(self.context.database, meeting_id).period_id
        except NotFound:
            return
        self.period_box.setCurrentIndex(self.period_box.findData(period_id))
        self.select_document(document)
        self.meeting_box.setCurrentIndex(self.meeting_box.findData(meeting_id))

    def set_language(self, value: str) -> None:
        self.language_box.setCurrentIndex(self.language_box.findData(value))

    def suggested_name(self) -> str:
        """The document's name and subject in the document's language ("Verksamhetsberättelse
        2025-2026.pdf"); both languages for a bilingual document. A bundle is named by its
        unit and period (:func:`.bundle_data.suggested_bundle_name`), so that a coordinator's
        folder of bundles from many units never holds two of one name."""
        document = self.document
        if document is Document.BUNDLE and self.period_box.currentData() is not None:
            return suggested_bundle_name(self.context.database, self.period_box.currentData())
        chosen = str(self.language_box.currentData())
        tx = ReportTexts(chosen if chosen in REPORT_LANGUAGES else "fi+sv")
        kind = _FILE_NAMES.get(document, document.value)
        if document in MEETING_DOCUMENTS:
            number, day = self._meeting_subjects.get(self.meeting_box.currentData() or 0, (0, None))
            return meeting_file_name(tx, kind, number, day) + self.file_format.suffix
        if document is Document.EVALUATION:
            subject = self._subjects.get((Document.EVALUATION, self.plan_box.currentData()), "")
        else:
            subject = self._subjects.get((Document.ANNUAL, self.period_box.currentData()), "")
        name = document_name(tx, kind)
        return safe_file_name(f"{name} {subject}") + self.file_format.suffix

    def _start_folder(self) -> Path:
        return start_folder(self.context.settings, FOLDER_KEY)

    def choose_path(self) -> Path | None:
        """Ask where to save (the operating system's dialog); None when cancelled."""
        file_format = self.file_format
        file_filter = {
            ExportKind.ZIP: _("Zip files (*.zip)"),
            ExportKind.DOCX: _("Word documents (*.docx)"),
            ExportKind.EML: _("E-mail messages (*.eml)"),
            ExportKind.ICS: _("Calendar files (*.ics)"),
            ExportKind.HTML: _("Web pages (*.html)"),
        }.get(file_format, _("PDF documents (*.pdf)"))
        suggested = self._start_folder() / self.suggested_name()
        return self.context.prompter.save_file(
            self, _("Export"), suggested, file_filter, file_format.suffix
        )

    # -- exporting ----------------------------------------------------------------------

    def export(self) -> None:
        """Export…: ask where, then export there."""
        if self.worker is not None or self._object_id() is None:
            return
        path = self.choose_path()
        if path is not None:
            self.export_to(path)

    def export_to(self, path: Path) -> None:
        """Start the export into ``path`` in the background; returns at once."""
        object_id = self._object_id()
        if self.worker is not None or object_id is None:
            return
        job = ExportJob(
            document=self.document,
            object_id=object_id,
            out_path=Path(path),
            language=str(self.language_box.currentData()),
            with_names=self.names_box.isChecked() and self.document not in PUBLIC_DOCUMENTS,
            password=(self.password_edit.text() or None) if self._password_applies else None,
            file_format=self.file_format,
            paper=str(self.paper_box.currentData()),
        )
        self.context.settings.setValue(FOLDER_KEY, str(Path(path).parent))
        worker = ExportWorker(self.context.database, job)
        worker.signals.progress.connect(self._on_progress)
        worker.signals.unprintable.connect(self._on_unprintable)
        worker.signals.finished.connect(self._on_finished)
        worker.signals.failed.connect(self._on_failed)
        worker.signals.cancelled.connect(self._on_cancelled)
        worker.signals.crashed.connect(self._on_crashed)
        self.worker = worker
        self.error.clear()
        self.unprintable_note.clear()
        self.done_row.hide()
        self.progress.setRange(0, 0)  # busy until the first step is known
        self.progress.show()
        self.cancel_button.show()
        self.cancel_button.setEnabled(True)
        self._update_export_button()
        self.context.status_message.emit(_("Exporting…"))
        self.pool.start(worker)

    def is_running(self) -> bool:
        return self.worker is not None

    def cancel_export(self) -> None:
        if self.worker is not None:
            self.worker.cancel()
            self.cancel_button.setEnabled(False)

    def wait_for_export(self) -> None:
        """The file is closing: stop the export and let it end before the file closes."""
        if self.worker is not None:
            self.worker.cancel()
        self.pool.waitForDone()

    def _finish(self) -> None:
        self.worker = None
        self.progress.hide()
        self.cancel_button.hide()
        self._update_export_button()

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _on_unprintable(self, characters: str) -> None:
        from hyvinvointi_app.reports.unprintable import unprintable_message

        self.unprintable_note.show_message(unprintable_message(characters))

    def _on_finished(self, path: str, logged: bool = True) -> None:
        self._finish()
        self.last_path = Path(path)
        text = _("Saved: {path}").format(path=path)
        if not logged:
            text += " " + _("It is not in the activity log: the unit file could not be written.")
        self.done_label.setText(text)
        self.done_label.setAccessibleName(text)
        self.done_row.show()
        self.open_file_button.setFocus()
        self.context.status_message.emit(text)
        self.context.data_changed.emit()  # the audit log has a new entry

    def _on_failed(self, message: str) -> None:
        self._finish()
        self.error.show_message(message)

    def _on_cancelled(self) -> None:
        self._finish()
        self.context.status_message.emit(_("Export cancelled; no file was written."))

    def _on_crashed(self, error: BaseException) -> None:
        self._finish()
        raise error

    def open_file(self) -> None:
        if self.last_path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_path)))

    def open_folder(self) -> None:
        if self.last_path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_path.parent)))

    # -- printing -----------------------------------------------------------------------

    def print_document(self, *, preview: bool = False) -> None:
        """Print (or preview) the chosen document as its PDF prints: built off the GUI
        thread first, then the print dialog. A document that does not print gives way to
        the one that does: the meeting's agenda for its invitation or calendar entry, the
        annual report for the rest."""
        if self.document in MEETINGS_AHEAD:
            self.select_document(Document.AGENDA)
        elif self.document not in PRINTABLE:
            self.select_document(Document.ANNUAL)
        object_id = self._object_id()
        if self.worker is not None or self.printing is not None or object_id is None:
            return
        from hyvinvointi_app.reports import ReportOptions, build_document

        kind = self.document.value
        options = ReportOptions(
            language=str(self.language_box.currentData()),
            with_names=self.names_box.isChecked(),
            paper=str(self.paper_box.currentData()),
        )
        builder = DocumentBuilder(
            self.context.database, lambda db: build_document(db, kind, object_id, options)
        )
        builder.signals.built.connect(lambda pdf: self._print_built(pdf, preview))
        builder.signals.failed.connect(self._print_failed)
        builder.signals.crashed.connect(self._print_crashed)
        self.printing = builder
        self.error.clear()
        self.progress.setRange(0, 0)
        self.progress.show()
        self._update_export_button()
        self.pool.start(builder)

    def _print_done(self) -> None:
        self.printing = None
        self.progress.hide()
        self._update_export_button()

    def _print_failed(self, message: str) -> None:
        self._print_done()
        self.error.show_message(message)

    def _print_crashed(self, error: BaseException) -> None:
        self._print_job = None
        self._print_done()
        raise error

    def _print_built(self, pdf: bytes, preview: bool) -> None:
        pages = PrintPages(pdf)
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.suggested_name())
        if preview:
            self._print_done()
            dialog = QPrintPreviewDialog(printer, self)
            dialog.setWindowTitle(_("Print preview"))
            resize_within_screen(dialog, 1100, 760)
            dialog.paintRequested.connect(lambda target: pages.paint(target, dpi=PREVIEW_DPI))
            self._preview = (dialog, printer, pages)  # alive as long as the dialog is
            dialog.finished.connect(lambda _result: self._close_preview())
            self.show_preview(dialog)
            return
        if not self.choose_printer(printer, len(pages)):
            pages.close()
            self._print_done()
            return
        self.progress.setRange(0, len(pages))
        job = PrintJob(pages, printer)
        job.signals.step.connect(lambda done, _total: self.progress.setValue(done))
        job.signals.finished.connect(self._printed)
        job.signals.crashed.connect(self._print_crashed)
        self._print_job = (job, printer)  # alive until the pages are out
        self.pool.start(job)

    def _printed(self, done: bool) -> None:
        self._print_job = None
        self._print_done()  # the buttons come back when the pages are out
        if done:
            self.context.status_message.emit(_("Sent to the printer."))
        else:
            self.error.show_message(
                _(
                    "The printer could not be used. Check that it is on and connected, "
                    "or export the PDF and print it from there."
                )
            )

    def _close_preview(self) -> None:
        if self._preview is not None:
            dialog, _printer, pages = self._preview
            self._preview = None
            pages.close()
            dialog.deleteLater()

    def choose_printer(self, printer: QPrinter, page_count: int) -> bool:
        """The operating system's print dialog; False when cancelled."""
        dialog = QPrintDialog(printer, self)
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
        dialog.setMinMax(1, page_count)
        return dialog.exec() == QPrintDialog.DialogCode.Accepted

    def show_preview(self, dialog: QPrintPreviewDialog) -> None:
        """The print preview, modal; closing it (or printing from it) ends it."""
        dialog.exec()
