"""Golden cases: one small change to the base fixture per validation rule.

Each case edits tests/fixtures/base and pins the exact output of
`planpress validate` in tests/golden/<name>.txt (UPDATE_GOLDEN=1 rewrites them;
read the diff before committing).
"""

from __future__ import annotations

Edit = tuple[str, str | None, str | bytes | None]

AP = "data/action-plans/ap-2024-2025.yml"
M25 = "data/monitoring/2025.yml"
IND = "data/indicators.yml"
INST = "data/institutions.yml"
STRAT = "data/strategy.yml"
SITE = "data/site.yml"

CASES: dict[str, list[Edit]] = {
    # --- YAML itself -------------------------------------------------------
    "yaml_duplicate_key": [
        (INST, "  type: coordination\n", "  type: coordination\n  type: government\n")
    ],
    "yaml_merge_key": [(INST, "- id: NC\n", "- <<: {type: other}\n  id: NC\n")],
    "yaml_syntax": [(STRAT, "period: {start: 2024, end: 2026}", "period: {start: 2024, end: 2026")],
    "yaml_empty": [("data/glossary.yml", None, "")],
    "yaml_encoding": [("data/glossary.yml", None, b"- id: nrm\n  term: caf\xe9\n")],
    "yaml_multi_document": [("data/glossary.yml", None, "- id: a\n---\n- id: b\n")],
    "yaml_tag": [
        (INST, "  type: coordination\n", "  type: !!python/name:os.system coordination\n")
    ],
    "yaml_unknown_anchor": [(AP, "            partners: [NGO]", "            partners: *partners")],
    "yaml_too_deep": [("data/glossary.yml", None, "- a: " + "[" * 100 + "]" * 100 + "\n")],
    "yaml_alias_limit": [
        (
            "data/glossary.yml",
            None,
            "- a: &a [x, x, x, x, x, x, x, x, x, x]\n"
            + "".join(
                f"- {chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 10) + "]\n"
                for i in range(6)
            ),
        )
    ],
    "yaml_complex_key": [
        (INST, "  type: coordination\n", "  type: coordination\n  ? [a, b]\n  : c\n")
    ],
    # --- shapes and types ----------------------------------------------------
    "list_where_mapping_belongs": [
        (STRAT, "period: {start: 2024, end: 2026}", "period: [2024, 2026]")
    ],
    "mapping_where_list_belongs": [(INST, None, "id: NC\nname: National Coordinator\n")],
    "unknown_key_did_you_mean": [
        (INST, "  url: https://example.org/moi", "  adress: https://example.org/moi\n  nmae: x")
    ],
    "missing_required_key": [(IND, "  means_of_verification: {en: Survey, fr: Enquête}\n", "")],
    "enum_did_you_mean": [
        (
            IND,
            "  level: outcome\n  title: {en: Share aware",
            "  level: outcom\n  title: {en: Share aware",
        )
    ],
    "flag_yes_no": [(SITE, "demo: true", "demo: yes")],
    "money_not_a_number": [(AP, "              cost: 10000", '              cost: "10,000 EUR"')],
    "money_negative": [(AP, "              cost: 10000", "              cost: -5")],
    "budget_missing": [(AP, "            budget: not_costed\n", "")],
    "budget_zero_word": [(AP, "budget: not_costed", "budget: none")],
    "budget_sources_exceed_cost": [
        (AP, "amount: 8000, status: secured", "amount: 18000, status: secured")
    ],
    "budget_bad_currency": [
        (
            AP,
            "              cost: 10000\n",
            "              cost: 10000\n              currency: EURO\n",
        )
    ],
    "funding_status_missing": [(AP, ", status: secured}", "}")],
    "percentage_over_100": [(M25, "OC-1: {value: 30}", "OC-1: {value: 130}")],
    "progress_over_100": [(M25, "progress: 100,", "progress: 110,")],
    "yes_no_value_kind": [(M25, 'OC-2: {value: "no"}', "OC-2: {value: 3}")],
    "number_value_kind": [(M25, "OC-1: {value: 30}", "OC-1: {value: thirty}")],
    "achieved_on_number": [(M25, "OC-1: {value: 30}", "OC-1: {value: 30, achieved: true}")],
    "bad_date": [(STRAT, "adopted: 2023-12-01", "adopted: 01.12.2023")],
    "impossible_date": [(STRAT, "adopted: 2023-12-01", "adopted: 2023-02-30")],
    "bad_quarter": [(AP, "            start: 2024-Q2", "            start: 2024-Q5")],
    "bad_url": [(INST, "url: https://example.org/moi", "url: www.example.org/moi")],
    "direction_on_yes_no": [
        (IND, "  measure: yes_no\n", "  measure: yes_no\n  direction: increase\n")
    ],
    "empty_required_text": [(INST, "{en: Shelter NGO, fr: ONG refuge}", "{}")],
    "null_translation_is_missing": [
        (INST, "{en: Shelter NGO, fr: ONG refuge}", "{en: Shelter NGO, fr: ~}")
    ],
    "former_id_on_two_items": [
        (
            AP,
            '          - id: "2.1.2"\n',
            '          - id: "2.1.2"\n            former_ids: ["2.1.9"]\n',
        ),
        (
            AP,
            '          - id: "2.1.1"\n',
            '          - id: "2.1.1"\n            former_ids: ["2.1.9"]\n',
        ),
    ],
    "unknown_folder_in_monitoring": [("data/monitoring/old/2019.yml", None, "year: 2019\n")],
    # --- ids and references --------------------------------------------------
    "activity_without_lead": [
        (
            AP,
            "            lead: [MOI]\n            partners: [NGO]\n",
            "            partners: [NGO]\n",
        )
    ],
    "activity_with_empty_lead": [
        (
            AP,
            "            lead: [MOI]\n            partners",
            "            lead: []\n            partners",
        )
    ],
    "activity_without_indicator": [(AP, "            indicators: [OUT-1]\n", "")],
    "indicator_without_baseline": [(IND, "  baseline: {value: 100, year: 2023}\n", "")],
    "indicator_without_frequency": [(IND, "  frequency: biennial\n", "")],
    "indicator_without_collector": [(IND, "  collector: POLICE\n", "")],
    "cancelled_without_reason": [
        (M25, '"2.1.2": {status: in_progress}', '"2.1.2": {status: cancelled}')
    ],
    "plan_id_prefix_not_used": [
        (AP, "adopted: 2024-01-15\n", 'adopted: 2024-01-15\nid_prefix: "2024-"\n')
    ],
    "recommendation_id_twice": [
        ("data/evaluations.yml", "    - id: mid-2025-R1", "    - id: REC-1")
    ],
    "unknown_evaluation_subject": [
        ("data/evaluations.yml", "subject: strategy-2024-2026", "subject: strategy-2024")
    ],
    "id_as_plain_number": [
        (
            STRAT,
            'id: "1.1"\n        title: {en: Awareness',
            "id: 1.10\n        title: {en: Awareness",
        )
    ],
    "bad_id": [(INST, "- id: NGO\n", "- id: NGO SHELTER\n")],
    "duplicate_id": [(INST, "- id: NGO\n", "- id: MOI\n")],
    "unknown_institution": [
        (
            AP,
            "            lead: [MOI]\n            partners",
            "            lead: [MOJ]\n            partners",
        )
    ],
    "unknown_indicator_in_report": [(M25, "  OC-1: {value: 30}", "  OC-3: {value: 30}")],
    "unknown_activity_in_report": [
        (M25, '  "2.1.2": {status: in_progress}', '  "2.1.3": {status: in_progress}')
    ],
    "unknown_area": [(M25, '  "1": {assessment: on_track}', '  "3": {assessment: on_track}')],
    "unknown_objective": [(AP, '        objective: "2.1"', '        objective: "2.2"')],
    "unknown_recommendation": [(AP, "recommendations: [REC-1]", "recommendations: [REC-2]")],
    "unknown_strategy": [(AP, "strategy: strategy-2024-2026", "strategy: strategy-2024")],
    "former_id_in_use": [
        (
            AP,
            '          - id: "2.1.2"\n',
            '          - id: "2.1.2"\n            former_ids: ["2.1.1"]\n',
        )
    ],
    "reference_to_former_id": [
        (
            AP,
            '          - id: "2.1.2"\n',
            '          - id: "2.1.3"\n            former_ids: ["2.1.2"]\n',
        ),
    ],
    "activity_prefix": [(AP, '          - id: "2.1.2"', '          - id: "1.1.2"')],
    "measure_prefix": [(AP, '      - id: "2.1"\n', '      - id: "1.2"\n')],
    "objective_prefix": [(STRAT, '      - id: "2.1"', '      - id: "1.2"')],
    "objective_of_other_area": [(AP, '        objective: "2.1"', '        objective: "1.1"')],
    "parent_cycle": [
        (INST, "  type: government\n  url:", "  type: government\n  parent: POLICE\n  url:")
    ],
    # --- time ------------------------------------------------------------------
    "start_after_end": [
        (
            AP,
            "            start: 2024-Q2\n            end: 2025-Q4",
            "            start: 2025-Q3\n            end: 2025-Q1",
        )
    ],
    "outside_plan_period": [(AP, "            end: 2025-Q4", "            end: 2026-Q2")],
    "plan_outside_strategy": [
        (AP, "period: {start: 2024-Q1, end: 2025-Q4}", "period: {start: 2024-Q1, end: 2027-Q4}")
    ],
    "strategy_period_reversed": [
        (STRAT, "period: {start: 2024, end: 2026}", "period: {start: 2026, end: 2024}")
    ],
    "baseline_after_target": [
        (IND, "baseline: {value: 100, year: 2023}", "baseline: {value: 100, year: 2025}")
    ],
    "targets_out_of_order": [
        (IND, "    - {year: 2026, value: 150}", "    - {year: 2024, value: 150}")
    ],
    "baseline_without_note": [
        (
            IND,
            "baseline: {value: null, note: {en: Survey in 2024, fr: Enquête en 2024}, due: 2024-Q4}",
            "baseline: {value: null}",
        )
    ],
    "baseline_without_year": [
        (IND, "baseline: {value: 100, year: 2023}", "baseline: {value: 100}")
    ],
    "no_targets": [(IND, "  targets:\n    - {year: 2026, value: 50}\n", "  targets: []\n")],
    "report_year_outside_strategy": [
        (M25, "year: 2025", "year: 2029"),
        (M25, "published: 2026-03-01", "published: 2030-03-01"),
    ],
    "published_without_date": [(M25, "published: 2026-03-01\n", "")],
    # --- monitoring rules ------------------------------------------------------
    "off_track_without_comment": [
        (
            M25,
            "{assessment: off_track, comment: {en: Shelter delayed., fr: Refuge retardé.}}",
            "{assessment: off_track}",
        )
    ],
    "postponed_without_reason": [
        (
            M25,
            "{status: postponed, reason: {en: No premises., fr: Pas de locaux.}}",
            "{status: postponed}",
        )
    ],
    "undeclared_disaggregation": [
        (
            M25,
            "disaggregation: {sex: {female: 80, male: 30}}",
            "disaggregation: {age: {adult: 80, child: 30}}",
        )
    ],
    "file_name_mismatch": [
        (M25, "year: 2025", "year: 2024"),
        (M25, "published: 2026-03-01", "published: 2025-03-01"),
    ],
    # --- files -------------------------------------------------------------------
    "missing_required_file": [(IND, "DELETE", None)],
    "unknown_file": [("data/indicator.yml", None, "[]\n")],
    "yaml_extension": [("data/glossary.yaml", None, "[]\n")],
    "no_action_plan": [(AP, "DELETE", None)],
    # --- languages ---------------------------------------------------------------
    "unknown_language_key": [
        (
            INST,
            "{en: Shelter NGO, fr: ONG refuge}",
            "{en: Shelter NGO, fr: ONG refuge, de: Schutzhaus}",
        )
    ],
    "missing_default_language": [(INST, "{en: Shelter NGO, fr: ONG refuge}", "{fr: ONG refuge}")],
    "outdated_translation_warning": [
        (
            "data/translations.lock.yml",
            None,
            '"data/institutions.yml#[NGO].name":\n  fr: "0000000000000000"\n',
        )
    ],
    "missing_translation_warning": [
        (INST, "{en: Shelter NGO, fr: ONG refuge}", "{en: Shelter NGO}")
    ],
    "site_language_unknown": [(SITE, "languages: [en, fr]", "languages: [en, fr, xx-Qqqq]")],
    "site_language_without_interface": [(SITE, "languages: [en, fr]", "languages: [en, fr, de]")],
    "default_language_not_listed": [(SITE, "default_language: en", "default_language: es")],
    "site_format_version": [(SITE, "format: 1", "format: 2")],
    "site_currency": [(SITE, "currency: EUR", "currency: Euro")],
    # --- warnings ------------------------------------------------------------------
    "objective_without_activities": [
        (
            STRAT,
            "        indicators: [OC-2]\n",
            '        indicators: [OC-2]\n      - id: "2.2"\n        title: {en: Hotline, fr: Ligne d\'écoute}\n',
        )
    ],
    "indicator_without_values": [
        (M25, "  OUT-1: {value: {en: Regular, fr: Régulière}, achieved: false}\n", "")
    ],
    # --- every problem at once -----------------------------------------------------
    "many_problems_sorted": [
        (INST, "- id: NGO\n", "- id: MOI\n"),
        (
            AP,
            "            lead: [MOI]\n            partners",
            "            lead: [MOJ]\n            partners",
        ),
        (M25, "OC-1: {value: 30}", "OC-1: {value: 130}"),
        (
            IND,
            "  level: outcome\n  title: {en: Share aware",
            "  level: outcom\n  title: {en: Share aware",
        ),
    ],
}
