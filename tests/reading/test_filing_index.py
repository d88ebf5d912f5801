"""A 10-Q's or 10-K's XBRL files found in its index page's "Data Files" table, on real EDGAR
index pages: the instance EDGAR extracts from an inline filing (`*_htm.xml`), a pre-2019 filing's
own instance (`EX-101.INS`), the label linkbase; a page with no such table names none (the
inline primary document is read then), and a page that is no index is refused."""

from __future__ import annotations

import pytest

from catalyst_tui.reading.filing_index import FilingsFormatError, xbrl_files
from tests.support.shared import REALDATA

INDEXES = REALDATA / "more" / "sec_index"


@pytest.mark.parametrize(
    ("page", "instance", "labels"),
    [
        ("0001628280-25-058337-index.html", "meta-20251219_htm.xml", "meta-20251219_lab.xml"),
        ("0001564590-18-004771-index.html", "crr-20171231.xml", "crr-20171231_lab.xml"),
    ],
)
def test_the_instance_and_labels_are_found_in_the_data_files(page, instance, labels):
    found, named = xbrl_files((INDEXES / page).read_bytes())
    assert found is not None and named is not None
    assert (found.name, named.name, named.type) == (instance, labels, "EX-101.LAB")


def test_an_index_without_xbrl_names_none():
    # A 10-Q of 2000: before XBRL, no "Data Files" table.
    assert xbrl_files((INDEXES / "0000912057-00-023442-index.html").read_bytes()) == (None, None)


def test_a_page_that_is_no_index_is_refused():
    with pytest.raises(FilingsFormatError):
        xbrl_files(b"<html><body>Request Rate Threshold Exceeded</body></html>")
