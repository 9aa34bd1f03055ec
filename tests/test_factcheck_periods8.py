"""Round 8's period rules (issue 20): a subject's period from an infobox or a title, a day glued to its month,
and ``tools/calibrate_verdicts.py --bands`` (was ``tools/period_bands.py``)."""

from __future__ import annotations

from calibrate_verdicts import bands_table
from gulagstats.factcheck.judgment import JUDGING_CONFIDENCE
from gulagstats.factcheck.line_periods import SUBJECT_CONFIDENCE, subject_period
from gulagstats.factcheck.periods import find_periods
from gulagstats.factcheck.phrases import tokens
from gulagstats.factcheck.resources import load_resources
from gulagstats.factcheck.run import check_text


def _read(line: str):
    return find_periods(line, tokens(line), 0, None, "", load_resources())


def test_an_infobox_date_is_the_subject_period():
    text = "= Deportation of the Kalmyks =\n\nInfobox\n- Title: Deportation\n- Date: 28–31 December 1943\n"
    assert subject_period(text, _read) == "1943-12-28/1943-12-31"
    assert subject_period("Intro.\n\n| date = 1937–1938\n", _read) == "1937/1938"


def test_a_date_line_without_a_year_or_far_down_is_no_subject():
    assert subject_period("Title\n\n- Date: 30 October\n", _read) == ""
    assert subject_period("x" * 4000 + "\n- Date: 1937–1938\n", _read) == ""


def test_a_title_gives_a_span_but_not_a_day_or_a_year():
    assert subject_period("The Great Terror, 1937-1938\n\nText.", _read) == "1937/1938"
    assert (
        subject_period("How it was 18.07.2001 (2001)\n\nText.", _read) == ""
    )  # a broadcast's date
    assert subject_period("Amnesty of 1953\n\nText.", _read) == ""
    assert (
        subject_period("In 1937-1938 many were shot.\n\nText.", _read) == ""
    )  # a sentence, not a title


def test_claims_with_no_period_read_take_the_subject_weakly():
    text = (
        "= Deportation =\n\nInfobox\n- Date: 14–15 November 1944\n\n"
        "Members of other ethnic groups were also deported, bringing the total to approximately 115,000 evicted people.\n"
    )
    frames = check_text(text, "a.txt").frames
    f = next(f for f in frames if "115,000" in f.mention)
    assert (f.period, f.period_how) == ("1944-11-14/1944-11-15", "context")
    assert (
        f.period_confidence == SUBJECT_CONFIDENCE < JUDGING_CONFIDENCE
    )  # never enough for a verdict


def test_a_claim_with_its_own_period_keeps_it():
    text = "Title\n\n- Date: 14–15 November 1944\n\nIn 1937-1938, 681,692 people were shot.\n"
    f = next(f for f in check_text(text, "a.txt").frames if f.mention == "681,692")
    assert (f.period, f.period_how) == ("1937/1938", "span")


def test_a_day_glued_to_its_month():
    assert [(p.period, p.kind) for p in _read("transferred on 14November 1944.")] == [
        ("1944-11-14", "date")
    ]
    assert [p.kind for p in _read("about 14november 1944")] == [
        "year"
    ]  # only a capitalised month, as HTML glues it


def test_bands_table_counts_by_way_and_band():
    results = {
        (1, "en"): [("span", 0.9, True), ("context", 0.5, False)],
        (2, "ru"): [("none", 0.0, True)],
    }
    lines = bands_table(results).splitlines()
    assert lines[0] == "| | half 1 en | half 2 ru |"
    assert "| context | 0 % (0/1) | – (0/0) |" in lines
    assert "| none | – (0/0) | 100 % (1/1) |" in lines
    assert "| confidence 0.01-0.60 | 0 % (0/1) | – (0/0) |" in lines
    assert lines[-1] == "| all | 50 % (1/2) | 100 % (1/1) |"


def test_a_month_after_dated_is_a_documents():
    assert [p.kind for p in _read("a report dated December 1965, 46,000 people were deported")] == [
        "document"
    ]
    assert [p.kind for p in _read("in December 1965, 46,000 people were deported")] == ["month"]


def test_eve_of_the_war_and_leading_up_to_it():
    assert [(p.period, p.kind) for p in _read("накануне войны в лагерях находилось 2,5 млн")] == [
        ("1941-06-22", "named")
    ]
    assert [p.kind for p in _read("in the years leading up to World War Two")] == ["open"]


def test_by_a_year():
    def first(text: str):
        return next((f.period, f.period_how) for f in check_text(text, "a.txt").frames)

    assert (
        first("By 1940, eight million prisoners had already passed through the camps.")[0]
        == "/1940-01-01"
    )
    assert first("By the end of 1956, 1 million prisoners had been freed.")[0] == "/1956-12-31"
    assert (
        first("Писатель утверждал, что к 1941 году в лагерях находилось 15 миллионов человек.")[0]
        == "1941-01-01"
    )


def test_by_the_beginning_of_a_year():
    def first(text: str):
        return next((f.period, f.period_how) for f in check_text(text, "a.txt").frames)

    assert first("Almost a million prisoners were released by the beginning of 1955.") == (
        "/1955-01-01",
        "open",
    )
    assert first("By the beginning of 1955, the camps held 1 million prisoners.")[0] == "1955-01-01"
    assert (
        first("К началу 1955 года из лагерей было освобождено около миллиона заключённых.")[0]
        == "/1955-01-01"
    )
