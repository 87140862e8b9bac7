"""Read site.yml, institutions.yml, strategy.yml and indicators.yml."""

from __future__ import annotations

import datetime as dt
import re

from babel import Locale, UnknownLocaleError
from babel.numbers import is_currency

from docs_build.fields import (
    Ctx,
    Obj,
    describe,
    did_you_mean,
    item_path,
    read_number,
    read_quarter,
    read_text,
)
from docs_build.load import Mapping, Node, Scalar, Sequence
from docs_build.model import (
    DIRECTIONS,
    FREQUENCIES,
    INSTITUTION_TYPES,
    LEVELS,
    MEASURES,
    REVISION_FIELDS_INDICATOR,
    TARGET_KINDS,
    Area,
    Baseline,
    FundingShare,
    Indicator,
    IndicatorValue,
    Institution,
    Objective,
    Revision,
    Risk,
    Site,
    Strategy,
    StrategyBudget,
    Target,
)
from docs_build.problems import Loc

SITE_KEYS = (
    "format",
    "title",
    "country",
    "publisher",
    "languages",
    "default_language",
    "currency",
    "license",
    "base_url",
    "contact",
    "small_count_threshold",
    "demo",
    "publish_drafts",
)
LANG_RE = re.compile(r"[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?\Z")
FORMAT_VERSION = 1


def read_languages(obj: Obj) -> tuple[tuple[str, ...], str]:
    """Read the site's languages and its default language."""
    langs: list[str] = []
    for node, path in obj.seq("languages", required=True, expected="a list of language codes"):
        code = node.text if isinstance(node, Scalar) else ""
        if not LANG_RE.match(code) or not _babel_knows(code):
            obj.ctx.problems.error(
                node.loc,
                path,
                "site.language",
                f"'{code}' is not a language code this tool knows.",
                "Use BCP 47 codes such as en, fr, sq, sr-Cyrl, ar.",
            )
        elif code in langs:
            obj.ctx.problems.error(node.loc, path, "site.language", f"'{code}' is listed twice.")
        else:
            langs.append(code)
            check_interface(obj.ctx, code, node.loc, path)
    default = obj.string("default_language", required=True, expected="one of the languages") or ""
    if default and langs and default not in langs:
        obj.error(
            "default_language",
            "site.language",
            f"the default language '{default}' is not in 'languages'.",
            did_you_mean(default, langs) or f"Add '{default}' to 'languages'.",
        )
    langs = langs or ["en"]
    return tuple(langs), default if default in langs else langs[0]


def check_interface(ctx: Ctx, lang: str, loc: Loc, path: str) -> None:
    """Every site language needs interface strings (menus, headers, statuses)."""
    if ctx.interface is None or lang in ctx.interface:
        return
    ctx.problems.error(
        loc,
        path,
        "i18n.no_interface_file",
        f"there are no interface strings for '{lang}'.",
        f"Add theme/i18n/{lang}.yml (copy en.yml and translate it); PlanPress ships: "
        f"{', '.join(sorted(ctx.interface))}.",
    )


def _babel_knows(code: str) -> bool:
    try:
        Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return False
    return True


def read_site(ctx: Ctx, node: Node | None, file: str) -> Site:
    """Read site.yml; sets the languages on the context first."""
    obj = Obj(ctx, node, "", SITE_KEYS, "site.yml", Loc(file, 1))
    fmt = obj.integer("format", required=True, minimum=0, maximum=1000)
    if fmt is not None and fmt != FORMAT_VERSION:
        obj.error(
            "format",
            "site.format",
            f"this data is written in format {fmt}, but this PlanPress reads format {FORMAT_VERSION}.",
            "See CHANGELOG.md for how to move data between format versions.",
        )
    languages, default = read_languages(obj)
    ctx.languages, ctx.default = languages, default
    currency = obj.string("currency", required=True, expected="a currency code like EUR") or "EUR"
    if not is_currency(currency):
        obj.error(
            "currency",
            "site.currency",
            f"'{currency}' is not an ISO 4217 currency code.",
            "Use a three-letter code such as EUR, USD, CHF or ALL.",
        )
    base_url = obj.url("base_url", required=True) or "https://example.org/"
    if not base_url.endswith("/"):
        base_url += "/"
    return Site(
        format=fmt or FORMAT_VERSION,
        title=obj.text("title", required=True),
        country=obj.text("country", required=True),
        publisher=obj.ref("publisher", "institution", required=True) or "",
        languages=languages,
        default_language=default,
        currency=currency,
        license=obj.string("license", required=True, expected="a licence such as CC-BY-4.0") or "",
        base_url=base_url,
        contact=obj.string("contact") or "",
        small_count_threshold=obj.integer("small_count_threshold", minimum=1, maximum=1000) or 5,
        demo=obj.flag("demo", False),
        publish_drafts=obj.flag("publish_drafts", True),
        loc=obj.loc,
    )


INSTITUTION_KEYS = ("id", "name", "short", "type", "parent", "url", "former_ids")


def read_institutions(ctx: Ctx, node: Node | None, file: str) -> tuple[Institution, ...]:
    """Read institutions.yml: a list of institutions."""
    return tuple(
        read_institution(ctx, item, path)
        for item, path in top_list(ctx, node, file, "institutions")
    )


def top_list(ctx: Ctx, node: Node | None, file: str, what: str) -> list[tuple[Node, str]]:
    """Check that a file holds a list and return its items with paths."""
    if node is None:
        return []
    if not isinstance(node, Sequence):
        ctx.problems.error(
            node.loc,
            "",
            "data.type",
            f"this file must hold a list of {what} (each starting with '- '), "
            f"but it holds {describe(node)}.",
            "Write each item on its own line starting with '- '.",
        )
        return []
    return [(item, item_path("", item, i)) for i, item in enumerate(node.items)]


def read_institution(ctx: Ctx, node: Node, path: str) -> Institution:
    """Read one institution."""
    obj = Obj(ctx, node, path, INSTITUTION_KEYS, "an institution", node.loc)
    return Institution(
        id=obj.id("institution"),
        name=obj.text("name", required=True),
        short=obj.text("short"),
        type=obj.enum("type", INSTITUTION_TYPES, required=True) or "other",
        parent=obj.ref("parent", "institution"),
        url=obj.url("url"),
        former_ids=obj.former_ids("institution"),
        loc=obj.loc,
    )


STRATEGY_KEYS = (
    "id",
    "title",
    "period",
    "adopted",
    "adopted_by",
    "goal",
    "principles",
    "summary",
    "areas",
    "budget",
    "risks",
    "former_ids",
)


def read_strategy(ctx: Ctx, node: Node | None, file: str) -> Strategy:
    """Read strategy.yml."""
    obj = Obj(ctx, node, "", STRATEGY_KEYS, "the strategy", Loc(file, 1))
    period = Obj(
        ctx, obj.node("period"), obj.p("period"), ("start", "end"), "the period", obj.at("period")
    )
    if obj.node("period") is None:
        obj.missing("period", "{start: 2024, end: 2028}")
    start, end = period.year("start", required=True) or 0, period.year("end", required=True) or 0
    if start and end and start > end:
        period.error("end", "data.period", f"the period ends ({end}) before it starts ({start}).")
    areas = tuple(read_area(ctx, item, path) for item, path in obj.seq("areas", required=True))
    return Strategy(
        id=obj.id("strategy"),
        title=obj.text("title", required=True),
        period_start=start,
        period_end=end,
        adopted=obj.date("adopted"),
        adopted_by=obj.text("adopted_by"),
        goal=obj.text("goal", required=True),
        principles=tuple(read_text(ctx, n, p) for n, p in obj.seq("principles")),
        summary=obj.text("summary"),
        areas=areas,
        budget=read_strategy_budget(ctx, obj),
        risks=tuple(read_risk(ctx, n, p) for n, p in obj.seq("risks")),
        former_ids=obj.former_ids("strategy"),
        loc=obj.loc,
    )


def read_strategy_budget(ctx: Ctx, parent: Obj) -> StrategyBudget | None:
    """Read the strategy's indicative budget."""
    node = parent.node("budget")
    if node is None:
        return None
    obj = Obj(ctx, node, parent.p("budget"), ("total", "sources"), "the budget", node.loc)
    sources = []
    for item, path in obj.seq("sources"):
        src = Obj(ctx, item, path, ("source", "amount"), "a funding source", item.loc)
        sources.append(
            FundingShare(
                source=src.ref("source", "institution", required=True) or "",
                amount=src.number("amount", required=True) or 0.0,
                status=None,
                loc=src.loc,
            )
        )
    return StrategyBudget(total=obj.number("total"), sources=tuple(sources), loc=obj.loc)


def read_risk(ctx: Ctx, node: Node, path: str) -> Risk:
    """Read one risk and its mitigation."""
    obj = Obj(ctx, node, path, ("risk", "mitigation"), "a risk", node.loc)
    return Risk(obj.text("risk", required=True), obj.text("mitigation"), obj.loc)


AREA_KEYS = ("id", "title", "aim", "indicators", "objectives", "former_ids")
OBJECTIVE_KEYS = ("id", "title", "description", "indicators", "former_ids")


def read_area(ctx: Ctx, node: Node, path: str) -> Area:
    """Read a strategic area and its specific objectives."""
    obj = Obj(ctx, node, path, AREA_KEYS, "a strategic area", node.loc)
    area_id = obj.id("area")
    listed = obj.seq("objectives", required=True, expected="a list of specific objectives")
    objectives = [read_objective(ctx, item, p, area_id) for item, p in listed]
    return Area(
        id=area_id,
        title=obj.text("title", required=True),
        aim=obj.text("aim"),
        indicators=obj.refs("indicators", "indicator"),
        objectives=tuple(objectives),
        former_ids=obj.former_ids("area"),
        loc=obj.loc,
    )


def read_objective(ctx: Ctx, node: Node, path: str, area_id: str) -> Objective:
    """Read a specific objective; its id must extend its area's id."""
    obj = Obj(ctx, node, path, OBJECTIVE_KEYS, "a specific objective", node.loc)
    objective_id = obj.id("objective")
    check_prefix(obj, objective_id, area_id, "objective", "area")
    return Objective(
        id=objective_id,
        area_id=area_id,
        title=obj.text("title", required=True),
        description=obj.text("description"),
        indicators=obj.refs("indicators", "indicator"),
        former_ids=obj.former_ids("objective"),
        loc=obj.loc,
    )


def check_prefix(
    obj: Obj, child: str, parent: str, child_kind: str, parent_kind: str, strip: str = ""
) -> None:
    """Check the dotted numbering: '1.2.3' belongs under '1.2'."""
    if not child or not parent:
        return
    bare_child, bare_parent = child.removeprefix(strip), parent.removeprefix(strip)
    if strip and not child.startswith(strip):
        obj.error(
            "id",
            "data.id_prefix",
            f"the {child_kind} id '{child}' must start with the plan's id_prefix '{strip}'.",
            f"Write it as '{strip}{child}'.",
        )
        return
    head = bare_child.rpartition(".")[0]
    if head != bare_parent:
        obj.error(
            "id",
            "data.id_prefix",
            f"the {child_kind} id '{child}' does not follow its {parent_kind} '{parent}'.",
            f"Number it '{strip}{bare_parent}.N' (for example '{strip}{bare_parent}.1'), "
            f"or move it under the {parent_kind} it belongs to.",
        )


INDICATOR_KEYS = (
    "id",
    "level",
    "title",
    "definition",
    "measure",
    "unit",
    "direction",
    "baseline",
    "targets",
    "means_of_verification",
    "frequency",
    "collector",
    "disaggregation",
    "sensitive",
    "tags",
    "revisions",
    "former_ids",
)


def read_indicators(ctx: Ctx, node: Node | None, file: str) -> tuple[Indicator, ...]:
    """Read indicators.yml: the single indicator registry."""
    return tuple(
        read_indicator(ctx, item, path) for item, path in top_list(ctx, node, file, "indicators")
    )


def read_indicator(ctx: Ctx, node: Node, path: str) -> Indicator:
    """Read one indicator with its baseline, targets and revisions."""
    obj = Obj(ctx, node, path, INDICATOR_KEYS, "an indicator", node.loc)
    measure = obj.enum("measure", MEASURES, required=True) or ""
    direction = obj.enum("direction", DIRECTIONS)
    if direction is not None and measure in ("yes_no", "qualitative"):
        obj.error(
            "direction",
            "data.direction",
            f"a {measure} indicator has no direction; remove 'direction'.",
            "Direction (increase, decrease, maintain) is for numbers, percentages and rates.",
        )
    if (
        measure in ("number", "percentage", "rate")
        and direction is None
        and obj.node("direction") is None
    ):
        obj.missing("direction", "increase, decrease or maintain")
    baseline = read_baseline(obj, measure)
    targets = read_targets(obj, measure, baseline)
    return Indicator(
        id=obj.id("indicator"),
        level=obj.enum("level", LEVELS, required=True) or "output",
        title=obj.text("title", required=True),
        definition=obj.text("definition"),
        measure=measure,
        unit=obj.text("unit"),
        direction=direction,
        baseline=baseline,
        targets=targets,
        means_of_verification=obj.text("means_of_verification", required=True),
        frequency=obj.enum("frequency", FREQUENCIES, required=True) or "annual",
        collector=obj.ref("collector", "institution", required=True) or "",
        disaggregation=tuple(n.text for n, _ in obj.seq("disaggregation") if isinstance(n, Scalar)),
        sensitive=obj.flag("sensitive", False),
        tags=tuple(n.text for n, _ in obj.seq("tags") if isinstance(n, Scalar)),
        revisions=read_revisions(obj, REVISION_FIELDS_INDICATOR, measure),
        former_ids=obj.former_ids("indicator"),
        loc=obj.loc,
    )


def read_value(ctx: Ctx, node: Node, path: str, measure: str) -> IndicatorValue:
    """Read an indicator value of the kind its measure calls for."""
    if measure == "yes_no":
        if isinstance(node, Scalar) and (
            node.text in ("yes", "no") or isinstance(node.value, bool)
        ):
            return "yes" if node.text == "yes" or node.value is True else "no"
        ctx.problems.error(
            node.loc,
            path,
            "data.value_kind",
            f"this is a yes/no indicator: expected yes or no, found '{getattr(node, 'text', '')}'.",
        )
        return None
    if measure == "qualitative":
        return read_text(ctx, node, path) or None
    if measure == "percentage":
        return read_number(ctx, node, path, 0, 100)
    return read_number(ctx, node, path, 0 if measure == "number" else None)


BASELINE_KEYS = ("value", "year", "note", "due")


def read_baseline(parent: Obj, measure: str) -> Baseline | None:
    """Read a baseline: a dated value, or a note and the quarter it is due."""
    node = parent.node("baseline")
    if node is None:
        parent.missing(
            "baseline", "{value: ..., year: ...} or {value: null, note: ..., due: 2024-Q4}"
        )
        return None
    obj = Obj(parent.ctx, node, parent.p("baseline"), BASELINE_KEYS, "the baseline", node.loc)
    raw = obj.node("value")
    value = read_value(parent.ctx, raw, obj.p("value"), measure) if raw is not None else None
    year = obj.year("year")
    note, due = obj.text("note"), obj.quarter("due")
    if raw is None and obj.ok and (not note or due is None):
        obj.error(
            "value",
            "data.baseline",
            "the baseline has no value, so it needs a 'note' saying how it will be established "
            "and a 'due' quarter.",
            "For example: baseline: {value: null, note: {en: to be set by the 2024 survey}, due: 2024-Q4}",
        )
    if raw is not None and year is None:
        obj.missing("year", "the year the baseline value was measured")
    return Baseline(value, year, note, due, obj.loc)


def read_targets(parent: Obj, measure: str, baseline: Baseline | None) -> tuple[Target, ...]:
    """Read dated targets, in order, after the baseline year."""
    items = parent.seq("targets", required=True, expected="a list of dated targets")
    targets: list[Target] = []
    for index, (node, path) in enumerate(items):
        obj = Obj(parent.ctx, node, path, ("year", "value", "kind"), "a target", node.loc)
        year = obj.year("year", required=True)
        raw = obj.node("value")
        if raw is None:
            obj.missing("value", "the target value")
        value = read_value(parent.ctx, raw, obj.p("value"), measure) if raw is not None else None
        kind = obj.enum("kind", TARGET_KINDS) or ("end" if index == len(items) - 1 else "")
        if year is None:
            continue
        if baseline is not None and baseline.year is not None and year <= baseline.year:
            obj.error(
                "year",
                "data.target_order",
                f"the target year {year} is not after the baseline year {baseline.year}.",
                "Targets come after the baseline.",
            )
        if targets and year <= targets[-1].year:
            obj.error(
                "year",
                "data.target_order",
                f"the target year {year} is not after the previous target ({targets[-1].year}).",
                "List targets in time order, one per year.",
            )
        targets.append(Target(year, value, kind, obj.loc))
    if parent.ok and parent.node("targets") is not None and not targets and not items:
        parent.error("targets", "data.missing_key", "an indicator needs at least one dated target.")
    return tuple(targets)


def read_revisions(parent: Obj, fields: tuple[str, ...], measure: str = "") -> tuple[Revision, ...]:
    """Read the record of how fields changed after adoption."""
    revisions = []
    for node, path in parent.seq("revisions"):
        obj = Obj(
            parent.ctx, node, path, ("date", "field", "previous", "reason"), "a revision", node.loc
        )
        name = obj.enum("field", fields, required=True) or ""
        raw = obj.node("previous")
        if raw is None:
            obj.missing("previous", "the value the field had before the change")
        previous = read_previous(obj, name, raw, measure) if raw is not None else None
        revisions.append(
            Revision(
                date=obj.date("date", required=True) or dt.date.min,
                field=name,
                previous=previous,
                reason=obj.text("reason", required=True),
                loc=obj.loc,
            )
        )
    return tuple(revisions)


def read_previous(obj: Obj, name: str, raw: Node, measure: str) -> object:
    """Read a revision's previous value, typed like the field it records."""
    from docs_build.read_plans import read_budget  # plans import this module

    if name in ("start", "end"):
        return read_quarter(obj.ctx, raw, obj.p("previous"))
    if name == "budget":
        return read_budget(obj.ctx, raw, obj.p("previous"))
    holder = Mapping(raw.file, raw.line)
    holder.items[name] = (Scalar(raw.file, raw.line, name, name, True), raw)
    inner = Obj(
        obj.ctx, holder, obj.p("previous").removesuffix(f".{name}"), (name,), "a revision", raw.loc
    )
    if name == "targets":
        return read_targets(inner, measure, None)
    if name == "baseline":
        return read_baseline(inner, measure)
    return None
