"""The one date parser behind file tags and the podcast feed."""

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from reader.dates import as_datetime, iso_date, parse_date


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("March 7, 2023", date(2023, 3, 7)),
        ("Mar. 7, 2023 10:15 am", datetime(2023, 3, 7, 10, 15)),
        ("7 March 2023", date(2023, 3, 7)),
        ("Tuesday, 7th of March 2023", date(2023, 3, 7)),
        ("Oct. 3, 2024, 5:12 p.m.", datetime(2024, 10, 3, 17, 12)),
        ("March 7, 2023 6:41 AM", datetime(2023, 3, 7, 6, 41)),
        ("Sept. 12, 2022 12:05 a.m.", datetime(2022, 9, 12, 0, 5)),
        ("2023-03-07", date(2023, 3, 7)),
        (
            "2023-03-07T10:15:00+02:00",
            datetime(2023, 3, 7, 10, 15, tzinfo=timezone(timedelta(hours=2))),
        ),
        ("2024-05-14T08:30:00Z", datetime(2024, 5, 14, 8, 30, tzinfo=UTC)),
        (
            "Updated March 7, 2023 at 14:30 UTC",
            datetime(2023, 3, 7, 14, 30, tzinfo=UTC),
        ),
        (
            "Updated March 7, 2023 at 10:15 a.m. EST",
            datetime(2023, 3, 7, 10, 15, tzinfo=timezone(timedelta(hours=-5))),
        ),
        # Ambiguous slashes read month first, as the narration reads them; impossible months swap.
        ("Published: 03/07/2023", date(2023, 3, 7)),
        ("Published: 07/03/2023", date(2023, 7, 3)),
        ("Published: 13/03/2023", date(2023, 3, 13)),
        ("07.03.2023", date(2023, 3, 7)),  # dots: day first
        ("March 7, 2023 by Jane Doe", date(2023, 3, 7)),
        ("March 7, 2023 4 min read", date(2023, 3, 7)),  # a bare number is no time
    ],
)
def test_parse_date(raw, expected):
    parsed = parse_date(raw)
    assert parsed == expected and type(parsed) is type(expected)
    if isinstance(expected, datetime):
        assert parsed.tzinfo == expected.tzinfo


@pytest.mark.parametrize("raw", ["", "   ", None, "2 hours ago", "yesterday", "March 2023", "Feb. 30, 2023",
                                 "Mar. 7", "no date here", "99/99/2023", ",,"])  # fmt: skip
def test_no_date_is_none(raw):
    assert parse_date(raw) is None
    assert iso_date(raw) == ""


def test_day_first_override():
    assert parse_date("Published: 07/03/2023", day_first=True) == date(2023, 3, 7)


def test_iso_date_for_tags():
    assert iso_date("March 7, 2023 6:41 AM") == "2023-03-07T06:41:00"
    assert iso_date("Oct. 3, 2024, 5:12 p.m.") == "2024-10-03T17:12:00"
    assert iso_date("7 March 2023") == "2023-03-07"
    assert (
        iso_date("2023-03-07T10:15:00+02:00") == "2023-03-07T10:15:00"
    )  # ID3 has no zones: wall time


def test_as_datetime_is_aware():
    assert as_datetime(date(2023, 3, 7)) == datetime(2023, 3, 7, 12, tzinfo=UTC)
    assert as_datetime(datetime(2023, 3, 7, 6, 41)).tzinfo == UTC
