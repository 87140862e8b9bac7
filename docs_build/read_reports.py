"""Read monitoring years, assessments, recommendations, evaluations, glossary."""

from __future__ import annotations

import datetime as dt

from docs_build.fields import Ctx, Obj, read_number
from docs_build.load import Mapping, Node, Scalar
from docs_build.model import (
    ASSESSMENTS,
    BODIES,
    CRITERIA,
    EVALUATION_KINDS,
    EVALUATION_TYPES,
    RECOMMENDATION_STATUSES,
    REPORT_STATUSES,
    RESPONSES,
    STATUSES,
    ActivityReport,
    AreaAssessment,
    AssessedActivity,
    Assessment,
    Correction,
    Disaggregation,
    Document,
    Evaluation,
    EvaluationRecommendation,
    Evidence,
    GlossaryTerm,
    Indicator,
    IndicatorReport,
    MonitoringYear,
    Recommendation,
)
from docs_build.problems import Loc
from docs_build.read_core import read_value, top_list

MONITORING_KEYS = (
    "year",
    "status",
    "published",
    "corrections",
    "summary",
    "challenges",
    "lessons",
    "next_steps",
    "activities",
    "indicators",
    "areas",
)
REPORT_KEYS = ("status", "progress", "reported_by", "narrative", "spent", "evidence", "reason")
VALUE_KEYS = ("value", "achieved", "note", "source", "disaggregation")


def read_monitoring(
    ctx: Ctx, node: Node | None, file: str, indicators: dict[str, Indicator]
) -> MonitoringYear:
    """Read one year's monitoring report."""
    obj = Obj(ctx, node, "", MONITORING_KEYS, "the monitoring report", Loc(file, 1))
    status = obj.enum("status", REPORT_STATUSES, required=True) or "draft"
    published = obj.date("published")
    if status == "published" and published is None and obj.ok:
        obj.missing("published", "the date the report was published (the edition date people cite)")
    corrections = []
    for item, path in obj.seq("corrections"):
        c = Obj(ctx, item, path, ("date", "what", "why"), "a correction", item.loc)
        corrections.append(
            Correction(
                c.date("date", required=True) or dt.date.min,
                c.text("what", required=True),
                c.text("why"),
                c.loc,
            )
        )
    return MonitoringYear(
        year=obj.year("year", required=True) or 0,
        status=status,
        published=published,
        corrections=tuple(corrections),
        summary=obj.text("summary"),
        challenges=obj.text("challenges"),
        lessons=obj.text("lessons"),
        next_steps=obj.text("next_steps"),
        activities=tuple(
            read_activity_report(ctx, k, v, p) for k, v, p in obj.mapping("activities")
        ),
        indicators=tuple(
            read_indicator_report(ctx, k, v, p, indicators) for k, v, p in obj.mapping("indicators")
        ),
        areas=tuple(read_area_assessment(ctx, k, v, p) for k, v, p in obj.mapping("areas")),
        loc=obj.loc,
    )


def read_activity_report(ctx: Ctx, key: Scalar, node: Node, path: str) -> ActivityReport:
    """Read what a year says about one activity."""
    ctx.ref("activity", key.text, key.loc, path)
    obj = Obj(ctx, node, path, REPORT_KEYS, f"the report on activity {key.text}", key.loc)
    status = obj.enum("status", STATUSES, required=True) or "not_started"
    reason = obj.text("reason")
    if status in ("postponed", "cancelled") and not reason and obj.ok:
        obj.missing(
            "reason", f"why the activity was {status}", "Write the reason in a sentence or two."
        )
    evidence = []
    for item, item_path in obj.seq("evidence"):
        ev = Obj(ctx, item, item_path, ("title", "url"), "a piece of evidence", item.loc)
        evidence.append(
            Evidence(ev.text("title", required=True), ev.url("url", required=True) or "", ev.loc)
        )
    return ActivityReport(
        activity=key.text,
        status=status,
        progress=obj.number("progress", minimum=0, maximum=100),
        reported_by=obj.ref("reported_by", "institution"),
        narrative=obj.text("narrative"),
        spent=obj.number("spent"),
        evidence=tuple(evidence),
        reason=reason,
        loc=obj.loc,
    )


def read_indicator_report(
    ctx: Ctx, key: Scalar, node: Node, path: str, indicators: dict[str, Indicator]
) -> IndicatorReport:
    """Read one indicator's value for the year, typed by the indicator's measure."""
    ctx.ref("indicator", key.text, key.loc, path)
    indicator = indicators.get(key.text)
    obj = Obj(ctx, node, path, VALUE_KEYS, f"the value of indicator {key.text}", key.loc)
    raw = obj.node("value")
    if raw is None:
        obj.missing("value", "the value reported for the year")
    measure = indicator.measure if indicator else ""
    value = read_value(ctx, raw, obj.p("value"), measure) if raw is not None and indicator else None
    achieved = obj.flag("achieved", False) if obj.node("achieved") is not None else None
    if achieved is not None and measure and measure != "qualitative":
        obj.error(
            "achieved",
            "data.value_kind",
            "'achieved' is only for qualitative indicators; this one is measured as "
            f"'{measure}' and its progress is computed.",
        )
    return IndicatorReport(
        indicator=key.text,
        value=value,
        achieved=achieved,
        note=obj.text("note"),
        source=obj.text("source"),
        disaggregation=read_breakdown(ctx, obj, indicator),
        loc=obj.loc,
    )


def read_breakdown(ctx: Ctx, obj: Obj, indicator: Indicator | None) -> tuple[Disaggregation, ...]:
    """Read counts broken down by the dimensions the indicator declares."""
    found = []
    for key, node, path in obj.mapping("disaggregation"):
        if indicator is not None and key.text not in indicator.disaggregation:
            declared = ", ".join(indicator.disaggregation) or "none"
            ctx.problems.error(
                key.loc,
                path,
                "data.disaggregation",
                f"indicator {indicator.id} is not broken down by '{key.text}' "
                f"(it declares: {declared}).",
                "Add the dimension to the indicator's 'disaggregation' list in indicators.yml.",
            )
        if not isinstance(node, Mapping):
            ctx.problems.error(
                node.loc,
                path,
                "data.type",
                "expected a mapping of categories to counts, like {female: 12, male: 5}.",
            )
            continue
        cells = []
        for name, (knode, vnode) in node.items.items():
            count = read_number(ctx, vnode, f"{path}.{name}")
            if count is not None:
                cells.append((name, count))
            del knode
        found.append(Disaggregation(key.text, tuple(cells), node.loc))
    return tuple(found)


def read_area_assessment(ctx: Ctx, key: Scalar, node: Node, path: str) -> AreaAssessment:
    """Read the government's own assessment of an area for the year."""
    ctx.ref("area", key.text, key.loc, path)
    obj = Obj(
        ctx, node, path, ("assessment", "comment"), f"the assessment of area {key.text}", key.loc
    )
    assessment = obj.enum("assessment", ASSESSMENTS, required=True) or "on_track"
    comment = obj.text("comment")
    if assessment == "off_track" and not comment and obj.ok:
        obj.missing("comment", "an explanation: an area assessed off_track needs a comment")
    return AreaAssessment(key.text, assessment, comment, obj.loc)


ASSESSMENT_KEYS = ("id", "assessor", "year", "title", "url", "activities")


def read_assessment(ctx: Ctx, node: Node | None, file: str) -> Assessment:
    """Read an independent assessment."""
    obj = Obj(ctx, node, "", ASSESSMENT_KEYS, "the assessment", Loc(file, 1))
    activities = []
    for key, value, path in obj.mapping("activities"):
        ctx.ref("activity", key.text, key.loc, path)
        a = Obj(
            ctx,
            value,
            path,
            ("status", "comment"),
            f"the assessment of activity {key.text}",
            key.loc,
        )
        activities.append(
            AssessedActivity(
                key.text, a.enum("status", STATUSES, required=True) or "", a.text("comment"), a.loc
            )
        )
    return Assessment(
        id=obj.id("assessment"),
        assessor=obj.ref("assessor", "institution", required=True) or "",
        year=obj.year("year", required=True) or 0,
        title=obj.text("title", required=True),
        url=obj.url("url"),
        activities=tuple(activities),
        loc=obj.loc,
    )


RECOMMENDATION_KEYS = (
    "id",
    "body",
    "issued",
    "document",
    "paragraph",
    "text",
    "status",
    "former_ids",
)


def read_recommendations(ctx: Ctx, node: Node | None, file: str) -> tuple[Recommendation, ...]:
    """Read recommendations.yml."""
    found = []
    for item, path in top_list(ctx, node, file, "recommendations"):
        obj = Obj(ctx, item, path, RECOMMENDATION_KEYS, "a recommendation", item.loc)
        doc_node = obj.node("document")
        document = None
        if doc_node is not None:
            d = Obj(
                ctx, doc_node, obj.p("document"), ("title", "url"), "the document", doc_node.loc
            )
            document = Document(d.text("title", required=True), d.url("url"), d.loc)
        found.append(
            Recommendation(
                id=obj.id("recommendation"),
                body=obj.enum("body", BODIES, required=True) or "other",
                issued=obj.date("issued"),
                document=document,
                paragraph=obj.string("paragraph"),
                text=obj.text("text", required=True),
                status=obj.enum("status", RECOMMENDATION_STATUSES, required=True)
                or "not_addressed",
                former_ids=obj.former_ids("recommendation"),
                loc=obj.loc,
            )
        )
    return tuple(found)


EVALUATION_KEYS = (
    "id",
    "subject",
    "kind",
    "type",
    "evaluator",
    "date",
    "criteria",
    "recommendations",
    "former_ids",
)


def read_evaluations(ctx: Ctx, node: Node | None, file: str) -> tuple[Evaluation, ...]:
    """Read evaluations.yml."""
    found = []
    for item, path in top_list(ctx, node, file, "evaluations"):
        obj = Obj(ctx, item, path, EVALUATION_KEYS, "an evaluation", item.loc)
        evaluation_id = obj.id("evaluation")
        subject = obj.string(
            "subject", required=True, expected="the id of the strategy or action plan"
        )
        if subject:
            ctx.ref("strategy or action plan", subject, obj.at("subject"), obj.p("subject"))
        crit = Obj(
            ctx,
            obj.node("criteria") or Mapping(item.file, item.line),
            obj.p("criteria"),
            CRITERIA,
            "the criteria",
            obj.at("criteria"),
        )
        criteria = tuple(
            (name, crit.text(name)) for name in CRITERIA if crit.node(name) is not None
        )
        recs = []
        for rnode, rpath in obj.seq("recommendations"):
            r = Obj(
                ctx,
                rnode,
                rpath,
                ("id", "text", "response", "action", "activities"),
                "an evaluation recommendation",
                rnode.loc,
            )
            recs.append(
                EvaluationRecommendation(
                    id=r.id("recommendation"),
                    evaluation=evaluation_id,
                    text=r.text("text", required=True),
                    response=r.enum("response", RESPONSES, required=True) or "",
                    action=r.text("action"),
                    activities=r.refs("activities", "activity"),
                    loc=r.loc,
                )
            )
        found.append(
            Evaluation(
                id=evaluation_id,
                subject=subject or "",
                kind=obj.enum("kind", EVALUATION_KINDS, required=True) or "",
                type=obj.enum("type", EVALUATION_TYPES, required=True) or "",
                evaluator=obj.text("evaluator"),
                date=obj.date("date", required=True),
                criteria=criteria,
                recommendations=tuple(recs),
                former_ids=obj.former_ids("evaluation"),
                loc=obj.loc,
            )
        )
    return tuple(found)


def read_glossary(ctx: Ctx, node: Node | None, file: str) -> tuple[GlossaryTerm, ...]:
    """Read glossary.yml."""
    found = []
    for item, path in top_list(ctx, node, file, "glossary terms"):
        obj = Obj(
            ctx,
            item,
            path,
            ("id", "term", "abbreviation", "definition", "former_ids"),
            "a glossary term",
            item.loc,
        )
        found.append(
            GlossaryTerm(
                id=obj.id("glossary term"),
                term=obj.text("term", required=True),
                abbreviation=obj.text("abbreviation"),
                definition=obj.text("definition", required=True),
                former_ids=obj.former_ids("glossary term"),
                loc=obj.loc,
            )
        )
    return tuple(found)
