"""The printable report: the same figures, definitions, quarterly series and breakdowns as the
dashboard page, as a PDF in the reader's language (fpdf2, with the CJK font the agendas use)."""

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from startup_street.core.text import won
from startup_street.core.timezones import zone_label
from startup_street.events.agenda import cjk_font

from . import selectors
from .indicators import Slice


def _value(figure) -> str:
    value, unit = figure.value, figure.indicator.unit
    if value is None:
        return "—"
    if unit == "percent":
        return f"{value}%"
    if unit == "krw":
        return won(value)
    return formats.number_format(value, 1 if value % 1 else 0, force_grouping=True)


def report_pdf(piece: Slice, *, described: list[str]) -> bytes | None:
    """The report of ``piece``; ``described`` are the slice's filters in words. None when this
    server has no font for Korean and Chinese."""
    from fpdf import FPDF
    from fpdf.fonts import FontFace

    font = cjk_font()
    if font is None:
        return None
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_font("cjk", fname=font[0], collection_font_number=font[1])
    pdf.add_page()
    width = pdf.epw

    def line(text: str, size: float = 10, height: float = 6) -> None:
        pdf.set_font("cjk", size=size)
        pdf.multi_cell(width, height, text, new_x="LMARGIN", new_y="NEXT")

    line(_("Figures of the street"), 18, 10)
    line(
        _("From %(start)s to %(end)s, whole days in %(zone)s.")
        % {
            "start": piece.start.isoformat(),
            "end": piece.end.isoformat(),
            "zone": zone_label(timezone.now(), piece.zone),
        }
    )
    for words in described:
        line(words, 9, 5)
    line(
        _(
            "Every figure is computed from what the platform records, by the definition shown "
            "beside it. People, applications and reviews are never shown here."
        ),
        9,
        5,
    )
    figures = selectors.figures(piece)
    heading = FontFace(fill_color=(235, 240, 245))
    for group, members in selectors.grouped(figures):
        pdf.ln(3)
        line(group, 14, 8)
        for figure in members:
            line(f"{figure.indicator.label}: {_value(figure)}", 11, 6)
            line(str(figure.indicator.definition), 8, 4.5)
            if figure.series:
                pdf.set_font("cjk", size=8)
                with pdf.table(
                    col_widths=(1, 1), width=width / 2, align="LEFT", headings_style=heading
                ) as table:
                    table.row([_("Quarter"), str(figure.indicator.label)])
                    for quarter, value in figure.series.items():
                        table.row([quarter, formats.number_format(value, force_grouping=True)])
            pdf.ln(1)
    pdf.ln(3)
    line(_("By kind"), 14, 8)
    for title, rows in selectors.breakdowns(piece):
        line(str(title), 11, 6)
        if not rows:
            line(_("None in this period."), 8, 4.5)
            continue
        pdf.set_font("cjk", size=8)
        with pdf.table(
            col_widths=(3, 1), width=width / 2, align="LEFT", first_row_as_headings=False
        ) as table:
            for label, count in rows:
                table.row([str(label), str(count)])
    return bytes(pdf.output())
