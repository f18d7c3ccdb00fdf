from datetime import date

import pytest

from timeline.edtf import edtf_to_window, window_to_edtf

ROWS = [
    # start, end, precision, edtf
    (date(2024, 12, 1), date(2024, 12, 31), "month", "2024-12"),
    (date(2025, 3, 10), date(2025, 3, 16), "week", "2025-03-10/2025-03-16"),
    (date(2024, 12, 15), date(2024, 12, 31), "day", "2024-12-15/2024-12-31"),
    (date(2025, 3, 1), date(2025, 3, 31), "vague", "2025-03~"),
    (date(2019, 1, 1), date(2019, 12, 31), "year", "2019"),
    (date(2010, 1, 1), date(2019, 12, 31), "decade", "201X"),
    (date(2025, 3, 21), date(2025, 3, 21), "day", "2025-03-21"),
    (date(2024, 2, 1), date(2024, 2, 29), "month", "2024-02"),
]


@pytest.mark.parametrize(("start", "end", "precision", "edtf"), ROWS)
def test_window_to_edtf_and_back(start, end, precision, edtf):
    assert window_to_edtf(start, end, precision) == edtf
    assert edtf_to_window(edtf) == (start, end)


def test_reversed_window_is_rejected():
    with pytest.raises(ValueError, match="ends before it starts"):
        window_to_edtf(date(2025, 3, 2), date(2025, 3, 1))


@pytest.mark.parametrize("bad", ["", "March", "2025-13", "2025-02-30", "20X"])
def test_edtf_to_window_rejects_what_it_does_not_write(bad):
    with pytest.raises(ValueError):
        edtf_to_window(bad)
