"""Evaluation pages: the list of evaluations and one page per evaluation."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import jinja2

from docs_build.model import (
    CRITERIA,
    RESPONSES,
    Activity,
    Dataset,
    Evaluation,
    EvaluationRecommendation,
    Text,
)
from docs_build.pages import PageSpec
from docs_build.render.base import Rendered, activity_rows, render
from docs_build.render.plan import ActivityRow
from docs_build.render.view import View


@dataclass(frozen=True)
class Subject:
    """What an evaluation evaluates: the strategy or one action plan, as a page."""

    kind: str  # "strategy" | "action-plan"
    item_id: str
    title: Text


@dataclass(frozen=True)
class ResponseCount:
    """How many of an evaluation's recommendations got one management response."""

    response: str
    count: int


@dataclass(frozen=True)
class EvaluationRow:
    """One line of the list of evaluations."""

    evaluation: Evaluation
    subject: Subject | None
    responses: tuple[ResponseCount, ...]


@dataclass(frozen=True)
class Finding:
    """The findings for one evaluation criterion."""

    criterion: str
    text: Text


@dataclass(frozen=True)
class FollowedUp:
    """An evaluation recommendation with the activities that follow it up."""

    recommendation: EvaluationRecommendation
    rows: tuple[ActivityRow, ...]


def subject_of(data: Dataset, subject_id: str) -> Subject | None:
    """Find the strategy or action plan an evaluation names, by current or former id."""
    strategy = data.strategy
    if subject_id == strategy.id or subject_id in strategy.former_ids:
        return Subject("strategy", "", strategy.title)
    for plan in data.plans:
        if subject_id == plan.id or subject_id in plan.former_ids:
            return Subject("action-plan", plan.id, plan.title)
    return None


def response_counts(evaluation: Evaluation) -> tuple[ResponseCount, ...]:
    """Count the recommendations by management response, in the fixed order."""
    return tuple(
        ResponseCount(r, sum(rec.response == r for rec in evaluation.recommendations))
        for r in RESPONSES
    )


def sorted_evaluations(data: Dataset) -> list[Evaluation]:
    """Return the evaluations by date (undated last), then id."""
    return sorted(data.evaluations, key=lambda e: (e.date or dt.date.max, e.id))


def findings(evaluation: Evaluation) -> list[Finding]:
    """Return the criteria the evaluation writes about, in the OECD-DAC order."""
    given = dict(evaluation.criteria)
    return [Finding(c, given[c]) for c in CRITERIA if given.get(c)]


def follow_up_activities(data: Dataset, rec: EvaluationRecommendation) -> list[Activity]:
    """Return the activities a recommendation names, then those that name it, each once."""
    index = data.index
    named = [index.activity_id(a) for a in rec.activities]
    named += index.responders.get(rec.id, [])
    return [index.activities[a] for a in dict.fromkeys(named) if a in index.activities]


def evaluation_title(view: View, evaluation: Evaluation, subject: Subject | None) -> str:
    """Word the title: "Mid-term evaluation of <subject>"."""
    name = view.plain(subject.title) if subject else evaluation.subject
    return view.t(f"evaluation.title.{evaluation.kind}", subject=name)


def render_evaluations(spec: PageSpec, view: View, env: jinja2.Environment) -> Rendered:
    """Render the list of evaluations."""
    data = view.data
    rows = [
        EvaluationRow(e, subject_of(data, e.subject), response_counts(e))
        for e in sorted_evaluations(data)
    ]
    html = render(env, "evaluations.html", view, rows=rows)
    return view.t("nav.evaluations"), html


def render_evaluation(spec: PageSpec, view: View, env: jinja2.Environment) -> Rendered:
    """Render one evaluation: facts, findings by criterion, recommendations and follow-up."""
    data = view.data
    evaluation = next(e for e in data.evaluations if e.id == spec.item_id)
    subject = subject_of(data, evaluation.subject)
    title = evaluation_title(view, evaluation, subject)
    recommendations = [
        FollowedUp(rec, tuple(activity_rows(view, follow_up_activities(data, rec))))
        for rec in evaluation.recommendations
    ]
    html = render(
        env,
        "evaluation.html",
        view,
        evaluation=evaluation,
        title=title,
        subject=subject,
        responses=response_counts(evaluation),
        findings=findings(evaluation),
        recommendations=recommendations,
    )
    return title, html
