"""Generate a large, valid synthetic PlanPress data set for benchmarks."""

from __future__ import annotations

import shutil
from pathlib import Path

LANGS = ("en", "sq", "sr-Cyrl")
AREAS = 5


def text(words: str) -> str:
    """Return a three-language text mapping in flow style."""
    return "{" + ", ".join(f'{lang}: "{words} ({lang})"' for lang in LANGS) + "}"


def generate(target: Path, activities: int) -> Path:
    """Write data/ with `activities` activities and as many output indicators."""
    data = target / "data"
    if target.exists():
        shutil.rmtree(target)
    (data / "action-plans").mkdir(parents=True)
    (data / "monitoring").mkdir()
    (data / "site.yml").write_text(
        "format: 1\n"
        f"title: {text('Synthetic strategy site')}\n"
        f"country: {text('Benchmarkia')}\n"
        "publisher: INST-0\nlanguages: [en, sq, sr-Cyrl]\ndefault_language: en\n"
        "currency: EUR\nlicense: CC-BY-4.0\nbase_url: https://example.org/bench/\n"
        "demo: true\n",
        encoding="utf-8",
    )
    institutions = [
        f"- id: INST-{i}\n  name: {text(f'Institution {i}')}\n  type: government\n"
        for i in range(40)
    ]
    (data / "institutions.yml").write_text("".join(institutions), encoding="utf-8")
    per_measure = 10
    measures = max(1, activities // per_measure)
    per_area = max(1, measures // AREAS)
    strategy = [
        "id: strategy\n",
        f"title: {text('Synthetic strategy')}\n",
        "period: {start: 2024, end: 2028}\n",
        f"goal: {text('A goal')}\n",
        "areas:\n",
    ]
    for a in range(1, AREAS + 1):
        strategy.append(f'  - id: "{a}"\n    title: {text(f"Area {a}")}\n    objectives:\n')
        for o in range(1, per_area + 1):
            strategy.append(f'      - id: "{a}.{o}"\n        title: {text(f"Objective {a}.{o}")}\n')
    (data / "strategy.yml").write_text("".join(strategy), encoding="utf-8")
    indicators, plan, reports, values = [], [], [], []
    plan.append(
        f"id: ap-bench\ntitle: {text('Synthetic plan')}\nstrategy: strategy\n"
        "period: {start: 2024-Q1, end: 2027-Q4}\nareas:\n"
    )
    n = 0
    for a in range(1, AREAS + 1):
        plan.append(f'  - area: "{a}"\n    measures:\n')
        for m in range(1, per_area + 1):
            plan.append(
                f'      - id: "{a}.{m}"\n        objective: "{a}.{m}"\n'
                f"        title: {text(f'Measure {a}.{m}')}\n        activities:\n"
            )
            for k in range(1, per_measure + 1):
                if n >= activities:
                    break
                n += 1
                aid, ind = f"{a}.{m}.{k}", f"OUT-{n}"
                plan.append(
                    f'          - id: "{aid}"\n'
                    f"            title: {text(f'Activity {aid}')}\n"
                    f"            description: {text(f'What activity {aid} does, in a sentence or two.')}\n"
                    f"            lead: [INST-{n % 40}]\n            partners: [INST-{(n + 7) % 40}]\n"
                    "            start: 2024-Q1\n            end: 2025-Q4\n"
                    f"            indicators: [{ind}]\n"
                    "            budget:\n              cost: 10000\n              sources:\n"
                    "                - {source: INST-0, amount: 6000, status: secured}\n"
                    "                - {source: INST-1, amount: 2000, status: pledged}\n"
                )
                indicators.append(
                    f"- id: {ind}\n  level: output\n  title: {text(f'Output of activity {aid}')}\n"
                    f"  measure: number\n  unit: {text('events')}\n  direction: increase\n"
                    "  baseline: {value: 0, year: 2023}\n  targets:\n    - {year: 2025, value: 10}\n"
                    f"  means_of_verification: {text('Reports')}\n  frequency: annual\n"
                    f"  collector: INST-{n % 40}\n"
                )
                reports.append(
                    f'  "{aid}":\n    status: in_progress\n    progress: 50\n'
                    f"    reported_by: INST-{n % 40}\n    narrative: {text(f'Work on {aid} went on.')}\n"
                    "    spent: 4000\n"
                )
                values.append(f"  {ind}: {{value: {n % 12}, note: {text('As reported')}}}\n")
    (data / "indicators.yml").write_text("".join(indicators), encoding="utf-8")
    (data / "action-plans" / "ap-bench.yml").write_text("".join(plan), encoding="utf-8")
    for year in (2024, 2025):
        (data / "monitoring" / f"{year}.yml").write_text(
            f"year: {year}\nstatus: published\npublished: {year + 1}-03-01\n"
            f"summary: {text('Summary of the year')}\nactivities:\n"
            + "".join(reports)
            + "indicators:\n"
            + "".join(values),
            encoding="utf-8",
        )
    return target
