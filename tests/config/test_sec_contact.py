"""The SEC contact (`providers.sec.user_agent`): a name and an e-mail address, checked the same in
the file and in the form, and written into catalysts.toml as one new line that leaves every
other byte of the file as it was."""

from __future__ import annotations

import difflib

import pytest

from catalyst_tui.config import ConfigError, parse_config
from catalyst_tui.config.forms import field_errors
from catalyst_tui.config.write import EditError, apply_edit, set_sec_contact
from catalyst_tui.market.registry import SEC

from ..conftest import BUNDLED_CONFIG

CONTACT = "Jane Doe jane@example.com"


@pytest.mark.parametrize("contact", [CONTACT, "J jane@example.co.uk", "Acme Corp ops@acme.io"])
def test_a_name_and_an_email_is_a_contact(contact):
    config = parse_config(f'[providers.sec]\nuser_agent = "{contact}"\n')
    assert config.providers.of(SEC).user_agent == contact
    assert field_errors("sec", {"user_agent": contact}) == {}


@pytest.mark.parametrize(
    "contact", ["jane@example.com", "Jane Doe", "Jane Doe jane@example", "Jane jane@ex.com."]
)
def test_anything_less_is_refused_where_it_is_and_in_the_form(contact):
    with pytest.raises(ConfigError) as caught:
        parse_config(f'[providers.sec]\nuser_agent = "{contact}"\n')
    [issue] = caught.value.issues
    assert issue.key == "providers.sec.user_agent" and issue.line == 2
    assert "a name and an e-mail address" in issue.message
    assert (
        "a name and an e-mail address" in field_errors("sec", {"user_agent": contact})["user_agent"]
    )


def test_an_empty_form_says_what_to_write():
    assert "Your Name you@example.com" in field_errors("sec", {"user_agent": " "})["user_agent"]


def test_in_the_bundled_file_it_goes_under_the_commented_example_and_nothing_else_moves():
    text = BUNDLED_CONFIG.read_text(encoding="utf-8")
    new = set_sec_contact(text, CONTACT)
    changes = [
        line for line in difflib.ndiff(text.splitlines(), new.splitlines()) if line[:1] in "+-"
    ]
    assert changes == [f'+ user_agent = "{CONTACT}"']
    before = new.splitlines()[new.splitlines().index(f'user_agent = "{CONTACT}"') - 1]
    assert before.startswith("# user_agent = ")
    assert parse_config(new).providers.of(SEC).user_agent == CONTACT
    again = set_sec_contact(new, "John Roe john@example.org")  # a second time: rewritten
    assert parse_config(again).providers.of(SEC).user_agent == "John Roe john@example.org"
    assert len(again.splitlines()) == len(new.splitlines())


def test_a_file_without_the_table_gets_it_before_the_tickers():
    text = '[settings]\nrefresh = "60s"\n\n[tickers.ALAB]\nname = "Astera Labs"\n'
    new = set_sec_contact(text, CONTACT)
    assert new.index("[providers.sec]") < new.index("[tickers.ALAB]")
    assert parse_config(new).providers.of(SEC).user_agent == CONTACT
    assert parse_config(set_sec_contact("", CONTACT)).providers.of(SEC).user_agent == CONTACT


def test_an_inline_table_is_left_to_the_user():
    with pytest.raises(EditError, match="edit it by hand"):
        set_sec_contact('[providers]\nsec = { base_url = "https://data.sec.gov" }\n', CONTACT)


def test_written_like_every_edit_with_a_backup(tmp_path):
    path = tmp_path / "catalysts.toml"
    path.write_bytes(BUNDLED_CONFIG.read_bytes())
    result = apply_edit(path, lambda text: set_sec_contact(text, CONTACT))
    assert result.written and result.config.providers.of(SEC).user_agent == CONTACT
    assert (tmp_path / "catalysts.toml.bak").read_bytes() == BUNDLED_CONFIG.read_bytes()


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_under_an_example_on_the_files_last_line_without_a_newline_it_is_a_line_of_its_own(
    newline,
):
    """The example line last, with no line break after it: the contact was written onto the
    comment itself, so the file parsed, the contact stayed unset and the form said saved."""
    text = f'[providers.sec]{newline}# user_agent = "Your Name you@example.com"'
    new = set_sec_contact(text, CONTACT)
    assert parse_config(new).providers.of(SEC).user_agent == CONTACT
    assert new.split(newline)[1] == '# user_agent = "Your Name you@example.com"'


@pytest.mark.parametrize(
    ("contact", "odd", "spelled"),
    [
        ("José Núñez jose@example.com", "'é' (U+00E9, character 4)", "Jose Nunez jose@example.com"),
        ("Zoë Ko zoe@exämple.com", "'ë' (U+00EB, character 3)", "Zoe Ko zoe@example.com"),
        ("李 Li li@example.com", "'李' (U+674E, character 1)", "Li li@example.com"),
    ],
)
def test_a_contact_that_cannot_be_sent_as_a_header_is_refused_with_its_ascii_spelling(
    contact, odd, spelled
):
    """SEC reads the contact from the User-Agent header, which goes out as ASCII: a name with an
    accent was saved, then every SEC request failed ("'ascii' codec can't encode")."""
    with pytest.raises(ConfigError) as caught:
        parse_config(f'[providers.sec]\nuser_agent = "{contact}"\n')
    [issue] = caught.value.issues
    assert issue.key == "providers.sec.user_agent" and issue.line == 2 and issue.col > 1
    assert odd in issue.message and "User-Agent header" in issue.message
    assert repr(spelled) in issue.message
    said = field_errors("sec", {"user_agent": contact})["user_agent"]
    assert odd in said and repr(spelled) in said
    assert field_errors("sec", {"user_agent": spelled}) == {}  # the spelling offered is taken
