"""The recommendations an activity responds to: of monitoring bodies and of evaluations."""

from __future__ import annotations

from dataclasses import dataclass

from docs_build.model import Activity, Dataset, EvaluationRecommendation, Recommendation


@dataclass(frozen=True)
class Responds:
    """A recommendation the activity responds to; exactly one of the two is set."""

    id: str
    recommendation: Recommendation | None
    evaluation: EvaluationRecommendation | None


def responds_to(data: Dataset, activity: Activity) -> list[Responds]:
    """Return the recommendations named by the activity, then evaluation recommendations
    that name the activity, each once."""
    index = data.index
    named = list(activity.recommendations)
    named += [
        rec.id
        for rec in index.evaluation_recommendations.values()
        if any(index.activity_id(a) == activity.id for a in rec.activities)
    ]
    found = []
    for rec_id in dict.fromkeys(named):
        rec = index.recommendations.get(rec_id)
        evaluation = index.evaluation_recommendations.get(rec_id)
        if rec is not None or evaluation is not None:
            found.append(Responds(rec_id, rec, None if rec else evaluation))
    return found
