"""Round 6, reading: tables with glued footnote years, share columns and totals; shares in words."""

from __future__ import annotations

from gulagstats.factcheck.run import check_text

_TABLE = (
    "Справка о смертности заключенных в системе ГУЛАГа за период 1930-1933 гг.\n"
    "Годы | Число умерших | % умерших к среднесписочному |\n"
    "19301 | 7980 | 4,2 |\n"
    "19311 | 7283 | 2,9 |\n"
    "19321 | 13197 | 4,8 |\n"
    "1933 | 67297 | 15,3 |\n"
    "Итого | 95757 |\n"
)


def _read(text: str) -> list[tuple[str, str, str, str]]:
    return [(f.mention, f.quantity, f.period, f.unit) for f in check_text(text).frames]


def test_a_year_cell_with_a_glued_footnote_digit_is_its_year_when_the_years_run_on() -> None:
    got = _read(_TABLE)
    assert ("7980", "gulag_deaths", "1930", "count") in got
    assert ("13197", "gulag_deaths", "1932", "count") in got
    assert not any(m.startswith("193") and len(m) == 5 for m, *_ in got)  # "19301" is no count


def test_a_share_column_gives_shares_without_a_percent_sign() -> None:
    got = _read(_TABLE)
    # round 16: a share of the Gulag's dead is its mortality rate (quantity_rules.csv's unit rows)
    assert ("4,2", "gulag_mortality_rate", "1930", "share") in got
    assert ("15,3", "gulag_mortality_rate", "1933", "share") in got


def test_a_total_row_after_a_table_counts_its_span() -> None:
    assert ("95757", "gulag_deaths", "1930/1933", "count") in _read(_TABLE)


def test_five_digit_first_cells_whose_years_do_not_run_on_are_no_table() -> None:
    text = "Умерло в лагерях\n19301 | 7980 |\n19457 | 7283 |\n19122 | 13197 |\n"
    assert not any(p for _, _, p, _ in _read(text))


def test_the_year_numbers_of_a_table_are_not_listed_as_seen() -> None:
    assert not [s for s in check_text(_TABLE).seen if s.text.startswith("193")]


def test_shares_in_words_are_shares_with_their_value() -> None:
    got = [
        (f.mention, f.low, f.unit)
        for f in check_text(
            "Some 200,000 people were arrested, about two-thirds of whom were executed. "
            "Half of those arrested were sentenced to death. 352,560 prisoners died in 1942, or one in four."
        ).frames
    ]
    assert ("about two-thirds", 66.7, "share") in got
    assert ("Half", 50.0, "share") in got
    assert ("one in four", 25.0, "share") in got
    assert not [m for m, *_ in got if m in ("about two", "two")]  # not the count 2


def test_a_fraction_before_a_scale_word_is_part_of_a_count() -> None:
    got = [
        (f.mention, f.low, f.unit)
        for f in check_text("Three quarters of a million people were shot.").frames
    ]
    assert got == [("Three quarters of a million", 750000.0, "count")]


def test_a_russian_share_in_words_needs_what_it_is_a_share_of() -> None:
    got = [
        (f.mention, f.unit)
        for f in check_text(
            "Было арестовано 1 500 000 человек, и не больше половины из них было политических. "
            "Во второй половины 1937 года расстреляно 200 000 человек."
        ).frames
    ]
    assert [m for m, u in got if u == "share"] == ["не больше половины"]  # with its hedge


def test_a_hard_wrapped_sentence_is_one_sentence_and_its_number_keeps_its_scale_word() -> None:
    text = (
        "В Статистическом сборнике говорится о 17,96\nмлн\nприговорённых по указам военного времени.\n"
        "Заголовок\nНовая строка с заглавной буквы."
    )
    got = [(f.mention, f.low) for f in check_text(text).frames]
    assert got == [("17,96\nмлн", 17960000.0)]
    from gulagstats.factcheck.sentences import split

    assert [s.text for s in split(text)][-2:] == ["Заголовок", "Новая строка с заглавной буквы."]


def test_rows_of_a_table_are_not_joined_as_a_wrapped_sentence() -> None:
    from gulagstats.factcheck.sentences import split

    assert len(split("умерло в лагерях\n1937\n25 376\n1938\n90 546")) == 5


def test_a_cue_inside_the_chosen_cue_is_no_other_reading() -> None:
    (f,) = check_text(
        "By the end of 1940, the population of the Gulag camps amounted to 1.5 million."
    ).frames
    assert (f.quantity, f.quantity_readings) == ("camp_population", ())


def test_a_word_of_dying_beside_a_word_of_deportation_is_the_deaths_of_the_deported() -> None:
    (f,) = check_text(
        "Around 390,000 deaths resulted from the dekulakization forced resettlement."
    ).frames
    assert f.quantity == "deportation_deaths"


def test_a_letter_glued_to_a_grouped_number_and_a_range_with_marks() -> None:
    got = [
        (f.mention, f.quantity) for f in check_text("Attack type\nDeaths681,692 executions").frames
    ]
    assert got == [("681,692", "executions")]


def test_a_page_after_a_reference_mark_and_one_alone_are_not_counts() -> None:
    text = (
        "1,053,829 people died in the camps from 1934 to 1953.[16]:1024 "
        "On the one hand, one broad category of victims was shot."
    )
    assert [f.mention for f in check_text(text).frames] == ["1,053,829"]


def test_a_part_named_in_a_sentence_without_numbers_is_carried_to_the_next() -> None:
    text = (
        "В этот день в Среднюю Азию был отправлен первый эшелон крымских татар. "
        "Всего было депортировано более 180 000 человек."
    )
    (f,) = check_text(text).frames
    assert f.scope != "USSR"  # the Crimean Tatars (or Crimea): a part of the whole


def test_repression_deaths_are_in_custody_but_a_date_of_a_death_is_no_word_of_dying() -> None:
    (f,) = check_text("Deaths due to repression in 1937-1938 numbered 950,000.").frames
    assert f.quantity == "custodial_deaths"
    (g,) = check_text(
        "В 1920-1950 годы жертвами политических репрессий стали 3 миллиона граждан, "
        "после смерти Сталина речь идет о другом."
    ).frames
    assert g.quantity == "repressed_total"


def test_year_cells_with_footnote_marks_are_years() -> None:
    for mark in ("*", "[1]", "\u00b9"):
        text = (
            "Deaths in the Gulag camps\nYear | Deaths\n"
            f"1930{mark} | 7,980\n1931{mark} | 7,283\n1932 | 13,197\n1933 | 67,297"
        )
        r = check_text(text)
        assert [(f.mention, f.period) for f in r.frames][:2] == [
            ("7,980", "1930"),
            ("7,283", "1931"),
        ]
        assert not r.seen


def test_a_long_hard_wrapped_paragraph_is_read_in_linear_time() -> None:
    from .test_factcheck_stages import assert_linear

    line = "and in 1937 some 1,000 prisoners died in the camps while 2,000 more were shot\n"
    assert_linear(lambda text: check_text("Intro\n" + text), line, 200)
