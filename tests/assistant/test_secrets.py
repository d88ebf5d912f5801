"""What no answer may hold, read from the file and the environment it names: a channel's URL and
its token (written in the file, in an environment variable, in a file of its own), a provider's
key, the SEC contact and its e-mail address; and text holding one answered with it withheld,
in any case, while words that merely share a URL's path (`services`) are left alone."""

from __future__ import annotations

from pathlib import Path

from catalyst_tui.assistant.secrets import WITHHELD, known_secrets, withheld
from catalyst_tui.config import load_config

FILE = """
[settings]
currency = "USD"

[providers.sec]
user_agent = "Jane Doe jane.doe@example.org"

[notify.channels.phone]
url_env = "PHONE_URL"

[notify.channels.team]
url_file = "{secret_file}"

[notify.channels.hook]
url = "json://hooks.example.com/services/T0001/B0002"

[tickers.ALAB]
name = "Astera Labs"
"""


def test_every_secret_of_the_file_and_its_environment_is_known(tmp_path: Path):
    secret_file = tmp_path / "team.url"
    secret_file.write_text("pbul://o.Tokenfromafile123\n", encoding="utf-8")
    secret_file.chmod(0o600)
    config_path = tmp_path / "catalysts.toml"
    config_path.write_text(FILE.format(secret_file=secret_file), encoding="utf-8")
    config = load_config(config_path)
    env = {"PHONE_URL": "ntfy://ntfy.example.com/topic-kept-9f3", "FINNHUB_API_KEY": "sk-abc123"}
    secrets = known_secrets(config, env)
    for secret in (
        "Jane Doe jane.doe@example.org",
        "jane.doe@example.org",
        "ntfy://ntfy.example.com/topic-kept-9f3",
        "topic-kept-9f3",
        "pbul://o.Tokenfromafile123",
        "sk-abc123",
        "T0001",
        "B0002",
    ):
        assert secret in secrets or secret.lower() in secrets, secret
    assert "services" not in secrets and "hooks.example.com" not in secrets

    text = "Failed: 401 for TOKENFROMAFILE123 at o.tokenfromafile123; mail JANE.DOE@example.org"
    said = withheld(text, secrets)
    assert "tokenfromafile123" not in said.lower() and "jane.doe" not in said.lower()
    assert said.count(WITHHELD) >= 2
    assert withheld("Cloud services grew 20%", secrets) == "Cloud services grew 20%"
