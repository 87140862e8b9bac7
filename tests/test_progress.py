"""Computed values: indicator progress, small counts and progress.json / rules.json.

The first tests recompute every published figure with a second, deliberately
plain implementation of the published rules that reads the raw YAML itself,
and compare it with progress_document().
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import yaml

from docs_build.dataset import load_dataset
from docs_build.export import json_bytes
from docs_build.export.progress import progress_document, rules_document, write_progress_files
from docs_build.model import (
    BUDGET_STATES,
    EMPTY_TEXT,
    Baseline,
    Dataset,
    Disaggregation,
    Indicator,
    IndicatorReport,
    IndicatorValue,
    Target,
    Text,
)
from docs_build.progress import IndicatorProgress, explanation_en, indicator_progress
from docs_build.suppress import Shown, hidden_cells, show_breakdown, show_value, suppress_progress
from tests.conftest import BASE, ROOT

PROJECTS = [pytest.param(ROOT, id="example"), pytest.param(BASE, id="base-fixture")]
Raw = dict[str, Any]


# --- A second, plain implementation of the published rules -----------------


def read(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def raw_project(project: Path) -> Raw:
    """Read the YAML the plain way (PyYAML: unquoted yes/no become booleans)."""
    data = project / "data"
    years = [read(p) for p in sorted((data / "monitoring").glob("*.yml"))]
    return {
        "site": read(data / "site.yml"),
        "indicators": read(data / "indicators.yml"),
        "plans": [read(p) for p in sorted((data / "action-plans").glob("*.yml"))],
        "published": sorted(
            (y for y in years if y["status"] == "published"), key=lambda y: y["year"]
        ),
    }


def quarter_days(text: str) -> tuple[dt.date, dt.date]:
    year, q = (int(part) for part in text.split("-Q"))
    first = dt.date(year, 3 * q - 2, 1)
    after = dt.date(year + 1, 1, 1) if q == 4 else dt.date(year, 3 * q + 1, 1)
    return first, after - dt.timedelta(days=1)


def plain_activities(raw: Raw) -> list[Raw]:
    activities = []
    for plan in raw["plans"]:
        for area in plan["areas"]:
            for measure in area["measures"]:
                activities.extend(measure["activities"])
    return activities


def plain_activity(act: Raw, raw: Raw, reference: dt.date | None) -> Raw:
    names = [act["id"], *act.get("former_ids", [])]
    status, status_year, spent = "not_reported", None, None
    for year in raw["published"]:
        for name, report in (year.get("activities") or {}).items():
            if name in names:
                status, status_year = report["status"], year["year"]
                if report.get("spent") is not None:
                    spent = (spent or 0) + report["spent"]
    timeliness = None
    if reference is not None:
        start, _ = quarter_days(act["start"])
        _, end = quarter_days(act["end"])
        if end < reference and status not in ("completed", "cancelled"):
            timeliness = "overdue"
        elif start <= reference and status in ("not_started", "not_reported"):
            timeliness = "late_start"
    row = {"id": act["id"], "status": status, "status_year": status_year}
    row["timeliness"] = timeliness
    row.update(plain_money(act["budget"], raw["site"]["currency"]))
    row["spent"] = spent
    return row


def plain_money(budget: Any, currency: str) -> Raw:
    if budget == "not_costed":
        return dict(
            budget_state=budget, currency=currency, cost=None, secured=None, pledged=None, gap=None
        )
    if budget == "no_funding_required":
        return dict(budget_state=budget, currency=currency, cost=0, secured=0, pledged=0, gap=0)
    secured = sum(s["amount"] for s in budget.get("sources", []) if s["status"] == "secured")
    pledged = sum(s["amount"] for s in budget.get("sources", []) if s["status"] == "pledged")
    row = dict(budget_state="costed", currency=budget.get("currency", currency))
    row.update(cost=budget["cost"], secured=secured, pledged=pledged)
    row["gap"] = budget["cost"] - secured - pledged
    return row


def as_yes_no(value: Any) -> Any:
    if value is True:
        return "yes"
    if value is False:
        return "no"
    return value


def plain_indicator(ind: Raw, raw: Raw) -> Raw:
    latest, latest_year, achieved = None, None, None
    for year in raw["published"]:
        report = (year.get("indicators") or {}).get(ind["id"])
        if report is not None and report.get("value") is not None:
            latest, latest_year, achieved = report["value"], year["year"], report.get("achieved")
    if ind["measure"] == "yes_no":
        latest = as_yes_no(latest)
    status, share, expected, target_year = plain_status(ind, latest, latest_year, achieved, raw)
    site = raw["site"]
    threshold = site.get("small_count_threshold", 5)
    shown = latest[site["default_language"]] if isinstance(latest, dict) else latest
    baseline = (ind.get("baseline") or {}).get("value")
    small = [isinstance(v, int | float) and v < threshold for v in (latest, baseline)]
    if ind.get("sensitive") and small[0]:
        shown = f"<{threshold}"
    if ind.get("sensitive") and any(small):
        status, share, expected = "not_computable", None, None
    return {
        "id": ind["id"],
        "latest_value": shown,
        "latest_year": latest_year,
        "progress": {
            "status": status,
            "share": share,
            "expected": expected,
            "target_year": target_year,
        },
    }


Status = tuple[str, float | None, float | None, int | None]


def plain_status(ind: Raw, latest: Any, year: int | None, achieved: Any, raw: Raw) -> Status:
    targets = ind.get("targets") or []
    reference_year = raw["published"][-1]["year"] if raw["published"] else None
    when = year if year is not None else reference_year
    target = None
    for t in targets:
        if target is None and (when is None or t["year"] >= when):
            target = t
    after_last = target is None and bool(targets)
    if after_last:
        target = targets[-1]
    target_year = target["year"] if target else None
    if latest is None:
        return "not_computable", None, None, target_year
    if ind["measure"] == "qualitative":
        status = {True: "achieved", False: "off_track"}.get(achieved, "not_computable")
        return status, None, None, target_year
    if target is None:
        return "not_computable", None, None, target_year
    if ind["measure"] == "yes_no":
        if latest == as_yes_no(target["value"]):
            return "achieved", None, None, target_year
        passed = reference_year is not None and target["year"] <= reference_year
        return ("off_track" if passed else "on_track"), None, None, target_year
    baseline = ind.get("baseline") or {}
    if baseline.get("value") is None:
        return "not_computable", None, None, target_year
    if ind.get("direction") == "maintain":
        near = abs(latest - target["value"]) <= 0.05 * abs(target["value"]) + 1e-9
        return ("on_track" if near else "off_track"), None, None, target_year
    if target["value"] == baseline["value"]:
        return "not_computable", None, None, target_year
    share = (latest - baseline["value"]) / (target["value"] - baseline["value"])
    expected = 1.0
    if not after_last:
        expected = (year or 0) - baseline["year"]
        expected /= target["year"] - baseline["year"]
    if share >= 1 - 1e-9:
        return "achieved", share, expected, target_year
    if share >= expected - 0.1 - 1e-9:
        return "on_track", share, expected, target_year
    return "off_track", share, expected, target_year


def rows(document: dict[str, object], key: str) -> list[Any]:
    found = document[key]
    assert isinstance(found, list)
    return found


def loaded(project: Path) -> Dataset:
    data, problems = load_dataset(project)
    assert data is not None, [str(p) for p in problems.errors]
    return data


@pytest.mark.parametrize("project", PROJECTS)
def test_activities_match_a_plain_recomputation(project: Path) -> None:
    raw = raw_project(project)
    doc = progress_document(loaded(project))
    years = raw["published"]
    reference = dt.date(years[-1]["year"], 12, 31) if years else None
    assert doc["reference_date"] == (reference.isoformat() if reference else None)
    assert doc["currency"] == raw["site"]["currency"]
    expected = [plain_activity(a, raw, reference) for a in plain_activities(raw)]
    assert rows(doc, "activities") == expected


@pytest.mark.parametrize("project", PROJECTS)
def test_indicators_match_a_plain_recomputation(project: Path) -> None:
    raw = raw_project(project)
    got = rows(progress_document(loaded(project)), "indicators")
    assert [i["id"] for i in got] == [i["id"] for i in raw["indicators"]]
    for ind, theirs in zip(raw["indicators"], got, strict=True):
        mine = plain_indicator(ind, raw)
        explanation = theirs["progress"].pop("explanation")
        assert theirs["progress"] == pytest.approx(mine.pop("progress")), ind["id"]
        assert {k: v for k, v in theirs.items() if k != "progress"} == mine
        assert explanation.endswith("."), ind["id"]


def test_the_example_covers_every_case() -> None:
    doc = progress_document(loaded(ROOT))
    indicators, activities = rows(doc, "indicators"), rows(doc, "activities")
    assert {i["progress"]["status"] for i in indicators} == {
        "achieved",
        "on_track",
        "off_track",
        "not_computable",
    }
    assert {a["timeliness"] for a in activities} == {None, "overdue", "late_start"}
    assert {a["budget_state"] for a in activities} == set(BUDGET_STATES)
    assert "<5" in {i["latest_value"] for i in indicators}
    assert {"yes", "no"} <= {i["latest_value"] for i in indicators}


def test_documented_example_imp_1() -> None:
    imp1 = rows(progress_document(loaded(ROOT)), "indicators")[0]
    assert (imp1["id"], imp1["latest_value"], imp1["latest_year"]) == ("IMP-1", 51, 2025)
    assert imp1["progress"]["status"] == "on_track"
    assert imp1["progress"]["share"] == pytest.approx(13 / 17)
    assert imp1["progress"]["expected"] == pytest.approx(0.75)
    assert "76%" in imp1["progress"]["explanation"]


# --- Hand-made cases, one per rule ------------------------------------------


@pytest.fixture(scope="module")
def base() -> Dataset:
    return loaded(BASE)


def indicator(
    base: Dataset,
    measure: str = "number",
    direction: str | None = "increase",
    baseline: tuple[IndicatorValue, int | None] = (100, 2023),
    targets: tuple[tuple[int, IndicatorValue], ...] = ((2025, 120), (2026, 150)),
    sensitive: bool = False,
) -> Indicator:
    return replace(
        base.indicators[0],
        id="T-1",
        measure=measure,
        direction=direction,
        baseline=Baseline(baseline[0], baseline[1], EMPTY_TEXT, None),
        targets=tuple(Target(year, value, "") for year, value in targets),
        sensitive=sensitive,
        disaggregation=(),
    )


def report(value: IndicatorValue, achieved: bool | None = None) -> IndicatorReport:
    return IndicatorReport("T-1", value, achieved, EMPTY_TEXT, EMPTY_TEXT, ())


def dataset(
    base: Dataset,
    ind: Indicator,
    values: dict[int, IndicatorReport | None],
    draft: tuple[int, ...] = (),
) -> Dataset:
    """Return the base data with one indicator and one monitoring year per given year."""
    years = tuple(
        replace(
            base.monitoring[0],
            year=year,
            status="draft" if year in draft else "published",
            activities=(),
            indicators=(found,) if found else (),
        )
        for year, found in sorted(values.items())
    )
    return replace(base, indicators=(ind,), monitoring=years)


def progress(
    base: Dataset,
    ind: Indicator,
    values: dict[int, IndicatorReport | None],
    draft: tuple[int, ...] = (),
) -> IndicatorProgress:
    return indicator_progress(dataset(base, ind, values, draft))["T-1"]


def test_achieved_when_the_share_reaches_one(base: Dataset) -> None:
    result = progress(base, indicator(base), {2025: report(120)})
    assert (result.status, result.share, result.expected) == ("achieved", 1.0, 1.0)
    assert (result.target_year, result.target_value) == (2025, 120)


def test_on_track_and_off_track_around_the_tolerance(base: Dataset) -> None:
    ind = indicator(base)
    on = progress(base, ind, {2024: report(108)})  # share 0.4, expected 0.5
    off = progress(base, ind, {2024: report(107)})  # share 0.35
    assert (on.status, on.share, on.expected) == ("on_track", 0.4, 0.5)
    assert off.status == "off_track"
    assert on.target_year == 2025  # the first target at or after the latest year


def test_boundary_is_not_lost_to_float_rounding(base: Dataset) -> None:
    ind = indicator(base, baseline=(0, 2020), targets=((2025, 10),))
    result = progress(base, ind, {2022: report(3)})  # share 0.3, expected 0.4: 0.4 - 0.1
    assert result.status == "on_track"


@pytest.mark.parametrize(
    ("changes", "values", "reason"),
    [
        ({"baseline": (None, None)}, {2025: 110}, "no_baseline"),
        ({}, {}, "no_value"),
        ({"targets": ()}, {2025: 110}, "no_target"),
        ({"targets": ((2025, 100),)}, {2025: 110}, "target_equals_baseline"),
    ],
)
def test_not_computable_reasons(
    base: Dataset, changes: dict[str, Any], values: dict[int, float], reason: str
) -> None:
    years: dict[int, IndicatorReport | None] = {y: report(v) for y, v in values.items()}
    result = progress(base, indicator(base, **changes), years or {2025: None})
    assert (result.status, result.reason, result.share) == ("not_computable", reason, None)
    assert explanation_en(indicator(base), result, 5).startswith("Not computable: ")


def test_draft_years_never_count(base: Dataset) -> None:
    ind = indicator(base)
    result = progress(base, ind, {2024: report(108), 2025: report(150)}, draft=(2025,))
    assert (result.latest_value, result.latest_year, result.status) == (108, 2024, "on_track")
    no_value = progress(base, ind, {2024: report(108), 2025: report(None)})
    assert (no_value.latest_value, no_value.latest_year) == (108, 2024)
    only_draft = progress(base, ind, {2025: report(150)}, draft=(2025,))
    assert (only_draft.status, only_draft.reason) == ("not_computable", "no_value")


@pytest.mark.parametrize(
    ("value", "status"), [(96, "on_track"), (105, "on_track"), (94, "off_track")]
)
def test_maintain_within_five_percent(base: Dataset, value: float, status: str) -> None:
    ind = indicator(base, direction="maintain", targets=((2025, 100),))  # target == baseline
    result = progress(base, ind, {2025: report(value)})
    assert (result.status, result.share, result.reason) == (status, None, None)


@pytest.mark.parametrize(
    ("value", "status", "share"),
    [
        (38, "off_track", 7 / 15),
        (33, "on_track", 0.8),
        (29, "achieved", 16 / 15),
        (50, "off_track", -1 / 3),
    ],
)
def test_decrease_uses_the_same_formula(
    base: Dataset, value: float, status: str, share: float
) -> None:
    ind = indicator(base, direction="decrease", baseline=(45, 2023), targets=((2026, 30),))
    result = progress(base, ind, {2025: report(value)})
    assert result.status == status
    assert result.share == pytest.approx(share)
    assert result.expected == pytest.approx(2 / 3)


def test_after_the_last_target_expected_is_one(base: Dataset) -> None:
    ind = indicator(base, targets=((2024, 120),))
    result = progress(base, ind, {2026: report(115)})  # share 0.75 of the last target
    assert (result.status, result.target_year, result.expected) == ("off_track", 2024, 1.0)
    assert "last target year has passed" in explanation_en(ind, result, 5)
    assert progress(base, ind, {2026: report(120)}).status == "achieved"


def yes_no(base: Dataset) -> Indicator:
    return indicator(base, "yes_no", None, ("no", 2023), ((2025, "yes"),))


def test_yes_no_before_and_after_the_target_year(base: Dataset) -> None:
    ind = yes_no(base)
    assert progress(base, ind, {2024: report("no")}).status == "on_track"
    assert progress(base, ind, {2024: report("yes")}).status == "achieved"
    assert progress(base, ind, {2025: report("no")}).status == "off_track"
    # the value is from 2024, but the reference date (end of 2025) is past the target year
    late = progress(base, ind, {2024: report("no"), 2025: None})
    assert (late.status, late.latest_year) == ("off_track", 2024)


def test_qualitative_follows_the_reported_flag(base: Dataset) -> None:
    ind = indicator(base, "qualitative", None, (Text((("en", "ad hoc"),)), 2023))
    value = Text((("en", "regular"),))
    assert progress(base, ind, {2025: report(value, True)}).status == "achieved"
    assert progress(base, ind, {2025: report(value, False)}).status == "off_track"
    silent = progress(base, ind, {2025: report(value)})
    assert (silent.status, silent.reason) == ("not_computable", "not_assessed")


def test_spent_adds_up_published_years_only(base: Dataset) -> None:
    year = base.monitoring[0]
    first = next(r for r in year.activities if r.activity == "1.1.1")
    years = tuple(
        replace(year, year=y, status=status, activities=(replace(first, spent=spent),))
        for y, status, spent in ((2024, "published", 0), (2025, "published", 0), (2026, "draft", 9))
    )
    spent = {
        a["id"]: a["spent"]
        for a in rows(progress_document(replace(base, monitoring=years)), "activities")
    }
    assert spent == {"1.1.1": 0, "2.1.1": None, "2.1.2": None}
    years = (replace(years[0], activities=(replace(first, spent=2500),)), years[1], years[2])
    spent = {
        a["id"]: a["spent"]
        for a in rows(progress_document(replace(base, monitoring=years)), "activities")
    }
    assert spent["1.1.1"] == 2500


# --- Small counts -----------------------------------------------------------


def test_a_small_sensitive_value_is_hidden(base: Dataset) -> None:
    sensitive = indicator(base, sensitive=True)
    assert show_value(sensitive, 3, 5) == Shown(None, "<5", True)
    assert show_value(sensitive, 5, 5) == Shown(5, None, False)
    assert show_value(indicator(base), 3, 5) == Shown(3, None, False)


def test_one_hidden_cell_hides_the_next_smallest(base: Dataset) -> None:
    cells = (("a", 3.0), ("b", 12.0), ("c", 7.0), ("d", 20.0))
    shown = show_breakdown(indicator(base, sensitive=True), Disaggregation("sex", cells), 5)
    assert [c.shown.text for c in shown] == ["<5", None, "<5", None]
    assert [c.shown.value for c in shown] == [None, 12.0, None, 20.0]
    assert hidden_cells((("a", 2.0), ("b", 3.0), ("c", 10.0)), 5) == {0, 1}
    assert hidden_cells((("a", 3.0), ("b", 7.0), ("c", 7.0)), 5) == {0, 1}


def test_no_suppression_when_not_sensitive(base: Dataset) -> None:
    cells = (("a", 3.0), ("b", 12.0))
    shown = show_breakdown(indicator(base), Disaggregation("sex", cells), 5)
    assert [c.shown for c in shown] == [Shown(3.0, None, False), Shown(12.0, None, False)]


def test_a_hidden_value_publishes_no_progress(base: Dataset) -> None:
    ind = indicator(base, baseline=(10, 2023), targets=((2025, 20),), sensitive=True)
    data = dataset(base, ind, {2025: report(3)})
    entry = rows(progress_document(data), "indicators")[0]
    assert entry["latest_value"] == "<5"
    assert entry["progress"]["status"] == "not_computable"
    assert entry["progress"]["share"] is None and entry["progress"]["expected"] is None
    assert "3" not in entry["progress"]["explanation"]
    computed = indicator_progress(data)["T-1"]
    assert computed.status == "off_track"  # would have been published without the rule


def test_a_hidden_baseline_publishes_no_share(base: Dataset) -> None:
    ind = indicator(base, baseline=(2, 2023), targets=((2025, 40),), sensitive=True)
    result = indicator_progress(dataset(base, ind, {2025: report(30)}))["T-1"]
    hidden = suppress_progress(ind, result, 5)
    assert (hidden.status, hidden.reason, hidden.share) == ("not_computable", "suppressed", None)
    assert (hidden.baseline_value, hidden.latest_value) == (None, 30)


def test_threshold_comes_from_the_site(base: Dataset) -> None:
    data = replace(base, site=replace(base.site, small_count_threshold=200))
    entries = rows(progress_document(data), "indicators")
    assert entries[0]["latest_value"] == "<200"  # IMP-1 is sensitive, 110 < 200
    assert rules_document(data)["small_counts"]["shown_as"] == "<200"  # type: ignore[index]


# --- The files --------------------------------------------------------------


def test_json_is_byte_identical_across_calls(tmp_path: Path) -> None:
    first, second = loaded(ROOT), loaded(ROOT)
    assert json_bytes(progress_document(first)) == json_bytes(progress_document(second))
    assert json_bytes(rules_document(first)) == json_bytes(rules_document(second))
    write_progress_files(first, tmp_path / "a")
    write_progress_files(second, tmp_path / "b")
    for name in ("progress.json", "rules.json"):
        one, two = (tmp_path / "a" / name).read_bytes(), (tmp_path / "b" / name).read_bytes()
        assert one == two and one.endswith(b"}\n")
        assert json.loads(one)  # valid JSON
    text = (tmp_path / "a" / "progress.json").read_bytes()
    assert b"\\u" not in text and "“".encode() in text  # ensure_ascii=False


def test_rules_document_names_the_thresholds(base: Dataset) -> None:
    rules = rules_document(base)
    progress_rules = rules["indicator_progress"]
    assert isinstance(progress_rules, dict)
    assert progress_rules["on_track_tolerance"] == 0.10
    assert progress_rules["maintain_tolerance"] == 0.05
    assert progress_rules["share"] == "(latest - baseline) / (target - baseline)"
    assert rules["small_counts"]["threshold"] == 5  # type: ignore[index]
    assert rules["reference_date"]["value"] == "2025-12-31"  # type: ignore[index]
