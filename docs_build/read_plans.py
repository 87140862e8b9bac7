"""Read action plans: areas, key measures, activities and their budgets."""

from __future__ import annotations

from babel.numbers import is_currency

from docs_build.fields import Ctx, Obj, describe
from docs_build.load import Node, Scalar
from docs_build.model import (
    FUNDING_STATUSES,
    REVISION_FIELDS_ACTIVITY,
    ActionPlan,
    Activity,
    Budget,
    FundingShare,
    Measure,
    PlanArea,
    Quarter,
)
from docs_build.problems import Loc
from docs_build.read_core import check_prefix, read_revisions

PLAN_KEYS = ("id", "title", "strategy", "period", "adopted", "id_prefix", "areas", "former_ids")
PLAN_AREA_KEYS = ("area", "operational_objective", "indicators", "measures")
MEASURE_KEYS = ("id", "objective", "title", "description", "activities", "former_ids")
ACTIVITY_KEYS = (
    "id",
    "title",
    "description",
    "lead",
    "partners",
    "start",
    "end",
    "indicators",
    "budget",
    "recommendations",
    "revisions",
    "former_ids",
)
BUDGET_WORDS = ("no_funding_required", "not_costed")


def read_plan(ctx: Ctx, node: Node | None, file: str) -> ActionPlan:
    """Read one action plan file."""
    obj = Obj(ctx, node, "", PLAN_KEYS, "the action plan", Loc(file, 1))
    plan_id = obj.id("action plan")
    period = Obj(
        ctx, obj.node("period"), obj.p("period"), ("start", "end"), "the period", obj.at("period")
    )
    if obj.node("period") is None:
        obj.missing("period", "{start: 2024-Q1, end: 2025-Q4}")
    start, end = period.quarter("start", required=True), period.quarter("end", required=True)
    if start and end and start > end:
        period.error("end", "data.period", f"the period ends ({end}) before it starts ({start}).")
    prefix = obj.string("id_prefix") or ""
    plan = _PlanCtx(plan_id, prefix, start, end)
    areas = tuple(read_plan_area(ctx, n, p, plan) for n, p in obj.seq("areas", required=True))
    return ActionPlan(
        id=plan_id,
        title=obj.text("title", required=True),
        strategy=obj.ref("strategy", "strategy", required=True) or "",
        period_start=start or Quarter(1, 1),
        period_end=end or Quarter(9999, 4),
        adopted=obj.date("adopted"),
        id_prefix=prefix,
        areas=areas,
        former_ids=obj.former_ids("action plan"),
        loc=obj.loc,
    )


class _PlanCtx:
    """What activities need to know about their plan while being read."""

    def __init__(self, plan_id: str, prefix: str, start: Quarter | None, end: Quarter | None):
        self.plan_id, self.prefix, self.start, self.end = plan_id, prefix, start, end


def read_plan_area(ctx: Ctx, node: Node, path: str, plan: _PlanCtx) -> PlanArea:
    """Read a strategic area as it appears in a plan."""
    obj = Obj(ctx, node, path, PLAN_AREA_KEYS, "an area of the action plan", node.loc)
    area_id = obj.ref("area", "area", required=True) or ""
    measures = tuple(
        read_measure(ctx, n, p, plan, area_id)
        for n, p in obj.seq("measures", required=True, expected="a list of key measures")
    )
    return PlanArea(
        area=area_id,
        operational_objective=obj.text("operational_objective"),
        indicators=obj.refs("indicators", "indicator"),
        measures=measures,
        loc=obj.loc,
    )


def read_measure(ctx: Ctx, node: Node, path: str, plan: _PlanCtx, area_id: str) -> Measure:
    """Read a key measure and its activities."""
    obj = Obj(ctx, node, path, MEASURE_KEYS, "a key measure", node.loc)
    measure_id = obj.id("measure")
    check_prefix(obj, measure_id, area_id, "key measure", "area", plan.prefix)
    objective = obj.ref("objective", "objective", required=True) or ""
    activities = tuple(
        read_activity(ctx, n, p, plan, area_id, measure_id)
        for n, p in obj.seq("activities", required=True, expected="a list of activities")
    )
    return Measure(
        id=measure_id,
        objective=objective,
        title=obj.text("title", required=True),
        description=obj.text("description"),
        activities=activities,
        former_ids=obj.former_ids("measure"),
        loc=obj.loc,
    )


def read_activity(
    ctx: Ctx, node: Node, path: str, plan: _PlanCtx, area_id: str, measure_id: str
) -> Activity:
    """Read an activity: who, when, with what result indicators and money."""
    obj = Obj(ctx, node, path, ACTIVITY_KEYS, "an activity", node.loc)
    activity_id = obj.id("activity")
    check_prefix(obj, activity_id, measure_id, "activity", "key measure", plan.prefix)
    start, end = obj.quarter("start", required=True), obj.quarter("end", required=True)
    check_quarters(obj, start, end, plan)
    budget_node = obj.node("budget")
    if budget_node is None:
        obj.missing("budget", "a cost with sources, or no_funding_required, or not_costed")
    budget = read_budget(ctx, budget_node, obj.p("budget")) if budget_node is not None else None
    return Activity(
        id=activity_id,
        plan_id=plan.plan_id,
        area_id=area_id,
        measure_id=measure_id,
        title=obj.text("title", required=True),
        description=obj.text("description"),
        lead=obj.refs("lead", "institution", required=True),
        partners=obj.refs("partners", "institution"),
        start=start or Quarter(1, 1),
        end=end or Quarter(9999, 4),
        indicators=obj.refs("indicators", "indicator", required=True),
        budget=budget or Budget("not_costed"),
        recommendations=obj.refs("recommendations", "recommendation"),
        revisions=read_revisions(obj, REVISION_FIELDS_ACTIVITY),
        former_ids=obj.former_ids("activity"),
        loc=obj.loc,
    )


def check_quarters(obj: Obj, start: Quarter | None, end: Quarter | None, plan: _PlanCtx) -> None:
    """Check that an activity starts before it ends, within its plan's period."""
    if start and end and start > end:
        obj.error(
            "end",
            "data.quarter_order",
            f"the activity ends ({end}) before it starts ({start}).",
            "Check the two quarters: 'start' must not be after 'end'.",
        )
    if plan.start is None or plan.end is None:
        return
    for key, quarter in (("start", start), ("end", end)):
        if quarter and not plan.start <= quarter <= plan.end:
            obj.error(
                key,
                "data.outside_period",
                f"{key} {quarter} is outside the action plan's period ({plan.start} to {plan.end}).",
                "Move the activity to a plan that covers this time, or record the delay with "
                "'revisions' and the plan's period.",
            )


def read_budget(ctx: Ctx, node: Node, path: str) -> Budget | None:
    """Read a budget: a cost with sources, or one of the two words."""
    if isinstance(node, Scalar):
        if node.text in BUDGET_WORDS:
            return Budget(node.text, loc=node.loc)
        ctx.problems.error(
            node.loc,
            path,
            "data.budget",
            f"a budget is a cost with sources, 'no_funding_required' or 'not_costed'; "
            f"found {describe(node)}.",
            "A cost of zero is not the same as 'not costed': say which it is.",
        )
        return None
    obj = Obj(ctx, node, path, ("cost", "currency", "sources"), "a budget", node.loc)
    if not obj.ok:
        return None
    cost = obj.number("cost", required=True)
    currency = obj.string("currency")
    if currency is not None and not is_currency(currency):
        obj.error(
            "currency",
            "data.currency",
            f"'{currency}' is not an ISO 4217 currency code.",
            "Use a three-letter code such as EUR, USD or CHF.",
        )
    sources = []
    for item, item_path in obj.seq("sources"):
        src = Obj(
            ctx, item, item_path, ("source", "amount", "status"), "a funding source", item.loc
        )
        sources.append(
            FundingShare(
                source=src.ref("source", "institution", required=True) or "",
                amount=src.number("amount", required=True) or 0.0,
                status=src.enum("status", FUNDING_STATUSES, required=True) or "pledged",
                loc=src.loc,
            )
        )
    budget = Budget("costed", cost, currency, tuple(sources), obj.loc)
    if cost is not None and budget.secured + budget.pledged > cost * 1.0000001:
        obj.error(
            "sources",
            "data.budget_exceeds",
            f"the sources add up to {budget.secured + budget.pledged:g}, more than the cost {cost:g}.",
            "Check the amounts: secured and pledged money together cannot exceed the cost.",
        )
    return budget
