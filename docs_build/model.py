"""Frozen dataclasses for the whole data contract.

Field names equal the YAML keys, so an error path reads like the code.
Every item keeps `loc`, the place in the data where it was written.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from docs_build.problems import NOWHERE, Loc

STATUSES = ("not_started", "in_progress", "completed", "postponed", "cancelled")
INSTITUTION_TYPES = (
    "government",
    "coordination",
    "independent",
    "judiciary",
    "civil_society",
    "international",
    "donor",
    "other",
)
LEVELS = ("impact", "outcome", "output")
MEASURES = ("number", "percentage", "rate", "yes_no", "qualitative")
DIRECTIONS = ("increase", "decrease", "maintain")
FREQUENCIES = ("monthly", "quarterly", "biannual", "annual", "biennial")
TARGET_KINDS = ("mid_term", "end", "annual")
FUNDING_STATUSES = ("secured", "pledged")
BUDGET_STATES = ("costed", "no_funding_required", "not_costed")
REPORT_STATUSES = ("draft", "published")
ASSESSMENTS = ("on_track", "off_track")
BODIES = (
    "GRETA",
    "CEDAW",
    "CRC",
    "UNODC",
    "OSCE",
    "EU",
    "US-TIP",
    "national_rapporteur",
    "other",
)
RECOMMENDATION_STATUSES = ("not_addressed", "in_progress", "implemented")
EVALUATION_KINDS = ("mid_term", "final", "ex_post")
EVALUATION_TYPES = ("internal", "external")
CRITERIA = ("relevance", "coherence", "effectiveness", "efficiency", "impact", "sustainability")
RESPONSES = ("accepted", "partially_accepted", "rejected")
REVISION_FIELDS_ACTIVITY = ("start", "end", "budget")
REVISION_FIELDS_INDICATOR = ("targets", "baseline")


@dataclass(frozen=True, order=True)
class Quarter:
    """A calendar quarter such as 2025-Q3."""

    year: int
    q: int

    def __str__(self) -> str:
        return f"{self.year}-Q{self.q}"

    @property
    def first_day(self) -> dt.date:
        """Return the first day of the quarter."""
        return dt.date(self.year, 3 * self.q - 2, 1)

    @property
    def last_day(self) -> dt.date:
        """Return the last day of the quarter."""
        if self.q == 4:
            return dt.date(self.year, 12, 31)
        return dt.date(self.year, 3 * self.q + 1, 1) - dt.timedelta(days=1)


@dataclass(frozen=True)
class Text:
    """Translatable text: language code -> text, in the order written."""

    values: tuple[tuple[str, str], ...]
    loc: Loc = NOWHERE
    key: str = ""  # "<file>#<path>": names the text in translation tracking

    def get(self, lang: str) -> str | None:
        """Return the text in one language, or None when it is missing."""
        for code, value in self.values:
            if code == lang:
                return value
        return None

    @property
    def languages(self) -> tuple[str, ...]:
        """Return the languages this text is written in."""
        return tuple(code for code, _ in self.values)

    def __bool__(self) -> bool:
        return bool(self.values)


EMPTY_TEXT = Text(())


@dataclass(frozen=True)
class Site:
    """Site settings from site.yml."""

    format: int
    title: Text
    country: Text
    publisher: str
    languages: tuple[str, ...]
    default_language: str
    currency: str
    license: str
    base_url: str
    contact: str
    small_count_threshold: int
    demo: bool
    publish_drafts: bool
    loc: Loc = NOWHERE


@dataclass(frozen=True)
class Institution:
    """A body named anywhere: ministry, NGO, donor, funding source."""

    id: str
    name: Text
    short: Text
    type: str
    parent: str | None
    url: str | None
    former_ids: tuple[str, ...]
    loc: Loc = NOWHERE


@dataclass(frozen=True)
class Objective:
    """A specific objective of a strategic area."""

    id: str
    area_id: str
    title: Text
    description: Text
    indicators: tuple[str, ...]
    former_ids: tuple[str, ...]
    loc: Loc = NOWHERE


@dataclass(frozen=True)
class Area:
    """A strategic area with its aim and specific objectives."""

    id: str
    title: Text
    aim: Text
    indicators: tuple[str, ...]
    objectives: tuple[Objective, ...]
    former_ids: tuple[str, ...]
    loc: Loc = NOWHERE


@dataclass(frozen=True)
class FundingShare:
    """An amount from one funding source (an institution)."""

    source: str
    amount: float
    status: str | None
    loc: Loc = NOWHERE


@dataclass(frozen=True)
class Risk:
    """A risk to the strategy and how it is mitigated."""

    risk: Text
    mitigation: Text
    loc: Loc = NOWHERE


@dataclass(frozen=True)
class StrategyBudget:
    """The strategy's indicative budget."""

    total: float | None
    sources: tuple[FundingShare, ...]
    loc: Loc = NOWHERE


@dataclass(frozen=True)
class Strategy:
    """The multi-year strategy."""

    id: str
    title: Text
    period_start: int
    period_end: int
    adopted: dt.date | None
    adopted_by: Text
    goal: Text
    principles: tuple[Text, ...]
    summary: Text
    areas: tuple[Area, ...]
    budget: StrategyBudget | None
    risks: tuple[Risk, ...]
    former_ids: tuple[str, ...]
    loc: Loc = NOWHERE


YesNo = Literal["yes", "no"]
IndicatorValue = float | int | YesNo | Text | None


@dataclass(frozen=True)
class Baseline:
    """An indicator's starting value, or a note saying when it will be known."""

    value: IndicatorValue
    year: int | None
    note: Text
    due: Quarter | None
    loc: Loc = NOWHERE


@dataclass(frozen=True)
class Target:
    """A dated target value."""

    year: int
    value: IndicatorValue
    kind: str
    loc: Loc = NOWHERE


@dataclass(frozen=True)
class Revision:
    """What a field was before it changed, when, and why."""

    date: dt.date
    field: str
    previous: object
    reason: Text
    loc: Loc = NOWHERE


@dataclass(frozen=True)
class Indicator:
    """An indicator of the single registry."""

    id: str
    level: str
    title: Text
    definition: Text
    measure: str
    unit: Text
    direction: str | None
    baseline: Baseline | None
    targets: tuple[Target, ...]
    means_of_verification: Text
    frequency: str
    collector: str
    disaggregation: tuple[str, ...]
    sensitive: bool
    tags: tuple[str, ...]
    revisions: tuple[Revision, ...]
    former_ids: tuple[str, ...]
    loc: Loc = NOWHERE


@dataclass(frozen=True)
class Budget:
    """An activity's budget in one of three states, kept apart everywhere."""

    state: str
    cost: float | None = None
    currency: str | None = None
    sources: tuple[FundingShare, ...] = ()
    loc: Loc = NOWHERE

    @property
    def secured(self) -> float:
        """Return the amount secured."""
        return sum(s.amount for s in self.sources if s.status == "secured")

    @property
    def pledged(self) -> float:
        """Return the amount pledged but not yet secured."""
        return sum(s.amount for s in self.sources if s.status == "pledged")


@dataclass(frozen=True)
class Activity:
    """An activity of an action plan, with its place in the plan."""

    id: str
    plan_id: str
    area_id: str
    measure_id: str
    title: Text
    description: Text
    lead: tuple[str, ...]
    partners: tuple[str, ...]
    start: Quarter
    end: Quarter
    indicators: tuple[str, ...]
    budget: Budget
    recommendations: tuple[str, ...]
    revisions: tuple[Revision, ...]
    former_ids: tuple[str, ...]
    loc: Loc = NOWHERE


@dataclass(frozen=True)
class Measure:
    """A key measure: a group of activities implementing one objective."""

    id: str
    objective: str
    title: Text
    description: Text
    activities: tuple[Activity, ...]
    former_ids: tuple[str, ...]
    loc: Loc = NOWHERE


@dataclass(frozen=True)
class PlanArea:
    """A strategic area as it appears in one action plan."""

    area: str
    operational_objective: Text
    indicators: tuple[str, ...]
    measures: tuple[Measure, ...]
    loc: Loc = NOWHERE


@dataclass(frozen=True)
class ActionPlan:
    """An action plan for part of the strategy period."""

    id: str
    title: Text
    strategy: str
    period_start: Quarter
    period_end: Quarter
    adopted: dt.date | None
    id_prefix: str
    areas: tuple[PlanArea, ...]
    former_ids: tuple[str, ...]
    loc: Loc = NOWHERE

    @property
    def activities(self) -> tuple[Activity, ...]:
        """Return every activity of the plan in plan order."""
        return tuple(a for pa in self.areas for m in pa.measures for a in m.activities)


@dataclass(frozen=True)
class Evidence:
    """A link to a document that shows the work was done."""

    title: Text
    url: str
    loc: Loc = NOWHERE


@dataclass(frozen=True)
class ActivityReport:
    """What one monitoring year says about one activity."""

    activity: str
    status: str
    progress: float | None
    reported_by: str | None
    narrative: Text
    spent: float | None
    evidence: tuple[Evidence, ...]
    reason: Text
    loc: Loc = NOWHERE


@dataclass(frozen=True)
class Disaggregation:
    """Counts of one value broken down along one dimension."""

    dimension: str
    cells: tuple[tuple[str, float], ...]
    loc: Loc = NOWHERE


@dataclass(frozen=True)
class IndicatorReport:
    """One year's value of one indicator."""

    indicator: str
    value: IndicatorValue
    achieved: bool | None
    note: Text
    source: Text
    disaggregation: tuple[Disaggregation, ...]
    loc: Loc = NOWHERE


@dataclass(frozen=True)
class AreaAssessment:
    """The government's own on/off-track assessment of one area for a year."""

    area: str
    assessment: str
    comment: Text
    loc: Loc = NOWHERE


@dataclass(frozen=True)
class Correction:
    """A change made to a report after publication."""

    date: dt.date
    what: Text
    why: Text
    loc: Loc = NOWHERE


@dataclass(frozen=True)
class MonitoringYear:
    """One year's monitoring report."""

    year: int
    status: str
    published: dt.date | None
    corrections: tuple[Correction, ...]
    summary: Text
    challenges: Text
    lessons: Text
    next_steps: Text
    activities: tuple[ActivityReport, ...]
    indicators: tuple[IndicatorReport, ...]
    areas: tuple[AreaAssessment, ...]
    loc: Loc = NOWHERE


@dataclass(frozen=True)
class AssessedActivity:
    """An independent assessor's view of one activity."""

    activity: str
    status: str
    comment: Text
    loc: Loc = NOWHERE


@dataclass(frozen=True)
class Assessment:
    """An assessment by civil society or a rapporteur."""

    id: str
    assessor: str
    year: int
    title: Text
    url: str | None
    activities: tuple[AssessedActivity, ...]
    loc: Loc = NOWHERE


@dataclass(frozen=True)
class Document:
    """A cited document: title and address."""

    title: Text
    url: str | None
    loc: Loc = NOWHERE


@dataclass(frozen=True)
class Recommendation:
    """A recommendation of a monitoring body."""

    id: str
    body: str
    issued: dt.date | None
    document: Document | None
    paragraph: str | None
    text: Text
    status: str
    former_ids: tuple[str, ...]
    loc: Loc = NOWHERE


@dataclass(frozen=True)
class EvaluationRecommendation:
    """A recommendation of an evaluation and the management response."""

    id: str
    evaluation: str
    text: Text
    response: str
    action: Text
    activities: tuple[str, ...]
    loc: Loc = NOWHERE


@dataclass(frozen=True)
class Evaluation:
    """A mid-term, final or ex-post evaluation."""

    id: str
    subject: str
    kind: str
    type: str
    evaluator: Text
    date: dt.date | None
    criteria: tuple[tuple[str, Text], ...]
    recommendations: tuple[EvaluationRecommendation, ...]
    former_ids: tuple[str, ...]
    loc: Loc = NOWHERE


@dataclass(frozen=True)
class GlossaryTerm:
    """A term or abbreviation explained for readers."""

    id: str
    term: Text
    abbreviation: Text
    definition: Text
    former_ids: tuple[str, ...]
    loc: Loc = NOWHERE


@dataclass(frozen=True)
class Dataset:
    """Everything in data/, validated, with indexes by id."""

    site: Site
    institutions: tuple[Institution, ...]
    strategy: Strategy
    indicators: tuple[Indicator, ...]
    plans: tuple[ActionPlan, ...]
    monitoring: tuple[MonitoringYear, ...]
    assessments: tuple[Assessment, ...]
    recommendations: tuple[Recommendation, ...]
    evaluations: tuple[Evaluation, ...]
    glossary: tuple[GlossaryTerm, ...]
    texts: tuple[Text, ...] = field(default=(), repr=False, compare=False)
    lock: dict[str, dict[str, str]] | None = field(default=None, repr=False, compare=False)
    index: Index = field(repr=False, compare=False, default=None)  # type: ignore[assignment]

    def __post_init__(self) -> None:
        object.__setattr__(self, "index", Index.of(self))


@dataclass(frozen=True)
class Index:
    """Id -> object lookups, built once per build."""

    institutions: dict[str, Institution]
    indicators: dict[str, Indicator]
    areas: dict[str, Area]
    objectives: dict[str, Objective]
    measures: dict[str, Measure]
    activities: dict[str, Activity]
    plans: dict[str, ActionPlan]
    recommendations: dict[str, Recommendation]
    evaluation_recommendations: dict[str, EvaluationRecommendation]
    former_activities: dict[str, str]
    former_indicators: dict[str, str]
    former_recommendations: dict[str, str]
    # Built once so pages look items up instead of scanning the data per page.
    activity_reports: dict[str, list[tuple[MonitoringYear, ActivityReport]]]
    indicator_reports: dict[str, list[tuple[MonitoringYear, IndicatorReport]]]
    assessed: dict[str, list[Assessment]]
    indicator_users: dict[str, list[tuple[str, str]]]
    # recommendation id (current, or an evaluation's) -> activities responding, plan order
    responders: dict[str, list[str]]

    def activity_id(self, written: str) -> str:
        """Return the current id of an activity written by a current or former id."""
        return self.former_activities.get(written, written)

    def indicator_id(self, written: str) -> str:
        """Return the current id of an indicator written by a current or former id."""
        return self.former_indicators.get(written, written)

    def recommendation_id(self, written: str) -> str:
        """Return the current id of a recommendation written by a current or former id."""
        return self.former_recommendations.get(written, written)

    @staticmethod
    def of(data: Dataset) -> Index:
        """Index every item of the dataset by id."""
        measures = {m.id: m for p in data.plans for pa in p.areas for m in pa.measures}
        index = Index(
            institutions={i.id: i for i in data.institutions},
            indicators={i.id: i for i in data.indicators},
            areas={a.id: a for a in data.strategy.areas},
            objectives={o.id: o for a in data.strategy.areas for o in a.objectives},
            measures=measures,
            activities={a.id: a for p in data.plans for a in p.activities},
            plans={p.id: p for p in data.plans},
            recommendations={r.id: r for r in data.recommendations},
            evaluation_recommendations={
                r.id: r for e in data.evaluations for r in e.recommendations
            },
            former_activities={
                old: a.id for p in data.plans for a in p.activities for old in a.former_ids
            },
            former_indicators={old: i.id for i in data.indicators for old in i.former_ids},
            former_recommendations={
                old: r.id for r in data.recommendations for old in r.former_ids
            },
            activity_reports={},
            indicator_reports={},
            assessed={},
            indicator_users={},
            responders={},
        )
        index.fill_lookups(data)
        return index

    def fill_lookups(self, data: Dataset) -> None:
        """Group reports, assessments and indicator users by current id, once."""
        for year in data.monitoring:
            for report in year.activities:
                self.activity_reports.setdefault(self.activity_id(report.activity), []).append(
                    (year, report)
                )
            for value in year.indicators:
                self.indicator_reports.setdefault(self.indicator_id(value.indicator), []).append(
                    (year, value)
                )
        for assessment in data.assessments:
            for activity_id in dict.fromkeys(
                self.activity_id(a.activity) for a in assessment.activities
            ):
                self.assessed.setdefault(activity_id, []).append(assessment)
        users = [("area", a.id, a.indicators) for a in data.strategy.areas]
        users += [("objective", o.id, o.indicators) for o in self.objectives.values()]
        users += [
            ("action-plan", p.id, tuple(i for pa in p.areas for i in pa.indicators))
            for p in data.plans
        ]
        users += [("activity", a.id, a.indicators) for a in self.activities.values()]
        for kind, item_id, indicator_ids in users:
            for indicator_id in dict.fromkeys(self.indicator_id(i) for i in indicator_ids):
                self.indicator_users.setdefault(indicator_id, []).append((kind, item_id))
        for activity in self.activities.values():
            for rec_id in dict.fromkeys(
                self.recommendation_id(r) for r in activity.recommendations
            ):
                self.responders.setdefault(rec_id, []).append(activity.id)
