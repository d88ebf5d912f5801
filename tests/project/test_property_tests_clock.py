"""The property tests keep no clock (tests/conftest.py's Hypothesis profile): an example has no
deadline and drawing inputs slowly is no failure, since both measure the machine, while the
health checks on a strategy's shape still fail a test."""

from __future__ import annotations

from hypothesis import HealthCheck, settings


def test_the_suites_profile_has_no_deadline_and_no_speed_check():
    profile = settings.get_profile("catalyst")
    assert settings.default == profile  # the profile loaded
    assert profile.deadline is None
    assert HealthCheck.too_slow in profile.suppress_health_check
    assert HealthCheck.filter_too_much not in profile.suppress_health_check


def test_a_tests_own_settings_start_from_the_profile():
    """`@settings(max_examples=...)` on a test sets what it names; the rest is the profile's."""
    own = settings(max_examples=5)
    assert own.max_examples == 5
    assert own.deadline is None
    assert HealthCheck.too_slow in own.suppress_health_check
