"""The suite in two parts: the unit suite, and the tests that read the published data (``data``).

A test that reads the published data (``data/``, the curated and reference inputs of ``tools/``,
the golden figures, the labelled corpus, the full texts) is marked ``data``: :data:`DATA_MODULES`
(whole modules, less the :data:`UNIT_EXCEPTIONS` inside them) and :data:`DATA_TESTS` (single
tests) list them, and a test asking for a copy of ``data/`` is one.  A test that reads nothing
published but takes seconds is marked ``slow`` (:data:`SLOW_TESTS`).  ``python -m pytest`` runs
everything; ``python -m pytest -m "not data and not slow"`` is the unit suite, on the tiny
package of ``tests/fixtures/tiny`` and on synthetic rows.

The split cannot lie.  In a run that leaves the ``data`` tests out:

* the modules listed whole, with no unit exception, are not even imported (:func:`ignore_collect`);
* ``GULAGSTATS_DATA`` names a folder that does not exist, so a test that asks the loaders for the
  published data fails with the loaders' own error, and so does a ``gulagstats`` subprocess;
* an audit hook refuses every opening of a published file (:data:`PUBLISHED`), from the start of
  the session, collection included, and a test that opened one fails even if the code under test
  caught the error.  Nothing is read before the hook is in place, so no cache can hand a unit test
  the published data read by an earlier test (the fault of an earlier attempt that inferred the list
  from what each test read, in a run of every test).

The one published file a unit run may read is ``data/vocabulary.csv``: the vocabulary is the
code's (``gulagstats.vocabulary`` reads it at import, whatever data directory is named, and the
tiny package is built with the same words).  Setting ``GULAGSTATS_UNIT_GUARD=1`` puts the guard on
in any run, for instance a run of every test, to see which tests read the published data.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import ClassVar

import pytest

ROOT = Path(__file__).resolve().parents[1]

# The three lists below were made by a run of every test under the guard (GULAGSTATS_UNIT_GUARD=1:
# the tests that failed are those that read the published data), and the guard keeps them true:
# a unit test that reads the published data fails in every unit run.

#: Test modules (and modules of docstring examples) that read the published data: every test in
#: them is marked ``data`` unless :data:`UNIT_EXCEPTIONS` names it, and a module with no exception
#: is not even imported in a unit run.  A new test in one of these is a data test by default.
DATA_MODULES: tuple[str, ...] = (
    "src/gulagstats/__init__.py",
    "src/gulagstats/api.py",
    "src/gulagstats/api_figures.py",
    "src/gulagstats/archive/run.py",
    "src/gulagstats/archive/task.py",
    "src/gulagstats/checks/__init__.py",
    "src/gulagstats/checks/grade.py",
    "src/gulagstats/checks/identities.py",
    "src/gulagstats/checks/internal.py",
    "src/gulagstats/checks/plausibility.py",
    "src/gulagstats/checks/prose.py",
    "src/gulagstats/checks/sources.py",
    "src/gulagstats/checks/subsets.py",
    "src/gulagstats/checks/table.py",
    "src/gulagstats/checks/text.py",
    "src/gulagstats/cli/estimates.py",
    "src/gulagstats/core/composition.py",
    "src/gulagstats/core/derive.py",
    "src/gulagstats/core/record.py",
    "src/gulagstats/core/relations.py",
    "src/gulagstats/core/results.py",
    "src/gulagstats/coverage_table.py",
    "src/gulagstats/estimates/judge.py",
    "src/gulagstats/estimates/rates.py",
    "src/gulagstats/estimates/tally.py",
    "src/gulagstats/estimates/verdicts.py",
    "src/gulagstats/estimates/vocabulary.py",
    "src/gulagstats/factcheck/births.py",
    "src/gulagstats/factcheck/custody_lists.py",
    "src/gulagstats/factcheck/exile_periods.py",
    "src/gulagstats/factcheck/counted_before.py",
    "src/gulagstats/factcheck/enumerations.py",
    "src/gulagstats/factcheck/evaluate.py",
    "src/gulagstats/factcheck/judgment.py",
    "src/gulagstats/factcheck/like_numbers.py",
    "src/gulagstats/factcheck/mentions.py",
    "src/gulagstats/factcheck/page.py",
    "src/gulagstats/factcheck/resources.py",
    "src/gulagstats/factcheck/run.py",
    "src/gulagstats/factcheck/tables.py",
    "src/gulagstats/factcheck/unsaid.py",
    "src/gulagstats/figures/article.py",
    "src/gulagstats/figures/export.py",
    "src/gulagstats/figures/extra.py",
    "src/gulagstats/figures/rates.py",
    "src/gulagstats/figures/select.py",
    "src/gulagstats/loaders.py",
    "src/gulagstats/models.py",
    "src/gulagstats/outputs.py",
    "src/gulagstats/overlay.py",
    "src/gulagstats/publish/about.py",
    "src/gulagstats/publish/codebook.py",
    "src/gulagstats/publish/export.py",
    "src/gulagstats/publish/frames.py",
    "src/gulagstats/publish/package.py",
    "src/gulagstats/publish/sqlite.py",
    "src/gulagstats/publish/webmeta.py",
    "src/gulagstats/report/model.py",
    "src/gulagstats/rules/benchmarks.py",
    "src/gulagstats/rules/bounds.py",
    "src/gulagstats/rules/prose_rules.py",
    "src/gulagstats/rules/reader.py",
    "src/gulagstats/rules/series.py",
    "src/gulagstats/store.py",
    "tests/test_api_types.py",
    "tests/test_checks.py",
    "tests/test_checks_missing.py",
    "tests/test_cli_data.py",
    "tests/test_cli_users.py",
    "tests/test_contributing.py",
    "tests/test_corpus.py",
    "tests/test_data.py",
    "tests/test_docs_counts.py",
    "tests/test_errata.py",
    "tests/test_estimates.py",
    "tests/test_factcheck.py",
    "tests/test_factcheck_judging.py",
    "tests/test_factcheck_judging6.py",
    "tests/test_factcheck_judging7.py",
    "tests/test_factcheck_judging8.py",
    "tests/test_factcheck_judging9.py",
    "tests/test_factcheck_judging10.py",
    "tests/test_factcheck_judging11.py",
    "tests/test_factcheck_judging12.py",
    "tests/test_factcheck_judging13.py",
    "tests/test_factcheck_judging14.py",
    "tests/test_factcheck_judging15.py",
    "tests/test_factcheck_judging16.py",
    "tests/test_factcheck_judging17.py",
    "tests/test_factcheck_judging18.py",
    "tests/test_factcheck_judging19.py",
    "tests/test_factcheck_judging9_tools.py",
    "tests/test_factcheck_periods6.py",
    "tests/test_factcheck_periods7.py",
    "tests/test_factcheck_periods8.py",
    "tests/test_factcheck_periods9.py",
    "tests/test_factcheck_periods10.py",
    "tests/test_factcheck_periods11.py",
    "tests/test_factcheck_periods12.py",
    "tests/test_factcheck_periods13.py",
    "tests/test_factcheck_periods14.py",
    "tests/test_factcheck_periods15.py",
    "tests/test_factcheck_periods16.py",
    "tests/test_factcheck_periods17.py",
    "tests/test_factcheck_periods18.py",
    "tests/test_factcheck_periods19.py",
    "tests/test_factcheck_periods19b.py",
    "tests/test_factcheck_quantity7.py",
    "tests/test_factcheck_quantity8.py",
    "tests/test_factcheck_quantity9.py",
    "tests/test_factcheck_quantity10.py",
    "tests/test_factcheck_quantity11.py",
    "tests/test_factcheck_quantity12.py",
    "tests/test_factcheck_quantity13.py",
    "tests/test_factcheck_quantity14.py",
    "tests/test_factcheck_quantity15.py",
    "tests/test_factcheck_quantity16.py",
    "tests/test_factcheck_quantity17.py",
    "tests/test_factcheck_quantity19.py",
    "tests/test_factcheck_deaths19.py",
    "tests/test_factcheck_reading.py",
    "tests/test_factcheck_reading6.py",
    "tests/test_factcheck_reading7.py",
    "tests/test_factcheck_reading8.py",
    "tests/test_factcheck_reading9.py",
    "tests/test_factcheck_reading10.py",
    "tests/test_factcheck_reading11.py",
    "tests/test_factcheck_reading12.py",
    "tests/test_factcheck_reading13.py",
    "tests/test_factcheck_reading14.py",
    "tests/test_factcheck_reading15.py",
    "tests/test_factcheck_reading16.py",
    "tests/test_factcheck_reading17.py",
    "tests/test_factcheck_reading18.py",
    "tests/test_factcheck_reading19.py",
    "tests/test_factcheck_not_counts19.py",
    "tests/test_factcheck_context18.py",
    "tests/test_factcheck_reading_tables.py",
    "tests/test_factcheck_stages.py",
    "tests/test_figures.py",
    "tests/test_grade.py",
    "tests/test_grz_tables.py",
    "tests/test_guarantees.py",
    "tests/test_hardening.py",
    "tests/test_load.py",
    "tests/test_overlay.py",
    "tests/test_pipeline.py",
    "tests/test_publish.py",
    "tests/test_publish_exports.py",
    "tests/test_publish_formats.py",
    "tests/test_rates.py",
    "tests/test_record.py",
    "tests/test_record_safety.py",
    "tests/test_report.py",
    "tests/test_rules.py",
    "tests/test_sources_round3.py",
    "tests/test_text_figures.py",
    "tests/test_tutorial.py",
    "tests/test_verdict_rules.py",
    "tests/test_web_view.py",
    "tests/test_writer.py",
)

#: The tests of :data:`DATA_MODULES` that read nothing published: they stay in the unit suite.
UNIT_EXCEPTIONS: frozenset[str] = frozenset((
    "src/gulagstats/api.py::gulagstats.api.quantities",
    "src/gulagstats/archive/run.py::gulagstats.archive.run.check_settings",
    "src/gulagstats/archive/task.py::gulagstats.archive.task.require_installed",
    "src/gulagstats/checks/grade.py::gulagstats.checks.grade.grade_of",
    "src/gulagstats/checks/grade.py::gulagstats.checks.grade.rounding_unit",
    "src/gulagstats/checks/text.py::gulagstats.checks.text.summary_line",
    "src/gulagstats/core/derive.py::gulagstats.core.derive.span_text",
    "src/gulagstats/estimates/rates.py::gulagstats.estimates.rates.per_capita",
    "src/gulagstats/estimates/tally.py::gulagstats.estimates.tally.Counts.sentence",
    "src/gulagstats/estimates/vocabulary.py::gulagstats.estimates.vocabulary.quantity_table",
    "src/gulagstats/factcheck/judgment.py::gulagstats.factcheck.judgment.reason_not_judged",
    "src/gulagstats/factcheck/page.py::gulagstats.factcheck.page.advice",
    "src/gulagstats/factcheck/resources.py::gulagstats.factcheck.resources.parse_table",
    "src/gulagstats/figures/export.py::gulagstats.figures.export.figure_formats",
    "src/gulagstats/figures/export.py::gulagstats.figures.export.figure_names",
    "src/gulagstats/figures/extra.py::gulagstats.figures.extra._weight_size",
    "src/gulagstats/figures/select.py::gulagstats.figures.select.derive",
    "src/gulagstats/figures/select.py::gulagstats.figures.select.derived_status",
    "src/gulagstats/figures/select.py::gulagstats.figures.select.moved",
    "src/gulagstats/loaders.py::gulagstats.loaders._typed_by_unit",
    "src/gulagstats/models.py::gulagstats.models.Model",
    "src/gulagstats/outputs.py::gulagstats.outputs.locked",
    "src/gulagstats/publish/export.py::gulagstats.publish.export.require",
    "src/gulagstats/publish/package.py::gulagstats.publish.package.field_type",
    "src/gulagstats/report/model.py::gulagstats.report.model.source_marks",
    "src/gulagstats/rules/benchmarks.py::gulagstats.rules.benchmarks.rule_tables",
    "src/gulagstats/rules/prose_rules.py::gulagstats.rules.prose_rules.parse_finding",
    "src/gulagstats/rules/reader.py::gulagstats.rules.reader.term_period",
    "src/gulagstats/store.py::gulagstats.store.read_user_file",
    "tests/test_api_types.py::test_all_is_a_literal_list_of_every_name_the_package_gives",
    "tests/test_api_types.py::test_every_public_error_is_a_name_of_the_package",
    "tests/test_api_types.py::test_mypy_strict_passes_on_a_user_script",
    "tests/test_api_types.py::test_public_functions_document_an_example",
    "tests/test_checks.py::test_a_contradiction_is_judged_by_the_relation_of_the_figure_it_is_held_to",
    "tests/test_checks.py::test_a_finding_row_must_say_what_it_needs",
    "tests/test_checks.py::test_tolerances_and_judgement",
    "tests/test_cli_data.py::test_version",
    "tests/test_cli_users.py::test_completion_scripts_name_every_subcommand",
    "tests/test_cli_users.py::test_every_subcommand_takes_quiet",
    "tests/test_cli_users.py::test_the_readme_says_which_commands_take_format",
    "tests/test_corpus.py::test_errors_are_gulagstats_errors",
    "tests/test_factcheck.py::test_a_broken_lexicon_row_is_refused_with_its_line",
    "tests/test_factcheck.py::test_a_hostile_lexicon_gives_one_line_and_exit_2",
    "tests/test_factcheck.py::test_input_errors_are_package_and_builtin_errors",
    "tests/test_factcheck_judging7.py::test_the_wilson_interval_is_the_textbook_one",
    "tests/test_factcheck_judging7.py::test_a_kind_no_way_supports_is_said_so",
    "tests/test_factcheck_judging7.py::test_a_not_contradicted_that_another_reading_flags_is_not_judged",
    "tests/test_figures.py::test_figures_stay_out_of_import",
    "tests/test_grade.py::test_grade_of",
    "tests/test_guarantees.py::test_a_closed_stdout_exits_non_zero",
    "tests/test_guarantees.py::test_a_fraction_of_persons_is_refused_and_a_german_thousands_point_explained",
    "tests/test_guarantees.py::test_ambiguous_or_foreign_numbers_are_refused_with_how_to_write_them",
    "tests/test_guarantees.py::test_any_claims_file_gives_results_or_a_one_line_error",
    "tests/test_guarantees.py::test_git_keeps_the_data_files_line_ends",
    "tests/test_guarantees.py::test_number_parser_gives_a_number_or_a_one_line_error",
    "tests/test_guarantees.py::test_number_parser_reads_every_correct_grouping",
    "tests/test_guarantees.py::test_number_parser_round_trips_every_finite_float",
    "tests/test_guarantees.py::test_numbers_as_people_write_them_are_read",
    "tests/test_guarantees.py::test_repeated_overlay_columns_are_refused",
    "tests/test_hardening.py::test_unwritable_output_is_one_line",
    "tests/test_hardening.py::test_usage_errors_exit_2_without_traceback",
    "tests/test_load.py::test_a_bad_data_directory_is_named",
    "tests/test_pipeline.py::test_a_scope_rule_applies_unless_the_words_exclude_it",
    "tests/test_pipeline.py::test_the_estimates_package_has_no_nan_self_test",
    "tests/test_pipeline.py::test_the_question_stage_groups_claims_by_what_they_ask_not_their_number",
    "tests/test_publish.py::test_serve_refuses_a_bad_port",
    "tests/test_publish.py::test_the_cli_lists_the_formats_of_the_library",
    "tests/test_record.py::test_a_record_is_data_only",
    "tests/test_report.py::test_finding_order_uses_grades_when_present_else_size",
    "tests/test_report.py::test_headline_table_computes_the_conservative_factor",
    "tests/test_rules.py::test_a_malformed_term_is_refused_with_the_reason",
    "tests/test_rules.py::test_a_ratio_is_scale_times_terms_over_terms",
    "tests/test_rules.py::test_terms_read_measure_qualifiers_and_signs",
    "tests/test_rules.py::test_the_build_refuses_a_benchmark_term_without_a_table_or_with_an_ambiguous_prose_figure",
    "tests/test_rules.py::test_the_build_stops_on_a_row_with_more_cells_than_its_header",
    "tests/test_rules.py::test_the_language_refuses_what_it_cannot_mean",
    "tests/test_sources_round3.py::test_among_agreeing_copies_the_argument_picks_the_one_cited",
    "tests/test_sources_round3.py::test_an_argument_against_the_rules_or_for_no_cell_stops_the_build",
    "tests/test_sources_round3.py::test_an_argument_for_the_rules_choice_reaches_the_note",
    "tests/test_text_figures.py::test_the_parser_does_not_split_or_join_numbers",
    "tests/test_text_figures.py::test_the_parser_reads_the_ways_the_prose_writes_numbers",
    "tests/test_tutorial.py::test_the_notebook_has_no_outputs_stored",
    "tests/test_verdict_rules.py::test_a_floor_never_yields_overstates_and_a_ceiling_never_understates",
    "tests/test_verdict_rules.py::test_year_bounds",
    "tests/test_writer.py::test_a_memory_limit_gives_one_line_not_an_openblas_message",
))

#: The tests of other modules that read the published data (node ids without parameters).
DATA_TESTS: frozenset[str] = frozenset((
    "tests/test_datasplit.py::test_a_unit_test_that_reads_the_data_fails_in_a_unit_run_and_passes_in_a_full_run",
    "src/gulagstats/checks/engine.py::gulagstats.checks.engine.run_check",
    "src/gulagstats/estimates/question.py::gulagstats.estimates.question.estimate_readings",
    "src/gulagstats/factcheck/periods.py::gulagstats.factcheck.periods.find_periods",
    "src/gulagstats/factcheck/durations.py::gulagstats.factcheck.durations.durations",
    "src/gulagstats/factcheck/durations.py::gulagstats.factcheck.durations._adjectives",
    "src/gulagstats/factcheck/sentences.py::gulagstats.factcheck.sentences.stray_point",
    "src/gulagstats/factcheck/bounds.py::gulagstats.factcheck.bounds.judged_quantities",
    "src/gulagstats/factcheck/frame_scopes.py::gulagstats.factcheck.frame_scopes.listing_words",
    "src/gulagstats/factcheck/stories.py::gulagstats.factcheck.stories.Story.summed",
    "src/gulagstats/factcheck/readings.py::gulagstats.factcheck.readings.named_readings",
    "src/gulagstats/factcheck/readings.py::gulagstats.factcheck.readings.named_as_peak",
    "src/gulagstats/factcheck/wider_wholes.py::gulagstats.factcheck.wider_wholes.named_bodies",
    "src/gulagstats/factcheck/quantity_rules.py::gulagstats.factcheck.quantity_rules.of_part",
    "src/gulagstats/factcheck/quantity_rules.py::gulagstats.factcheck.quantity_rules.killing_threshold",
    "src/gulagstats/factcheck/quantity_rules.py::gulagstats.factcheck.quantity_rules.either_of",
    "src/gulagstats/factcheck/quantity_rules.py::gulagstats.factcheck.quantity_rules.both_of",
    "src/gulagstats/factcheck/quantity_rules.py::gulagstats.factcheck.quantity_rules.victims_of",
    "src/gulagstats/factcheck/frame_quantities.py::gulagstats.factcheck.frame_quantities.both_fates",
    "src/gulagstats/factcheck/frame_quantities.py::gulagstats.factcheck.frame_quantities.camps_of_the_relative",
    "src/gulagstats/factcheck/frame_quantities.py::gulagstats.factcheck.frame_quantities.killed_in_the_purge_before",
    "src/gulagstats/factcheck/quantity_rules.py::gulagstats.factcheck.quantity_rules.read_as",
    "src/gulagstats/factcheck/quantity_rules.py::gulagstats.factcheck.quantity_rules.excluding",
    "src/gulagstats/factcheck/quantity_rules.py::gulagstats.factcheck.quantity_rules.of_unit",
    "src/gulagstats/factcheck/quantity_rules.py::gulagstats.factcheck.quantity_rules.ever_held",
    "src/gulagstats/factcheck/quantity_rules.py::gulagstats.factcheck.quantity_rules.deaths_beside",
    "src/gulagstats/factcheck/quantity_rules.py::gulagstats.factcheck.quantity_rules.deaths_of_own_noun",
    "src/gulagstats/factcheck/table_cells.py::gulagstats.factcheck.table_cells.header_noun",
    "src/gulagstats/factcheck/table_cells.py::gulagstats.factcheck.table_cells.noun_of",
    "src/gulagstats/factcheck/table_labels.py::gulagstats.factcheck.table_labels.labelled_counts",
    "src/gulagstats/factcheck/table_labels.py::gulagstats.factcheck.table_labels.part_listed",
    "src/gulagstats/factcheck/table_pairs.py::gulagstats.factcheck.table_pairs.paired_rows",
    "src/gulagstats/factcheck/year_columns.py::gulagstats.factcheck.year_columns.labelled_rows",
    "src/gulagstats/factcheck/category_lists.py::gulagstats.factcheck.category_lists.category_breakdowns",
    "src/gulagstats/factcheck/category_lists.py::gulagstats.factcheck.category_lists.share_with_counts",
    "src/gulagstats/figures/estimates.py::gulagstats.figures.estimates.plot_estimates",
    "src/gulagstats/figures/style.py::gulagstats.figures.style.plotted",
    "src/gulagstats/periods.py::gulagstats.periods.named_periods",
    "src/gulagstats/periods.py::gulagstats.periods.normalize_period",
    "src/gulagstats/periods.py::gulagstats.periods.period_words",
    "src/gulagstats/render.py::gulagstats.render.markdown_table",
    "src/gulagstats/render.py::gulagstats.render.marked_wide",
    "src/gulagstats/render.py::gulagstats.render.text_columns",
    "src/gulagstats/render.py::gulagstats.render.text_table",
    "src/gulagstats/render.py::gulagstats.render.year_columns",
    "src/gulagstats/report/headline.py::gulagstats.report.headline.argument",
    "src/gulagstats/report/headline.py::gulagstats.report.headline.headline_table",
    "tests/test_build.py::test_a_false_quote_in_any_table_fails_the_build",
    "tests/test_build.py::test_a_second_build_into_the_same_directory_changes_nothing",
    "tests/test_build.py::test_the_build_into_a_temporary_directory_reproduces_data_byte_for_byte",
    "tests/test_build.py::test_values_are_routed_to_their_table_by_the_routes_of_the_catalog",
    "tests/test_evaluate_factcheck.py::test_every_claim_follows_the_schema_and_is_in_its_text",
    "tests/test_label_agreement.py::test_the_readme_table_is_what_the_files_give",
    "tests/test_evaluate_factcheck.py::test_every_document_has_its_text_its_id_and_its_split",
    "tests/test_evaluate_factcheck.py::test_the_fact_checker_runs_through_its_command_line",
    "tests/test_evaluate_factcheck.py::test_the_readme_counts_are_the_files",
    "tests/test_evaluate_factcheck.py::test_the_russian_readme_counts_are_the_files",
    "tests/test_numbers.py::test_a_claims_file_reads_point_groups_and_refuses_ambiguous_ones",
    "tests/test_numbers.py::test_an_overlay_reads_point_groups_as_thousands_and_refuses_ambiguous_ones",
    "tests/test_numbers.py::test_assess_reads_700_000_as_seven_hundred_thousand_and_7_million",
    "tests/test_numbers.py::test_assess_refuses_an_ambiguous_count_in_one_line",
    "tests/test_packaging.py::test_installed_wheel_loads_from_outside_the_source_tree",
    "tests/test_release.py::test_one_version_everywhere",
    "tests/test_release.py::test_the_wheel_works_alone",
    "tests/test_vocabulary.py::test_the_tables_of_cells_use_only_words_of_the_vocabulary",
    "tests/test_vocabulary.py::test_the_text_figures_use_only_known_relations",
))

#: Tests that read nothing published but take seconds each (a wheel built, mypy run, a reader timed on
#: long texts): marked ``slow``, so that the unit suite, ``-m "not data and not slow"``, stays under a minute.
SLOW_TESTS: frozenset[str] = frozenset((
    "tests/test_api_types.py::test_mypy_strict_passes_on_a_user_script",
    "tests/test_numbers.py::test_find_numbers_is_linear_on_hostile_text",
    "tests/test_packaging.py::test_wheel_carries_the_data_package",
    "tests/test_release.py::test_wheel_and_sdist_carry_the_licences",
))

#: A test that asks for one of these fixtures reads the published data (a copy of ``data/``).
DATA_FIXTURES = frozenset({"data_copy", "repin"})

#: What a unit test must not open: the published data and their inputs, the golden figures, the
#: labelled corpus, the full texts (``$GULAGSTATS_SEEDS`` or ``../shared/seeds``).
PUBLISHED: tuple[Path, ...] = (
    ROOT / "data",
    ROOT / "tools" / "curated",
    ROOT / "tools" / "reference",
    ROOT / "tools" / "catalog.toml",
    ROOT / "figures",
    ROOT / "tests" / "data",
    Path(os.environ.get("GULAGSTATS_SEEDS") or ROOT.parent / "shared" / "seeds"),
)

#: The published files a unit run may open (see the module's docstring).
ALLOWED: frozenset[str] = frozenset({os.path.realpath(ROOT / "data" / "vocabulary.csv")})

#: In a unit run, the loaders' data directory: a folder that does not exist.
NO_DATA = ROOT / "tests" / "the unit suite reads no published data (GULAGSTATS_DATA set by tests.datasplit)"

GUARD_VARIABLE = "GULAGSTATS_UNIT_GUARD"

_PREFIXES = tuple(sorted({os.path.realpath(p) for p in PUBLISHED}))


class PublishedDataRead(RuntimeError):
    """A test of the unit suite opened a published file."""


class _Guard:
    """What the unit tests opened of the published data (the audit hook writes here)."""

    on = False
    reads: ClassVar[list[str]] = []


def _published(path: str) -> bool:
    real = os.path.realpath(path)
    return real not in ALLOWED and any(real == p or real.startswith(p + os.sep) for p in _PREFIXES)


def _subprocess_reads_data(argv: object, env: object) -> bool:
    """A python, gulagstats or R child given an environment that lets it find the published data."""
    words = [str(a) for a in argv] if isinstance(argv, (list, tuple)) else [str(argv)]
    program = Path(words[0]).name if words else ""
    if not (program.startswith(("python", "gulagstats", "R", "Rscript"))):
        return False
    if any(_published(w) for w in words if os.sep in w):
        return True
    variables = env if isinstance(env, dict) else os.environ
    named = variables.get("GULAGSTATS_DATA")
    return not named or _published(str(named))


def _audit(event: str, args: tuple) -> None:
    if not _Guard.on:
        return
    seen = ""
    if event == "open" and isinstance(args[0], (str, bytes, os.PathLike)):
        path = os.fsdecode(args[0])
        # os.open (mode None) of a relative name may be relative to a dir_fd the event does not give
        # (shutil.rmtree of pytest's old temporary folders): only a name it can place is judged
        if args[1] is None and not os.path.isabs(path):
            return
        if _published(path):
            seen = os.path.relpath(os.path.realpath(path), ROOT)
    elif event == "sqlite3.connect" and args and isinstance(args[0], (str, os.PathLike)):
        if _published(os.fspath(args[0])):
            seen = os.fspath(args[0])
    elif event == "subprocess.Popen" and _subprocess_reads_data(args[1], args[3]):
        seen = f"a subprocess on the published data: {' '.join(map(str, args[1]))[:80]}"
    if seen:
        _Guard.reads.append(seen)
        raise PublishedDataRead(f"a unit test read the published data ({seen}); see tests/datasplit.py")


def _leaves_data_out(config: pytest.Config) -> bool:
    """True if the run's ``-m`` expression deselects a test marked ``data`` (or the guard is asked for)."""
    if os.environ.get(GUARD_VARIABLE) == "1":
        return True
    expression = config.getoption("markexpr", "")
    if not expression:
        return False
    from _pytest.mark.expression import Expression

    return not Expression.compile(expression).evaluate(lambda name: name == "data")


def _listed(nodeid: str) -> bool:
    name = nodeid.split("[")[0]
    module = name.split("::")[0]
    return name in DATA_TESTS or (module in DATA_MODULES and name not in UNIT_EXCEPTIONS)


def configure(config: pytest.Config) -> None:
    """In a unit run, put the guard on, before anything is collected (the mark is registered in pyproject.toml)."""
    if _leaves_data_out(config):
        os.environ["GULAGSTATS_DATA"] = str(NO_DATA)
        _Guard.on = True
        if not getattr(sys, "_gulagstats_unit_guard", False):  # one hook per interpreter
            sys.addaudithook(_audit)
            sys._gulagstats_unit_guard = True  # type: ignore[attr-defined]


def ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """In a unit run, a module listed whole is not imported."""
    if not _Guard.on or collection_path.suffix != ".py":
        return None
    if os.environ.get(GUARD_VARIABLE) == "1":
        return None  # a run of every test under the guard: collect everything
    path = collection_path.resolve()
    module = path.relative_to(ROOT).as_posix() if ROOT in path.parents else ""
    if module in DATA_MODULES and not any(t.startswith(module + "::") for t in UNIT_EXCEPTIONS):
        return True
    return None


def mark_items(items: list[pytest.Item]) -> None:
    """Mark ``data`` the listed tests and those asking for a copy of ``data/``, and ``slow`` the slow ones."""
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        if _listed(item.nodeid) or fixtures & DATA_FIXTURES:
            item.add_marker(pytest.mark.data)
        if item.nodeid.split("[")[0] in SLOW_TESTS:
            item.add_marker(pytest.mark.slow)


@pytest.fixture(autouse=True)
def _unit_tests_read_no_published_data(request: pytest.FixtureRequest):
    """Fail a unit test that opened a published file, even if the code under test caught the error."""
    _Guard.reads.clear()
    yield
    if _Guard.on and _Guard.reads and not request.node.get_closest_marker("data"):
        read = sorted(set(_Guard.reads))
        _Guard.reads.clear()
        pytest.fail(
            f"a test not marked data read the published data ({', '.join(read[:3])}): give it the tiny "
            "package (the fixture tiny of tests/conftest.py) or list it in DATA_TESTS (tests/datasplit.py)",
            pytrace=False,
        )
