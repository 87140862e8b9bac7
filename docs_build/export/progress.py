"""progress.json and rules.json: the computed values and the rules behind them.

Keys keep the documented order (the same on every build), so the files read
like their description; texts are in the site's default language, and the
progress explanations in English.
"""

from __future__ import annotations

from pathlib import Path

from docs_build.compute import (
    DONE,
    NOT_REPORTED,
    NOT_STARTED,
    Progress,
    spent_totals,
)
from docs_build.compute import reference_date as compute_reference_date
from docs_build.export import json_bytes
from docs_build.i18n import pick
from docs_build.model import (
    BUDGET_STATES,
    STATUSES,
    Activity,
    Dataset,
    Indicator,
    IndicatorValue,
    Text,
)
from docs_build.progress import (
    EPSILON,
    MAINTAIN_TOLERANCE,
    ON_TRACK_TOLERANCE,
    PROGRESS_STATUSES,
    REASONS,
    explanation_en,
    latest_reports,
)
from docs_build.suppress import hidden_text, is_small, published_progress

Json = dict[str, object]


def _plain(number: float | None) -> float | int | None:
    """Write whole numbers without a decimal point."""
    if number is None or isinstance(number, int):
        return number
    return int(number) if number.is_integer() else number


def money_entry(activity: Activity, currency: str) -> Json:
    """Return an activity's budget state and amounts: 0 for none required, null if not costed."""
    budget = activity.budget
    entry: Json = {"budget_state": budget.state, "currency": budget.currency or currency}
    amounts: tuple[float | None, ...]
    if budget.state == "costed":
        cost = budget.cost or 0
        amounts = (cost, budget.secured, budget.pledged, cost - budget.secured - budget.pledged)
    else:
        amounts = (0, 0, 0, 0) if budget.state == "no_funding_required" else (None,) * 4
    for key, amount in zip(("cost", "secured", "pledged", "gap"), amounts, strict=True):
        entry[key] = _plain(amount)
    return entry


def activity_entries(data: Dataset) -> list[Json]:
    """Return every activity's status, timeliness and money, in plan order."""
    progress = Progress(data)
    spent = spent_totals(data)
    entries = []
    for plan in data.plans:
        for activity in plan.activities:
            state = progress.state(activity.id)
            entry: Json = {
                "id": activity.id,
                "status": state.status,
                "status_year": state.year,
                "timeliness": state.timeliness,
            }
            entry.update(money_entry(activity, data.site.currency))
            entry["spent"] = _plain(spent.get(activity.id))
            entries.append(entry)
    return entries


def export_value(data: Dataset, indicator: Indicator, value: IndicatorValue) -> object:
    """Return a value as exported: "<N" if hidden, text in the default language."""
    threshold = data.site.small_count_threshold
    if is_small(indicator, value, threshold):
        return hidden_text(threshold)
    if isinstance(value, Text):
        default = data.site.default_language
        return pick(value, default, default).text
    if isinstance(value, int | float):
        return _plain(value)
    return value


def indicator_entries(data: Dataset) -> list[Json]:
    """Return every indicator's latest value and progress, in registry order."""
    found = latest_reports(data)
    published = published_progress(data)
    entries: list[Json] = []
    for indicator in data.indicators:
        latest = found.get(indicator.id)
        result = published[indicator.id]
        entries.append(
            {
                "id": indicator.id,
                "latest_value": export_value(data, indicator, latest[1].value) if latest else None,
                "latest_year": latest[0] if latest else None,
                "progress": {
                    "status": result.status,
                    "share": result.share,
                    "expected": result.expected,
                    "target_year": result.target_year,
                    "explanation": explanation_en(
                        indicator, result, data.site.small_count_threshold
                    ),
                },
            }
        )
    return entries


def progress_document(data: Dataset) -> Json:
    """Return the content of progress.json."""
    reference = compute_reference_date(data)
    return {
        "reference_date": reference.isoformat() if reference else None,
        "currency": data.site.currency,
        "activities": activity_entries(data),
        "indicators": indicator_entries(data),
    }


def rules_document(data: Dataset) -> Json:
    """Return the content of rules.json: every threshold and rule, machine-readable."""
    reference = compute_reference_date(data)
    return {
        "format": data.site.format,
        "reference_date": {
            "value": reference.isoformat() if reference else None,
            "definition": "31 December of the latest monitoring year with status published; "
            "draft years never count; null when no year is published, and then nothing is "
            "computed.",
        },
        "activity_status": ACTIVITY_STATUS_RULES,
        "timeliness": TIMELINESS_RULES,
        "money": MONEY_RULES,
        "indicator_progress": PROGRESS_RULES,
        "small_counts": small_count_rules(data.site.small_count_threshold),
    }


ACTIVITY_STATUS_RULES: Json = {
    "values": [*STATUSES, NOT_REPORTED],
    "rule": "the status in the most recent published monitoring year that mentions the "
    "activity by its current or a former id; not_reported when no published year does.",
}

TIMELINESS_RULES: Json = {
    "values": ["overdue", "late_start", None],
    "done": list(DONE),
    "not_started": list(NOT_STARTED),
    "overdue": "last day of the (current) end quarter < reference_date and status not in done",
    "late_start": "not overdue, first day of the start quarter <= reference_date and status "
    "in not_started",
    "none": "otherwise, or when reference_date is null",
}

MONEY_RULES: Json = {
    "budget_states": list(BUDGET_STATES),
    "secured": "sum of the amounts of sources with status secured",
    "pledged": "sum of the amounts of sources with status pledged",
    "gap": "cost - secured - pledged",
    "spent": "sum of spent over all published monitoring years; null when never reported",
    "no_funding_required": "cost, secured, pledged and gap are 0",
    "not_costed": "cost, secured, pledged and gap are null; counted, never summed as zero",
    "currency": "the activity's currency, or the site currency when not set; totals are in the "
    "site currency, and activities in another currency are counted apart, not converted",
}

PROGRESS_RULES: Json = {
    "statuses": list(PROGRESS_STATUSES),
    "reasons": list(REASONS),
    "latest": "the value in the most recent published monitoring year that reports one",
    "target": "the first target whose year >= latest_year; after the last target year the "
    "last target, with expected = 1; with no value yet, the first target whose year >= the "
    "reference year",
    "share": "(latest - baseline) / (target - baseline)",
    "expected": "(latest_year - baseline_year) / (target_year - baseline_year)",
    "on_track_tolerance": ON_TRACK_TOLERANCE,
    "maintain_tolerance": MAINTAIN_TOLERANCE,
    "comparison_epsilon": EPSILON,
    "numeric": [
        "not_computable no_baseline: no baseline value",
        "not_computable no_value: no published value",
        "not_computable no_target: no target",
        "maintain: on_track when abs(latest - target) <= maintain_tolerance * abs(target), "
        "else off_track",
        "not_computable target_equals_baseline: target == baseline",
        "achieved: share >= 1",
        "on_track: share >= expected - on_track_tolerance",
        "off_track: otherwise",
    ],
    "yes_no": "achieved when latest == target; else off_track when 31 December of target_year "
    "<= reference_date (the target year is over); else on_track",
    "qualitative": "achieved when the latest report says achieved: true, off_track when false, "
    "else not_computable not_assessed",
    "directions": "increase and decrease use the same formula (the signs cancel)",
}


def small_count_rules(threshold: int) -> Json:
    """Return the small-count rule with the site's threshold."""
    return {
        "threshold": threshold,
        "shown_as": hidden_text(threshold),
        "applies_to": "values, baselines and breakdown cells of indicators with sensitive: true",
        "rule": "a count < threshold is shown as shown_as",
        "secondary": "when exactly one cell of a breakdown is hidden, the next smallest cell is "
        "hidden too (the first written on a tie)",
        "progress": "when the latest or baseline value is hidden, share and expected are null "
        "and a computed status becomes not_computable with the reason suppressed",
    }


def write_progress_files(data: Dataset, folder: Path) -> None:
    """Write folder/progress.json and folder/rules.json."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "progress.json").write_bytes(json_bytes(progress_document(data)))
    (folder / "rules.json").write_bytes(json_bytes(rules_document(data)))
