"""What a broken rule means, in words a director understands, for the form field it concerns.

Services raise :class:`ValidationError` with a field name and a reason code (plain data, no
language); a form shows :func:`reason_text` next to the field, and an error dialog shows
:func:`validation_text`, which also names the field.
"""

from __future__ import annotations

from hyvinvointi_app.domain.errors import ValidationError
from hyvinvointi_app.i18n.translator import Translator, ui_translator


def reason_text(reason: str, tr: Translator | None = None) -> str:
    """One sentence for a reason code; a generic one for a code this table does not know."""
    _ = (tr or ui_translator()).gettext
    texts = {
        "required": _("This is required."),
        "too_long": _("This is too long."),
        "format": _("The format is not right."),
        "end_before_start": _("The end must not be before the start."),
        "term_not_ended": _("The member's term has not ended yet. End the term first."),
        "erased": _("The member's personal details have been erased."),
        "unknown": _("Choose one of the offered values."),
        "unknown_value": _("Choose one of the offered values."),
        "unknown_plan_type": _("Choose one of the offered plan types."),
        "unknown_member": _("Choose a member of the group."),
        "unknown_role": _("Choose one of the offered roles."),
        "unknown_language": _("Choose Finnish or Swedish."),
        "invalid_month": _("The month must be between 1 and 12."),
        "invalid_characters": _("The text contains characters that cannot be saved."),
        "not_text": _("This must be text."),
        "outside_period": _("The date is outside the operating period."),
        "overlaps": _("The dates overlap another operating period."),
        "meetings_outside": _(
            "The period has meetings outside these dates. Move the meetings first."
        ),
        "duplicate_label": _("An operating period with these years already exists."),
        "invalid_period": _("An operating period lasts from a few months to two years."),
        "before_evaluation": _("The date must not be before the evaluation."),
        "before_approval": _("The date must not be before the approval date."),
        "too_many": _("There are too many entries."),
        "not_empty": _("Remove the existing entries first."),
        "in_use": _("It is still referred to elsewhere, so it cannot be removed."),
        "changed": _("It has been changed since, so it is kept as it is."),
        "not_json": _("The file is not in the expected format."),
        "not_utf8": _("The file is not in the expected format."),
        "not_an_object": _("The file is not in the expected format."),
        "not_a_list": _("The file is not in the expected format."),
        "wrong_format": _("The file is not an annual clock file."),
        "too_large": _("The file is too large."),
        "unreadable": _("The file cannot be read."),
        "invalid_version": _("The file's version is not recognised."),
        "too_new": _("The file was written by a newer version of the application."),
        "counted": _(
            "A meeting has recorded answers to it, so it is kept: reword it, or archive the "
            "survey and start a new one."
        ),
        "tallied": _("Meetings have recorded its answers, so it is archived instead."),
        "more_than_respondents": _(
            "An option or statement has more answers than there were respondents."
        ),
        "out_of_range": _("The number is outside the allowed range."),
        "unknown_answer": _("The answer does not belong to this survey."),
    }
    return texts.get(reason, _("The value is not valid."))


def field_label(field: str, tr: Translator | None = None) -> str:
    """The label of a form field by its name in the services; the name itself if unknown."""
    _ = (tr or ui_translator()).gettext
    labels = {
        "name": _("Name"),
        "member": _("Member"),
        "period": _("Operating period"),
        "name_fi": _("Name in Finnish"),
        "name_sv": _("Name in Swedish"),
        "municipality": _("Municipality"),
        "site_code": _("Site code"),
        "role": _("Role"),
        "organisation": _("Organisation"),
        "email": _("E-mail"),
        "phone": _("Phone"),
        "term_start": _("Term starts"),
        "term_end": _("Term ends"),
        "start_date": _("Start date"),
        "end_date": _("End date"),
        "month": _("Month"),
        "title": _("Theme"),
        "plan_type": _("Plan type"),
        "file": _("File"),
        "survey": _("Survey"),
        "survey_title": _("Question or title"),
        "open_question": _("Open question"),
        "survey_item": _("Option or statement"),
        "other_language": _("Other language"),
        "items": _("Options or statements"),
        "counts": _("Counts"),
        "respondents": _("Answered"),
        "groups": _("Groups asked"),
        "min_answers": _("Fewest answers shown"),
        "partners": _("Partners"),
    }
    path = field.split("[", 1)[0].split(".")
    # a theme's partner ("partners.3.name") is told as its list of partners
    return labels.get("partners" if path[0] == "partners" else path[-1], field)


def validation_text(error: ValidationError, tr: Translator | None = None) -> str:
    """“Field: what is wrong.”, for a dialog or a status line."""
    tr = tr or ui_translator()
    return tr.gettext("{field}: {problem}").format(
        field=field_label(error.field, tr), problem=reason_text(error.reason, tr)
    )
