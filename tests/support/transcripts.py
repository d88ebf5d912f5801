"""An earnings call's transcript, as investors save one: the call's remarks, speaker by speaker,
in three formats (PDF as tests/support/pdf.py writes one, HTML as transcript sites lay it out,
plain text). The words are the test's own; the passages about Scorpio are what would settle the
bundled ALAB thesis's `scorpio-largest-line` milestone."""

from __future__ import annotations

from html import escape

from .pdf import make_pdf

SETTLES = (
    "Scorpio became our largest product line in the fourth quarter, ahead of Aries for the "
    "first time, as Scorpio X-Series switches ramped at two hyperscalers.",
    "For the full year, Scorpio was also the largest contributor to revenue.",
)
REMARKS = (
    (
        "Operator",
        "Good afternoon, and welcome to the Astera Labs fourth quarter 2026 earnings "
        "conference call.",
    ),
    (
        "Jitendra Mohan -- Chief Executive Officer",
        "Thank you, Leslie. Good afternoon, everyone, and thanks for joining us. "
        + SETTLES[0]
        + " Aries and Taurus grew as well, and Leo saw its first production "
        "volumes with a third cloud customer.",
    ),
    (
        "Mike Tate -- Chief Financial Officer",
        "Revenue was $352 million, up 14% sequentially. "
        + SETTLES[1]
        + " Gross margin was 75.1%, and we expect it to stay above 70% in 2027.",
    ),
    ("Operator", "Our next question comes from the line of an analyst. Please go ahead."),
)


def transcript_pdf() -> bytes:
    return make_pdf([f"{who}: {said}" for who, said in REMARKS])


def transcript_html() -> str:
    body = "".join(
        f"<p><strong>{escape(who)}</strong></p>\n<p>{escape(said)}</p>\n" for who, said in REMARKS
    )
    return (
        "<!DOCTYPE html><html><head><title>Astera Labs (ALAB) Q4 2026 Earnings Call "
        f"Transcript</title><script>track()</script></head><body><article>\n{body}"
        "</article></body></html>"
    )


def transcript_text() -> str:
    return "\n\n".join(f"{who}\n{said}" for who, said in REMARKS) + "\n"
