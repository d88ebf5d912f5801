"""Bad input to the XBRL reader: a DOCTYPE or entity refused before anything is expanded, a body
that is not XML or not XBRL, a document without revenue, a member given twice with different
values, a value no transform reads: each a located XbrlFormatError (NoRevenue with its reason),
never a pick, a traceback or a hang."""

from __future__ import annotations

import pytest

from catalyst_tui.reading.errors import FormatError
from catalyst_tui.reading.xbrl import NoRevenue, XbrlFormatError, read_segments

from .built import PRODUCT, context, fact, figure, inline, instance

REV = "us-gaap:Revenues"
LAUGHS = (
    '<!DOCTYPE xbrl [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>'
)


def test_a_doctype_is_refused_before_any_entity_is_expanded() -> None:
    body = instance(fact(REV, "c-q", "&d;"), prolog=LAUGHS)
    with pytest.raises(XbrlFormatError, match="refused"):
        read_segments(body)
    plain = instance(fact(REV, "c-q", "5"), prolog='<!DOCTYPE xbrl SYSTEM "http://x.test/x.dtd">')
    with pytest.raises(XbrlFormatError, match="refused"):
        read_segments(plain)


def test_a_label_linkbase_refuses_a_doctype_too() -> None:
    with pytest.raises(XbrlFormatError, match="refused"):
        read_segments(instance(fact(REV, "c-q", "5")), labels=LAUGHS.encode() + b"<x>&d;</x>")


def test_a_body_that_is_not_xml_is_located() -> None:
    with pytest.raises(XbrlFormatError, match=r"line 1, column \d+") as caught:
        read_segments(b"<html><p>unclosed &nbsp; entity</html>")
    assert isinstance(caught.value, FormatError) and not isinstance(caught.value, NoRevenue)


def test_xml_without_contexts_and_an_instance_without_revenue_have_no_revenue() -> None:
    with pytest.raises(NoRevenue, match="no xbrli:context"):
        read_segments(b"<linkbase><loc/></linkbase>")
    other = instance(
        '<us-gaap:NetIncomeLoss contextRef="c-q" unitRef="usd" decimals="-6">'
        "7</us-gaap:NetIncomeLoss>"
    )
    with pytest.raises(NoRevenue, match="no revenue facts"):
        read_segments(other)


def test_a_10q_with_only_the_year_to_date_has_no_quarter_and_never_answers_the_half() -> None:
    with pytest.raises(NoRevenue, match="three months ending 2024-06-30"):
        read_segments(instance(fact(REV, "c-h", "900000000")))


def test_a_member_given_twice_with_different_values_is_an_error_naming_both() -> None:
    body = (
        context("c-1", ("2024-04-01", "2024-06-30"), (PRODUCT, "acme:WidgetsMember"))
        + context("c-2", ("2024-04-01", "2024-06-30"), (PRODUCT, "acme:WidgetsMember"))
        + fact(REV, "c-q", "500000000")
        + fact(REV, "c-1", "300000000")
        + fact(REV, "c-2", "310000000")
    )
    with pytest.raises(XbrlFormatError, match=r"acme:WidgetsMember.*300000000.*310000000"):
        read_segments(instance(body))


def test_the_same_value_twice_at_two_precisions_is_one_value_the_precise_one() -> None:
    body = (
        context("c-1", ("2024-04-01", "2024-06-30"), (PRODUCT, "acme:WidgetsMember"))
        + fact(REV, "c-q", "500000000")
        + fact(REV, "c-1", "300000000", decimals="-8")
        + fact(REV, "c-1", "312000000", decimals="-6")
    )
    (axis,) = read_segments(instance(body)).axes
    assert axis.members[0].revenue == 312_000_000


def test_inline_transforms_scale_sign_and_a_date_in_words() -> None:
    names = ("AMember", "BMember", "CMember", "DMember")
    contexts = "".join(
        context(f"c-{n}", ("2024-04-01", "2024-06-30"), (PRODUCT, f"acme:{m}"))
        for n, m in enumerate(names)
    )
    facts = (
        figure("c-q", "1.234,5", fmt="ixt:num-comma-decimal")  # 1,234.5 million
        + figure("c-0", "1,000", fmt="ixt4:numdotdecimal")
        + figure("c-1", "\u2014", fmt="ixt:fixed-zero")
        + figure("c-2", "12", sign="-")
        + figure("c-3", "250", scale="3")
    )
    segments = read_segments(inline(facts, contexts))
    assert segments.form == "10-Q" and str(segments.period_end) == "2024-06-30"
    assert segments.total_revenue == 1_234_500_000
    (axis,) = segments.axes
    assert [line.revenue for line in axis.members] == [1_000_000_000, 0, -12_000_000, 250_000]
    assert [line.label for line in axis.members] == ["A", "B", "C", "D"]


def test_an_inline_value_no_transform_reads_is_located_not_guessed() -> None:
    with pytest.raises(XbrlFormatError, match=r"us-gaap:Revenues \(context c-q\).*ixt:num-word"):
        read_segments(inline(figure("c-q", "twelve", fmt="ixt:num-word-en")))
    with pytest.raises(XbrlFormatError, match="not a number"):
        read_segments(inline(figure("c-q", "12 (note 3)")))


def test_a_10k_answers_with_its_year_not_a_quarter() -> None:
    year = context("c-y", ("2023-07-01", "2024-06-30"))
    body = year + fact(REV, "c-q", "25") + fact(REV, "c-y", "100")
    segments = read_segments(instance(body, form="10-K"))
    assert segments.total_revenue == 100
    assert str(segments.period_start) == "2023-07-01"


def test_a_value_beyond_any_companys_figure_is_refused_and_odd_decimals_do_not_crash() -> None:
    with pytest.raises(XbrlFormatError, match="beyond any company's figure"):
        read_segments(instance(fact(REV, "c-q", "1" + "0" * 400)))
    body = (
        context("c-1", ("2024-04-01", "2024-06-30"), (PRODUCT, "acme:WidgetsMember"))
        + fact(REV, "c-q", "900000000000000000", decimals="30")
        + fact(REV, "c-q", "900000000000000000", decimals="-999999999")
        + fact(REV, "c-1", "5", decimals="2")
        + fact(REV, "c-1", "5.01", decimals="30")
    )
    with pytest.raises(XbrlFormatError, match=r"5 \(context c-1\) and 5.01"):
        read_segments(instance(body))


def test_an_axis_of_thousands_of_members_is_read_in_one_pass() -> None:
    members = range(3000)
    body = "".join(
        context(f"m{n}", ("2024-04-01", "2024-06-30"), (PRODUCT, f"acme:M{n}Member"))
        + fact(REV, f"m{n}", str(1000 + n))
        for n in members
    )
    segments = read_segments(instance(fact(REV, "c-q", "1") + body))
    (axis,) = segments.axes
    assert len(axis.members) == 3000 and not any(line.aggregate for line in axis.members)
    assert segments.largest is not None and segments.largest[1].revenue == 3999


def test_labels_are_resolved_within_each_extended_link() -> None:
    # Two label links reuse the names "loc" and "lab": each arc reaches its own link's label.
    def link(member: str, text: str) -> str:
        return (
            '<link:labelLink><link:loc xlink:label="loc" '
            f'xlink:href="acme.xsd#acme_{member}"/><link:labelArc xlink:from="loc" '
            'xlink:to="lab"/><link:label xlink:label="lab" '
            f'xlink:role="http://www.xbrl.org/2003/role/label">{text} [Member]</link:label>'
            "</link:labelLink>"
        )

    labels = (
        '<link:linkbase xmlns:link="http://www.xbrl.org/2003/linkbase" '
        'xmlns:xlink="http://www.w3.org/1999/xlink">'
        + link("AMember", "Alpha")
        + link("BMember", "Beta")
        + "</link:linkbase>"
    )
    body = "".join(
        context(f"c-{m}", ("2024-04-01", "2024-06-30"), (PRODUCT, f"acme:{m}Member"))
        + fact(REV, f"c-{m}", "5")
        for m in "AB"
    )
    (axis,) = read_segments(instance(body), labels.encode()).axes
    assert [line.label for line in axis.members] == ["Alpha", "Beta"]


def test_dei_facts_are_found_under_another_prefix_and_a_missing_form_by_its_focus() -> None:
    facts = figure("c-q", "25") + figure("c-h", "60")
    page = inline(facts).replace(b"xmlns:dei=", b"xmlns:d=").replace(b'"dei:', b'"d:')
    segments = read_segments(page)
    assert (segments.form, segments.total_revenue) == ("10-Q", 25_000_000)
    focus = '<dei:DocumentFiscalPeriodFocus contextRef="c-q">Q2</dei:DocumentFiscalPeriodFocus>'
    body = focus + fact(REV, "c-q", "25") + fact(REV, "c-h", "60")
    assert read_segments(instance(body, form="")).total_revenue == 25


def test_a_member_without_a_label_reads_as_its_words_not_its_letters():
    """The fallback where a filing gives no label: words at case changes, an acronym kept whole,
    and a one-letter prefix left on its word ("IPhone", not "I Phone")."""
    from catalyst_tui.reading.xbrl.labels import readable

    assert readable("aapl:IPhoneMember") == "IPhone"
    assert readable("nvda:OEMAndOtherMember") == "OEM And Other"
    assert readable("nvda:DataCenterMember") == "Data Center"
    assert readable("country:US") == "US"


def test_a_doctype_in_utf16_is_refused_and_a_utf16_instance_is_read() -> None:
    # UTF-16 hides the prolog and the dei namespace from a byte search: libxml2's own record of
    # the DOCTYPE refuses it, and the namespace found by the parse is read again with it.
    def utf16(body: bytes) -> bytes:
        return body.decode().replace('encoding="utf-8"', 'encoding="utf-16"').encode("utf-16")

    with pytest.raises(XbrlFormatError, match="refused"):
        read_segments(utf16(instance(fact(REV, "c-q", "&d;"), prolog=LAUGHS)))
    read = read_segments(utf16(instance(fact(REV, "c-q", "5"))))
    assert (read.total_revenue, read.form) == (5, "10-Q")
