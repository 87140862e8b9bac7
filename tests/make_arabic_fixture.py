"""Write tests/fixtures/arabic from the base fixture: the same plan in Arabic.

Run once when the base fixture changes: `.venv/bin/python tests/make_arabic_fixture.py`.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent
BASE = ROOT / "fixtures" / "base"
TARGET = ROOT / "fixtures" / "arabic"

ARABIC = {
    "%": "%", "Adopter la loi sur les refuges": "اعتماد قانون دور الإيواء",
    "Appel d'offres tardif.": "تأخر طرح المناقصة.", "Budget de l'État": "ميزانية الدولة",
    "Campagnes": "حملات", "Chiffrage dans le prochain plan.": "تقدير التكاليف في الخطة القادمة.",
    "Chiffrer chaque activité.": "تقدير تكلفة كل نشاط.",
    "Comment les victimes sont orientées.": "كيف تُحال الضحايا إلى الخدمات.",
    "Consultants": "خبراء استشاريون", "Coordinateur national": "المنسق الوطني",
    "Direction de la police": "مديرية الشرطة", "Décision 1": "القرار رقم 1", "Enquête": "مسح",
    "Enquête en 2024": "مسح في عام 2024", "Financer des campagnes.": "تمويل الحملات.",
    "Formation.": "التدريب.", "Journal officiel": "الجريدة الرسمية",
    "Les victimes d'abord.": "الضحايا أولاً.", "Les victimes sont aidées.": "تتلقى الضحايا المساعدة.",
    "Lieux sûrs.": "أماكن آمنة.", "Loi sur les refuges adoptée": "اعتماد قانون دور الإيواء",
    "MI": "وزارة الداخلية", "MNO": "الآلية الوطنية للإحالة", "Mener une campagne": "تنفيذ حملة",
    "Ministère de l'Intérieur": "وزارة الداخلية",
    "Moins de personnes à risque.": "عدد أقل من الأشخاص المعرضين للخطر.",
    "Moins de traite.": "اتجار أقل بالبشر.",
    "Mécanisme national d'orientation": "الآلية الوطنية للإحالة", "ONG refuge": "منظمة دار الإيواء",
    "Ouvrir un refuge": "افتتاح دار إيواء", "Part informée": "نسبة المطلعين",
    "Pas de locaux.": "لا توجد مبانٍ.", "Pertinent.": "ملائم.",
    "Plan d'action 2024-2025": "خطة العمل 2024-2025", "Ponctuelle": "متقطعة",
    "Protection": "الحماية", "Prévention": "الوقاية", "Qualité de la formation": "جودة التدريب",
    "Rapport alternatif": "تقرير الظل", "Rapport d'évaluation": "تقرير التقييم",
    "Rapports": "تقارير", "Refuge retardé.": "تأخر افتتاح دار الإيواء.", "Refuges": "دور الإيواء",
    "Rotation du personnel.": "تبدّل الموظفين.", "Régulière": "منتظمة",
    "Sensibilisation": "التوعية", "Site de test": "موقع تجريبي",
    "Statistiques du MNO": "إحصاءات الآلية الوطنية للإحالة", "Stratégie de test": "استراتيجية تجريبية",
    "Systématique": "منهجية", "Testland": "بلد الاختبار", "Un court résumé.": "ملخص قصير.",
    "Une bonne année.": "عام جيد.", "Victimes assistées": "الضحايا الذين تلقوا المساعدة",
    "personnes": "أشخاص", "À moitié fait.": "أُنجز نصفه.",
}  # fmt: skip
FRENCH = re.compile(r'fr: ("[^"]*"|[^,}\n]*)')


def arabic(match: re.Match[str]) -> str:
    french = match.group(1).strip().strip('"')
    return f'ar: "{ARABIC[french]}"'


def main() -> None:
    """Copy the base fixture and turn its French into Arabic, the default language."""
    if TARGET.exists():
        shutil.rmtree(TARGET)
    shutil.copytree(BASE, TARGET)
    for path in (TARGET / "data").rglob("*.yml"):
        text = FRENCH.sub(arabic, path.read_text(encoding="utf-8"))
        path.write_text(text, encoding="utf-8")
    site = TARGET / "data" / "site.yml"
    text = site.read_text(encoding="utf-8")
    text = text.replace("languages: [en, fr]", "languages: [ar, en]").replace(
        "default_language: en", "default_language: ar"
    )
    site.write_text(text, encoding="utf-8")
    shutil.rmtree(TARGET / "content" / "fr")
    (TARGET / "content" / "ar").mkdir()
    (TARGET / "content" / "ar" / "index.md").write_text(
        "# {{ site_title() }}\n\nهذا موقع تجريبي لاختبار العرض من اليمين إلى اليسار.\n\n{{ dashboard() }}\n",
        encoding="utf-8",
    )


if __name__ == "__main__":
    main()
