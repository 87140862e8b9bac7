"""What each published monitoring year and each independent assessment says about an activity."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from docs_build.compute import NOT_REPORTED, ActivityState, published_years
from docs_build.model import Activity, ActivityReport, Assessment, Dataset, Text
from docs_build.pages import report_years
from docs_build.render.view import View


@dataclass(frozen=True)
class AssessmentView:
    """An independent assessor's status for an activity, beside the government's."""

    assessment: Assessment
    status: str
    comment: Text
    government_status: str

    @property
    def agrees(self) -> bool:
        """Tell whether the assessor gives the same status as the government's report."""
        return self.status == self.government_status


@dataclass(frozen=True)
class YearRow:
    """One year: the government's published report on the activity and the assessments."""

    year: int
    published: dt.date | None
    report: ActivityReport | None
    assessments: tuple[AssessmentView, ...]

    @property
    def status(self) -> str:
        """Return the status reported that year, or not_reported."""
        return self.report.status if self.report else NOT_REPORTED


def reports_by_year(data: Dataset, activity_id: str) -> dict[int, ActivityReport]:
    """Return the published reports on one activity by year (drafts never count)."""
    return {
        year.year: report
        for year, report in data.index.activity_reports.get(activity_id, [])
        if year.status == "published"
    }


def assessments_by_year(data: Dataset, activity_id: str) -> dict[int, list[Assessment]]:
    """Return the assessments that assess one activity, by year."""
    found: dict[int, list[Assessment]] = {}
    for assessment in data.index.assessed.get(activity_id, []):
        found.setdefault(assessment.year, []).append(assessment)
    return found


def year_rows(data: Dataset, activity: Activity) -> list[YearRow]:
    """Return a row for each published year that reports the activity or falls in its
    timeframe, and for each year an assessment covers, oldest first."""
    reports = reports_by_year(data, activity.id)
    assessed = assessments_by_year(data, activity.id)
    published = {m.year: m.published for m in published_years(data)}
    in_time = {y for y in published if activity.start.year <= y <= activity.end.year}
    rows = []
    for year in sorted(set(reports) | in_time | set(assessed)):
        report = reports.get(year)
        government = report.status if report else NOT_REPORTED
        views = tuple(
            AssessmentView(assessment, a.status, a.comment, government)
            for assessment in assessed.get(year, [])
            for a in assessment.activities
            if data.index.activity_id(a.activity) == activity.id
        )
        rows.append(YearRow(year, published.get(year), report, views))
    return rows


def draft_years(data: Dataset, activity_id: str) -> list[int]:
    """Return the draft years that mention the activity and have a page (not counted)."""
    shown = set(report_years(data))
    return [
        m.year
        for m in data.monitoring
        if m.status != "published"
        and m.year in shown
        and any(data.index.activity_id(r.activity) == activity_id for r in m.activities)
    ]


# The sentence for each timeliness, with and without a published report on the activity.
SENTENCES = {
    ("overdue", True): "activity.overdue_reported",
    ("overdue", False): "activity.overdue_unreported",
    ("late_start", True): "activity.late_start_reported",
    ("late_start", False): "activity.late_start_unreported",
}


def timeliness_sentence(view: View, activity: Activity, state: ActivityState) -> str | None:
    """Explain the computed timeliness in words: the planned quarter against the report."""
    if state.timeliness is None:
        return None
    quarter = activity.end if state.timeliness == "overdue" else activity.start
    return view.t(
        SENTENCES[(state.timeliness, state.year is not None)],
        quarter=view.quarter(quarter),
        year=state.year,
        status=view.t(f"status.{state.status}"),
    )
