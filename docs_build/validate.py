"""Checks across files: references, consistency, completeness warnings."""

from __future__ import annotations

from docs_build.fields import Ctx, Definition, Ref, suggest
from docs_build.model import Dataset, Quarter

KIND_PLURAL = {
    "institution": "institutions.yml",
    "indicator": "indicators.yml",
    "area": "strategy.yml (areas)",
    "objective": "strategy.yml (specific objectives)",
    "activity": "the action plans",
    "recommendation": "recommendations.yml or evaluations.yml",
    "strategy": "strategy.yml",
    "action plan": "action-plans/",
}


def validate(data: Dataset, ctx: Ctx) -> None:
    """Run every cross-file check, adding problems to the context."""
    resolve_refs(ctx)
    check_former_ids(ctx)
    check_plans(data, ctx)
    check_reports(data, ctx)
    check_institutions(data, ctx)
    warn_incomplete(data, ctx)


def _table(ctx: Ctx, kind: str) -> dict[str, Definition]:
    if kind == "strategy or action plan":
        return {**ctx.defs.get("strategy", {}), **ctx.defs.get("action plan", {})}
    return ctx.defs.get(kind, {})


def resolve_refs(ctx: Ctx) -> None:
    """Report every reference to an id that does not exist."""
    former = {(d.kind, d.id): d for d in ctx.former}
    for ref in ctx.refs:
        if set(ref.kind.split(" or ")) & ctx.broken:
            continue  # the file defining these ids could not be read: its error says why
        table = _table(ctx, ref.kind)
        if ref.id in table:
            continue
        old = former.get((ref.kind, ref.id))
        if old is None:
            report_unknown(ctx, ref, table)
            continue
        ctx.problems.warn(
            ref.loc,
            ref.path,
            "data.former_id",
            f"'{ref.id}' is a former id of {ref.kind} {old.owner} (see {old.loc}); "
            f"it is read as {old.owner}.",
            f"Where this file may still change, write '{old.owner}'.",
        )


def report_unknown(ctx: Ctx, ref: Ref, table: dict[str, Definition]) -> None:
    """Report one unknown id with the closest existing ids."""
    close = suggest(ref.id, table)
    where = KIND_PLURAL.get(ref.kind, "the data")
    if close:
        hint = (
            "Did you mean " + ", ".join(f"'{c}' (defined in {table[c].loc})" for c in close) + "?"
        )
    elif table:
        hint = f"No {ref.kind} has a similar id; the {ref.kind} ids are listed in {where}."
    else:
        hint = f"There are no {ref.kind} ids yet: define it in {where}."
    ctx.problems.error(
        ref.loc, ref.path, "data.unknown_ref", f"unknown {ref.kind} '{ref.id}'.", hint
    )


def check_former_ids(ctx: Ctx) -> None:
    """Former ids must not be in use again: one address, one item."""
    first_owner: dict[tuple[str, str], Definition] = {}
    for old in ctx.former:
        earlier = first_owner.setdefault((old.kind, old.id), old)
        if earlier is not old and earlier.owner != old.owner:
            ctx.problems.error(
                old.loc,
                old.path,
                "data.former_id_in_use",
                f"'{old.id}' is already a former id of {old.kind} {earlier.owner} ({earlier.loc}).",
                "An old address can only redirect to one place: keep it on one item.",
            )
        current = ctx.defs.get(old.kind, {}).get(old.id)
        if current is not None:
            ctx.problems.error(
                old.loc,
                old.path,
                "data.former_id_in_use",
                f"'{old.id}' is listed as a former id, but the {old.kind} {old.id} exists "
                f"({current.loc}).",
                "An old address can only redirect to one place: remove it from former_ids.",
            )


def check_plans(data: Dataset, ctx: Ctx) -> None:
    """Check that each plan fits the strategy and its measures fit their areas."""
    strategy = data.strategy
    objectives = data.index.objectives
    period_ok = 0 < strategy.period_start <= strategy.period_end
    for plan in data.plans:
        years = (plan.period_start.year, plan.period_end.year)
        if (
            period_ok
            and plan.period_end != Quarter(9999, 4)
            and (years[0] < strategy.period_start or years[1] > strategy.period_end)
        ):
            ctx.problems.error(
                plan.loc,
                "period",
                "data.outside_period",
                f"the action plan runs {plan.period_start} to {plan.period_end}, outside the "
                f"strategy period {strategy.period_start}-{strategy.period_end}.",
            )
        for number, plan_area in enumerate(plan.areas, start=1):
            for measure in plan_area.measures:
                objective = objectives.get(measure.objective)
                if objective is not None and plan_area.area and objective.area_id != plan_area.area:
                    ctx.problems.error(
                        measure.loc,
                        f"areas[#{number}].measures[{measure.id}].objective",
                        "data.objective_area",
                        f"key measure {measure.id} implements objective {objective.id}, which "
                        f"belongs to area {objective.area_id}, not to area {plan_area.area}.",
                        f"Move the key measure under area {objective.area_id}, or choose an "
                        f"objective of area {plan_area.area}.",
                    )


def check_reports(data: Dataset, ctx: Ctx) -> None:
    """Check monitoring years and assessments against the strategy period."""
    start, end = data.strategy.period_start, data.strategy.period_end
    for report in data.monitoring:
        if 0 < start <= end and report.year and not start <= report.year <= end:
            ctx.problems.error(
                report.loc,
                "year",
                "data.outside_period",
                f"the report year {report.year} is outside the strategy period {start}-{end}.",
            )
        if report.published and report.year and report.published.year <= report.year - 1:
            ctx.problems.error(
                report.loc,
                "published",
                "data.date",
                f"the report on {report.year} cannot be published on {report.published}, "
                "before the year began.",
            )


def check_institutions(data: Dataset, ctx: Ctx) -> None:
    """An institution cannot be its own parent, directly or through others."""
    parents = {i.id: i.parent for i in data.institutions}
    for inst in data.institutions:
        seen = {inst.id}
        parent = inst.parent
        while parent is not None and parent in parents:
            if parent in seen:
                ctx.problems.error(
                    inst.loc,
                    f"[{inst.id}].parent",
                    "data.parent_cycle",
                    f"institution {inst.id} is, through its parents, its own parent.",
                    "Check the 'parent' of the institutions in this chain.",
                )
                break
            seen.add(parent)
            parent = parents[parent]


def warn_incomplete(data: Dataset, ctx: Ctx) -> None:
    """Warn about gaps a site in progress may publish, but should close."""
    implemented = {m.objective for p in data.plans for pa in p.areas for m in pa.measures}
    for area in data.strategy.areas:
        for objective in area.objectives:
            if objective.id not in implemented:
                ctx.problems.warn(
                    objective.loc,
                    f"areas[{area.id}].objectives[{objective.id}]",
                    "data.objective_without_activities",
                    f"no key measure of any action plan implements specific objective {objective.id}.",
                    "Add a key measure with 'objective: " + objective.id + "' to an action plan.",
                )
    reported = {data.index.indicator_id(r.indicator) for m in data.monitoring for r in m.indicators}
    for indicator in data.indicators:
        if indicator.id not in reported:
            ctx.problems.warn(
                indicator.loc,
                f"[{indicator.id}]",
                "data.indicator_without_values",
                f"indicator {indicator.id} has no reported value in any monitoring year yet.",
            )
