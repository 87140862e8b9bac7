"""A year's monitoring report, as published (its edition), and what changed since the last.

The report follows the usual shape of an annual monitoring report: a summary
with the figures at a glance; for each strategic area the government's own
on/off-track assessment, its indicators against baseline and targets, the
activities of the year and the money planned and spent; what independent
assessors said; challenges, lessons and next steps; corrections made after
publication. Every figure comes from the edition (docs_build/edition.py), so
the page shows what was reported that year, whatever changed since.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

import jinja2

from docs_build.compute import NOT_REPORTED, Money, sum_money
from docs_build.edition import Edition, edition
from docs_build.model import (
    STATUSES,
    Activity,
    ActivityReport,
    Area,
    AreaAssessment,
    IndicatorReport,
)
from docs_build.pages import PageSpec
from docs_build.pdf import report_pdf_name
from docs_build.render.activity_reports import AssessmentView
from docs_build.render.base import Rendered, StatusRow, count_rows, render
from docs_build.render.plan import moved
from docs_build.render.report_changes import changes_between, moved_between
from docs_build.render.view import View


def edition_view(view: View, found: Edition) -> View:
    """Return the page helpers bound to an edition's data and computed values."""
    return replace(view, data=found.data, progress=found.progress, indicators=found.indicators)


@dataclass(frozen=True)
class YearActivity:
    """One activity of the year: its report that year (if any) and its computed state."""

    activity: Activity
    report: ActivityReport | None
    timeliness: str | None
    moved: bool
    judgements: tuple[AssessmentView, ...]

    @property
    def status(self) -> str:
        """Return the status reported that year, or not_reported."""
        return self.report.status if self.report else NOT_REPORTED

    @property
    def disagreements(self) -> int:
        """Count the assessors who give another status than the government's."""
        return sum(not j.agrees for j in self.judgements)


@dataclass(frozen=True)
class AreaSection:
    """One strategic area in the report."""

    area: Area
    assessment: AreaAssessment | None
    indicators: tuple[str, ...]
    activities: tuple[YearActivity, ...]
    money: Money
    spent: float


@dataclass(frozen=True)
class Glance:
    """The figures at a glance at the top of the report."""

    activities: int
    status: list[StatusRow]
    overdue: int
    indicators: list[tuple[str, int]]
    money: Money
    spent: float
    assessed: int
    disagreements: int
    on_track_areas: int
    off_track_areas: int


def activities_of_year(found: Edition) -> list[YearActivity]:
    """Return the activities reported that year or planned to run in it, in plan order."""
    data = found.data
    index = data.index
    reports = {index.activity_id(r.activity): r for r in found.report.activities}
    judged: dict[str, list[AssessmentView]] = {}
    for assessment in data.assessments:
        if assessment.year != found.year:
            continue
        for item in assessment.activities:
            activity_id = index.activity_id(item.activity)
            report = reports.get(activity_id)
            government = report.status if report else NOT_REPORTED
            judged.setdefault(activity_id, []).append(
                AssessmentView(assessment, item.status, item.comment, government)
            )
    year = found.year
    return [
        YearActivity(
            activity,
            reports.get(activity.id),
            found.progress.state(activity.id).timeliness,
            moved(activity),
            tuple(judged.get(activity.id, ())),
        )
        for plan in data.plans
        for activity in plan.activities
        if activity.id in reports
        or activity.id in judged
        or activity.start.year <= year <= activity.end.year
    ]


def spent_in(rows: list[YearActivity]) -> float:
    """Add up what the activities reported spending in the year."""
    return sum(r.report.spent for r in rows if r.report and r.report.spent is not None)


def area_indicators(found: Edition, area: Area, rows: list[YearActivity]) -> tuple[str, ...]:
    """Return the area's impact and outcome indicators, then its activities' output ones."""
    ids: list[str] = [*area.indicators]
    for objective in area.objectives:
        ids += objective.indicators
    for plan in found.data.plans:
        for plan_area in plan.areas:
            if plan_area.area == area.id:
                ids += plan_area.indicators
    for row in rows:
        ids += row.activity.indicators
    known = found.data.index.indicators
    return tuple(dict.fromkeys(i for i in ids if i in known))


def area_sections(found: Edition, rows: list[YearActivity]) -> list[AreaSection]:
    """Return one section per strategic area, in strategy order."""
    assessed = {a.area: a for a in found.report.areas}
    currency = found.data.site.currency
    sections = []
    for area in found.data.strategy.areas:
        mine = [r for r in rows if r.activity.area_id == area.id]
        sections.append(
            AreaSection(
                area,
                assessed.get(area.id),
                area_indicators(found, area, mine),
                tuple(mine),
                sum_money((r.activity for r in mine), currency),
                spent_in(mine),
            )
        )
    return sections


def glance(view: View, found: Edition, rows: list[YearActivity]) -> Glance:
    """Return the summary figures of the year."""
    statuses = Counter(r.status for r in rows)
    progress = Counter(p.status for p in found.indicators.values())
    order = ("achieved", "on_track", "off_track", "not_computable")
    assessments = [r for r in rows if r.judgements]
    return Glance(
        activities=len(rows),
        status=count_rows(view, statuses, len(rows)),
        overdue=sum(
            found.progress.states[a.id].timeliness == "overdue"
            for a in found.data.index.activities.values()
        ),
        indicators=[(status, progress[status]) for status in order if progress[status]],
        money=sum_money((r.activity for r in rows), found.data.site.currency),
        spent=spent_in(rows),
        assessed=len(assessments),
        disagreements=sum(r.disagreements > 0 for r in rows),
        on_track_areas=sum(a.assessment == "on_track" for a in found.report.areas),
        off_track_areas=sum(a.assessment == "off_track" for a in found.report.areas),
    )


def indicator_values(found: Edition) -> dict[str, IndicatorReport]:
    """Return the values reported that year, by current indicator id."""
    index = found.data.index
    return {index.indicator_id(r.indicator): r for r in found.report.indicators}


def pdf_link(view: View, year: int) -> str | None:
    """Return the name of the report's PDF when the build prints one."""
    return report_pdf_name(year, view.lang) if view.pdfs else None


def render_report(spec: PageSpec, view: View, env: jinja2.Environment) -> Rendered:
    """Render a year's report from its edition."""
    found = edition(view.data, int(spec.item_id))
    v = edition_view(view, found)
    rows = activities_of_year(found)
    html = render(
        env,
        "report.html",
        v,
        edition=found,
        report=found.report,
        glance=glance(v, found, rows),
        areas=area_sections(found, rows),
        values=indicator_values(found),
        judged=[r for r in rows if r.judgements],
        assessments=[a for a in found.data.assessments if a.year == found.year],
        statuses=STATUSES,
        pdf=pdf_link(view, found.year),
    )
    return v.t("report.title", year=found.year), html


def render_report_changes(spec: PageSpec, view: View, env: jinja2.Environment) -> Rendered:
    """Render what changed between the previous published report and this one."""
    year = int(spec.item_id)
    found = edition(view.data, year)
    v = edition_view(view, found)
    title = v.t("changes.title", year=year)
    changes = changes_between(view.data, year)
    html = render(
        env,
        "report_changes.html",
        v,
        title=title,
        edition=found,
        changes=changes,
        moved=moved_between(v, changes),
    )
    return title, html
